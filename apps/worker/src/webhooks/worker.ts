import { type MessageStore, QUEUE_NAMES, type WebhookJobData } from '@ecall-relay/messages';
import type { RelayMetrics } from '@ecall-relay/observability';
import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { type Logger, silentLogger } from '../logger.ts';
import { createBackoff } from '../send/retry-later.ts';
import { createWebhookProcessor, type WebhookJobOutcome } from './processor.ts';
import { createWebhookPublisher, type WebhookPublisher } from './publisher.ts';

/** Host webhook configuration (HOST_WEBHOOK_* variables). */
export interface WebhookOptions {
  /** The host system's endpoint. Unset: only messages with their own `callbackUrl` get events. */
  readonly hostUrl?: string | undefined;
  /** HTTP Basic user name for `hostUrl`. */
  readonly username?: string | undefined;
  /** HTTP Basic password for `hostUrl`; never logged, never in job data or errors. */
  readonly password?: string | undefined;
  /** HMAC-SHA256 key of the `X-Relay-Signature` header. */
  readonly secret: string;
  /** Limit of one request, answer included. @defaultValue 10_000 */
  readonly timeoutMs?: number | undefined;
  /** Resend an event for this long after its first attempt, then give up. @defaultValue 24 hours */
  readonly retryForMs?: number | undefined;
  /** Deliveries in flight at once (events of one message still go one by one). @defaultValue 10 */
  readonly concurrency?: number | undefined;
  /** First delay between attempts (doubles per attempt, with jitter). @defaultValue 5_000 */
  readonly retryBaseMs?: number | undefined;
  /** Longest delay between attempts. @defaultValue 30 minutes */
  readonly retryMaxMs?: number | undefined;
}

/** Options of {@link startWebhookWorker}: the configuration plus what it runs on. */
export interface StartWebhookWorkerOptions extends WebhookOptions {
  /** The worker's Redis connection; duplicated for BullMQ and left open on close (its owner closes it). */
  readonly connection: Redis;
  readonly store: MessageStore;
  /** BullMQ key prefix, the same as the send queue's. @defaultValue 'ecall-relay' */
  readonly prefix?: string | undefined;
  /** @defaultValue silentLogger */
  readonly logger?: Logger | undefined;
  /** How often the pending outbox is swept for events whose jobs were never added. @defaultValue 10_000 */
  readonly sweepEveryMs?: number | undefined;
  /** Shortest wait of an event parked behind its predecessor. @defaultValue 1_000 */
  readonly orderPollMs?: number | undefined;
  /** Counts finished deliveries by outcome (delivered, rejected, given-up, skipped). */
  readonly metrics?: RelayMetrics | undefined;
  /** Longest wait for active deliveries on close. @defaultValue 30_000 */
  readonly shutdownTimeoutMs?: number | undefined;
}

/** A running webhook worker. */
export interface RunningWebhookWorker {
  /** Call `enqueue(record, record.outboxSeqs)` after every `store.update` that wrote host events. */
  readonly publisher: WebhookPublisher;
  /** Stops sweeping and taking jobs, lets active deliveries finish (up to the deadline). Idempotent. */
  close(): Promise<void>;
}

/**
 * Starts delivering host events: a BullMQ worker on the `host-webhooks` queue and a timer that sweeps the
 * pending outbox every `sweepEveryMs`.
 *
 * @throws Error when `secret` is empty or `hostUrl` is not an absolute http(s) URL (the URL is not echoed).
 */
export async function startWebhookWorker(options: StartWebhookWorkerOptions): Promise<RunningWebhookWorker> {
  const { connection, store } = options;
  const logger = options.logger ?? silentLogger;
  const prefix = options.prefix ?? 'ecall-relay';
  const warn = (what: string) => (error: Error) => logger.warn({ error: error.message }, what);
  const queue = new Queue<WebhookJobData>(QUEUE_NAMES.webhooks, { connection, prefix });
  queue.on('error', warn('webhook queue error'));
  let processor: ReturnType<typeof createWebhookProcessor>;
  try {
    processor = createWebhookProcessor({ ...options, redis: connection, queue, logger });
  } catch (error) {
    await queue.close();
    throw error;
  }
  const publisher = createWebhookPublisher({ store, queue, redis: connection, hostUrl: options.hostUrl });
  const workerConnection = connection.duplicate({
    connectionName: 'relay-webhooks',
    maxRetriesPerRequest: null,
  });
  workerConnection.on('error', warn('webhook redis connection error'));
  const worker = new Worker<WebhookJobData, WebhookJobOutcome>(QUEUE_NAMES.webhooks, processor, {
    connection: workerConnection,
    prefix,
    concurrency: options.concurrency ?? 10,
    // A delivery whose worker died is simply made again: hosts deduplicate on the event id.
    maxStalledCount: 1_000,
    settings: {
      backoffStrategy: createBackoff({
        baseMs: options.retryBaseMs ?? 5_000,
        maxMs: options.retryMaxMs ?? 30 * 60_000,
      }),
    },
  });
  worker.on('error', warn('webhook worker error'));
  worker.on('completed', (_job, outcome) => options.metrics?.webhookDeliveries.inc({ outcome }));
  worker.on('failed', (job, error) =>
    logger.warn(
      { jobId: job?.id, error: error.message },
      'webhook job failed unexpectedly; BullMQ retries it',
    ),
  );
  await worker.waitUntilReady();

  let sweeping: Promise<void> | undefined;
  const sweep = () => {
    sweeping ??= publisher
      .sweep()
      .then((count) => {
        if (count)
          logger.info({ count }, 'webhook sweep enqueued events left pending by an interrupted worker');
      }, warn('webhook sweep failed'))
      .finally(() => {
        sweeping = undefined;
      });
  };
  const timer = setInterval(sweep, options.sweepEveryMs ?? 10_000);
  timer.unref();

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      clearInterval(timer);
      await sweeping;
      const deadline = new Promise<'timeout'>((resolve) =>
        setTimeout(() => resolve('timeout'), options.shutdownTimeoutMs ?? 30_000).unref(),
      );
      const outcome = await Promise.race([worker.close().then(() => 'closed' as const), deadline]);
      if (outcome === 'timeout') await worker.close(true);
      await queue.close();
      workerConnection.disconnect();
    })();
    return closing;
  };
  return { publisher, close };
}
