import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../deps.ts';
import { errorResponses, SECURITY } from '../../openapi-common.ts';
import type { RouteDeps } from '../context.ts';
import { resumedSchema } from './schemas.ts';

/** `POST /v1/admin/account/resume`: lifts an account pause once the cause (credit, credentials) is fixed. */
export function registerResume(app: OpenAPIHono<AppEnv>, deps: RouteDeps): void {
  const route = createRoute({
    method: 'post',
    path: '/account/resume',
    tags: ['admin'],
    summary: 'Resume sending',
    description: 'Resumes the send queue for all workers; a no-op when nothing is paused.',
    security: SECURITY,
    responses: {
      200: { description: 'Sending resumed.', content: { 'application/json': { schema: resumedSchema } } },
      ...errorResponses(401, 403, 415, 500, 503),
    },
  });
  app.openapi(route, async (c) => {
    const lifted = await deps.store.resumeAccount();
    deps.logger.warn(
      { requestId: c.get('requestId'), user: c.get('user').name, lifted: lifted?.code },
      'account sending resumed by admin',
    );
    return c.json({ paused: false as const, resumed: lifted ?? null }, 200);
  });
}
