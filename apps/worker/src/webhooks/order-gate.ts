import type { WebhookJobData } from '@ecall-relay/messages';
import { DelayedError, type Job, type Queue } from 'bullmq';
import { webhookJob, webhookJobId } from './jobs.ts';
import type { DeliveryProgress } from './progress.ts';

/** A waiting event never sleeps longer than this between checks (unless `pollMs` is longer). */
const MAX_POLL_MS = 60_000;

/** Keeps the events of a message in order per destination: seq N goes only after N-1 is finished. */
export interface OrderGate {
  /**
   * Parks a job whose predecessor is not finished: back to the delayed set without spending an attempt.
   * @throws DelayedError always, which tells BullMQ the job was moved on purpose.
   */
  hold(
    job: Job<WebhookJobData>,
    data: WebhookJobData,
    token: string | undefined,
    done: number,
  ): Promise<never>;
  /** After event `data.seq` finished: wake the next event of that destination if it is parked. */
  handOff(data: WebhookJobData): Promise<void>;
}

/** Dependencies of {@link createOrderGate}. */
export interface OrderGateDeps {
  readonly queue: Queue<WebhookJobData>;
  readonly progress: DeliveryProgress;
  /** Shortest wait of a parked job before it checks again. @defaultValue 1_000 */
  readonly pollMs?: number;
  readonly now?: () => number;
}

/**
 * Creates the gate. Waking is event-driven (the finishing job promotes its successor) with polling as the safety
 * net; the poll slows down the longer a job waits (a tenth of its age, at most a minute), so a host that is
 * down for hours does not turn parked events into a busy loop.
 */
export function createOrderGate(deps: OrderGateDeps): OrderGate {
  const { queue, progress } = deps;
  const pollMs = deps.pollMs ?? 1_000;
  const now = deps.now ?? Date.now;

  /** A predecessor whose job vanished (removed by hand, failed for good) would block its successors forever. */
  async function requeueIfLost(data: WebhookJobData): Promise<void> {
    const job = await queue.getJob(webhookJobId(data.messageId, data.seq, data.destination));
    if (!job) {
      const { name, opts } = webhookJob(data);
      await queue.add(name, data, opts);
    } else if (await job.isFailed()) {
      await job.retry('failed');
    }
  }

  return {
    async hold(job, data, token, done) {
      await requeueIfLost({ ...data, seq: done + 1 });
      const waited = Math.max(0, now() - job.timestamp);
      const delay = Math.round(Math.max(pollMs, Math.min(MAX_POLL_MS, waited / 10)));
      await job.moveToDelayed(now() + delay, token);
      // The predecessor may have finished after our check but before the move, when it found nobody to wake.
      if ((await progress.done(data.messageId, data.destination)) >= data.seq - 1) {
        await job.promote().catch(() => undefined);
      }
      throw new DelayedError();
    },

    async handOff(data) {
      const next = await queue.getJob(webhookJobId(data.messageId, data.seq + 1, data.destination));
      // Only a parked successor is woken: one that is waiting or active will see the new mark by itself.
      if (next && (await next.isDelayed())) await next.promote().catch(() => undefined);
    },
  };
}
