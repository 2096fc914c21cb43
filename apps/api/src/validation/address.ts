import { VALIDATION_LIMITS as L } from './limits.ts';

/** Phone numbers: optional `+`, digits and the separators people type. */
const PHONE_LIKE = /^\+?[0-9 ()./-]+$/;
const PAGER = /^(.+):([A-Za-z0-9]{1,20})$/;
const ADDRESS_BOOK_NAME = /^[\p{L}\p{N} _.-]+$/u;
const EMAIL = /^[^\s@;,<>"]+@[^\s@;,<>"]+\.[^\s@;,<>".]+$/;

/** The result of reading one address: the normalised form or why it is refused. */
export type Parsed =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly message: string };

const fail = (message: string): Parsed => ({ ok: false, message });

/**
 * Normalises a phone number to digits (`+41 79 123 45 67` -> `0041791234567`); national numbers keep their
 * form (`079 123 45 67` -> `0791234567`).
 */
export function parsePhone(raw: string): Parsed {
  const text = raw.trim();
  if (!PHONE_LIKE.test(text) || !/[0-9]/.test(text)) return fail('Not a phone number');
  // "+41 (0)79 ..." is a common way to show the national trunk 0, which is not dialled after the country code.
  const digits = (text.startsWith('+') ? text.replace('(0)', '') : text).replace(/[^0-9]/g, '');
  if (text.startsWith('+') && digits.startsWith('0')) return fail('After + comes the country code, not 0');
  const value = text.startsWith('+') ? `00${digits}` : digits;
  if (value.length < L.phoneDigitsMin || value.length > L.phoneDigitsMax) {
    return fail(`A phone number has ${L.phoneDigitsMin} to ${L.phoneDigitsMax} digits`);
  }
  return { ok: true, value };
}

/** Reads an e-mail address (for `notify` and `answerTo`). */
export function parseEmail(raw: string): Parsed {
  const text = raw.trim();
  if (text.length > L.emailChars || !EMAIL.test(text)) return fail('Not an e-mail address');
  return { ok: true, value: text };
}

/** Reads an http(s) URL without `;` (eCall separates list entries with it) and without credentials. */
export function parseHttpUrl(raw: string, maxChars: number): Parsed {
  const text = raw.trim();
  if (text.length > maxChars) return fail(`At most ${maxChars} characters`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail('Not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail('Only http and https URLs');
  if (url.username || url.password) return fail('Credentials in the URL are not accepted');
  if (text.includes(';')) return fail('A URL must not contain ;');
  return { ok: true, value: text };
}

/**
 * Reads a recipient: a phone number, a pager `number:code` (SMS only) or an eCall address-book name (letters,
 * digits, space, `_-.`; it must contain a letter so that it cannot be a mistyped number).
 */
export function parseRecipient(raw: string, options: { readonly pager: boolean }): Parsed {
  const text = raw.trim();
  if (!text) return fail('Empty address');
  if (PHONE_LIKE.test(text)) return parsePhone(text);
  const pager = PAGER.exec(text);
  if (pager) {
    if (!options.pager) return fail('Pager addresses (number:code) are for SMS only');
    const number = parsePhone(pager[1] ?? '');
    return number.ok
      ? { ok: true, value: `${number.value}:${pager[2]}` }
      : fail(`Pager number: ${number.message}`);
  }
  if (ADDRESS_BOOK_NAME.test(text) && /\p{L}/u.test(text)) {
    if (text.length > L.addressBookNameChars)
      return fail(`An address-book name has at most ${L.addressBookNameChars} characters`);
    return { ok: true, value: text };
  }
  return fail('Not a phone number, pager number:code or address-book name');
}
