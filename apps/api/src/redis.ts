import { coalesceWrites } from '@ecall-relay/messages';
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from './deps.ts';

/**
 * ioredis options of the api: fail fast instead of queueing commands while Redis is away, so a request
 * answers 503 within about two seconds rather than hanging (BullMQ's advice for producers).
 */
export const API_REDIS_OPTIONS = {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  commandTimeout: 2_000,
  connectTimeout: 2_000,
  retryStrategy: (attempt: number) => Math.min(attempt * 200, 2_000),
} as const satisfies RedisOptions;

/** A Redis URL without its password, for logs and messages. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'redis://(unparseable URL)';
  }
}

/** How {@link connectApiRedis} connects. */
export interface ApiRedisOptions {
  /** The connection's name in Redis (`CLIENT LIST`). */
  readonly name?: string;
  /** Hand the commands of one turn of the event loop to the kernel in one write (`coalesceWrites`). */
  readonly coalesce?: boolean;
}

/** Opens one of the api's Redis connections; errors are logged once per distinct message, not once per retry. */
export function connectApiRedis(url: string, logger: Logger, options: ApiRedisOptions = {}): Redis {
  const connection = new Redis(url, {
    ...API_REDIS_OPTIONS,
    ...(options.name && { connectionName: options.name }),
  });
  const redis = options.coalesce ? coalesceWrites(connection) : connection;
  let lastError = '';
  redis.on('error', (error: Error) => {
    if (error.message === lastError) return;
    lastError = error.message;
    logger.warn({ redis: redactRedisUrl(url), err: error.message }, 'redis connection error');
  });
  redis.on('ready', () => {
    if (lastError) logger.info({ redis: redactRedisUrl(url) }, 'redis connection restored');
    lastError = '';
  });
  return redis;
}

/**
 * Waits until `redis` is ready.
 *
 * @throws Error when it is not ready within `timeoutMs`.
 */
export async function waitForRedis(redis: Redis, url: string, timeoutMs: number): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      reject(new Error(`Redis at ${redactRedisUrl(url)} is not reachable (waited ${timeoutMs} ms)`));
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    redis.once('ready', onReady);
  });
}
