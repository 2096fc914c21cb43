import { createJobId } from '@ecall-relay/messages';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../deps.ts';
import { errorResponses, idempotencyKeyParameter, SECURITY } from '../../openapi-common.ts';
import { responseHeader } from '../../response-header.ts';
import type { RouteDeps } from '../context.ts';
import { jsonRoute } from '../json-route.ts';
import { idempotencyKeyOf, storeAccepted } from './accept.ts';
import { acceptedMessage, toNewMessage } from './new-message.ts';
import { acceptedHeaders, batchAcceptedSchema } from './schemas.ts';

const parseBatchAccepted = (stored: unknown) => batchAcceptedSchema.parse(stored);

/**
 * `POST /v1/messages/batch`: up to 1,000 messages of any channel, validated all-or-nothing (one bad message
 * is a 400 naming `messages.N...` and nothing is stored) and written in one Redis transaction.
 */
export function registerBatch(app: OpenAPIHono<AppEnv>, deps: RouteDeps): void {
  const route = createRoute({
    method: 'post',
    path: '/messages/batch',
    tags: ['messages'],
    summary: 'Send up to 1,000 messages at once',
    description:
      'For bulk senders: all messages are validated first; either all are stored (one round trip) or none.',
    security: SECURITY,
    parameters: [idempotencyKeyParameter],
    request: {
      body: { required: true, content: { 'application/json': { schema: deps.schemas.batch } } },
    },
    responses: {
      202: {
        description: 'All accepted and stored.',
        headers: acceptedHeaders,
        content: { 'application/json': { schema: batchAcceptedSchema } },
      },
      ...errorResponses(400, 401, 403, 409, 413, 415, 422, 500, 503),
    },
  });
  jsonRoute(app, route, deps.schemas.batch, async (c, input) => {
    const now = deps.now();
    const context = {
      now,
      scheduleLeadMs: deps.scheduleLeadMs,
      user: c.get('user').name,
      idempotencyKey: idempotencyKeyOf(c),
    };
    const messages = input.messages.map(({ channel, ...fields }) =>
      toNewMessage(channel, fields, { ...context, id: createJobId() }),
    );
    const { body, replayed } = await storeAccepted(c, {
      store: deps.store,
      logger: deps.logger,
      messages,
      idempotencyKey: context.idempotencyKey,
      body: {
        messages: messages.map((m) => {
          const { id, status, channel } = acceptedMessage(m);
          return { id, status, channel };
        }),
      },
      parseReplay: parseBatchAccepted,
    });
    if (replayed) responseHeader(c, 'Idempotency-Replayed', 'true');
    return c.json(body, 202);
  });
}
