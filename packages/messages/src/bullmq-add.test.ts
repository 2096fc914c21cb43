import { Job, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectRedis, deleteKeys, uniquePrefix } from '../../../test/support/redis.ts';
import { addCommandKeys, captureJobAdd, usesQueueKeys } from './bullmq-add.ts';
import { createJobId } from './job-id.ts';
import { QUEUE_NAMES, SEND_JOB_OPTIONS, type SendJobData } from './queues.ts';
import { MessageStore } from './store.ts';

/** A job's hash without the time it was written, its id replaced by `<id>` wherever it appears. */
async function jobHash(queue: Queue, id: string): Promise<Record<string, string>> {
  const { timestamp: _ignored, ...rest } = await queue.client.then((c) => c.hgetall(queue.toKey(id)));
  return Object.fromEntries(
    Object.entries(rest).map(([field, value]) => [field, value.replaceAll(id, '<id>')]),
  );
}

describe("BullMQ's add commands inside the create script", () => {
  let redis: Redis;
  let prefix: string;
  let queue: Queue<SendJobData>;

  beforeEach(() => {
    redis = connectRedis();
    prefix = uniquePrefix('bullmq-add');
    queue = new Queue<SendJobData>(QUEUE_NAMES.send, { connection: redis, prefix: `${prefix}-bull` });
  });

  afterEach(async () => {
    await queue.close();
    await deleteKeys(redis, prefix);
    redis.disconnect();
  });

  it('captures the command and arguments BullMQ would send, and sends nothing', async () => {
    const plain = await captureJobAdd(new Job(queue, 'send', { messageId: 'a' }, { jobId: 'a' }, 'a'));
    const delayed = await captureJobAdd(
      new Job(queue, 'send', { messageId: 'b' }, { jobId: 'b', delay: 5 }, 'b'),
    );
    expect([plain.kind, delayed.kind]).toEqual([1, 2]);
    expect(plain.keys).toContain(queue.keys.wait);
    expect(delayed.keys).toContain(queue.keys.delayed);
    expect(plain.args).toContain(JSON.stringify({ messageId: 'a' }));
    expect(await queue.getJob('a')).toBeUndefined();
    expect(await redis.exists(queue.keys.id as string)).toBe(0);
  });

  it('refuses a job that BullMQ would add with a command the script does not include', async () => {
    const prioritized = new Job(queue, 'send', { messageId: 'p' }, { jobId: 'p', priority: 3 }, 'p');
    await expect(captureJobAdd(prioritized)).rejects.toThrow(/addPrioritizedJob.*does not include/);
  });

  it('passes each command its queue keys once, and tells a job of another queue apart', async () => {
    const blocks = await addCommandKeys(queue);
    const mine = await captureJobAdd(
      new Job(queue, 'send', { messageId: 'a' }, { jobId: 'a', delay: 9 }, 'a'),
    );
    const other = new Queue(QUEUE_NAMES.send, { connection: redis, prefix: `${prefix}-other` });
    const theirs = await captureJobAdd(new Job(other, 'send', { messageId: 'a' }, { jobId: 'a' }, 'a'));
    expect(usesQueueKeys(mine, blocks)).toBe(true);
    expect(usesQueueKeys(theirs, blocks)).toBe(false);
    await other.close();
  });

  it('writes a send job exactly as queue.add writes the same job', async () => {
    const store = new MessageStore({ redis, sendQueue: queue, prefix });
    const request = { channel: 'sms' as const, to: ['0041791234567'], text: 'hi', createdAt: '' };
    const [viaStore, viaStoreDelayed, viaAdd, viaAddDelayed] = Array.from({ length: 4 }, createJobId) as [
      string,
      string,
      string,
      string,
    ];
    await store.create([
      { id: viaStore, request },
      { id: viaStoreDelayed, request, delayMs: 60_000 },
    ]);
    await queue.add('send', { messageId: viaAdd }, { ...SEND_JOB_OPTIONS, jobId: viaAdd });
    const delay = { ...SEND_JOB_OPTIONS, jobId: viaAddDelayed, delay: 60_000 };
    await queue.add('send', { messageId: viaAddDelayed }, delay);
    expect(await jobHash(queue, viaStore)).toEqual(await jobHash(queue, viaAdd));
    expect(await jobHash(queue, viaStoreDelayed)).toEqual(await jobHash(queue, viaAddDelayed));
    expect(await jobHash(queue, viaStore)).toMatchObject({ data: JSON.stringify({ messageId: '<id>' }) });
    expect(await queue.getWaiting()).toHaveLength(2);
    const delayed = (await queue.getDelayed()).map((job) => job.id);
    expect(delayed.sort()).toEqual([viaStoreDelayed, viaAddDelayed].sort());
    const events = await redis.xrange(queue.keys.events as string, '-', '+');
    const waitingFor = events
      .filter(([, fields]) => fields.includes('waiting'))
      .map(([, fields]) => fields[fields.indexOf('jobId') + 1]);
    expect(waitingFor).toEqual([viaStore, viaAdd]);
  });

  it('hands a job written by the script to a BullMQ worker, which completes it', async () => {
    const store = new MessageStore({ redis, sendQueue: queue, prefix });
    const id = createJobId();
    const seen: string[] = [];
    const worker = new Worker<SendJobData>(
      QUEUE_NAMES.send,
      async (job) => {
        seen.push(job.data.messageId);
      },
      { connection: connectRedis(), prefix: `${prefix}-bull` },
    );
    const completed = new Promise<string | undefined>((resolve) =>
      worker.once('completed', (job) => resolve(job.id)),
    );
    await store.create([{ id, request: { channel: 'sms', to: ['0791234567'], text: 'x', createdAt: '' } }]);
    expect(await completed).toBe(id);
    expect(seen).toEqual([id]);
    await worker.close();
  });
});
