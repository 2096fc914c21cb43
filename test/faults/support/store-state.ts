import { MESSAGE_STATUSES, type MessageStatus, storeKeys } from '@ecall-relay/messages';
import type { Redis } from 'ioredis';

/** How many messages are in each status. */
export type StatusCounts = Record<MessageStatus, number>;

/** Statuses a message reaches once eCall has it (tracking may move it on from `accepted`). */
export const SUBMITTED_STATUSES: readonly MessageStatus[] = [
  'accepted',
  'delivered',
  'partially_delivered',
  'unconfirmed',
];

/**
 * Counts messages per status from the store's status indexes (one ZCARD each, in one round trip): cheap
 * enough to poll every few hundred milliseconds during a 20,000-message run, where reading records is not.
 */
export async function countStatuses(redis: Redis, prefix: string): Promise<StatusCounts> {
  const keys = storeKeys(prefix);
  const pipeline = redis.pipeline();
  for (const status of MESSAGE_STATUSES) pipeline.zcard(keys.byStatus(status));
  const results = (await pipeline.exec()) ?? [];
  const counts = {} as StatusCounts;
  MESSAGE_STATUSES.forEach((status, i) => {
    const [error, value] = results[i] ?? [new Error('no reply'), 0];
    if (error) throw error;
    counts[status] = Number(value);
  });
  return counts;
}

/** Messages eCall has: accepted, or further along. */
export function submittedCount(counts: StatusCounts): number {
  return SUBMITTED_STATUSES.reduce((sum, status) => sum + counts[status], 0);
}

/** The non-zero counts, for failure messages and figures (`accepted=1900 retrying=100`). */
export function describeCounts(counts: StatusCounts): string {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${status}=${n}`)
    .join(' ');
}

/** The ids of every message eCall has (accepted or further along), from the status indexes. */
export async function submittedIds(redis: Redis, prefix: string): Promise<Set<string>> {
  const keys = storeKeys(prefix);
  const lists = await Promise.all(
    SUBMITTED_STATUSES.map((status) => redis.zrange(keys.byStatus(status), 0, -1)),
  );
  return new Set(lists.flat());
}

/** Every key under `prefix`, sorted (SCAN, so it never blocks Redis). */
export async function listKeys(redis: Redis, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  return keys.sort();
}
