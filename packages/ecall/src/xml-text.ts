/**
 * True for code points XML 1.0 cannot carry at all, not even as references: C0 controls other
 * than tab, LF and CR, unpaired surrogates, U+FFFE and U+FFFF.
 */
function isNonXmlCodePoint(cp: number): boolean {
  if (cp < 0x20) return cp !== 0x09 && cp !== 0x0a && cp !== 0x0d;
  return (cp >= 0xd800 && cp <= 0xdfff) || cp === 0xfffe || cp === 0xffff;
}

/** The first character of `text` that XML 1.0 cannot represent, as `U+XXXX`, or undefined. */
export function findNonXmlChar(text: string): string | undefined {
  // for..of walks code points, so an emoji is one step and only an unpaired surrogate stays alone.
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (isNonXmlCodePoint(cp)) return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return undefined;
}

/**
 * Escapes element text. node-soap's own escaping passes a value that starts with `<![CDATA[` and
 * ends with `]]>` through raw, so a message that merely looks like CDATA would lose its markers;
 * the client therefore turns node-soap's escaping off and escapes everything here. CR is written
 * as a reference because XML parsers turn a literal CR (or CRLF) into LF.
 */
export function escapeXmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');
}
