/** True when `text` holds control characters other than tab, line feed and carriage return. */
export function hasControlCharacters(text: string, allowLineBreaks: boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const isLineBreak = code === 9 || code === 10 || code === 13;
    if ((code < 32 && !(allowLineBreaks && isLineBreak)) || code === 127) return true;
  }
  return false;
}
