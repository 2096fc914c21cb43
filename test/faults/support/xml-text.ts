const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * The text of the first `<…Message>` element in a SOAP request, with XML escapes undone (entities, character
 * references and CDATA), i.e. the string an XML parser at eCall would read; undefined when there is none.
 */
export function soapMessageText(xml: string): string | undefined {
  const match = /<(?:[\w.-]+:)?Message(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?Message>/.exec(xml);
  if (!match) return undefined;
  return (match[1] ?? '').replace(
    /<!\[CDATA\[([\s\S]*?)\]\]>|&(#x[0-9a-fA-F]+|#[0-9]+|\w+);/g,
    (_all, cdata: string | undefined, ref: string | undefined) => {
      if (cdata !== undefined) return cdata;
      if (ref?.startsWith('#x')) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
      if (ref?.startsWith('#')) return String.fromCodePoint(Number.parseInt(ref.slice(1), 10));
      return ENTITIES[ref ?? ''] ?? `&${ref};`;
    },
  );
}
