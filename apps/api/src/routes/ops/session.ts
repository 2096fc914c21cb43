import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../deps.ts';
import { errorResponses, SECURITY } from '../../openapi-common.ts';
import type { OpsDeps } from './deps.ts';
import { sessionSchema } from './schemas.ts';

/**
 * `GET /v1/ops/session` (role read): the caller's name and roles. The dashboard signs in with it and hides
 * actions the roles do not allow; the server still checks every action.
 */
export function registerSession(app: OpenAPIHono<AppEnv>, deps: OpsDeps): void {
  const route = createRoute({
    method: 'get',
    path: '/ops/session',
    tags: ['operations'],
    summary: 'Who am I',
    security: SECURITY,
    responses: {
      200: { description: 'The caller.', content: { 'application/json': { schema: sessionSchema } } },
      ...errorResponses(401, 403, 500),
    },
  });
  app.openapi(route, (c) => {
    const user = c.get('user');
    return c.json({ user: { name: user.name, roles: [...user.roles] }, demo: deps.demo }, 200);
  });
}
