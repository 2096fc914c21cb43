import { randomBytes } from 'node:crypto';
import { freePort } from '@ecall-relay/local-redis';
import { Redis, type RedisOptions } from 'ioredis';

/** The Redis the test run uses (see test/global-setup.ts). */
export function redisUrl(): string {
  return process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
}

/** A fresh ioredis connection to the test Redis. */
export function connectRedis(options: RedisOptions = {}): Redis {
  return new Redis(redisUrl(), { maxRetriesPerRequest: null, ...options });
}

/** A connection to a port where no Redis listens, set to fail fast (no offline queue, no reconnects). */
export async function unreachableRedis(): Promise<Redis> {
  return new Redis({
    port: await freePort(),
    host: '127.0.0.1',
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    lazyConnect: true,
    retryStrategy: () => null,
  });
}

/** A prefix unique to one test, so that tests sharing a Redis never see each other's keys. */
export function uniquePrefix(label = 't'): string {
  return `test-${label}-${randomBytes(4).toString('hex')}`;
}

/** Deletes every key that starts with one of `prefixes`. */
export async function deleteKeys(redis: Redis, ...prefixes: string[]): Promise<void> {
  for (const prefix of prefixes) {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.unlink(...keys);
    } while (cursor !== '0');
  }
}
