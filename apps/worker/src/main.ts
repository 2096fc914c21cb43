import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { createEcallClient } from '@ecall-relay/ecall';
import {
  type CallbackJobData,
  callbackUrlFor,
  coalesceWrites,
  createMessageStore,
  JobAddBuilder,
  QUEUE_NAMES,
  type SendJobData,
  TRACK_JOB_OPTIONS,
  type TrackJobData,
  type UpdatedRecord,
} from '@ecall-relay/messages';
import {
  createLogger,
  createRelayMetrics,
  type RelayMetrics,
  startHeartbeat,
} from '@ecall-relay/observability';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { loadWorkerConfig, type WorkerConfig } from './config.ts';
import type { Logger } from './logger.ts';
import { startMetricsServer } from './metrics-server.ts';
import { startAccountProbe } from './send/account-probe.ts';
import type { CallbackTarget } from './send/ecall-call.ts';
import { createSendProcessor } from './send/processor.ts';
import { createBackoff } from './send/retry-later.ts';
import { createCallbackProcessor } from './track/callbacks.ts';
import { createTrackProcessor } from './track/processor.ts';
import { startWebhookWorker, type WebhookPublisher } from './webhooks/index.ts';

/** A running worker process: send, tracking and callback consumers. */
export interface RunningWorker {
  readonly workers: readonly Worker[];
  readonly metrics: RelayMetrics;
  /** The /metrics endpoint, when METRICS_PORT is not 0. */
  readonly metricsUrl?: string;
  /** Stops taking jobs, lets active ones finish (up to the shutdown deadline), closes connections. Idempotent. */
  close(): Promise<void>;
}

/** Options of {@link startWorker} besides the configuration. */
export interface StartWorkerOptions {
  readonly logger?: Logger;
  /** @defaultValue a fresh registry, served on METRICS_PORT */
  readonly metrics?: RelayMetrics;
}

const DAY = 24 * 3600_000;

/** Send jobs a worker holds at once for `calls` calls in flight toward eCall: a quarter more, at least one. */
export function jobsInHand(calls: number): number {
  return calls + Math.max(1, Math.ceil(calls / 4));
}

