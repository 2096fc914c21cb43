import { MESSAGE_STATUSES } from '@ecall-relay/messages';
import { z } from '@hono/zod-openapi';
import { ROLES } from '../../auth/user.ts';
import { pauseSchema } from '../admin/schemas.ts';

const queueDepthSchema = z
  .object({
    waiting: z
      .number()
      .int()
      .openapi({ description: 'Ready to run (waiting, paused and prioritized lists).' }),
    active: z.number().int(),
    delayed: z.number().int().openapi({ description: 'Held back: scheduled sends, retries, next polls.' }),
    failed: z.number().int(),
    paused: z.boolean().openapi({ description: 'Whether the queue is paused (an account pause).' }),
  })
  .openapi('QueueDepth');

const seriesPointSchema = z
  .object({
    minute: z.string().openapi({ description: 'Start of the minute (ISO 8601, UTC).' }),
    count: z.number().int(),
    meanMs: z.number().nullable().openapi({ description: 'Mean latency of the counted events, in ms.' }),
  })
  .openapi('SeriesPoint');

/** `GET /v1/ops/overview`: what the dashboard's health page shows. */
export const overviewSchema = z
  .object({
    queues: z.record(z.string(), queueDepthSchema),
    accountPause: pauseSchema.nullable().openapi({ description: 'Why sending is paused, or null.' }),
    demo: z.boolean().openapi({ description: 'True when the eCall simulator answers instead of eCall.' }),
    series: z.object({
      accepted: z.array(seriesPointSchema).openapi({
        description: 'Per minute, last hour: acceptances by eCall, mean enqueue-to-accepted ms.',
      }),
      final: z
        .array(seriesPointSchema)
        .openapi({ description: 'Per minute, last hour: final states, mean accepted-to-final ms.' }),
    }),
  })
  .openapi('OpsOverview');

/** `GET /v1/ops/session`: who the credentials belong to, so the dashboard shows only what they may do. */
export const sessionSchema = z
  .object({
    user: z.object({ name: z.string(), roles: z.array(z.enum(ROLES)) }),
    demo: z.boolean(),
  })
  .openapi('OpsSession');

/** `POST /v1/messages/{id}/retry`. */
export const retriedSchema = z
  .object({
    id: z.string().openapi({ description: 'The new message (a new eCall JobID).' }),
    status: z.enum(MESSAGE_STATUSES),
    retryOf: z.string().openapi({ description: 'The message that was retried.' }),
  })
  .openapi('Retried');

/** The body of {@link retriedSchema}. */
export type Retried = z.output<typeof retriedSchema>;
