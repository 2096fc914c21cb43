/** The roles a user can hold: `send` for POST/DELETE, `read` for GET, `admin` for `/v1/admin/*`. */
export const ROLES = ['send', 'read', 'admin'] as const;
/** One of {@link ROLES}. */
export type Role = (typeof ROLES)[number];

/** An authenticated caller. Its name scopes idempotency keys and is recorded as `createdBy`. */
export interface User {
  readonly name: string;
  readonly roles: readonly Role[];
}

/** Resolves an Authorization header to a user; undefined for missing or invalid credentials. */
export interface UserDirectory {
  authenticate(header: string | undefined): Promise<User | undefined>;
  /** How many users the directory knows (for the startup log; never their secrets). */
  readonly size: number;
}

/** User names: no `:` (Basic separator, idempotency scope separator) and nothing that needs escaping. */
export const USER_NAME_PATTERN = /^[A-Za-z0-9_.@-]{1,64}$/;

/** Parses roles joined by `+` (`send+read`) or given as a list; undefined when any role is unknown. */
export function parseRoles(value: string | readonly string[]): Role[] | undefined {
  const names = typeof value === 'string' ? value.split('+') : value;
  const roles: Role[] = [];
  for (const name of names) {
    const role = ROLES.find((r) => r === name.trim());
    if (!role) return undefined;
    if (!roles.includes(role)) roles.push(role);
  }
  return roles.length > 0 ? roles : undefined;
}

/** The role a request needs: admin paths need `admin`, reads need `read`, everything else `send`. */
export function requiredRole(method: string, path: string): Role {
  if (path === '/v1/admin' || path.startsWith('/v1/admin/')) return 'admin';
  if (path === '/admin' || path.startsWith('/admin/')) return 'admin';
  return method === 'GET' || method === 'HEAD' ? 'read' : 'send';
}
