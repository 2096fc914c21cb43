import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps.ts';
import { ApiError, unauthorized } from '../errors.ts';
import { requiredRole, type UserDirectory } from './user.ts';

/**
 * Authenticates every request it guards and checks the role its method and path need (see
 * {@link requiredRole}): 401 without valid credentials, 403 without the role. The header itself is never
 * stored or logged.
 */
export function authenticate(users: UserDirectory): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = await users.authenticate(c.req.header('authorization'));
    if (!user) throw unauthorized();
    const role = requiredRole(c.req.method, c.req.path);
    if (!user.roles.includes(role)) {
      throw new ApiError(403, `User ${user.name} lacks the role "${role}" needed for this request.`);
    }
    c.set('user', user);
    await next();
  };
}
