import { z } from '@hono/zod-openapi';
import { parseRoles, ROLES } from './user.ts';
import type { UserEntry } from './user-directory.ts';

const fileSchema = z
  .array(
    z.strictObject({
      name: z.string().min(1),
      roles: z.union([z.array(z.enum(ROLES)).min(1), z.string().min(1)]),
      secretHash: z.string().startsWith('scrypt$'),
    }),
  )
  .min(1);

/**
 * Parses the JSON of a `RELAY_USERS_FILE`: `[{ "name", "roles": ["send", "read"], "secretHash":
 * "scrypt$N$r$p$salt$hash" }]` (roles may also be `"send+read"`). Hashes come from `hash-secret.ts`.
 *
 * @throws Error with the first problem found (entry position and field), never the hash itself.
 */
export function parseUsersFile(text: string): UserEntry[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('is not valid JSON');
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new Error(`must be [{ name, roles, secretHash }]${where}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data.map((entry, index) => {
    const roles = parseRoles(entry.roles);
    if (!roles) throw new Error(`entry ${index + 1} (${entry.name}): unknown role`);
    return { name: entry.name, roles, secretHash: entry.secretHash };
  });
}
