import {
  createJobId,
  createMessageStore,
  type MessageRequest,
  type MessageStore,
  QUEUE_NAMES,
  type SendJobData,
} from '@ecall-relay/messages';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { benchRecipient, benchText } from './texts.ts';

export { benchRecipient, benchText };

/** The BullMQ batch size the relay's own batch endpoint allows, used for every bulk write here. */
export const BATCH = 1_000;

/** The stored request of bench message `i`, as the api would store a `POST /v1/sms`. */
export function benchRequest(i: number, createdAt = new Date().toISOString()): MessageRequest {
  return { channel: 'sms', to: [benchRecipient(i)], text: benchText(i), createdAt, createdBy: 'bench' };
}

/** A message store and its send queue on `redis` under `prefix`. */
export function benchStore(redis: Redis, prefix: string): { store: MessageStore; queue: Queue<SendJobData> } {
  const queue = new Queue<SendJobData>(QUEUE_NAMES.send, { connection: redis, prefix });
  return { store: createMessageStore({ redis, sendQueue: queue, prefix }), queue };
}

/**
 * Stores `count` messages with their send jobs, a batch per transaction, as the api does. Ids are pushed to
 * `ids` when given (kept optional so a million-message run does not hold a million strings).
 */
export async function createMessages(store: MessageStore, count: number, ids?: string[]): Promise<void> {
  for (let start = 0; start < count; start += BATCH) {
    const createdAt = new Date().toISOString();
    const batch = Array.from({ length: Math.min(BATCH, count - start) }, (_, k) => ({
      id: createJobId(),
      request: benchRequest(start + k, createdAt),
    }));
    await store.create(batch);
    ids?.push(...batch.map((message) => message.id));
  }
}

/** How many messages under `store` are `accepted` (the status index, one ZCARD). */
export function countAccepted(redis: Redis, store: MessageStore): Promise<number> {
  return redis.zcard(store.keys.byStatus('accepted'));
}
