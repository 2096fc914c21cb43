/** One recipient after parsing the Address list: its normalised form and whether it is a pager. */
export interface Recipient {
  /** International form with leading zeros (`0041791234567`), pagers as `0041741234567:1234`. */
  readonly address: string;
  readonly pager: boolean;
}

/** Outcome of parsing an Address list: the recipients, or the eCall ResponseCode that rejects it. */
export type AddressListResult =
  | { readonly ok: true; readonly recipients: readonly Recipient[] }
  | { readonly ok: false; readonly code: 11100 | 11102 | 11104 };

/** What {@link parseAddressList} needs besides the text. */
export interface AddressRules {
  readonly addressBook: ReadonlyMap<string, readonly string[]>;
  readonly maxRecipients: number;
  /** Pager entries (`number:code`) only make sense for SMS. */
  readonly allowPagers: boolean;
}

const SEPARATORS = /[\s\-./]/g;
const PHONE = /^(\+|00)?(\d{6,16})$/;
const PAGER = /^(\d+):(\d+)$/;

/**
 * Normalises a phone number to eCall's international form: `+41 79 123 45 67`, `0041791234567` and
 * `079 123 45 67` all become `0041791234567`. A national number (one leading zero, or none) is taken
 * as Swiss. Returns undefined when it is not a phone number.
 */
export function normalizePhone(text: string): string | undefined {
  const match = PHONE.exec(text.trim().replace(SEPARATORS, ''));
  if (match === null) return undefined;
  const digits = match[2] ?? '';
  if (match[1] !== undefined) return `00${digits}`;
  return digits.startsWith('0') ? `0041${digits.slice(1)}` : `0041${digits}`;
}

/** Normalises an address as GetStateBasic compares it: phones and pagers to international form, else trimmed. */
export function normalizeAddress(text: string): string {
  const pager = PAGER.exec(text.trim().replace(SEPARATORS, ''));
  if (pager !== null) {
    const number = normalizePhone(pager[1] ?? '');
    if (number !== undefined) return `${number}:${pager[2] ?? ''}`;
  }
  return normalizePhone(text) ?? text.trim();
}

/**
 * Parses eCall's Address field: a `;`-separated list of phone numbers, pagers (`digits:digits`) and
 * address-book names. Empty entries between separators are skipped.
 */
export function parseAddressList(text: string, rules: AddressRules): AddressListResult {
  const recipients: Recipient[] = [];
  let sawEntry = false;
  for (const raw of text.split(';')) {
    const entry = raw.trim();
    if (entry === '') continue;
    sawEntry = true;
    const book = rules.addressBook.get(entry);
    if (book !== undefined) {
      for (const address of book) recipients.push({ address, pager: false });
    } else {
      const recipient = parseEntry(entry, rules.allowPagers);
      if (recipient === undefined) return { ok: false, code: 11100 };
      recipients.push(recipient);
    }
    // Checked as we go so that a huge list costs no more than maxRecipients + 1 entries of work.
    if (recipients.length > rules.maxRecipients) return { ok: false, code: 11104 };
  }
  if (!sawEntry) return { ok: false, code: 11102 };
  return { ok: true, recipients };
}

function parseEntry(entry: string, allowPagers: boolean): Recipient | undefined {
  const phone = normalizePhone(entry);
  if (phone !== undefined) return { address: phone, pager: false };
  const pager = PAGER.exec(entry.replace(SEPARATORS, ''));
  if (pager === null || !allowPagers) return undefined;
  const number = normalizePhone(pager[1] ?? '');
  return number === undefined ? undefined : { address: `${number}:${pager[2] ?? ''}`, pager: true };
}
