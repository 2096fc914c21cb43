import { loadApiConfig, type RunningApi, startApi } from '@ecall-relay/api';
import { freePort } from '@ecall-relay/local-redis';
import { createMessageStore, type MessageRecord, QUEUE_NAMES, type SendJobData } from '@ecall-relay/messages';
import { type Simulator, type SimulatorOptions, startSimulator } from '@ecall-relay/simulator';
import { loadWorkerConfig, type RunningWorker, silentLogger, startWorker } from '@ecall-relay/worker';
import { Queue } from 'bullmq';
import {
  type HostReceiver,
  type Responder,
  startHostReceiver,
} from '../../apps/worker/src/webhooks/testing/host-receiver.ts';
import { connectRedis, deleteKeys, redisUrl, uniquePrefix } from './redis.ts';

/** Everything of a running relay, wired like production, on loopback. */
export interface Stack {
  readonly api: RunningApi;
  readonly sim: Simulator;
  readonly worker: RunningWorker;
  readonly host: HostReceiver;
  readonly store: ReturnType<typeof createMessageStore>;
  readonly baseUrl: string;
  /** The Redis key prefix of this stack (queues and store). */
  readonly prefix: string;
  readonly callbackSecret: string;
  readonly webhookSecret: string;
  /** POSTs JSON to the api as an admin; resolves to status and body. */
  call(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: Record<string, unknown> }>;
  /** The record of a message, history included. */
  message(id: string): Promise<MessageRecord | undefined>;
  close(): Promise<void>;
}

/** Options of {@link startStack}. */
export interface StackOptions {
  readonly sim?: SimulatorOptions;
  readonly worker?: Record<string, string>;
  readonly host?: Responder;
}

const KEY = 'stack-admin-key';

/**
 * Starts simulator, api (with eCall callbacks on), worker (with host webhooks to a local receiver) and a host
 * receiver, all under a fresh key prefix on the test Redis.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const prefix = uniquePrefix('stack');
  const sim = await startSimulator({ port: 0, stepMs: 50, seed: 5, ...options.sim });
  const host = await startHostReceiver(options.host);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const callbackSecret = 'callback-secret-0123456789';
  const webhookSecret = 'webhook-secret-0123456789';
  const common = {
    REDIS_URL: redisUrl(),
    KEY_PREFIX: prefix,
    PUBLIC_BASE_URL: baseUrl,
    CALLBACK_SECRET: callbackSecret,
  };
  const api = await startApi(
    {
      ...loadApiConfig({ ...common, RELAY_API_KEYS: `ops:send+read+admin:${KEY}` }),
      port,
      host: '127.0.0.1',
    },
    { logger: silentLogger },
  );
  const worker = await startWorker(
    loadWorkerConfig({
      ...common,
      ECALL_ENDPOINT: sim.endpoint,
      ECALL_ACCOUNT_NAME: 'demo',
      ECALL_ACCOUNT_PASSWORD: 'demo',
      HOST_WEBHOOK_URL: host.url,
      HOST_WEBHOOK_SECRET: webhookSecret,
      METRICS_PORT: '0',
      AMBIGUOUS_GRACE_MS: '50',
      RETRY_BASE_MS: '50',
      POLL_RATE_PER_SECOND: '1000',
      ...options.worker,
    }),
    { logger: silentLogger },
  );
  const redis = connectRedis();
  const sendQueue = new Queue<SendJobData>(QUEUE_NAMES.send, { connection: redis, prefix });
  const store = createMessageStore({ redis, sendQueue, prefix });
  return {
    api,
    sim,
    worker,
    host,
    store,
    baseUrl,
    prefix,
    callbackSecret,
    webhookSecret,
    async call(method, path, body) {
      const res = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${KEY}`,
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    },
    message: (id) => store.get(id),
    async close() {
      await worker.close();
      await api.close();
      await sim.close();
      await host.close();
      await sendQueue.close();
      await deleteKeys(redis, prefix);
      redis.disconnect();
    },
  };
}
