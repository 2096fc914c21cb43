import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../deps.ts';
import { errorResponses, SECURITY } from '../../openapi-common.ts';
import type { RouteDeps } from '../context.ts';
import { accountSchema } from './schemas.ts';

/** `GET /v1/admin/account`: whether the workers paused sending after an account-level eCall code. */
export function registerAccount(app: OpenAPIHono<AppEnv>, deps: RouteDeps): void {
  const route = createRoute({
    method: 'get',
    path: '/account',
    tags: ['admin'],
    summary: 'Account pause state',
    security: SECURITY,
    responses: {
      200: {
        description: 'Whether sending is paused, and why.',
        content: { 'application/json': { schema: accountSchema } },
      },
      ...errorResponses(401, 403, 500, 503),
    },
  });
  app.openapi(route, async (c) => {
    const pause = await deps.store.accountPause();
    return c.json(pause ? { paused: true, pause } : { paused: false }, 200);
  });
}
