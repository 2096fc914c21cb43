import { Job, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectRedis, deleteKeys, uniquePrefix } from '../../../test/support/redis.ts';
import { captureJobAdd, JobAddBuilder, usesQueueKeys } from './bullmq-add.ts';
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
    const plain = captureJobAdd(new Job(queue, 'send', { messageId: 'a' }, { jobId: 'a' }, 'a'));
    const delayed = captureJobAdd(new Job(queue, 'send', { messageId: 'b' }, { jobId: 'b', delay: 5 }, 'b'));
    expect([plain.kind, delayed.kind]).toEqual([1, 2]);
    expect(plain.keys).toContain(queue.keys.wait);
    expect(delayed.keys).toContain(queue.keys.delayed);
    expect(plain.args).toContain(JSON.stringify({ messageId: 'a' }));
    expect(await queue.getJob('a')).toBeUndefined();
    expect(await redis.exists(queue.keys.id as string)).toBe(0);
  });

  it('refuses a job that BullMQ would add with a command the script does not include', async () => {
    const prioritized = new Job(queue, 'send', { messageId: 'p' }, { jobId: 'p', priority: 3 }, 'p');
    expect(() => captureJobAdd(prioritized)).toThrow(/addPrioritizedJob.*does not include/);
    expect(() => new JobAddBuilder(queue, 'send', { priority: 3 })).toThrow(/does not include/);
  });

  it("builds each job's command as BullMQ builds it for a Job of its own, byte for byte", () => {
    const builder = new JobAddBuilder<SendJobData>(queue, 'send', SEND_JOB_OPTIONS);
    const hex = (add: { kind: number; keys: readonly string[]; args: readonly unknown[] }) => ({
      ...add,
      args: add.args.map((arg) => (Buffer.isBuffer(arg) ? arg.toString('hex') : arg)),
    });
    for (const delay of [undefined, 1, 60_000]) {
      const id = createJobId();
      const opts = { ...SEND_JOB_OPTIONS, jobId: id, ...(delay && { delay }), timestamp: 1_700_000_000_123 };
      const theirs = captureJobAdd(new Job(queue, 'send', { messageId: id }, opts, id));
      // BullMQ's Job keeps a timestamp given in its options there; the builder passes it as BullMQ's default does.
      const mine = builder.build(id, { messageId: id }, delay, 1_700_000_000_123);
      const withoutTimestampOpt = captureJobAdd(
        new Job(
          queue,
          'send',
          { messageId: id },
          { ...SEND_JOB_OPTIONS, jobId: id, ...(delay && { delay }) },
          id,
        ),
      );
      expect(hex(mine).kind).toBe(theirs.kind);
      expect(hex(mine).keys).toEqual(theirs.keys);
      expect(hex(mine).args[0]).toEqual(hex(theirs).args[0]);
      expect(hex(mine).args.slice(1)).toEqual(hex(withoutTimestampOpt).args.slice(1));
    }
    expect(builder.commandKeys).toEqual([
      captureJobAdd(new Job(queue, 'send', {}, { jobId: 'x' }, 'x')).keys,
      captureJobAdd(new Job(queue, 'send', {}, { jobId: 'x', delay: 1 }, 'x')).keys,
    ]);
  });

  it('refuses ids BullMQ refuses', () => {
    const builder = new JobAddBuilder<SendJobData>(queue, 'send', SEND_JOB_OPTIONS);
    expect(() => builder.build('42', { messageId: '42' })).toThrow(/refuses the job id/);
    expect(() => builder.build('a:b', { messageId: 'a:b' })).toThrow(/refuses the job id/);
    expect(builder.build('a:b:c', { messageId: 'a:b:c' }).kind).toBe(1);
  });

  it('passes each command its queue keys once, and tells a job of another queue apart', async () => {
    const blocks = new JobAddBuilder(queue, 'send', SEND_JOB_OPTIONS).commandKeys;
    const mine = captureJobAdd(new Job(queue, 'send', { messageId: 'a' }, { jobId: 'a', delay: 9 }, 'a'));
    const other = new Queue(QUEUE_NAMES.send, { connection: redis, prefix: `${prefix}-other` });
    const theirs = captureJobAdd(new Job(other, 'send', { messageId: 'a' }, { jobId: 'a' }, 'a'));
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
        if ('messageId' in job.data) seen.push(job.data.messageId);
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
