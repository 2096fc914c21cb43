import type { Channel } from '@ecall-relay/messages';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../deps.ts';
import { errorResponses, idempotencyKeyParameter, SECURITY } from '../../openapi-common.ts';
import type { RouteDeps } from '../context.ts';
import { jsonRoute } from '../json-route.ts';
import { acceptedHeaders, acceptedSchema } from './schemas.ts';
import { sendOne } from './send-one.ts';

/** What differs between the three send endpoints. */
const CHANNEL_ROUTES = {
  sms: { summary: 'Send an SMS or pager message', ecall: 'eCall SendSMSBasic.' },
  fax: {
    summary: 'Send a fax',
    ecall: 'eCall SendFax when it has attachments, options, header fields or notify, else SendFaxBasic.',
  },
  voice: { summary: 'Send a voice message', ecall: 'eCall SendVoiceBasic.' },
} as const satisfies Record<Channel, { summary: string; ecall: string }>;

/** `POST /v1/{channel}`: validates, stores and queues one message of `channel`. */
export function registerSendChannel(app: OpenAPIHono<AppEnv>, deps: RouteDeps, channel: Channel): void {
  const route = createRoute({
    method: 'post',
    path: `/${channel}`,
    tags: ['messages'],
    summary: CHANNEL_ROUTES[channel].summary,
    description: `Validates, stores and queues the message; answers 202 once it is durably stored. ${CHANNEL_ROUTES[channel].ecall}`,
    security: SECURITY,
    parameters: [idempotencyKeyParameter],
    request: {
      body: { required: true, content: { 'application/json': { schema: deps.schemas[channel] } } },
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
  jsonRoute(app, route, deps.schemas[channel], async (c, body) =>
    c.json(await sendOne(c, deps, channel, body), 202),
  );
}