/** Starts the worker: connects to Redis, then consumes the send (and chunk), track and callback queues until closed. */
export async function startWorker(
  config: WorkerConfig,
  options: StartWorkerOptions = {},
): Promise<RunningWorker> {
  const logger = options.logger ?? createLogger({ name: 'worker', level: config.LOG_LEVEL });
  const metrics = options.metrics ?? createRelayMetrics({ app: 'worker' });
  // Workers block on Redis and must ride out reconnects: no per-request retry limit (bullmq's guidance).
  const connection = coalesceWrites(
    new Redis(config.REDIS_URL, {
      maxRetriesPerRequest: null,
      connectionName: 'relay-worker',
    }),
  );
  connection.on('error', (error) => logger.warn({ error: error.message }, 'redis connection error'));
  const prefix = config.KEY_PREFIX;
  const sendQueue = new Queue<SendJobData>(QUEUE_NAMES.send, { connection, prefix });
  const trackQueue = new Queue<TrackJobData>(QUEUE_NAMES.track, { connection, prefix });
  for (const queue of [sendQueue, trackQueue]) {
    queue.on('error', (error) => logger.warn({ queue: queue.name, error: error.message }, 'queue error'));
  }
  const store = createMessageStore({
    redis: connection,
    sendQueue,
    prefix,
    retentionMs: config.RETENTION_DAYS * DAY,
    // Without a host webhook, only messages with a callbackUrl have anyone to tell.
    hostEventsWanted: (request) => Boolean(config.HOST_WEBHOOK_URL || request.callbackUrl),
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
  // Bound once the webhook worker runs; until then events wait in the outbox and the sweeper picks them up.
  let publisher: WebhookPublisher | undefined;
  const publish = async (record: UpdatedRecord) => {
    await publisher?.enqueue(record, record.outboxSeqs ?? []).catch((error: unknown) => {
      logger.warn(
        { messageId: record.id, error: (error as Error).message },
        'webhook enqueue failed; the sweeper retries',
      );
    });
  };
  const callbackFor = callbackTargetFor(config);
  const firstPollMs = config.TRACK_SCHEDULE[0] ?? 30_000;
  const trackJobs = new JobAddBuilder<TrackJobData>(trackQueue, 'track', TRACK_JOB_OPTIONS);
  const backoff = createBackoff({ baseMs: config.RETRY_BASE_MS, maxMs: config.RETRY_MAX_MS });

  const sendProcessor = createSendProcessor({
    store,
    client,
    logger,
    publish,
    retryDeadlineMs: config.RETRY_DEADLINE_HOURS * 3600_000,
    accountProbeIntervalMs: config.ACCOUNT_PROBE_INTERVAL_MS,
    ambiguousGraceMs: config.AMBIGUOUS_GRACE_MS,
    metrics,
    maxCallsInFlight: config.WORKER_CONCURRENCY,
    // A chunk's messages are in hand as jobs are: a quarter more than the calls, so their Redis steps overlap calls.
    maxChunkMessagesInHand: jobsInHand(config.WORKER_CONCURRENCY),
    handChunksOver: Boolean(config.ECALL_RATE_LIMIT_PER_SECOND),
    backoff,
    ...(callbackFor && { callbackFor }),
    followUpJob: ({ id, request }) => {
      const due = Math.max(Date.now(), Date.parse(request.sendAt ?? '') || 0);
      return trackJobs.build(id, { messageId: id }, due - Date.now() + firstPollMs);
    },
  });
  const workerOptions = {
    connection,
    prefix,
    lockDuration: config.LOCK_DURATION_MS,
    stalledInterval: config.STALLED_INTERVAL_MS,
  };
  // BullMQ uses this connection for job commands (fetch, lock, completion) and a duplicate of it to block on.
  const blocking = (name: string) =>
    coalesceWrites(connection.duplicate({ connectionName: `relay-${name}` }));
  const sendOptions = {
    ...workerOptions,
    // The store's connection: a job's last writes and BullMQ's completion of it then leave in one socket write
    // (coalesceWrites). BullMQ blocks on a duplicate of its own.
    connection,
    // WORKER_CONCURRENCY bounds the calls toward eCall (the processor's call slots); the jobs in hand exceed it
    // by a quarter, so the Redis steps before and after each call overlap other calls instead of leaving eCall
    // capacity idle: with 100 ms answers, those steps took a seventh of each slot (pnpm bench B3). Chunks: as
    // many as jobs, since a chunk stays until its slowest message is done (an answer that times out holds one
    // chunk, as it would hold one job); their messages in hand are bounded on their own (maxChunkMessagesInHand).
    concurrency: jobsInHand(config.WORKER_CONCURRENCY),
    // A job whose worker died is taken up again however often that happens: the record's in-flight mark,
    // not a stall counter, decides whether it is safe to send.
    maxStalledCount: 1_000_000,
    settings: { backoffStrategy: backoff },
  };
  const sendWorker = new Worker<SendJobData>(QUEUE_NAMES.send, sendProcessor, {
    ...sendOptions,
    ...(config.ECALL_RATE_LIMIT_PER_SECOND && {
      limiter: { max: config.ECALL_RATE_LIMIT_PER_SECOND, duration: 1_000 },
    }),
  });
  // Without the limiter: with a rate limit set, chunks only hand their messages to jobs of their own.
  const chunkWorker = new Worker<SendJobData>(QUEUE_NAMES.sendChunks, sendProcessor, sendOptions);
  const trackWorker = new Worker<TrackJobData>(
    QUEUE_NAMES.track,
    createTrackProcessor({
      store,
      client,
      logger,
      publish,
      metrics,
      schedule: config.TRACK_SCHEDULE,
      windowMs: config.TRACKING_WINDOW_HOURS * 3600_000,
    }),
    {
      ...workerOptions,
      connection: blocking('track'),
      concurrency: config.TRACK_CONCURRENCY,
      maxStalledCount: 1_000_000,
      limiter: { max: config.POLL_RATE_PER_SECOND, duration: 1_000 },
    },
  );
  const callbackWorker = new Worker<CallbackJobData>(
    QUEUE_NAMES.callbacks,
    createCallbackProcessor({ store, trackQueue, logger, publish }),
    { ...workerOptions, connection: blocking('callbacks'), concurrency: 10, maxStalledCount: 1_000_000 },
  );
  const workers = [sendWorker, chunkWorker, trackWorker, callbackWorker] as Worker[];
  for (const worker of workers) {
    worker.on('error', (error) => logger.error({ queue: worker.name, error: error.message }, 'worker error'));
    worker.on('failed', (job, error) =>
      logger.debug({ queue: worker.name, jobId: job?.id, error: error.message }, 'job attempt failed'),
    );
  }
  const probe = startAccountProbe({
    store,
    logger,
    everyMs: Math.min(5_000, config.ACCOUNT_PROBE_INTERVAL_MS),
  });
  const housekeeping = setInterval(
    () => void store.trimIndexes(Date.now() - config.RETENTION_DAYS * DAY).catch(() => undefined),
    3600_000,
  );
  housekeeping.unref();
  await Promise.all(workers.map((worker) => worker.waitUntilReady()));
  if (!config.HOST_WEBHOOK_SECRET) {
    logger.warn(
      {},
      'HOST_WEBHOOK_SECRET is not set: webhooks are signed with a random key that hosts cannot verify',
    );
  }
  const webhooks = await startWebhookWorker({
    connection,
    store,
    prefix,
    logger,
    metrics,
    hostUrl: config.HOST_WEBHOOK_URL,
    username: config.HOST_WEBHOOK_USERNAME,
    password: config.HOST_WEBHOOK_PASSWORD,
    secret: config.HOST_WEBHOOK_SECRET ?? randomBytes(32).toString('hex'),
    timeoutMs: config.HOST_WEBHOOK_TIMEOUT_MS,
    retryForMs: config.HOST_WEBHOOK_RETRY_HOURS * 3600_000,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  });
  publisher = webhooks.publisher;
  const heartbeat = startHeartbeat(connection, prefix);
  const callbackQueue = new Queue(QUEUE_NAMES.callbacks, { connection, prefix });
  const metricsServer = config.METRICS_PORT
    ? await startMetricsServer(metrics, [sendQueue, store.chunkQueue, trackQueue, callbackQueue], {
        port: config.METRICS_PORT,
        host: config.METRICS_HOST,
      })
    : undefined;
  logger.info(
    {
      callsInFlight: config.WORKER_CONCURRENCY,
      jobsInHand: jobsInHand(config.WORKER_CONCURRENCY),
      endpoint: config.ECALL_ENDPOINT,
      account: config.ECALL_ACCOUNT_NAME,
      callbacks: callbackFor ? config.CALLBACK_FIELD : 'off (polling only)',
    },
    'worker started',
  );

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      probe.stop();
      clearInterval(housekeeping);
      await metricsServer?.close();
      await heartbeat.stop();
      const deadline = new Promise<'timeout'>((resolve) =>
        setTimeout(() => resolve('timeout'), config.SHUTDOWN_TIMEOUT_MS).unref(),
      );
      // Chunk jobs start no new message: what a chunk has not started goes to jobs of its own, for later.
      sendProcessor.stopTaking();
      const closed = Promise.all(workers.map((worker) => worker.close())).then(() => 'closed' as const);
      if ((await Promise.race([closed, deadline])) === 'timeout') {
        logger.warn(
          {},
          'shutdown deadline passed with jobs still active: their locks expire and they run again',
        );
        await Promise.all(workers.map((worker) => worker.close(true)));
      }
      await sendProcessor.idle();
      await webhooks.close();
      await Promise.all([
        sendQueue.close(),
        store.chunkQueue.close(),
        trackQueue.close(),
        callbackQueue.close(),
      ]);
      await client.close();
      connection.disconnect();
      logger.info({}, 'worker stopped');
    })();
    return closing;
  };
  return { workers, metrics, ...(metricsServer && { metricsUrl: metricsServer.url }), close };
}

function callbackTargetFor(config: WorkerConfig): ((id: string) => CallbackTarget) | undefined {
  const { PUBLIC_BASE_URL: base, CALLBACK_SECRET: secret, CALLBACK_FIELD: field } = config;
  if (!base || !secret || field === 'none') return undefined;
  return (id) => ({ url: callbackUrlFor(base, secret, id), field });
}

async function main(): Promise<void> {
  // Signals are handled from the first moment: jobs start running while startup still completes, and a stop
  // requested then must be as graceful as one requested later.
  let running: RunningWorker | undefined;
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    if (running) void running.close().then(() => process.exit(0));
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, stop);
  running = await startWorker(loadWorkerConfig());
  if (stopping) {
    await running.close();
    process.exit(0);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
