import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectRedis, deleteKeys, uniquePrefix, unreachableRedis } from '../../../test/support/redis.ts';
import { GroupCommit } from './group-commit.ts';

describe('GroupCommit', () => {
  let redis: Redis;
  let prefix: string;
  let opened: number;
  let commits: GroupCommit;

  beforeEach(() => {
    redis = connectRedis();
    prefix = uniquePrefix('group');
    opened = 0;
    commits = new GroupCommit({
      multi: async () => {
        opened++;
        return redis.multi();
      },
      maxCommands: 6,
    });
  });

  afterEach(async () => {
    await deleteKeys(redis, prefix);
    redis.disconnect();
  });

  it('writes what is asked in one turn in one transaction, and gives each caller its own replies', async () => {
    const [a, b] = await Promise.all([
      commits.run((multi) => multi.set(`${prefix}:a`, '1').incr(`${prefix}:n`)),
      commits.run((multi) => multi.incr(`${prefix}:n`).get(`${prefix}:a`)),
    ]);
    expect(opened).toBe(1);
    expect(a).toEqual([
      [null, 'OK'],
      [null, 1],
    ]);
    expect(b).toEqual([
      [null, 2],
      [null, '1'],
    ]);
  });

  it('keeps a run-time failure in the replies of the caller that caused it', async () => {
    await redis.set(`${prefix}:text`, 'not a number');
    const [bad, good] = await Promise.all([
      commits.run((multi) => multi.incr(`${prefix}:text`).set(`${prefix}:after`, 'x')),
      commits.run((multi) => multi.set(`${prefix}:other`, 'y')),
    ]);
    expect(bad[0]?.[0]?.message).toMatch(/not an integer/);
    expect(bad[1]).toEqual([null, 'OK']);
    expect(good).toEqual([[null, 'OK']]);
  });

  it('fails a caller that throws while queueing, alone, and sends none of its commands', async () => {
    const results = await Promise.allSettled([
      commits.run((multi) => multi.set(`${prefix}:first`, '1')),
      commits.run((multi) => {
        multi.set(`${prefix}:half`, 'queued before the throw');
        throw new Error('cannot describe my writes');
      }),
      commits.run((multi) => multi.set(`${prefix}:last`, '3')),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await redis.mget(`${prefix}:first`, `${prefix}:half`, `${prefix}:last`)).toEqual(['1', null, '3']);
  });

  it('opens another transaction when one is full, without splitting a caller', async () => {
    const replies = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        commits.run((multi) =>
          multi.incr(`${prefix}:n`).set(`${prefix}:${i}`, String(i)).get(`${prefix}:${i}`),
        ),
      ),
    );
    // Six commands at most: two callers of three each per transaction.
    expect(opened).toBe(3);
    expect(replies.map((reply) => reply[2])).toEqual(['0', '1', '2', '3', '4'].map((v) => [null, v]));
    expect(replies.map((reply) => reply[0]?.[1]).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('rejects every caller when the transaction cannot reach Redis', async () => {
    const dead = await unreachableRedis();
    const unreachable = new GroupCommit({ multi: async () => dead.multi() });
    const results = await Promise.allSettled([
      unreachable.run((multi) => multi.set('a', '1')),
      unreachable.run((multi) => multi.set('b', '2')),
    ]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    dead.disconnect();
  });

  it('starts the next transaction for writes asked while one is on its way', async () => {
    const first = commits.run((multi) => multi.incr(`${prefix}:n`));
    await new Promise((resolve) => setImmediate(resolve));
    const second = commits.run((multi) => multi.incr(`${prefix}:n`));
    expect(await Promise.all([first, second])).toEqual([[[null, 1]], [[null, 2]]]);
    expect(opened).toBe(2);
  });
});
