import { z } from 'zod';

/** BullMQ queue names. */
export const QUEUE_NAMES = {
  /** A message's own job: submit it to eCall exactly once. Job id = message id. */
  send: 'ecall-send',
  /** A chunk: the messages of one create call that are due now, 25 per job. Job id = `chunk-<first id>`. */
  sendChunks: 'ecall-send-chunks',
  /** One job per accepted message: GetStateBasic polls on a backoff schedule until every recipient is final. */
  track: 'ecall-track',
  /** eCall notification callbacks, recorded raw by the api and applied by the worker. */
  callbacks: 'ecall-callbacks',
  /** One job per host event and destination: deliver it to the host system's webhook, in order per message. */
  webhooks: 'host-webhooks',
} as const;

/**
 * Most messages one chunk job carries: the messages of one create call that are due now, in stored order, this
 * many per job. A batch then costs Redis and the worker one BullMQ job per 25 messages instead of one each (pnpm
 * bench B2, B3); a worker holds as many chunks as it would hold jobs, so one killed with SIGKILL holds back at most
 * 25 times as many messages as one job each until their locks expire. At 50 per chunk B3 was no faster and F1 (a
 * worker killed every few seconds) ran at 237 messages/s; at 10, B3 lost a few percent and F1 ran at 274.
 */
export const SEND_CHUNK_SIZE = 25;

/**
 * Data of a send job: the id of its message (queue `send`, job id = message id), or of the messages stored
 * together in one create call (queue `sendChunks`, job id = `chunk-` and its first message's id); everything else is
 * read from the records (no secrets in jobs). A chunk's worker sends those of its messages that were never tried
 * and hands every other one to a job of its own, so that retries and holds stay per message.
 */
export const sendJobSchema = z.union([
  z.strictObject({ messageId: z.string().min(1).max(50) }),
  z.strictObject({ messageIds: z.array(z.string().min(1).max(50)).min(1).max(SEND_CHUNK_SIZE) }),
]);
export type SendJobData = z.infer<typeof sendJobSchema>;

/** The job id of the chunk that starts with message `firstId`. */
export function chunkJobId(firstId: string): string {
  return `chunk-${firstId}`;
}

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
