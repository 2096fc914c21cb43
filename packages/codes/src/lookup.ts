import type { CodeDescription, CodeEntry } from './types.ts';

/** Texts for a code that is not in a table, in both languages. */
export interface UnknownTexts {
  readonly en: string;
  readonly fr: string;
}

/**
 * Finds the row for `code`, or undefined.
 * Only own keys count, so inherited names such as `constructor` (reachable from untyped callers) never hit a row;
 * 1.5, NaN or Infinity stringify to keys no table has.
 */
export function findEntry(table: Readonly<Record<number, CodeEntry>>, code: number): CodeEntry | undefined {
  if (!Object.hasOwn(table, code)) return undefined;
  return table[code];
}

/** Resolves `code` against `table`; unknown codes get name 'Unknown' and the given texts. */
export function describeIn(
  table: Readonly<Record<number, CodeEntry>> | undefined,
  code: number,
  unknown: UnknownTexts,
): CodeDescription {
  const entry = table === undefined ? undefined : findEntry(table, code);
  if (entry === undefined) return { code, known: false, name: 'Unknown', en: unknown.en, fr: unknown.fr };
  return { code, known: true, name: entry.name, en: entry.en, fr: entry.fr };
}
