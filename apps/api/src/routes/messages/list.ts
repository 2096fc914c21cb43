import { CHANNELS, type ListFilter, MESSAGE_STATUSES } from '@ecall-relay/messages';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../deps.ts';
import { errorResponses, SECURITY } from '../../openapi-common.ts';
import { toMessageView } from '../../views/message-view.ts';
import type { RouteDeps } from '../context.ts';
import { messagePageSchema } from './schemas.ts';

const instant = (description: string) =>
  z.iso
    .datetime({ offset: true, error: 'An ISO 8601 date-time with zone' })
    .optional()
    .openapi({ description, example: '2026-12-01T00:00:00Z' });

const listQuerySchema = z.strictObject({
  status: z.enum(MESSAGE_STATUSES).optional(),
  channel: z.enum(CHANNELS).optional(),
  recipient: z.string().min(1).max(100).optional().openapi({
    description:
      'Messages to this recipient, in any number format (+41…, 0041…, 079…) or an address-book name.',
  }),
  from: instant('Created at or after this instant.'),
  to: instant('Created before this instant.'),
  cursor: z
    .string()
    .regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Not a cursor from a previous page')
    .optional()
    .openapi({ description: '`nextCursor` of the previous page.' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .optional()
    .openapi({ description: 'Page size, 1-500 (default 50).' }),
});

/** `GET /v1/messages`: newest first, filtered by recipient, status, channel and creation time, with cursor paging. */
export function registerListMessages(app: OpenAPIHono<AppEnv>, deps: RouteDeps): void {
  const route = createRoute({
    method: 'get',
    path: '/messages',
    tags: ['messages'],
    summary: 'List messages',
    security: SECURITY,
    request: { query: listQuerySchema },
    responses: {
      200: {
        description: 'One page, newest first.',
        content: { 'application/json': { schema: messagePageSchema } },
      },
      ...errorResponses(400, 401, 403, 500, 503),
    },
  });
  app.openapi(route, async (c) => {
    const query = c.req.valid('query');
    const filter: ListFilter = {
      ...(query.status ? { status: query.status } : {}),
      ...(query.channel ? { channel: query.channel } : {}),
      ...(query.recipient ? { recipient: query.recipient } : {}),
      ...(query.from ? { from: Date.parse(query.from) } : {}),
      ...(query.to ? { to: Date.parse(query.to) } : {}),
      ...(query.cursor ? { cursor: query.cursor } : {}),
      ...(query.limit ? { limit: query.limit } : {}),
    };
    const page = await deps.store.list(filter);
    return c.json(
      {
        items: page.items.map((record) => toMessageView(record)),
        ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
      },
      200,
    );
  });
}
