import type { z } from '@hono/zod-openapi';
import type { FieldIssue } from './errors.ts';

const MAX_FIELDS = 100;

function joinPath(path: readonly PropertyKey[]): string {
  return path.map((segment) => String(segment)).join('.');
}

/**
 * Turns zod issues into field issues with dotted paths (`messages.17.to.0`). An unknown key becomes an issue
 * at the key's own path, so a typo names itself. The list is capped: a 1,000-message batch with one mistake
 * repeated everywhere should not answer with megabytes.
 */
export function fieldsOf(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PropertyKey[] = [],
): FieldIssue[] {
  const fields: FieldIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields.push({ path: joinPath([...path, key]), message: 'Unknown field' });
    } else {
      fields.push({ path: joinPath(path), message: issue.message });
    }
    if (fields.length >= MAX_FIELDS) break;
  }
  return fields.slice(0, MAX_FIELDS);
}
