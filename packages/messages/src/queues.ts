import { z } from 'zod';

/** BullMQ queue names. */
export const QUEUE_NAMES = {
  /** One job per message: submit it to eCall exactly once. Job id = message id. */
  send: 'ecall-send',
  /** One job per accepted message: GetStateBasic polls on a backoff schedule until every recipient is final. */
  track: 'ecall-track',
  /** eCall notification callbacks, recorded raw by the api and applied by the worker. */
  callbacks: 'ecall-callbacks',
  /** One job per host event and destination: deliver it to the host system's webhook, in order per message. */
  webhooks: 'host-webhooks',
} as const;

/** Data of a send job: only the message id; everything else is read from the record (no secrets in jobs). */
export const sendJobSchema = z.strictObject({ messageId: z.string().min(1).max(50) });
export type SendJobData = z.infer<typeof sendJobSchema>;

/**
 * Options of every send job. Attempts are effectively unbounded because the worker enforces the retry
 * deadline itself (and pauses on account errors without spending attempts); the backoff is the worker's
 * custom strategy (exponential with jitter). Completed jobs are removed: the message record keeps the story.
 */
export const SEND_JOB_OPTIONS = {
  attempts: 1_000_000,
  backoff: { type: 'relay' },
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

/** Options of every tracking job (its delay aside): kept a week when it fails, for operators to see. */
export const TRACK_JOB_OPTIONS = {
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

/** Data of a tracking job. Job id = message id. */
export const trackJobSchema = z.strictObject({ messageId: z.string().min(1).max(50) });
export type TrackJobData = z.infer<typeof trackJobSchema>;

/** Data of a callback job: the raw callback as eCall sent it, decoded to text. */
export const callbackJobSchema = z.strictObject({
  messageId: z.string().min(1).max(50),
  receivedAt: z.string(),
  method: z.enum(['GET', 'POST']),
  params: z.record(z.string(), z.string()),
});
export type CallbackJobData = z.infer<typeof callbackJobSchema>;

/** Where a host event goes: the configured host endpoint, or the message's own `callbackUrl`. */
export const WEBHOOK_DESTINATIONS = ['host', 'message'] as const;
export type WebhookDestination = (typeof WEBHOOK_DESTINATIONS)[number];

/**
 * Data of a webhook job: one host event (its outbox sequence number) for one destination. Job id =
 * `<messageId>:<seq>:<destination>`, so adding it again is a no-op; URLs and credentials are read at delivery
 * time and never stored in the job.
 */
export const webhookJobSchema = z.strictObject({
  // No colon: the job id joins the parts with colons and BullMQ accepts exactly three of them.
  messageId: z
    .string()
    .min(1)
    .max(50)
    .regex(/^[^:]+$/),
  seq: z.number().int().min(1),
  destination: z.enum(WEBHOOK_DESTINATIONS),
});
export type WebhookJobData = z.infer<typeof webhookJobSchema>;
