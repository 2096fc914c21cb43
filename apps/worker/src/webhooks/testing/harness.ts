import {
  createJobId,
  createMessageStore,
  type DeliveryAttempt,
  type HostEventType,
  type MessageRequest,
  type MessageStore,
  QUEUE_NAMES,
  readDeliveries,
  type SendJobData,
  type WebhookJobData,
} from '@ecall-relay/messages';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { connectRedis, deleteKeys, uniquePrefix } from '../../../../../test/support/redis.ts';
import { waitFor } from '../../../../../test/support/wait.ts';
import type { Logger } from '../../logger.ts';
import { type RunningWebhookWorker, type StartWebhookWorkerOptions, startWebhookWorker } from '../worker.ts';

/** The signing secret every test worker uses. */
export const SECRET = 'whsec-test-0123456789';

/** Everything a webhook test needs: a store on a private prefix, a running webhook worker, helpers. */
export interface Harness {
  readonly redis: Redis;
  readonly store: MessageStore;
  readonly webhooks: RunningWebhookWorker;
  readonly queue: Queue<WebhookJobData>;
  /** Every log line the worker wrote, as JSON (to prove what never appears in logs). */
  readonly logs: string[];
  createMessage(overrides?: Partial<MessageRequest>): Promise<string>;
  /** Records host events like the worker does (outbox in the state change); enqueues them unless told not to. */
  emit(id: string, types: readonly HostEventType[], enqueue?: boolean): Promise<readonly number[]>;
  /** The attempt log of a message, read once nothing is waiting, running or delayed. */
  attempts(id: string): Promise<DeliveryAttempt[]>;
  /** Waits until the webhook queue holds no job that could still run. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

type WorkerOverrides = Partial<Omit<StartWebhookWorkerOptions, 'connection' | 'store'>>;

/** Starts a harness; worker timings are small so that retries take milliseconds. */
export async function startHarness(overrides: WorkerOverrides = {}): Promise<Harness> {
  const prefix = uniquePrefix('webhooks');
  const redis = connectRedis();
  const sendQueue = new Queue<SendJobData>(QUEUE_NAMES.send, { connection: redis, prefix });
  const queue = new Queue<WebhookJobData>(QUEUE_NAMES.webhooks, { connection: redis, prefix });
  const store = createMessageStore({ redis, sendQueue, prefix });
  const logs: string[] = [];
  const log = (obj: Record<string, unknown>, msg: string) => logs.push(JSON.stringify({ ...obj, msg }));
  const logger: Logger = { debug: log, info: log, warn: log, error: log };
  const webhooks = await startWebhookWorker({
    connection: redis,
    store,
    prefix,
    logger,
    secret: SECRET,
    timeoutMs: 2_000,
    retryBaseMs: 50,
    retryMaxMs: 200,
    orderPollMs: 50,
    sweepEveryMs: 60_000,
    shutdownTimeoutMs: 2_000,
    ...overrides,
  });
  const idle = async () => {
    await waitFor(
      async () => {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        return Object.values(counts).every((count) => count === 0);
      },
      { what: 'an idle webhook queue' },
    );
  };
  return {
    redis,
    store,
    webhooks,
    queue,
    logs,
    async createMessage(overrides = {}) {
      const id = createJobId();
      const request = {
        channel: 'sms',
        to: ['0041791234567'],
        text: 'Alarm',
        createdAt: new Date().toISOString(),
      };
      await store.create([{ id, request: { ...request, ...overrides } as MessageRequest }]);
      return id;
    },
    async emit(id, types, enqueue = true) {
      const occurredAt = new Date().toISOString();
      const record = await store.update(id, ({ state }) => ({
        state: { ...state, updatedAt: occurredAt },
        events: [],
        hostEvents: types.map((type, i) => ({ type, occurredAt, data: { index: i } })),
      }));
      const seqs = record && 'outboxSeqs' in record ? (record.outboxSeqs ?? []) : [];
      if (record && enqueue) await webhooks.publisher.enqueue(record, seqs);
      return seqs;
    },
    // An attempt is logged after the host answered, before its job completes: read once the queue is idle.
    async attempts(id) {
      await idle();
      return readDeliveries(redis, store.keys, id);
    },
    idle,
    async close() {
      await webhooks.close();
      await queue.close();
      await sendQueue.close();
      await deleteKeys(redis, prefix);
      redis.disconnect();
    },
  };
}
