import { z } from '@hono/zod-openapi';
import { type Parsed, parseEmail, parseHttpUrl, parsePhone, parseRecipient } from './address.ts';
import { VALIDATION_LIMITS as L } from './limits.ts';

const stringOrList = (what: string) =>
  z.union([z.string(), z.array(z.string())], { error: `${what} must be a string or an array of strings` });

/** Splits a `;`-joined string (blank parts skipped) or takes the list as given; keeps each item's index. */
function items(value: string | string[]): [number, string][] {
  if (typeof value !== 'string') return value.map((item, index) => [index, item]);
  return value
    .split(';')
    .map((item, index): [number, string] => [index, item])
    .filter(([, item]) => item.trim() !== '');
}

/** Reads every item, reports each bad one at its index, and removes duplicates (first one wins). */
function normaliseAll(
  entries: [number, string][],
  parse: (raw: string) => Parsed,
  ctx: z.RefinementCtx,
): string[] {
  const out: string[] = [];
  for (const [index, raw] of entries) {
    const parsed = parse(raw);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', path: [index], message: parsed.message });
    else if (!out.includes(parsed.value)) out.push(parsed.value);
  }
  return out;
}

/**
 * `to`: one address, a `;`-joined string of them, or an array. Each is a phone number (normalised to digits,
 * `+` becoming `00`), an eCall address-book name, or (SMS only) a pager `number:code`. Duplicates are removed.
 */
export function recipientsSchema(options: { readonly pager: boolean }) {
  return stringOrList('to')
    .transform((value, ctx) => {
      const entries = items(value);
      if (entries.length === 0) {
        ctx.addIssue({ code: 'custom', message: 'At least one recipient is required' });
        return z.NEVER;
      }
      if (entries.length > L.recipients) {
        ctx.addIssue({ code: 'custom', message: `At most ${L.recipients} recipients per message` });
        return z.NEVER;
      }
      return normaliseAll(entries, (raw) => parseRecipient(raw, options), ctx);
    })
    .openapi({
      description: `Recipients: phone numbers (\`+41 79 123 45 67\`, \`0041791234567\`, \`079 123 45 67\`), eCall address-book names${options.pager ? ', pager `number:code`' : ''}; a string (\`;\`-joined) or an array, at most ${L.recipients}.`,
      example: ['+41 79 123 45 67'],
    });
}

function parseNotifyTarget(raw: string): Parsed {
  const text = raw.trim();
  if (/^https?:/i.test(text)) return parseHttpUrl(text, L.notificationChars);
  if (text.includes('@')) return parseEmail(text);
  const phone = parsePhone(text);
  return phone.ok ? phone : { ok: false, message: 'Not a mobile number, e-mail address or http(s) URL' };
}

/**
 * `notify`: eCall's Notification list of mobile numbers, e-mail addresses and at most one http(s) URL. Joined
 * with `;` it must fit `maxChars` (eCall's 100 less what the relay reserves for its own callback URL).
 */
export function notifySchema(maxChars: number) {
  return stringOrList('notify')
    .transform((value, ctx) => {
      const list = normaliseAll(items(value), parseNotifyTarget, ctx);
      if (list.filter((item) => /^https?:/i.test(item)).length > 1) {
        ctx.addIssue({ code: 'custom', message: 'At most one URL (eCall calls a single URL)' });
      }
      const joined = list.join(';').length;
      if (joined > maxChars) {
        const reserved = L.notificationChars - maxChars;
        const why =
          reserved > 0
            ? ` (eCall allows ${L.notificationChars}; ${reserved} are reserved for the relay)`
            : '';
        ctx.addIssue({
          code: 'custom',
          message: `The ;-joined list has ${joined} characters; at most ${maxChars} fit${why}`,
        });
      }
      return list;
    })
    .openapi({
      description:
        'eCall Notification: mobile numbers, e-mail addresses and at most one http(s) URL; a string (`;`-joined) or an array. Joined with `;` it must fit 100 characters less any part reserved by the relay.',
      example: ['ops@example.ch'],
    });
}
