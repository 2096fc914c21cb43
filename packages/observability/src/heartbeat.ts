import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Redis } from 'ioredis';

/** Key under which worker `id` announces itself. */
const keyOf = (prefix: string, id: string) => `${prefix}:heartbeat:${id}`;

/**
 * Announces a live worker in Redis every `everyMs` (a key that expires after three beats), so that the api's
 * readiness check can tell "workers are running" from "messages are piling up with nobody to send them".
 */
export function startHeartbeat(
  redis: Redis,
  prefix: string,
  everyMs = 5_000,
): { id: string; stop(): Promise<void> } {
  const id = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const beat = () =>
    redis
      .set(
        keyOf(prefix, id),
        JSON.stringify({ at: new Date().toISOString(), pid: process.pid }),
        'PX',
        everyMs * 3,
      )
      .catch(() => undefined);
  void beat();
  const timer = setInterval(beat, everyMs);
  timer.unref();
  return {
    id,
    stop: async () => {
      clearInterval(timer);
      await redis.del(keyOf(prefix, id)).catch(() => undefined);
    },
  };
}

/** The ids of workers whose heartbeat has not expired. */
export async function liveWorkers(redis: Redis, prefix: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', keyOf(prefix, '*'), 'COUNT', 100);
    cursor = next;
    ids.push(...keys.map((key) => key.slice(keyOf(prefix, '').length)));
  } while (cursor !== '0');
  return ids;
}
