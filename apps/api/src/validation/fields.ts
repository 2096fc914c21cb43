import { z } from '@hono/zod-openapi';
import { parseEmail, parseHttpUrl, parsePhone } from './address.ts';
import { VALIDATION_LIMITS as L, VOICE_LANGUAGES } from './limits.ts';
import { hasControlCharacters } from './text.ts';

/** A single-line text of at most `max` characters. */
export function lineSchema(max: number, description: string) {
  return z
    .string()
    .min(1)
    .max(max)
    .refine((value) => !hasControlCharacters(value, false), 'Control characters are not allowed')
    .openapi({ description });
}

/** The message text: required, not blank, at most `max` characters; line breaks allowed. */
export function textSchema(max: number) {
  return z
    .string({ error: 'text is required' })
    .max(max)
    .refine((value) => value.trim() !== '', 'Text must not be empty')
    .refine(
      (value) => !hasControlCharacters(value, true),
      'Control characters other than line breaks are not allowed',
    )
    .openapi({
      description: `Message text, at most ${max} characters.`,
      example: 'Server room temperature high',
    });
}

/** SMSCallback: a number (normalised, at most 16 digits) or at most 11 letters and digits. */
export const smsCallbackSchema = z
  .string()
  .transform((value, ctx) => {
    if (/^[A-Za-z0-9]{1,11}$/.test(value) && /[A-Za-z]/.test(value)) return value;
    const phone = parsePhone(value);
    if (phone.ok && phone.value.length <= L.smsCallbackDigits) return phone.value;
    ctx.addIssue({
      code: 'custom',
      message: `Up to ${L.smsCallbackDigits} digits or up to ${L.smsCallbackAlphanumerics} letters and digits`,
    });
    return z.NEVER;
  })
  .openapi({
    description: 'Sender shown to the recipient (eCall SMSCallback): up to 16 digits or 11 alphanumerics.',
    example: 'ACME',
  });

/** SMS Answer: where replies go, a mobile number or an e-mail address. */
export const answerToSchema = z
  .string()
  .transform((value, ctx) => {
    const parsed = value.includes('@') ? parseEmail(value) : parsePhone(value);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: 'custom', message: 'A mobile number or an e-mail address' });
    return z.NEVER;
  })
  .openapi({ description: 'Where SMS replies go (eCall Answer): a mobile number or an e-mail address.' });

/** The relay's per-message status webhook. */
export const callbackUrlSchema = z
  .string()
  .transform((value, ctx) => {
    const parsed = parseHttpUrl(value, L.callbackUrlChars);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: 'custom', message: parsed.message });
    return z.NEVER;
  })
  .openapi({
    description: "http(s) URL the relay reports this message's final status to.",
    example: 'https://erp.example.ch/hooks/ecall',
  });

/** Caller data echoed back: a JSON object of at most 4 KB serialised. */
export const metadataSchema = z
  .record(z.string(), z.unknown())
  .refine(
    (value) => Buffer.byteLength(JSON.stringify(value)) <= L.metadataBytes,
    `At most ${L.metadataBytes} bytes as JSON`,
  )
  .openapi({
    description: 'Any JSON object (at most 4 KB serialised); echoed back in answers and webhooks.',
    example: { ticket: 'INC-42' },
  });

/** Fax TokenFields; `callingNumber` is a phone number (it is embedded in `Name;=Value;` pairs). */
export const faxOptionsInputSchema = z
  .strictObject({
    callingNumber: z
      .string()
      .transform((value, ctx) => {
        const phone = parsePhone(value);
        if (phone.ok) return phone.value;
        ctx.addIssue({ code: 'custom', message: phone.message });
        return z.NEVER;
      })
      .optional(),
    maxRetries: z.number().int().min(0).max(9).optional(),
    retryIntervalMinutes: z.number().int().min(0).max(99).optional(),
    noCoversheet: z.boolean().optional(),
  })
  .openapi({
    description:
      'Fax options (eCall TokenFields): CallingNumber, MaxRetries 0-9, RetriesTimeIntervallInMin 0-99, NoCoversheet.',
  });

/** Voice language (eCall MsgLanguage); eCall detects it when absent. */
export const languageSchema = z
  .enum(VOICE_LANGUAGES)
  .openapi({ description: 'Voice language (eCall MsgLanguage); detected when absent.' });

/** `sendAt`: ISO 8601 with zone, no further ahead than the store keeps records. */
export function sendAtSchema(now: () => Date, maxAheadMs: number) {
  return z.iso
    .datetime({
      offset: true,
      error: 'An ISO 8601 date-time with zone, e.g. 2026-12-01T08:00:00+01:00 or ...Z',
    })
    .refine(
      (value) => Date.parse(value) - now().getTime() <= maxAheadMs,
      `At most ${Math.floor(maxAheadMs / 3_600_000)} hours ahead (records are kept for the retention period)`,
    )
    .openapi({
      description:
        'When to send: ISO 8601 with zone; becomes eCall SendDate (Europe/Zurich). Past times send at once.',
      example: '2026-12-01T08:00:00+01:00',
    });
}
