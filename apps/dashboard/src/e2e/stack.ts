import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, createUserDirectory, parseApiKeys, silentLogger } from '@ecall-relay/api';
import { createMessageStore, type MessageStore, QUEUE_NAMES, type SendJobData } from '@ecall-relay/messages';
import { type Simulator, startSimulator } from '@ecall-relay/simulator';
import {
  loadWorkerConfig,
  type RunningWorker,
  startWorker,
  silentLogger as workerLogger,
} from '@ecall-relay/worker';
import { createAdaptorServer } from '@hono/node-server';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { connectRedis, deleteKeys, redisUrl, uniquePrefix } from '../../../../test/support/redis.ts';
import { opsRoutes } from '../../../api/src/routes/ops/index.ts';
import { uiRoutes } from '../../../api/src/routes/ui/index.ts';

/** The users the end-to-end test signs in as: a reader, and an operator who may act. */
export const USERS = {
  reader: { name: 'reader', secret: 'r3ad-only' },
  ops: { name: 'ops', secret: '0ps-admin' },
} as const;

/** A running relay (api with the dashboard, worker, eCall simulator) on one private Redis key prefix. */
export interface Stack {
  readonly url: string;
  readonly store: MessageStore;
  readonly sendQueue: Queue<SendJobData>;
  readonly redis: Redis;
  close(): Promise<void>;
}

/**
 * Starts the api as the service will mount it (createApp plus the ui and ops routes, served over real HTTP),
 * the worker and the simulator, all on 127.0.0.1 and one Redis key prefix, so that messages really move.
 */
export async function startStack(distDir: string): Promise<Stack> {
  const prefix = uniquePrefix('dash');
  const redis = connectRedis();
  const queues = Object.fromEntries(
    Object.values(QUEUE_NAMES).map((name) => [name, new Queue(name, { connection: redis, prefix })]),
  );
  const sendQueue = queues[QUEUE_NAMES.send] as Queue<SendJobData>;
  const store = createMessageStore({ redis, sendQueue, prefix });
  const users = createUserDirectory(
    parseApiKeys(
      `${USERS.reader.name}:read:${USERS.reader.secret},${USERS.ops.name}:send+read+admin:${USERS.ops.secret}`,
    ),
  );
  const app = createApp({ store, users, logger: silentLogger });
  app.route('/', uiRoutes({ distDir }));
  app.route('/', opsRoutes({ store, queues, demo: true }));
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let sim: Simulator | undefined;
  let worker: RunningWorker | undefined;
  const close = async () => {
    await worker?.close();
    await sim?.close();
    await new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
    await Promise.all(Object.values(queues).map((q) => q.close()));
    await deleteKeys(redis, prefix);
    redis.disconnect();
  };
  try {
    sim = await startSimulator({ port: 0, stepMs: 50 });
    worker = await startWorker(
      loadWorkerConfig({
        REDIS_URL: redisUrl(),
        KEY_PREFIX: prefix,
        ECALL_ENDPOINT: sim.endpoint,
        ECALL_ACCOUNT_NAME: 'demo',
        ECALL_ACCOUNT_PASSWORD: 'demo',
        TRACK_SCHEDULE: '100ms',
        POLL_RATE_PER_SECOND: '1000',
        RETRY_BASE_MS: '50',
        METRICS_PORT: '0',
        LOG_LEVEL: 'silent',
      }),
      { logger: workerLogger },
    );
  } catch (error) {
    await close();
    throw error;
  }
  return { url, store, sendQueue, redis, close };
}
