import type { Prng } from '../support/prng.ts';

/** The kinds of bad request the hostile-input test generates (one per line of the brief, plus auth and routes). */
export const HOSTILE_CATEGORIES = [
  'wrong-type',
  'empty-field',
  'huge-field',
  'broken-json',
  'invalid-utf8',
  'xml-injection',
  'path-traversal',
  'bad-base64',
  'oversized-body',
  'content-type',
  'forged-callback',
  'bad-auth',
  'bad-route',
] as const;
/** One of {@link HOSTILE_CATEGORIES}. */
export type HostileCategory = (typeof HOSTILE_CATEGORIES)[number];

/** One request exactly as it goes on the wire. */
export interface HostileRequest {
  readonly category: HostileCategory;
  readonly method: string;
  /** Raw request target, sent as is (no URL normalisation). */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Buffer;
  /** Send the body with chunked transfer encoding (no Content-Length). */
  readonly chunked?: boolean;
}

/** What the generators need to know about the api under test. */
export interface HostileContext {
  readonly prng: Prng;
  /** Authorization header of a user with every role. */
  readonly auth: string;
  /** Authorization header of a user with only the `read` role. */
  readonly readerAuth: string;
  /** The api's CALLBACK_SECRET, to forge well-signed callbacks for unknown messages. */
  readonly callbackSecret: string;
  readonly bodyLimitBytes: number;
}

/** Send endpoints and a valid body for each, which the generators then break. */
export const SEND_PATHS = ['/v1/sms', '/v1/fax', '/v1/voice', '/v1/messages/batch'] as const;
/** One of {@link SEND_PATHS}. */
export type SendPath = (typeof SEND_PATHS)[number];

const PDF = Buffer.from('%PDF-1.4 fault test').toString('base64');

/** A body the api accepts for `path` (the generators' starting point). */
export function validBody(path: SendPath): Record<string, unknown> {
  switch (path) {
    case '/v1/sms':
      return { to: '0041791234567', text: 'Pump 3 stopped' };
    case '/v1/fax':
      return { to: '0041441234567', text: 'Cover', attachments: [{ fileName: 'a.pdf', contentBase64: PDF }] };
    case '/v1/voice':
      return { to: '0041791234567', text: 'Alarm', language: 'DE' };
    case '/v1/messages/batch':
      return { messages: [{ channel: 'sms', to: '0041791234567', text: 'Pump 3 stopped' }] };
  }
}

/** A POST of a JSON value (already broken, or a raw buffer) with the all-roles user. */
export function jsonPost(
  category: HostileCategory,
  ctx: HostileContext,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): HostileRequest {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
  return {
    category,
    method: 'POST',
    path,
    headers: { authorization: ctx.auth, 'content-type': 'application/json', ...headers },
    body: bytes,
  };
}
