import type { WebhookDestination, WebhookJobData } from '@ecall-relay/messages';
import type { JobsOptions } from 'bullmq';

/** Name of the backoff strategy the webhook worker registers (used only after unexpected errors). */
export const WEBHOOK_BACKOFF_TYPE = 'webhook';

/**
 * Options of every webhook job. HTTP failures never fail the job: the processor delays it itself and keeps the
 * attempt count in Redis. BullMQ's attempts only cover unexpected errors (Redis hiccups), and are many because
 * a failed job would hold back every later event of its message. Completed jobs are removed: the attempt
 * log and the per-destination progress are the record, and they make a re-added job a harmless no-op.
 */
export const WEBHOOK_JOB_OPTIONS = {
  attempts: 1_000,
  backoff: { type: WEBHOOK_BACKOFF_TYPE },
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600 },
} as const satisfies JobsOptions;

/** The deterministic job id `<messageId>:<seq>:<destination>`: adding the same event twice is a no-op. */
export function webhookJobId(messageId: string, seq: number, destination: WebhookDestination): string {
  return `${messageId}:${seq}:${destination}`;
}

/** The job that delivers event `seq` of a message to one destination, ready for `Queue.add`/`addBulk`. */
export function webhookJob(data: WebhookJobData) {
  return {
    name: 'deliver',
    data,
    opts: { ...WEBHOOK_JOB_OPTIONS, jobId: webhookJobId(data.messageId, data.seq, data.destination) },
  };
}
