import { createEcallClient, type EcallClient } from '@ecall-relay/ecall';
import {
  createJobId,
  createMessageStore,
  type MessageStore,
  QUEUE_NAMES,
  type SendJobData,
} from '@ecall-relay/messages';
import { type Job, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { connectRedis, deleteKeys, redisUrl, uniquePrefix } from '../../../../../test/support/redis.ts';
import type { createSendProcessor } from '../processor.ts';

type SendProcessor = ReturnType<typeof createSendProcessor>;

/** A send processor's surroundings in a test: a store and queue on the test Redis and a real eCall client. */
export interface ProcessorRig {
  readonly store: MessageStore;
  readonly queue: Queue<SendJobData>;
  readonly client: EcallClient;
  /** {@link storeSms} into the rig's store. */
  createSms(texts: readonly string[], options?: { readonly apart?: boolean }): Promise<string[]>;
  /** Runs `processor` in a BullMQ worker that holds `concurrency` jobs, each job's run passed through `around`. */
  work(
    processor: SendProcessor,
    concurrency: number,
    around?: <T>(run: () => Promise<T>) => Promise<T>,
  ): void;
  /** Closes the worker, waits for the processor's follow-up writes, then closes everything and deletes its keys. */
  close(): Promise<void>;
}

/**
 * Stores one SMS per text in `store`, created now; resolves to their ids. In one create call, so that they share
 * chunk jobs when there are several, or `apart`: one call each, so that each has a job of its own.
 */
export async function storeSms(
  store: MessageStore,
  texts: readonly string[],
  { apart = false }: { readonly apart?: boolean } = {},
): Promise<string[]> {
  const createdAt = new Date().toISOString();
  const messages = texts.map((text) => ({
    id: createJobId(),
    request: { channel: 'sms' as const, to: ['0041791234567'], text, createdAt },
  }));
  if (apart) await Promise.all(messages.map((message) => store.create([message])));
  else await store.create(messages);
  return messages.map(({ id }) => id);
}

/** Options of {@link processorRig}. */
export interface RigOptions {
  /** The eCall (simulator) endpoint. */
  readonly endpoint: string;
  /** Names the key prefix. */
  readonly name: string;
  /** @defaultValue 'demo' (the simulator's account) */
  readonly accountPassword?: string;
}

/** A message store and its send queue on the test Redis, under a fresh key prefix. */
export interface TestStore {
  readonly prefix: string;
  readonly redis: Redis;
  readonly queue: Queue<SendJobData>;
  readonly store: MessageStore;
  /** Closes the queues, deletes every key under the prefix and disconnects. */
  close(): Promise<void>;
}

/** Sets up a {@link TestStore}; `name` names its key prefix. */
export function testStore(name: string): TestStore {
  const prefix = uniquePrefix(name);
  const redis = connectRedis();
  const queue = new Queue<SendJobData>(QUEUE_NAMES.send, { connection: redis, prefix });
  const store = createMessageStore({ redis, sendQueue: queue, prefix });
  return {
    prefix,
    redis,
    queue,
    store,
    async close() {
      await Promise.all([queue.close(), store.chunkQueue.close()]);
      await deleteKeys(redis, prefix);
      redis.disconnect();
    },
  };
}

/**
 * The environment of a worker process (`apps/worker/src/main.ts`) that sends the messages under `prefix` to the
 * simulator at `endpoint`, quietly and without a metrics port; `settings` go on top.
 */
export function workerProcessEnv(
  prefix: string,
  endpoint: string,
  settings: Readonly<Record<string, string>>,
): Record<string, string> {
  return {
    REDIS_URL: redisUrl(),
    KEY_PREFIX: prefix,
    ECALL_ENDPOINT: endpoint,
    ECALL_ACCOUNT_NAME: 'demo',
    ECALL_ACCOUNT_PASSWORD: 'demo',
    METRICS_PORT: '0',
    LOG_LEVEL: 'silent',
    ...settings,
  };
}

/** Sets up a {@link ProcessorRig}; nothing runs until {@link ProcessorRig.work}. */
export function processorRig(options: RigOptions): ProcessorRig {
  const { prefix, redis, queue, store, close } = testStore(options.name);
  const client = createEcallClient({
    endpoint: options.endpoint,
    accountName: 'demo',
    accountPassword: options.accountPassword ?? 'demo',
  });
  let running:
    | { workers: Worker<SendJobData>[]; processor: SendProcessor; connection: typeof redis }
    | undefined;
  return {
    store,
    queue,
    client,
    createSms: (texts, options) => storeSms(store, texts, options),
    work(processor, concurrency, around = (run) => run()) {
      const connection = redis.duplicate();
      const run = (job: Job<SendJobData>, token?: string) => around(() => processor(job, token));
      // Chunk jobs in a worker of their own, as the worker process runs them (one at a time is enough here).
      const workers = [
        new Worker<SendJobData>(QUEUE_NAMES.send, run, { connection, prefix, concurrency }),
        new Worker<SendJobData>(QUEUE_NAMES.sendChunks, run, { connection, prefix, concurrency: 1 }),
      ];
      running = { workers, processor, connection };
    },
    async close() {
      if (running) {
        await Promise.all(running.workers.map((worker) => worker.close()));
        await running.processor.idle();
        running.connection.disconnect();
      }
      await client.close();
      await close();
    },
  };
}
