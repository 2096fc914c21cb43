import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../deps.ts';
import { ApiError } from '../../errors.ts';
import { errorResponses, SECURITY } from '../../openapi-common.ts';
import { messageViewSchema, toMessageView } from '../../views/message-view.ts';
import type { RouteDeps } from '../context.ts';
import { messageIdParamsSchema } from './schemas.ts';

/** `DELETE /v1/messages/{id}`: cancels a message not yet submitted to eCall; 409 once it was. */
export function registerCancelMessage(app: OpenAPIHono<AppEnv>, deps: RouteDeps): void {
  const route = createRoute({
    method: 'delete',
    path: '/messages/{id}',
    tags: ['messages'],
    summary: 'Cancel a message',
    description:
      'Possible while the message is queued, scheduled, retrying or paused and nothing reached eCall. Canceling a canceled message answers 200 again.',
    security: SECURITY,
    request: { params: messageIdParamsSchema },
    responses: {
      200: {
        description: 'Canceled; the message as it now stands.',
        content: { 'application/json': { schema: messageViewSchema } },
      },
      ...errorResponses(400, 401, 403, 404, 409, 500, 503),
    },
  });
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const result = await deps.store.cancel(id, 'api');
    if (result.outcome === 'not-found')
      throw new ApiError(404, `No message ${id} (unknown or past retention).`);
    if (result.outcome === 'too-late') {
      throw new ApiError(
        409,
        `Message ${id} can no longer be canceled: it is ${result.status} (already submitted to eCall).`,
      );
    }
    deps.logger.info(
      { requestId: c.get('requestId'), messageId: id, user: c.get('user').name },
      'message canceled',
    );
    const record = await deps.store.get(id);
    if (!record) throw new ApiError(404, `No message ${id} (unknown or past retention).`);
    return c.json(toMessageView(record), 200);
  });
}
