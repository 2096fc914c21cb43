import type { Socket } from 'node:net';
import type { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { connectRedis, deleteKeys, uniquePrefix } from '../../../test/support/redis.ts';
import { coalesceWrites } from './coalesce-writes.ts';

const socketOf = (redis: Redis) => (redis as unknown as { stream: Socket }).stream;

/** Counts the system-call-level writes of a socket (writev of a corked batch counts once). */
function countFlushes(socket: Socket): () => number {
  let flushes = 0;
  const handle = socket as unknown as { _writeGeneric: (...args: unknown[]) => unknown };
  const original = handle._writeGeneric;
  handle._writeGeneric = function (this: Socket, ...args: unknown[]) {
    flushes++;
    return original.apply(this, args);
  };
  return () => flushes;
}

describe('coalesceWrites', () => {
  let redis: Redis | undefined;
  const prefix = uniquePrefix('coalesce');

  afterEach(async () => {
    if (redis) await deleteKeys(redis, prefix);
    redis?.disconnect();
    redis = undefined;
  });

  it('sends the commands of one tick in one write, in order, each with its own reply', async () => {
    redis = coalesceWrites(connectRedis());
    await redis.ping();
    const flushes = countFlushes(socketOf(redis));
    const key = `${prefix}:n`;
    const replies = await Promise.all(Array.from({ length: 100 }, () => redis?.incr(key)));
    expect(replies).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(flushes()).toBe(1);
    // Commands of later ticks go out on their own.
    await redis.incr(key);
    await redis.incr(key);
    expect(flushes()).toBe(3);
  });

  it('sends the commands of one turn of the event loop in one write, from whichever callbacks they come', async () => {
    redis = coalesceWrites(connectRedis());
    await redis.ping();
    const flushes = countFlushes(socketOf(redis));
    const key = `${prefix}:turn`;
    // A tick callback and a promise continuation run after the first command's tick, in the same turn.
    const written = await Promise.all([
      redis.incr(key),
      new Promise((resolve) => process.nextTick(() => resolve(redis?.incr(key)))),
      Promise.resolve().then(() => redis?.incr(key)),
    ]);
    expect(written.sort()).toEqual([1, 2, 3]);
    expect(flushes()).toBe(1);
  });

  it('coalesces again on the socket of a reconnect', async () => {
    redis = coalesceWrites(connectRedis());
    await redis.ping();
    const first = socketOf(redis);
    redis.disconnect(true);
    await new Promise<void>((resolve) => redis?.once('ready', () => resolve()));
    const second = socketOf(redis);
    expect(second).not.toBe(first);
    const flushes = countFlushes(second);
    const key = `${prefix}:m`;
    await Promise.all([redis.set(key, 'a'), redis.append(key, 'b'), redis.get(key)]).then(([, , value]) =>
      expect(value).toBe('ab'),
    );
    expect(flushes()).toBe(1);
  });
});
