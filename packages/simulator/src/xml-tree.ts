import { XMLValidator } from 'fast-xml-parser';
import { parserFor, qualifiedNamesOf } from './xml-parsers.ts';
import { decodeEntities, rawContentText, XmlSyntaxError } from './xml-text.ts';

export { XmlSyntaxError } from './xml-text.ts';

/** A namespace-resolved XML element. */
export interface XmlElement {
  /** Namespace URI, '' when the element is in no namespace. */
  readonly ns: string;
  readonly local: string;
  readonly attributes: readonly { readonly ns: string; readonly local: string; readonly value: string }[];
  readonly children: readonly XmlElement[];
  /** Concatenated character data directly inside the element (CDATA included), untrimmed. */
  readonly text: string;
}

const XMLNS_URI = 'http://www.w3.org/2000/xmlns/';
const XML_URI = 'http://www.w3.org/XML/1998/namespace';

type OrderedNode = Record<string, unknown>;

/**
 * Parses a document into a namespace-resolved tree and returns its root element. Elements whose local
 * name is in `textOnly` (e.g. base64 FileContent) are read as text only, which is much faster for big ones.
 * @throws XmlSyntaxError for malformed XML, a DOCTYPE (never legal in SOAP), or an unbound prefix.
 */
export function parseXml(text: string, textOnly: readonly string[] = []): XmlElement {
  if (/<!DOCTYPE/i.test(text)) throw new XmlSyntaxError('DOCTYPE is not allowed in a SOAP message');
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new XmlSyntaxError(`${valid.err.msg} (line ${String(valid.err.line)})`);
  const rawNames = qualifiedNamesOf(text, textOnly);
  const roots = (parserFor(rawNames).parse(text) as OrderedNode[]).filter(
    (node) => !('#text' in node) && !('#cdata' in node),
  );
  const [root] = roots;
  if (root === undefined || roots.length !== 1)
    throw new XmlSyntaxError('a document needs exactly one root element');
  return resolve(root, new Map([['xml', XML_URI]]), new Set(rawNames));
}

function resolve(
  node: OrderedNode,
  parentScope: ReadonlyMap<string, string>,
  rawNames: ReadonlySet<string>,
): XmlElement {
  const name = Object.keys(node).find((key) => key !== ':@') ?? '';
  const rawAttributes = (node[':@'] ?? {}) as Record<string, string>;
  let scope = parentScope;
  for (const [key, value] of Object.entries(rawAttributes)) {
    if (key === 'xmlns' || key.startsWith('xmlns:')) {
      if (scope === parentScope) scope = new Map(parentScope);
      (scope as Map<string, string>).set(key === 'xmlns' ? '' : key.slice(6), decodeEntities(String(value)));
    }
  }
  const attributes = Object.entries(rawAttributes).map(([key, raw]) => {
    const value = decodeEntities(String(raw));
    if (key === 'xmlns' || key.startsWith('xmlns:')) return { ns: XMLNS_URI, local: key, value };
    const [prefix, local] = splitName(key);
    // Unprefixed attributes are in no namespace, whatever the default namespace is.
    return { ns: prefix === '' ? '' : lookup(scope, prefix, key), local, value };
  });
  const [prefix, local] = splitName(name);
  const ns = prefix === '' ? (scope.get('') ?? '') : lookup(scope, prefix, name);
  const children: XmlElement[] = [];
  let text = '';
  const raw = rawNames.has(name);
  for (const child of (node[name] ?? []) as OrderedNode[]) {
    if ('#text' in child)
      text += raw ? rawContentText(String(child['#text'])) : decodeEntities(String(child['#text']));
    else if ('#cdata' in child) text += cdataText(child['#cdata']);
    else children.push(resolve(child, scope, rawNames));
  }
  return { ns, local, attributes, children, text };
}

function cdataText(content: unknown): string {
  if (!Array.isArray(content)) return '';
  return content.map((part: OrderedNode) => String(part['#text'] ?? '')).join('');
}

function splitName(name: string): [string, string] {
  const colon = name.indexOf(':');
  return colon < 0 ? ['', name] : [name.slice(0, colon), name.slice(colon + 1)];
}

function lookup(scope: ReadonlyMap<string, string>, prefix: string, name: string): string {
  const uri = scope.get(prefix);
  if (uri === undefined) throw new XmlSyntaxError(`unbound namespace prefix in ${name.slice(0, 80)}`);
  return uri;
}

/** The value of an attribute by namespace and local name. */
export function attributeOf(element: XmlElement, ns: string, local: string): string | undefined {
  return element.attributes.find((attribute) => attribute.ns === ns && attribute.local === local)?.value;
}
