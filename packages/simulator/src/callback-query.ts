/** Character sets the simulator percent-encodes callbacks in. */
export type CallbackCharset = 'utf-8' | 'windows-1252';

// Windows-1252 bytes 0x80-0x9F that are not the Latin-1 code points of the same value.
const CP1252_HIGH: Readonly<Record<number, number>> = {
  8364: 0x80,
  8218: 0x82,
  402: 0x83,
  8222: 0x84,
  8230: 0x85,
  8224: 0x86,
  8225: 0x87,
  710: 0x88,
  8240: 0x89,
  352: 0x8a,
  8249: 0x8b,
  338: 0x8c,
  381: 0x8e,
  8216: 0x91,
  8217: 0x92,
  8220: 0x93,
  8221: 0x94,
  8226: 0x95,
  8211: 0x96,
  8212: 0x97,
  732: 0x98,
  8482: 0x99,
  353: 0x9a,
  8250: 0x9b,
  339: 0x9c,
  382: 0x9e,
  376: 0x9f,
};
const QUESTION_MARK = 0x3f;

/** Encodes text as Windows-1252 bytes; characters it cannot represent become `?`, as Windows does. */
export function encodeWindows1252(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? QUESTION_MARK;
    const high = CP1252_HIGH[code];
    if (high !== undefined) bytes.push(high);
    else if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else bytes.push(QUESTION_MARK);
  }
  return bytes;
}

const LITERAL = /^[A-Za-z0-9_-]$/;
const hex = (byte: number): string => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * Form-encodes one value the way eCall's documentation shows it: `+` for spaces, and everything but
 * letters, digits, `-` and `_` percent-encoded (so `.` is `%2E` and `:` is `%3A`).
 */
export function encodeFormValue(value: string, charset: CallbackCharset): string {
  let out = '';
  for (const char of value) {
    if (char === ' ') out += '+';
    else if (LITERAL.test(char)) out += char;
    else {
      const bytes = charset === 'utf-8' ? Buffer.from(char, 'utf8') : encodeWindows1252(char);
      for (const byte of bytes) out += hex(byte);
    }
  }
  return out;
}

/** Builds a query string from ordered pairs in the given charset. */
export function buildQuery(pairs: readonly (readonly [string, string])[], charset: CallbackCharset): string {
  return pairs.map(([name, value]) => `${name}=${encodeFormValue(value, charset)}`).join('&');
}

/** Appends a query to a URL that may already carry one. */
export function appendQuery(url: string, query: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}${query}`;
}

/** The HTTP(S) URLs of a Notification / AlwaysNotification list; numbers and e-mail addresses are ignored. */
export function httpUrlsOf(list: string | undefined): string[] {
  if (list === undefined) return [];
  return list
    .split(';')
    .map((entry) => entry.trim())
    .filter((entry) => /^https?:\/\//i.test(entry));
}
