import { parseRoles } from './user.ts';
import type { UserEntry } from './user-directory.ts';

/**
 * Parses `RELAY_API_KEYS`: comma-separated `name:roles:secret` entries, roles joined by `+`
 * (`ops:send+read+admin:s3cret`). The secret is everything after the second colon.
 *
 * @throws Error naming the entry by position (never quoting it, since it holds a secret) when malformed.
 */
export function parseApiKeys(value: string): UserEntry[] {
  const entries: UserEntry[] = [];
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  for (const [index, item] of items.entries()) {
    const first = item.indexOf(':');
    const second = first < 0 ? -1 : item.indexOf(':', first + 1);
    if (second < 0) throw new Error(`entry ${index + 1} is not name:roles:secret`);
    const name = item.slice(0, first);
    const roles = parseRoles(item.slice(first + 1, second));
    if (!roles)
      throw new Error(`entry ${index + 1} (${name}): roles must be send, read and/or admin joined by +`);
    const secret = item.slice(second + 1);
    if (!secret) throw new Error(`entry ${index + 1} (${name}): empty secret`);
    entries.push({ name, roles, secret });
  }
  if (entries.length === 0) throw new Error('no entries');
  return entries;
}
