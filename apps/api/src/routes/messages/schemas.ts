import { CHANNELS, MESSAGE_STATUSES } from '@ecall-relay/messages';
import { z } from '@hono/zod-openapi';
import { messageViewSchema } from '../../views/message-view.ts';

/** Message ids as path parameter: our JobIDs (eCall allows 50 URL-safe characters). */
export const messageIdParamsSchema = z.object({
  id: z
    .string()
    .regex(/^[0-9A-Za-z_-]{1,50}$/, 'Not a message id')
    .openapi({ param: { name: 'id', in: 'path' }, example: '01KAQ3R5Z8N6Y2W4T7V9X1B3C5' }),
});

/** The 202 answer of a single send. */
export const acceptedSchema = z
  .object({
    id: z.string().openapi({ description: 'The message id, also the eCall JobID.' }),
    status: z
      .enum(MESSAGE_STATUSES)
      .openapi({ description: '`queued`, or `scheduled` for a future sendAt.' }),
    channel: z.enum(CHANNELS),
    recipients: z.array(z.string()).openapi({ description: 'Normalised recipients, duplicates removed.' }),
    sendAt: z.string().optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
    links: z.object({ self: z.string() }),
  })
  .openapi('Accepted');

/** What a 202 answers for one message. */
export type AcceptedMessage = z.output<typeof acceptedSchema>;

/** The 202 answer of a batch: one entry per message, in request order. */
export const batchAcceptedSchema = z
  .object({
    messages: z.array(
      z.object({ id: z.string(), status: z.enum(MESSAGE_STATUSES), channel: z.enum(CHANNELS) }),
    ),
  })
  .openapi('BatchAccepted');

/** One page of `GET /v1/messages`. */
export const messagePageSchema = z
  .object({
    items: z.array(messageViewSchema),
    nextCursor: z.string().optional().openapi({ description: 'Pass as `cursor` for the next (older) page.' }),
  })
  .openapi('MessagePage');

/** Headers of a 202. */
export const acceptedHeaders = {
  Location: { schema: { type: 'string' as const }, description: 'The message URL (single sends).' },
  'Idempotency-Replayed': {
    schema: { type: 'string' as const },
    description: '`true` when this is the first answer to a repeated Idempotency-Key.',
  },
};
