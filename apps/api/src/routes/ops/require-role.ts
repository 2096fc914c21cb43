import type { MiddlewareHandler } from 'hono';
import type { Role } from '../../auth/user.ts';
import type { AppEnv } from '../../deps.ts';
import { ApiError, unauthorized } from '../../errors.ts';

/**
 * Demands a role beyond the one the app-wide `authenticate` derived from method and path: retrying is a POST
 * under `/v1/messages` (role send by that rule) but an operator's action, so it needs admin as well.
 */
export function requireRole(role: Role): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.get('user');
    if (!user) throw unauthorized();
    if (!user.roles.includes(role)) {
      throw new ApiError(403, `User ${user.name} lacks the role "${role}" needed for this request.`);
    }
    await next();
  };
}
