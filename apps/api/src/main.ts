import type { Server } from 'node:http';
import { pathToFileURL } from 'node:url';
import {
  type CallbackJobData,
  callbackUrlLength,
  createMessageStore,
  QUEUE_NAMES,
  type SendJobData,
} from '@ecall-relay/messages';
import { createLogger, createRelayMetrics, liveWorkers } from '@ecall-relay/observability';
import { createAdaptorServer } from '@hono/node-server';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { createApp } from './app.ts';
import { type ApiConfig, ConfigError, loadApiConfig } from './config.ts';
import type { HealthReport, Logger } from './deps.ts';
import { closeServer, listen } from './http-server.ts';
import { connectApiRedis, redactRedisUrl, waitForRedis } from './redis.ts';

/** Options of {@link startApi}. */
export interface StartApiOptions {
  /** @defaultValue a pino logger at `config.logLevel` */
  readonly logger?: Logger;
  /** How long to wait for Redis at start. @defaultValue 10_000 */
  readonly redisTimeoutMs?: number;
  /** How long `close` lets in-flight requests finish before cutting connections. @defaultValue 5_000 */
  readonly drainMs?: number;
}

/** A running api. */
export interface RunningApi {
  /** Base URL, e.g. `http://127.0.0.1:3000` (a wildcard host is reported as loopback). */
  readonly url: string;
  /** Stops accepting, lets in-flight requests finish (bounded), closes the queue and Redis. Idempotent. */
  close(): Promise<void>;
}

const DAY_MS = 24 * 3600 * 1000;

async function redisHealth(redis: Redis): Promise<HealthReport> {
  const up = await redis.ping().then(
    () => true,
    () => false,
  );
  return { ok: up, checks: { redis: up ? 'up' : 'down' } };
}

/** Ready when Redis answers and at least one worker has sent a heartbeat lately. */
async function readiness(redis: Redis, prefix: string): Promise<HealthReport> {
  const { checks } = await redisHealth(redis);
  const up = checks.redis === 'up';
  const workers = up ? (await liveWorkers(redis, prefix).catch(() => [])).length : 0;
  return { ok: up && workers > 0, checks: { ...checks, workers: workers > 0 ? 'up' : 'down' } };
}

/**
 * Starts the api: connects Redis (fail-fast options), opens the send queue and the message store, waits for
 * Redis, then listens.
 *
 * @throws Error when Redis is not reachable in time or the port cannot be bound (nothing is left open).
 */
export async function startApi(config: ApiConfig, options: StartApiOptions = {}): Promise<RunningApi> {
  const logger = options.logger ?? createLogger({ name: 'api', level: config.logLevel });
  const redis = connectApiRedis(config.redisUrl, logger, { name: 'relay-api' });
  // eCall's callbacks get a connection of their own whose commands leave once per turn of the event loop
  // (coalesceWrites): a callback is two cheap commands (does the message exist, record the callback), and a write
  // system call each was the costliest step of the receiver (callbacks/s 0.53x -> 0.58-0.66x of the baseline,
  // pnpm bench B4, alternating runs). The message-creating requests keep an uncoalesced connection: held to the end
  // of a turn, their Redis-heavy create scripts no longer overlapped the api's own work (B1 0.60-0.72x -> 0.49-0.60x).
  const callbackRedis = config.callbacks
    ? connectApiRedis(config.redisUrl, logger, { name: 'relay-api-callbacks', coalesce: true })
    : redis;
  const connections = [...new Set([redis, callbackRedis])];
  const prefix = config.keyPrefix;
  const queue = new Queue<SendJobData>(QUEUE_NAMES.send, { connection: redis, prefix });
  const chunkQueue = new Queue<SendJobData>(QUEUE_NAMES.sendChunks, { connection: redis, prefix });
  const callbackQueue = new Queue<CallbackJobData>(QUEUE_NAMES.callbacks, {
    connection: callbackRedis,
    prefix,
  });
  const trackQueue = new Queue(QUEUE_NAMES.track, { connection: redis, prefix });
  const webhookQueue = new Queue(QUEUE_NAMES.webhooks, { connection: redis, prefix });
  // The connection's own listener already logs; these keep emit('error') from throwing.
  const queues = [queue, chunkQueue, trackQueue, callbackQueue, webhookQueue];
  for (const q of queues) q.on('error', () => {});
  const metrics = createRelayMetrics({ app: 'api' });
  const shutdownConnections = async () => {
    await Promise.all(queues.map((q) => q.close().catch(() => undefined)));
    await Promise.all(
      connections.map((connection) => connection.quit().catch(() => connection.disconnect())),
    );
  };
  let server: Server | undefined;
  try {
    const timeoutMs = options.redisTimeoutMs ?? 10_000;
    for (const connection of connections) await waitForRedis(connection, config.redisUrl, timeoutMs);
    const storeOptions = {
      sendQueue: queue,
      chunkQueue,
      prefix: config.keyPrefix,
      retentionMs: config.retentionDays * DAY_MS,
      idempotencyTtlMs: config.idempotencyTtlHours * 3600 * 1000,
    };
    const store = createMessageStore({ redis, ...storeOptions });
    const app = createApp({
      store,
      users: config.users,
      logger,
      bodyLimitBytes: config.bodyLimitBytes,
      scheduleLeadMs: config.scheduleLeadMs,
      health: () => redisHealth(redis),
      ready: () => readiness(redis, prefix),
      metrics,
      queues,
      boardQueues: queues,
      dashboard: {
        distDir: config.uiDistDir,
        demo: config.demo,
        queues: Object.fromEntries(queues.map((q) => [q.name, q])),
      },
      ...(config.callbacks && {
        callbacks: {
          secret: config.callbacks.secret,
          queue: callbackQueue,
          // The same store on the callbacks' connection, for its `exists`.
          store:
            callbackRedis === redis ? store : createMessageStore({ redis: callbackRedis, ...storeOptions }),
          urlLength: callbackUrlLength(config.callbacks.baseUrl),
        },
      }),
    });
    server = createAdaptorServer({ fetch: app.fetch }) as Server;
    const url = await listen(server, config.port, config.host);
    logger.info(
      { url, redis: redactRedisUrl(config.redisUrl), keyPrefix: config.keyPrefix, users: config.users.size },
      'api listening',
    );
    let closing: Promise<void> | undefined;
    const running = server;
    const close = () => {
      closing ??= (async () => {
        await closeServer(running, options.drainMs ?? 5_000);
        await shutdownConnections();
        logger.info({ url }, 'api stopped');
      })();
      return closing;
    };
    return { url, close };
  } catch (error) {
    server?.close();
    await shutdownConnections();
    throw error;
  }
}

const SHUTDOWN_DEADLINE_MS = 10_000;

async function runFromCommandLine(): Promise<void> {
  let config: ApiConfig;
  try {
    config = loadApiConfig(process.env);
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(2);
  }
  const logger = createLogger({ name: 'api', level: config.logLevel });
  const api = await startApi(config, { logger }).catch((error: unknown) => {
    logger.error({ err: error instanceof Error ? error.message : String(error) }, 'api did not start');
    process.exit(1);
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'shutting down');
      setTimeout(() => {
        logger.error({ deadlineMs: SHUTDOWN_DEADLINE_MS }, 'shutdown deadline passed; exiting');
        process.exit(1);
      }, SHUTDOWN_DEADLINE_MS).unref();
      api.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runFromCommandLine();
}
