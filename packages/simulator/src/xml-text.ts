/** Thrown when a document is not well-formed or not namespace-well-formed. */
export class XmlSyntaxError extends Error {
  override readonly name = 'XmlSyntaxError';
}

const CDATA_SECTION = /<!\[CDATA\[([\s\S]*?)\]\]>/g;

/** Text of a stop node: the raw markup with CDATA unwrapped and entities decoded outside CDATA. */
export function rawContentText(raw: string): string {
  let out = '';
  let last = 0;
  for (const match of raw.matchAll(CDATA_SECTION)) {
    out += decodeEntities(raw.slice(last, match.index)) + (match[1] ?? '');
    last = match.index + match[0].length;
  }
  return out + decodeEntities(raw.slice(last));
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const REFERENCE = /&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z]+);/g;

/** Decodes the five XML named entities and numeric character references. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, body: string) => {
    if (!body.startsWith('#')) return NAMED[body] ?? whole;
    const code = body.startsWith('#x')
      ? Number.parseInt(body.slice(2), 16)
      : Number.parseInt(body.slice(1), 10);
    if (code > 0x10ffff) throw new XmlSyntaxError(`invalid character reference ${whole}`);
    return String.fromCodePoint(code);
  });
}
