import type { Server } from 'node:http';
import { createMessageStore, type MessageStore, QUEUE_NAMES, type SendJobData } from '@ecall-relay/messages';
import { createAdaptorServer } from '@hono/node-server';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { type JobType, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, expect } from 'vitest';
import { connectRedis, deleteKeys, uniquePrefix } from '../../../../test/support/redis.ts';
import { createApp } from '../app.ts';
import { parseApiKeys } from '../auth/api-keys.ts';
import { createUserDirectory } from '../auth/user-directory.ts';
import { type ApiDeps, type AppEnv, silentLogger } from '../deps.ts';
import { closeServer, listen } from '../http-server.ts';
import type { AcceptedMessage } from '../routes/messages/schemas.ts';

/** Test users: one per role mix. */
export const TEST_KEYS = 'ops:send+read+admin:s3cret,reader:read:r3ad,sender:send:s3nd,boss:admin:b0ss';

/** Authorization headers of the test users. */
export const AUTH = {
  ops: { authorization: 'Bearer s3cret' },
  reader: { authorization: 'Bearer r3ad' },
  sender: { authorization: 'Bearer s3nd' },
  boss: { authorization: 'Bearer b0ss' },
} as const;

/** A real app on the test Redis under its own key prefix. */
export interface Harness {
  readonly app: OpenAPIHono<AppEnv>;
  readonly store: MessageStore;
  readonly queue: Queue<SendJobData>;
  readonly redis: Redis;
  /** POSTs JSON as `ops` (or with the given headers). */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** GETs as `ops` (or with the given headers). */
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  /** Number of stored messages and of send jobs (own and chunks) in any state. */
  counts(): Promise<{ messages: number; jobs: number }>;
  close(): Promise<void>;
}

/** Builds a {@link Harness}; `deps` overrides the app's dependencies. */
export function createHarness(deps: Partial<ApiDeps> = {}): Harness {
  const prefix = uniquePrefix('api');
  const redis = connectRedis();
  const queue = new Queue<SendJobData>(QUEUE_NAMES.send, { connection: redis, prefix: `${prefix}-bull` });
  const store = createMessageStore({ redis, sendQueue: queue, prefix });
  const users = createUserDirectory(parseApiKeys(TEST_KEYS));
  const app = createApp({ store, users, logger: silentLogger, ...deps });
  return {
    app,
    store,
    queue,
    redis,
    post: (path, body, headers = AUTH.ops) =>
      Promise.resolve(
        app.request(path, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: typeof body === 'string' ? body : JSON.stringify(body),
        }),
      ),
    get: (path, headers = AUTH.ops) => Promise.resolve(app.request(path, { headers })),
    counts: async () => {
      const states: JobType[] = [
        'waiting',
        'delayed',
        'active',
        'completed',
        'failed',
        'paused',
        'prioritized',
      ];
      const counts = await Promise.all([queue, store.chunkQueue].map((q) => q.getJobCounts(...states)));
      return {
        messages: await redis.zcard(store.keys.all),
        jobs: counts.flatMap((jobs) => Object.values(jobs)).reduce((a, b) => a + b, 0),
      };
    },
    close: async () => {
      await Promise.all([queue.close(), store.chunkQueue.close()]);
      await deleteKeys(redis, prefix);
      redis.disconnect();
    },
  };
}

/** Runs `run` against a fresh harness and closes it afterwards, whatever happened. */
export async function withHarness(
  run: (h: Harness) => Promise<void>,
  deps: Parameters<typeof createHarness>[0] = {},
): Promise<void> {
  const h = createHarness(deps);
  try {
    await run(h);
  } finally {
    await h.close();
  }
}

/** Checks a 202 with the Location of the message it announces, and returns its body. */
export async function accepted(res: Response): Promise<AcceptedMessage> {
  expect(res.status).toBe(202);
  const body = (await res.json()) as AcceptedMessage;
  expect(res.headers.get('location')).toBe(`/v1/messages/${body.id}`);
  return body;
}

/**
 * A harness served by `@hono/node-server` on a loopback port for the enclosing `describe` block, for what only a
 * real HTTP connection shows (keep-alive, Content-Length, chunked bodies). `url()` is its origin once started.
 */
export function servedHarness(deps: Partial<ApiDeps> = {}): { readonly h: Harness; url(): string } {
  const h = createHarness(deps);
  const server = createAdaptorServer({ fetch: h.app.fetch }) as Server;
  let origin = '';
  beforeAll(async () => {
    origin = await listen(server, 0, '127.0.0.1');
  });
  afterAll(async () => {
    await closeServer(server, 1_000);
    await h.close();
  });
  return { h, url: () => origin };
}
