import { type X2jOptions, XMLParser } from 'fast-xml-parser';

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

/**
 * A parser that reads elements named `rawNames` as text only.
 *
 * The library accumulates large text nodes slowly (seconds for a 7 MB attachment); as stop nodes the
 * same content is sliced out at once. Stop nodes match qualified names, hence one parser per prefix set.
 */
export function parserFor(rawNames: readonly string[]): XMLParser {
  const key = rawNames.join(' ');
  let parser = parsers.get(key);
  if (parser === undefined) {
    if (parsers.size >= MAX_CACHED_PARSERS) parsers.clear();
    parser = new XMLParser({ ...PARSER_OPTIONS, stopNodes: rawNames.map((name) => `..${name}`) });
    parsers.set(key, parser);
  }
  return parser;
}

const openTags = new Map<string, RegExp>();

function openTagPattern(local: string): RegExp {
  let pattern = openTags.get(local);
  if (pattern === undefined) {
    pattern = new RegExp(`<((?:[A-Za-z_][\\w.-]*:)?${local})[\\s/>]`, 'g');
    openTags.set(local, pattern);
  }
  return pattern;
}

/** The qualified names (`prefix:local` or `local`) under which elements with these local names occur. */
export function qualifiedNamesOf(text: string, locals: readonly string[]): string[] {
  const names = new Set<string>();
  for (const local of locals) {
    for (const match of text.matchAll(openTagPattern(local))) {
      if (match[1] !== undefined) names.add(match[1]);
    }
  }
  return [...names].sort();
}
