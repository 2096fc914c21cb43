import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../deps.ts';
import { ApiError } from '../../errors.ts';
import { errorResponses, SECURITY } from '../../openapi-common.ts';
import { messageViewSchema, toMessageView } from '../../views/message-view.ts';
import type { RouteDeps } from '../context.ts';
import { messageIdParamsSchema } from './schemas.ts';

/** `GET /v1/messages/{id}`: status, recipients with their eCall states and texts, and history. */
export function registerGetMessage(app: OpenAPIHono<AppEnv>, deps: RouteDeps): void {
  const route = createRoute({
    method: 'get',
    path: '/messages/{id}',
    tags: ['messages'],
    summary: 'Read a message',
    security: SECURITY,
    request: { params: messageIdParamsSchema },
    responses: {
      200: { description: 'The message.', content: { 'application/json': { schema: messageViewSchema } } },
      ...errorResponses(400, 401, 403, 404, 500, 503),
    },
  });
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const record = await deps.store.get(id);
    if (!record) throw new ApiError(404, `No message ${id} (unknown or past retention).`);
    return c.json(toMessageView(record, await deps.store.deliveries(id)), 200);
  });
}
