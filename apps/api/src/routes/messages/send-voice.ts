import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../deps.ts';
import { errorResponses, idempotencyHeadersSchema, SECURITY } from '../../openapi-common.ts';
import type { RouteDeps } from '../context.ts';
import { acceptedHeaders, acceptedSchema } from './schemas.ts';
import { sendOne } from './send-one.ts';

/** `POST /v1/voice`: text-to-speech calls (eCall SendVoiceBasic). */
export function registerSendVoice(app: OpenAPIHono<AppEnv>, deps: RouteDeps): void {
  const route = createRoute({
    method: 'post',
    path: '/voice',
    tags: ['messages'],
    summary: 'Send a voice message',
    description:
      'Validates, stores and queues the message; answers 202 once it is durably stored. eCall SendVoiceBasic.',
    security: SECURITY,
    request: {
      headers: idempotencyHeadersSchema,
      body: { required: true, content: { 'application/json': { schema: deps.schemas.voice } } },
    },
    responses: {
      202: {
        description: 'Accepted and stored.',
        headers: acceptedHeaders,
        content: { 'application/json': { schema: acceptedSchema } },
      },
      ...errorResponses(400, 401, 403, 409, 413, 415, 422, 500, 503),
    },
  });
  app.openapi(route, async (c) => c.json(await sendOne(c, deps, 'voice', c.req.valid('json')), 202));
}
