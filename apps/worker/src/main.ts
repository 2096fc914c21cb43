import { pathToFileURL } from 'node:url';
import { createEcallClient } from '@ecall-relay/ecall';
import { createMessageStore, QUEUE_NAMES, type SendJobData } from '@ecall-relay/messages';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import pino from 'pino';
import { loadWorkerConfig, type WorkerConfig } from './config.ts';
import type { Logger } from './logger.ts';
import { startAccountProbe } from './send/account-probe.ts';
import { createSendProcessor } from './send/processor.ts';
import { createBackoff } from './send/retry-later.ts';

/** A running worker. */
export interface RunningWorker {
  readonly worker: Worker<SendJobData>;
  /** Stops taking jobs, lets active ones finish (up to the shutdown deadline), closes connections. Idempotent. */
  close(): Promise<void>;
}

/** Options of {@link startWorker} besides the configuration. */
export interface StartWorkerOptions {
  readonly logger?: Logger;
  /** eCall's AlwaysNotification for a message id (tracking by callback). */
  readonly alwaysNotificationFor?: (id: string) => string | undefined;
}

/** Starts the send worker: connects to Redis, then consumes the send queue until closed. */
export async function startWorker(
  config: WorkerConfig,
  options: StartWorkerOptions = {},
): Promise<RunningWorker> {
  const logger = options.logger ?? pino({ level: config.LOG_LEVEL, name: 'worker' });
  // Workers block on Redis and must ride out reconnects: no per-request retry limit (bullmq's guidance).
  const connection = new Redis(config.REDIS_URL, {
    maxRetriesPerRequest: null,
    connectionName: 'relay-worker',
  });
  connection.on('error', (error) => logger.warn({ error: error.message }, 'redis connection error'));
  const queue = new Queue<SendJobData>(QUEUE_NAMES.send, { connection, prefix: config.KEY_PREFIX });
  queue.on('error', (error) => logger.warn({ error: error.message }, 'send queue error'));
  const store = createMessageStore({
    redis: connection,
    sendQueue: queue,
    prefix: config.KEY_PREFIX,
    retentionMs: config.RETENTION_DAYS * 24 * 3600_000,
  });
  const client = createEcallClient({
    endpoint: config.ECALL_ENDPOINT,
    accountName: config.ECALL_ACCOUNT_NAME,
    accountPassword: config.ECALL_ACCOUNT_PASSWORD,
    soapVersion: config.ECALL_SOAP_VERSION,
    timeoutMs: config.ECALL_TIMEOUT_MS,
    ...(config.ECALL_TRANSIENT_CODES && { transientCodes: config.ECALL_TRANSIENT_CODES }),
    logger,
  });
  const processor = createSendProcessor({
    store,
    client,
    logger,
    retryDeadlineMs: config.RETRY_DEADLINE_HOURS * 3600_000,
    accountProbeIntervalMs: config.ACCOUNT_PROBE_INTERVAL_MS,
    ambiguousGraceMs: config.AMBIGUOUS_GRACE_MS,
    ...(options.alwaysNotificationFor && { alwaysNotificationFor: options.alwaysNotificationFor }),
  });
  const worker = new Worker<SendJobData>(QUEUE_NAMES.send, processor, {
    connection: connection.duplicate({ connectionName: 'relay-worker-blocking' }),
    prefix: config.KEY_PREFIX,
    concurrency: config.WORKER_CONCURRENCY,
    lockDuration: config.LOCK_DURATION_MS,
    stalledInterval: config.STALLED_INTERVAL_MS,
    // A job whose worker died is taken up again however often that happens: the record's in-flight mark,
    // not a stall counter, decides whether it is safe to send.
    maxStalledCount: 1_000_000,
    settings: {
      backoffStrategy: createBackoff({ baseMs: config.RETRY_BASE_MS, maxMs: config.RETRY_MAX_MS }),
    },
    ...(config.ECALL_RATE_LIMIT_PER_SECOND && {
      limiter: { max: config.ECALL_RATE_LIMIT_PER_SECOND, duration: 1_000 },
    }),
  });
  worker.on('error', (error) => logger.error({ error: error.message }, 'send worker error'));
  worker.on('failed', (job, error) =>
    logger.debug(
      { messageId: job?.id, error: error.message, attempts: job?.attemptsMade },
      'send attempt failed',
    ),
  );
  const probe = startAccountProbe({
    store,
    logger,
    everyMs: Math.min(5_000, config.ACCOUNT_PROBE_INTERVAL_MS),
  });
  await worker.waitUntilReady();
  logger.info(
    {
      concurrency: config.WORKER_CONCURRENCY,
      endpoint: config.ECALL_ENDPOINT,
      account: config.ECALL_ACCOUNT_NAME,
    },
    'send worker started',
  );

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      probe.stop();
      const deadline = new Promise<'timeout'>((resolve) =>
        setTimeout(() => resolve('timeout'), config.SHUTDOWN_TIMEOUT_MS).unref(),
      );
      const outcome = await Promise.race([worker.close().then(() => 'closed' as const), deadline]);
      if (outcome === 'timeout') {
        logger.warn(
          {},
          'shutdown deadline passed with jobs still active: their locks expire and they run again',
        );
        await worker.close(true);
      }
      await queue.close();
      await client.close();
      connection.disconnect();
      logger.info({}, 'send worker stopped');
    })();
    return closing;
  };
  return { worker, close };
}

async function main(): Promise<void> {
  const config = loadWorkerConfig();
  const running = await startWorker(config);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      void running.close().then(() => process.exit(0));
    });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
