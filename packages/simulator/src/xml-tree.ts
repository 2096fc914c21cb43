import { type X2jOptions, XMLParser, XMLValidator } from 'fast-xml-parser';

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

/** Thrown when a document is not well-formed or not namespace-well-formed. */
export class XmlSyntaxError extends Error {
  override readonly name = 'XmlSyntaxError';
}

const XMLNS_URI = 'http://www.w3.org/2000/xmlns/';
const XML_URI = 'http://www.w3.org/XML/1998/namespace';

const PARSER_OPTIONS: X2jOptions = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // The library leaves numeric character references undecoded, so entities are decoded here, and CDATA
  // is kept apart so that its content is never decoded.
  processEntities: false,
  cdataPropName: '#cdata',
};
const parsers = new Map<string, XMLParser>();
const MAX_CACHED_PARSERS = 64;

// The library accumulates large text nodes slowly (seconds for a 7 MB attachment); as stop nodes the
// same content is sliced out at once. Stop nodes match qualified names, hence one parser per prefix set.
function parserFor(rawNames: readonly string[]): XMLParser {
  const key = rawNames.join(' ');
  let parser = parsers.get(key);
  if (parser === undefined) {
    if (parsers.size >= MAX_CACHED_PARSERS) parsers.clear();
    parser = new XMLParser({ ...PARSER_OPTIONS, stopNodes: rawNames.map((name) => `..${name}`) });
    parsers.set(key, parser);
  }
  return parser;
}

function qualifiedNamesOf(text: string, locals: readonly string[]): string[] {
  const names = new Set<string>();
  for (const local of locals) {
    for (const match of text.matchAll(new RegExp(`<((?:[A-Za-z_][\\w.-]*:)?${local})[\\s/>]`, 'g'))) {
      if (match[1] !== undefined) names.add(match[1]);
    }
  }
  return [...names].sort();
}

const CDATA_SECTION = /<!\[CDATA\[([\s\S]*?)\]\]>/g;

/** Text of a stop node: the raw markup with CDATA unwrapped and entities decoded outside CDATA. */
function rawContentText(raw: string): string {
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

function decodeEntities(text: string): string {
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
