import { Job, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectRedis, deleteKeys, uniquePrefix, unreachableRedis } from '../../../test/support/redis.ts';
import { addressKey } from './address-key.ts';
import { captureJobAdd, JobAddBuilder } from './bullmq-add.ts';
import { createJobId } from './job-id.ts';
import type { MessageRecord, MessageRequest } from './model.ts';
import {
  chunkJobId,
  QUEUE_NAMES,
  SEND_CHUNK_SIZE,
  type SendJobData,
  TRACK_JOB_OPTIONS,
  type TrackJobData,
} from './queues.ts';
import { type IdempotentAnswer, MessageStore, type MessageStoreOptions, type NewMessage } from './store.ts';

function smsRequest(to: string[] = ['0041791234567'], text = 'hello'): MessageRequest {
  return { channel: 'sms', to, text, createdAt: new Date().toISOString() };
}

/** A store of its own on the test Redis under a fresh prefix, with its send queue; `close` deletes its keys. */
function isolatedStore(name: string, options: Partial<MessageStoreOptions> = {}) {
  const prefix = uniquePrefix(name);
  const redis = connectRedis();
  const queue = new Queue<SendJobData>(QUEUE_NAMES.send, { connection: redis, prefix: `${prefix}-bull` });
  const store = new MessageStore({ redis, sendQueue: queue, prefix, ...options });
  const close = async () => {
    await queue.close();
    await deleteKeys(redis, prefix);
    redis.disconnect();
  };
  return { prefix, redis, queue, store, close };
}

describe('MessageStore', () => {
  let redis: Redis;
  let queue: Queue<SendJobData>;
  let store: MessageStore;
  let prefix: string;

  beforeEach(() => {
    prefix = uniquePrefix('store');
    redis = connectRedis();
    queue = new Queue<SendJobData>(QUEUE_NAMES.send, { connection: redis, prefix: `${prefix}-bull` });
    store = new MessageStore({ redis, sendQueue: queue, prefix });
  });

  afterEach(async () => {
    await queue.close();
    await deleteKeys(redis, prefix);
    redis.disconnect();
  });

  it('writes the record, its indexes and its send job together', async () => {
    const id = createJobId();
    await store.create([{ id, request: smsRequest() }]);
    const record = await store.get(id);
    expect(record?.state.status).toBe('queued');
    expect(record?.state.recipients).toEqual([
      expect.objectContaining({ address: '0041791234567', status: 'pending' }),
    ]);
    expect(record?.history.map((e) => e.type)).toEqual(['created']);
    const job = await queue.getJob(id);
    expect(job?.data).toEqual({ messageId: id });
    expect(await queue.getJobState(id)).toBe('waiting');
    expect(await redis.pttl(store.keys.record(id))).toBeGreaterThan(29 * 24 * 3600 * 1000);
    expect(await store.exists(id)).toBe(true);
    expect(await store.exists(createJobId())).toBe(false);
  });

  it('writes a full batch of messages with many recipients each in one call', async () => {
    const to = Array.from({ length: 50 }, (_, i) => `00417912${String(i).padStart(5, '0')}`);
    const messages = Array.from({ length: 1_000 }, () => ({ id: createJobId(), request: smsRequest(to) }));
    await store.create(messages);
    // One job per chunk of SEND_CHUNK_SIZE, carrying its messages' ids in the order they were given.
    expect((await store.chunkQueue.getJobCounts('waiting')).waiting).toBe(1_000 / SEND_CHUNK_SIZE);
    expect((await queue.getJobCounts('waiting')).waiting).toBe(0);
    const ids = messages.map(({ id }) => id);
    for (let start = 0; start < 1_000; start += SEND_CHUNK_SIZE) {
      const chunk = await store.chunkQueue.getJob(chunkJobId(ids[start] as string));
      expect(chunk?.data).toEqual({ messageIds: ids.slice(start, start + SEND_CHUNK_SIZE) });
    }
    expect(await redis.zcard(store.keys.byRecipient(addressKey(to[49] as string)))).toBe(1_000);
    expect((await store.get(messages[999]?.id as string))?.state.recipients).toHaveLength(50);
  });

  it('holds a scheduled message back as a delayed job', async () => {
    const id = createJobId();
    await store.create([{ id, request: smsRequest(), delayMs: 60_000 }]);
    expect((await store.get(id))?.state.status).toBe('scheduled');
    expect(await queue.getJobState(id)).toBe('delayed');
  });

  it('releases every message held for an account pause when the account resumes, and no scheduled one', async () => {
    // Held messages are delayed jobs whose record says `paused`; scheduled ones are delayed jobs too.
    const messages = Array.from({ length: 1_200 }, () => ({
      id: createJobId(),
      request: smsRequest(),
      delayMs: 3_600_000,
    }));
    await store.create(messages);
    const [scheduled, ...held] = messages.map(({ id }) => id);
    await Promise.all(
      held.map((id) =>
        store.update(id, ({ state }) => ({
          state: { ...state, status: 'paused' },
          events: [{ at: new Date().toISOString(), type: 'paused', source: 'worker', status: 'paused' }],
        })),
      ),
    );
    await store.pauseAccount({ code: 11301, text: 'AccNoUnits', since: '', probeAt: '' });
    expect(await queue.isPaused()).toBe(true);
    expect(await store.resumeAccount()).toMatchObject({ code: 11301 });
    expect(await queue.isPaused()).toBe(false);
    expect(await queue.getJobCounts('waiting', 'delayed')).toMatchObject({ waiting: 1_199, delayed: 1 });
    expect(await queue.getJobState(scheduled as string)).toBe('delayed');
  });

  it('still writes everything when Redis has forgotten the scripts (NOSCRIPT)', async () => {
    // Once on a fresh connection, once on one that had loaded the scripts before Redis forgot them.
    for (let round = 0; round < 3; round++) {
      await redis.script('FLUSH');
      const id = createJobId();
      await store.create([{ id, request: smsRequest() }]);
      expect(await queue.getJobState(id)).toBe('waiting');
      expect((await store.get(id))?.state.status).toBe('queued');
    }
  });

  it('writes several messages of one call, each with its own indexes, those due now in one chunk job', async () => {
    const ids = [createJobId(), createJobId(), createJobId()];
    await store.create([
      { id: ids[0] as string, request: smsRequest(['+41 79 111 11 11', '0791111111', '0792222222']) },
      { id: ids[1] as string, request: { ...smsRequest(['0793333333']), channel: 'voice' }, delayMs: 60_000 },
      { id: ids[2] as string, request: smsRequest() },
    ]);
    const [a, b, c] = await Promise.all(ids.map((id) => store.get(id)));
    expect(a?.state.recipients).toHaveLength(3);
    expect([a?.state.status, b?.state.status, c?.state.status]).toEqual(['queued', 'scheduled', 'queued']);
    expect(b?.request.channel).toBe('voice');
    // The scheduled message has a job of its own; the two due now share one.
    expect(await Promise.all(ids.map((id) => queue.getJobState(id)))).toEqual([
      'unknown',
      'delayed',
      'unknown',
    ]);
    const chunk = await store.chunkQueue.getJob(chunkJobId(ids[0] as string));
    expect(chunk?.data).toEqual({ messageIds: [ids[0], ids[2]] });
    expect(await chunk?.getState()).toBe('waiting');
    expect((await store.list({ recipient: '0041791111111' })).items.map((m) => m.id)).toEqual([ids[0]]);
    expect((await store.list({ recipient: '0793333333' })).items.map((m) => m.id)).toEqual([ids[1]]);
    expect((await store.list({ status: 'scheduled' })).items.map((m) => m.id)).toEqual([ids[1]]);
    expect((await store.list({ channel: 'sms' })).items.map((m) => m.id)).toEqual([ids[2], ids[0]]);
    expect(await redis.pttl(store.keys.byRecipient('0041792222222'))).toBeGreaterThan(0);
    expect((await store.get(ids[2] as string))?.history.map((e) => e.type)).toEqual(['created']);
  });

  it('writes each message of a group from several callers under its own keys, indexes, job and answer', async () => {
    // One group (fewer messages than a group sends early at): mixed channels, shared and own recipients,
    // plain and delayed jobs, attachments or none, callers with and without an idempotent answer.
    const fax = (to: string[]) => ({ ...smsRequest(to, 'fax'), channel: 'fax' as const });
    const files = (name: string) => [{ fileName: name, contentBase64: Buffer.from(name).toString('base64') }];
    const callers: [NewMessage[], NewMessage[], NewMessage[]] = [
      [
        { id: createJobId(), request: smsRequest(['0791111111', '0792222222']) },
        { id: createJobId(), request: fax(['0793333333']), files: files('a.pdf'), delayMs: 60_000 },
        { id: createJobId(), request: smsRequest(['+41 79 111 11 11']), delayMs: 60_000 },
      ],
      [{ id: createJobId(), request: fax(['0792222222', '0794444444']), files: files('b.pdf') }],
      [
        { id: createJobId(), request: { ...smsRequest(['0795555555']), channel: 'voice' as const } },
        { id: createJobId(), request: fax(['0791111111']) },
      ],
    ];
    const answers = [0, 1].map((i) => ({ fingerprint: `fp${i}`, status: 202, body: { i } }));
    const [first, second, third] = callers;
    await Promise.all([
      store.create(first, { scope: 'ops', key: 'group-0', answer: answers[0] as IdempotentAnswer }),
      store.create(second, { scope: 'ops', key: 'group-1', answer: answers[1] as IdempotentAnswer }),
      store.create(third),
    ]);
    const all = callers.flat();
    const indexes = [
      ...(['queued', 'scheduled'] as const).map(store.keys.byStatus),
      ...(['sms', 'fax', 'voice'] as const).map(store.keys.byChannel),
      ...['0791111111', '0792222222', '0793333333', '0794444444', '0795555555'].map((to) =>
        store.keys.byRecipient(addressKey(to)),
      ),
    ];
    for (const message of all) {
      const { id, request, delayMs } = message;
      const status = delayMs ? 'scheduled' : 'queued';
      expect(await redis.hgetall(store.keys.record(id))).toEqual({
        req: JSON.stringify(request),
        state: status,
        v: '0',
      });
      expect(await redis.pttl(store.keys.record(id))).toBeGreaterThan(29 * 24 * 3600 * 1000);
      expect(await store.files(id)).toEqual(message.files ?? []);
      if (message.files) expect(await redis.pttl(store.keys.files(id))).toBeGreaterThan(0);
      // A caller's messages due now share a chunk job when there are several (the third caller's two).
      const chunked = third.includes(message);
      const job = await (chunked ? store.chunkQueue : queue).getJob(
        chunked ? chunkJobId(third[0]?.id as string) : id,
      );
      expect(job?.data).toEqual(chunked ? { messageIds: third.map((m) => m.id) } : { messageId: id });
      expect(await job?.getState()).toBe(delayMs ? 'delayed' : 'waiting');
      // In exactly its own indexes.
      const own = new Set([
        store.keys.all,
        store.keys.byStatus(status),
        store.keys.byChannel(request.channel),
        ...request.to.map((to) => store.keys.byRecipient(addressKey(to))),
      ]);
      for (const key of [store.keys.all, ...indexes]) {
        expect([key, await redis.zscore(key, id)]).toEqual([key, own.has(key) ? '0' : null]);
      }
    }
    for (const key of indexes.slice(5)) expect(await redis.pttl(key)).toBeGreaterThan(0);
    for (const key of [store.keys.all, ...indexes.slice(0, 5)]) expect(await redis.pttl(key)).toBe(-1);
    expect(await redis.zcard(store.keys.all)).toBe(all.length);
    expect(await store.claimIdempotency('ops', 'group-0', 'fp0')).toEqual({
      kind: 'replay',
      answer: answers[0],
    });
    expect(await store.claimIdempotency('ops', 'group-1', 'fp1')).toEqual({
      kind: 'replay',
      answer: answers[1],
    });
    expect(await store.claimIdempotency('ops', 'group-2', 'fp2')).toEqual({ kind: 'new' });
  });

  it('keeps attachment bodies apart from the record', async () => {
    const id = createJobId();
    const files = [{ fileName: 'a.pdf', contentBase64: Buffer.from('%PDF-1.4').toString('base64') }];
    await store.create([{ id, request: { ...smsRequest(), channel: 'fax' }, files }]);
    expect(await store.files(id)).toEqual(files);
    expect(await redis.hget(store.keys.record(id), 'req')).not.toContain(files[0]?.contentBase64);
  });

  it("renews a fax's attachments with every change, as long as the message lives", async () => {
    const id = createJobId();
    const files = [{ fileName: 'a.pdf', contentBase64: Buffer.from('%PDF-1.4').toString('base64') }];
    const request = { ...smsRequest(), channel: 'fax' as const, files: [{ fileName: 'a.pdf', size: 8 }] };
    await store.create([{ id, request, files }]);
    // As if created almost a retention ago: the send is retried late, and the change must keep what it sends.
    await redis.pexpire(store.keys.files(id), 1_000);
    await store.update(id, ({ state }) => ({ state: { ...state, status: 'retrying' }, events: [] }));
    expect(await redis.pttl(store.keys.files(id))).toBeGreaterThan(29 * 24 * 3600 * 1000);
    expect(await store.files(id)).toEqual(files);
  });

  it('applies concurrent updates one after the other without losing any', async () => {
    const id = createJobId();
    await store.create([{ id, request: smsRequest() }]);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.update(id, ({ state }) => ({
          state: { ...state, attempts: state.attempts + 1 },
          events: [{ at: new Date().toISOString(), type: `bump-${i}`, source: 'worker' }],
        })),
      ),
    );
    const record = await store.get(id);
    expect(record?.state.attempts).toBe(20);
    expect(record?.history).toHaveLength(21);
    expect(record?.history.filter((e) => e.type === 'created')).toHaveLength(1);
    expect(record?.version).toBe(20);
  });

  it('starts from a record the caller holds, and reads again when that record is stale', async () => {
    const id = createJobId();
    await store.create([{ id, request: smsRequest() }]);
    const held = await store.read(id);
    if (!held) throw new Error('no record');
    const bump = (type: string) => (record: Omit<MessageRecord, 'history'>) => ({
      state: { ...record.state, attempts: record.state.attempts + 1 },
      events: [{ at: new Date().toISOString(), type, source: 'worker' as const }],
    });
    const first = await store.update(id, bump('first'), held);
    expect(first?.version).toBe(1);
    // `held` is now one version behind: the change must be applied to the stored state, not to `held`.
    const second = await store.update(id, bump('second'), held);
    expect(second?.state.attempts).toBe(2);
    const record = await store.get(id);
    expect(record?.state.attempts).toBe(2);
    expect(record?.history.map((e) => e.type)).toEqual(['created', 'first', 'second']);
    expect(record?.version).toBe(2);
  });

  it('reads a record and the account pause in one command, the pause also for a message that is gone', async () => {
    const id = createJobId();
    await store.create([{ id, request: smsRequest() }]);
    expect(await store.readForSend(id)).toEqual({ record: await store.read(id), pause: undefined });
    const pause = {
      code: 11902,
      text: 'account locked',
      since: new Date().toISOString(),
      probeAt: new Date(Date.now() + 60_000).toISOString(),
    };
    await store.pauseAccount(pause);
    const both = await store.readForSend(id);
    expect(both.record?.state.status).toBe('queued');
    expect(both.pause).toEqual(pause);
    expect(await store.readForSend(createJobId())).toEqual({ record: undefined, pause });
  });

  it("implies a new record's state and 'created' event, and writes the event with the first change", async () => {
    const id = createJobId();
    const request = smsRequest(['0791111111', '0792222222']);
    await store.create([{ id, request, delayMs: 60_000 }]);
    expect(await redis.exists(store.keys.history(id))).toBe(0);
    const created = { at: request.createdAt, type: 'created', source: 'api', status: 'scheduled' };
    const pending = (address: string) => ({ address, status: 'pending', updatedAt: request.createdAt });
    expect(await store.get(id)).toEqual({
      id,
      request,
      version: 0,
      state: {
        status: 'scheduled',
        updatedAt: request.createdAt,
        attempts: 0,
        recipients: [pending('0791111111'), pending('0792222222')],
        requestIds: [],
      },
      history: [created],
    });
    const at = new Date().toISOString();
    await store.update(id, ({ state }) => ({
      state: { ...state, status: 'queued', updatedAt: at },
      events: [{ at, type: 'released', source: 'worker', status: 'queued' }],
    }));
    const stored = (await redis.lrange(store.keys.history(id), 0, -1)).map((line) => JSON.parse(line));
    expect(stored).toEqual([created, { at, type: 'released', source: 'worker', status: 'queued' }]);
    expect((await store.get(id))?.history).toEqual(stored);
  });

  it('reads and updates a record stored with its state and history, as records were before version 0', async () => {
    const id = createJobId();
    const request = smsRequest();
    const state = {
      status: 'queued',
      updatedAt: request.createdAt,
      attempts: 3,
      recipients: [],
      requestIds: [],
    };
    const created = { at: request.createdAt, type: 'created', source: 'api', status: 'queued' };
    await redis.hset(
      store.keys.record(id),
      'req',
      JSON.stringify(request),
      'state',
      JSON.stringify(state),
      'v',
      1,
    );
    await redis.rpush(store.keys.history(id), JSON.stringify(created));
    expect(await store.get(id)).toEqual({ id, request, state, version: 1, history: [created] });
    await store.update(id, (record) => ({
      state: { ...record.state, attempts: 4 },
      events: [{ at: request.createdAt, type: 'bump', source: 'worker' }],
    }));
    const record = await store.get(id);
    expect(record?.history.map((e) => e.type)).toEqual(['created', 'bump']);
    expect(record?.state.attempts).toBe(4);
  });

  it("writes a change's jobs, count and lifted pause with it, and none of them when the change does not apply", async () => {
    const trackQueue = new Queue<TrackJobData>(QUEUE_NAMES.track, {
      connection: redis,
      prefix: `${prefix}-bull`,
    });
    const trackJobs = new JobAddBuilder<TrackJobData>(trackQueue, 'track', TRACK_JOB_OPTIONS);
    const id = createJobId();
    await store.create([{ id, request: smsRequest() }]);
    const held = await store.read(id);
    if (!held) throw new Error('no record');
    const pause = {
      code: 11301,
      text: 'AccNoUnits',
      since: new Date().toISOString(),
      probeAt: '2030-01-01T00:00:00Z',
    };
    await store.pauseAccount(pause);
    const accept = (record: Omit<MessageRecord, 'history'>) => ({
      state: { ...record.state, status: 'accepted' as const },
      events: [{ at: new Date().toISOString(), type: 'accepted', source: 'worker' as const }],
      effects: {
        jobs: [trackJobs.build(id, { messageId: id }, 60_000)],
        count: { name: 'accepted', durationMs: 120 },
        liftPause: true,
      },
    });
    // A change decided on a stale record does not apply, and none of its effects may be written either: here the
    // first try (from `held`, now stale) conflicts and the second, on the stored record, decides to do nothing.
    await store.update(id, ({ state }) => ({ state, events: [] }));
    let tries = 0;
    await store.update(id, (record) => (++tries === 1 ? accept(record) : undefined), held);
    expect(tries).toBe(2);
    expect(await trackQueue.getJob(id)).toBeUndefined();
    expect(await store.accountPause()).toEqual(pause);
    expect(await queue.isPaused()).toBe(true);
    // Counted over two minutes, in case the test crosses into the next one.
    const counted = async () =>
      (await store.series('accepted', 2)).reduce((sum, { count }) => sum + count, 0);
    expect(await counted()).toBe(0);

    const accepted = await store.update(id, accept);
    expect(accepted).toMatchObject({ version: 2, liftedPause: pause, state: { status: 'accepted' } });
    expect(await store.accountPause()).toBeUndefined();
    // The send queue was resumed in the same step, as `queue.resume()` does it: its waiting job is in `wait` again.
    expect(await queue.isPaused()).toBe(false);
    expect(await redis.lrange(`${prefix}-bull:${QUEUE_NAMES.send}:wait`, 0, -1)).toEqual([id]);
    expect(await trackQueue.getJobState(id)).toBe('delayed');
    expect((await trackQueue.getJob(id))?.opts).toMatchObject({ delay: 60_000, removeOnComplete: true });
    // Its packed arguments (bytes of every range, sent as latin1 text) reached BullMQ intact: the job is stored as
    // `queue.add` stores the same job.
    const added = await trackQueue.add(
      'track',
      { messageId: id },
      { ...TRACK_JOB_OPTIONS, delay: 60_000, jobId: `${id}-ref` },
    );
    const [stored, reference] = await Promise.all([trackQueue.getJob(id), trackQueue.getJob(added.id ?? '')]);
    expect({ ...stored?.opts, jobId: undefined }).toEqual({ ...reference?.opts, jobId: undefined });
    expect([stored?.name, stored?.data, stored?.delay]).toEqual([
      reference?.name,
      reference?.data,
      reference?.delay,
    ]);
    expect(await counted()).toBe(1);
    expect((await store.series('accepted', 2)).find(({ count }) => count > 0)?.meanMs).toBe(120);
    // Once more, from the settled record: the job exists already and is kept; the pause is gone.
    const again = await store.update(id, accept);
    expect(again).toMatchObject({ version: 3 });
    expect(again?.liftedPause).toBeUndefined();
    expect(await counted()).toBe(2);
    await trackQueue.close();
  });

  it('writes nothing of a change when BullMQ refuses one of its jobs', async () => {
    const trackQueue = new Queue<TrackJobData>(QUEUE_NAMES.track, {
      connection: redis,
      prefix: `${prefix}-bull`,
    });
    const id = createJobId();
    await store.create([{ id, request: smsRequest() }]);
    // A child of a parent job that does not exist: BullMQ's add answers with an error code, writing nothing.
    const orphan = new Job(
      trackQueue,
      'track',
      { messageId: id },
      { jobId: id, parent: { id: 'gone', queue: `${prefix}-bull:missing` } },
    );
    const refused = captureJobAdd(orphan);
    await expect(
      store.update(id, ({ state }) => ({
        state: { ...state, status: 'accepted' },
        events: [{ at: new Date().toISOString(), type: 'accepted', source: 'worker' }],
        effects: { jobs: [refused], count: { name: 'accepted' } },
      })),
    ).rejects.toThrow(/BullMQ refused job 1 of the change \(code -\d+\)/);
    expect(await store.get(id)).toMatchObject({ version: 0, state: { status: 'queued' } });
    expect(await trackQueue.getJob(id)).toBeUndefined();
    expect((await store.series('accepted', 2)).every(({ count }) => count === 0)).toBe(true);
    await trackQueue.close();
  });

  it('moves a message between status indexes when its status changes', async () => {
    const id = createJobId();
    await store.create([{ id, request: smsRequest() }]);
    await store.update(id, ({ state }) => ({ state: { ...state, status: 'accepted' }, events: [] }));
    expect((await store.list({ status: 'queued' })).items).toHaveLength(0);
    expect((await store.list({ status: 'accepted' })).items.map((m) => m.id)).toEqual([id]);
  });

  it('trims the index entries of expired records only, however long ago their message was created', async () => {
    const longAgo = Date.now() - 40 * 24 * 3600_000;
    const expired = createJobId(longAgo);
    const scheduled = createJobId(longAgo + 1);
    const recent = createJobId();
    // 1,100 expired messages more, so that the trim walks an index in several chunks.
    const more = Array.from({ length: 1_100 }, (_, i) => createJobId(longAgo + 2 + i));
    // `alone` went to a number that got nothing since: once its record is gone, so is that number's index.
    const alone = createJobId(longAgo + 1_200);
    await store.create([expired, scheduled, recent, ...more].map((id) => ({ id, request: smsRequest() })));
    await store.create([{ id: alone, request: smsRequest(['0041795550000']) }]);
    const aloneIndex = store.keys.byRecipient(addressKey('0041795550000'));
    expect(await redis.zrange(aloneIndex, 0, -1)).toEqual([alone]);
    // The record of `scheduled` still lives (sent and tracked long after its creation); the others have expired.
    for (const id of [expired, alone, ...more]) await redis.del(store.keys.record(id));
    // The all-messages, status and channel indexes drop 1,102 entries each, the two recipient indexes 1,101 and 1.
    expect(await store.trimIndexes(Date.now() - 30 * 24 * 3600_000)).toBe(3 * 1_102 + 1_101 + 1);
    const shared = store.keys.byRecipient(addressKey('0041791234567'));
    for (const index of [
      store.keys.all,
      store.keys.byStatus('queued'),
      store.keys.byChannel('sms'),
      shared,
    ]) {
      expect(await redis.zrange(index, 0, -1)).toEqual([scheduled, recent]);
    }
    expect(await redis.exists(aloneIndex)).toBe(0);
    expect((await store.list()).items.map((item) => item.id)).toEqual([recent, scheduled]);
    expect((await store.list({ recipient: '0041791234567' })).items.map((item) => item.id)).toEqual([
      recent,
      scheduled,
    ]);
  });

  it("trims no other store's recipient index, whatever characters its own prefix holds", async () => {
    // Unescaped, the SCAN pattern of prefix `<p>?` would also match the keys of prefix `<p>x`.
    const other = new MessageStore({ redis, sendQueue: queue, prefix: `${prefix}x` });
    const globbing = new MessageStore({ redis, sendQueue: queue, prefix: `${prefix}?` });
    const old = createJobId(Date.now() - 40 * 24 * 3600_000);
    await other.create([{ id: old, request: smsRequest(['0041795550001']) }]);
    await redis.del(other.keys.record(old));
    expect(await globbing.trimIndexes(Date.now())).toBe(0);
    expect(await redis.zrange(other.keys.byRecipient(addressKey('0041795550001')), 0, -1)).toEqual([old]);
  });

  it('lists newest first with a cursor, and filters by channel and time', async () => {
    const ids: string[] = [];
    const base = Date.now() - 10_000;
    for (let i = 0; i < 7; i++) {
      const id = createJobId(base + i * 1000);
      ids.push(id);
      const request = { ...smsRequest(), channel: i % 2 ? 'fax' : 'sms' } as MessageRequest;
      await store.create([{ id, request }]);
    }
    const first = await store.list({ limit: 3 });
    expect(first.items.map((m) => m.id)).toEqual([ids[6], ids[5], ids[4]]);
    const second = await store.list({ limit: 3, cursor: first.nextCursor as string });
    expect(second.items.map((m) => m.id)).toEqual([ids[3], ids[2], ids[1]]);
    const faxes = await store.list({ channel: 'fax' });
    expect(faxes.items.map((m) => m.id)).toEqual([ids[5], ids[3], ids[1]]);
    const queuedSms = await store.list({ status: 'queued', channel: 'sms', limit: 2 });
    expect(queuedSms.items.map((m) => m.id)).toEqual([ids[6], ids[4]]);
    const window = await store.list({ from: base + 2000, to: base + 4000 });
    expect(window.items.map((m) => m.id)).toEqual([ids[3], ids[2]]);
  });

  it('answers a repeated idempotency key with the first answer and refuses another body', async () => {
    expect(await store.claimIdempotency('ops', 'k1', 'fp-a')).toEqual({ kind: 'new' });
    expect(await store.claimIdempotency('ops', 'k1', 'fp-a')).toEqual({ kind: 'in-progress' });
    const id = createJobId();
    const answer = { fingerprint: 'fp-a', status: 202, body: { id } };
    await store.create([{ id, request: smsRequest() }], { scope: 'ops', key: 'k1', answer });
    expect(await store.claimIdempotency('ops', 'k1', 'fp-a')).toEqual({ kind: 'replay', answer });
    expect(await store.claimIdempotency('ops', 'k1', 'fp-b')).toEqual({ kind: 'mismatch' });
    expect(await store.claimIdempotency('other-user', 'k1', 'fp-b')).toEqual({ kind: 'new' });
  });

  it('releases a claimed idempotency key when the request was not stored', async () => {
    await store.claimIdempotency('ops', 'k2', 'fp');
    await store.releaseIdempotency('ops', 'k2', 'fp');
    expect(await store.claimIdempotency('ops', 'k2', 'fp')).toEqual({ kind: 'new' });
  });

  it('cancels a queued message and removes its job, but not one already submitted', async () => {
    const id = createJobId();
    await store.create([{ id, request: smsRequest() }]);
    expect(await store.cancel(id)).toEqual({ outcome: 'canceled' });
    expect((await store.get(id))?.state.status).toBe('canceled');
    expect(await queue.getJob(id)).toBeUndefined();

    const sent = createJobId();
    await store.create([{ id: sent, request: smsRequest() }]);
    await store.update(sent, ({ state }) => ({
      state: { ...state, status: 'accepted', attempts: 1 },
      events: [],
    }));
    expect(await store.cancel(sent)).toEqual({ outcome: 'too-late', status: 'accepted' });
    expect(await store.cancel('01UNKNOWN0000000000000000')).toEqual({ outcome: 'not-found' });
  });

  it('fails fast instead of hanging when Redis is unreachable', async () => {
    const dead = await unreachableRedis();
    const deadQueue = new Queue<SendJobData>(QUEUE_NAMES.send, {
      connection: dead,
      prefix: `${prefix}-dead`,
    });
    deadQueue.on('error', () => {});
    const deadStore = new MessageStore({ redis: dead, sendQueue: deadQueue, prefix });
    const started = Date.now();
    await expect(deadStore.create([{ id: createJobId(), request: smsRequest() }])).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5_000);
    // BullMQ reports a connection that never became ready as an error event, and one that comes after close()
    // has no listener left: let it fail first.
    await deadQueue.waitUntilReady().catch(() => {});
    await deadQueue.close().catch(() => {});
    dead.disconnect();
  });
});

describe('MessageStore.create when part of the transaction fails', () => {
  it('leaves nothing behind', async () => {
    const { redis, queue, store, close } = isolatedStore('store-fail');
    const id = createJobId();
    // A key of the wrong type makes one command of the MULTI fail at run time.
    await redis.set(store.keys.byChannel('sms'), 'not a sorted set');
    const answer = { fingerprint: 'fp', status: 202, body: { id } };
    await expect(
      store.create([{ id, request: smsRequest() }], { scope: 'ops', key: 'k', answer }),
    ).rejects.toThrow(/WRONGTYPE/);
    expect(await store.claimIdempotency('ops', 'k', 'fp')).toEqual({ kind: 'new' });
    expect(await store.get(id)).toBeUndefined();
    expect(await queue.getJob(id)).toBeUndefined();
    expect(await redis.zscore(store.keys.all, id)).toBeNull();
    await close();
  });
});

describe('MessageStore.create when a group fails after writing attachments', () => {
  it('leaves nothing of any caller behind', async () => {
    const { redis, queue, store, close } = isolatedStore('store-fail-group');
    // The last index written fails, after every record, attachment and job of the group.
    await redis.set(store.keys.byRecipient(addressKey('0799999999')), 'not a sorted set');
    const files = [{ fileName: 'a.pdf', contentBase64: 'JVBERi0=' }];
    const fax = { ...smsRequest(['0791111111']), channel: 'fax' as const };
    const first = [
      { id: createJobId(), request: fax, files },
      { id: createJobId(), request: smsRequest(), delayMs: 60_000 },
    ];
    const second = [{ id: createJobId(), request: smsRequest(['0799999999']), files }];
    const answer = { fingerprint: 'fp', status: 202, body: {} };
    const results = await Promise.allSettled([
      store.create(first, { scope: 'ops', key: 'k', answer }),
      store.create(second),
    ]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    for (const { id } of [...first, ...second]) {
      expect(await redis.exists(store.keys.record(id), store.keys.files(id))).toBe(0);
      expect(await queue.getJob(id)).toBeUndefined();
    }
    expect(await redis.zcard(store.keys.all)).toBe(0);
    expect(await redis.zcard(store.keys.byRecipient(addressKey('0791111111')))).toBe(0);
    expect(await store.claimIdempotency('ops', 'k', 'fp')).toEqual({ kind: 'new' });
    await close();
  });
});

describe('MessageStore host-event outbox', () => {
  it('numbers host events per message in the same step as the state change', async () => {
    const { redis, store, close } = isolatedStore('outbox');
    const id = createJobId();
    await store.create([{ id, request: smsRequest() }]);
    const occurredAt = new Date().toISOString();
    const first = await store.update(id, ({ state }) => ({
      state: { ...state, status: 'accepted' },
      events: [],
      hostEvents: [{ type: 'message.accepted', occurredAt, data: {} }],
    }));
    const second = await store.update(id, ({ state }) => ({
      state,
      events: [],
      hostEvents: [
        { type: 'recipient.sent', occurredAt, data: { address: '0041791234567' } },
        { type: 'recipient.delivered', occurredAt, data: { address: '0041791234567' } },
      ],
    }));
    expect(first?.outboxSeqs).toEqual([1]);
    expect(second?.outboxSeqs).toEqual([2, 3]);
    const outbox = await redis.hgetall(store.keys.outbox(id));
    expect(JSON.parse(outbox['3'] ?? '{}')).toMatchObject({ type: 'recipient.delivered' });
    expect(await redis.zrange(store.keys.outboxPending, 0, -1)).toEqual([`${id}:1`, `${id}:2`, `${id}:3`]);
    await close();
  });

  it('writes no host events for a message they have nowhere to go, and still applies the change', async () => {
    const { redis, store, close } = isolatedStore('outbox-none', {
      hostEventsWanted: (request) => Boolean(request.callbackUrl),
    });
    const [silent, addressed] = [createJobId(), createJobId()];
    await store.create([
      { id: silent, request: smsRequest() },
      { id: addressed, request: { ...smsRequest(), callbackUrl: 'https://erp.example.ch/hooks/sms' } },
    ]);
    const accept = (id: string) =>
      store.update(id, ({ state }) => ({
        state: { ...state, status: 'accepted' },
        events: [{ at: new Date().toISOString(), type: 'accepted', source: 'worker', status: 'accepted' }],
        hostEvents: [{ type: 'message.accepted', occurredAt: new Date().toISOString(), data: {} }],
      }));
    expect((await accept(silent))?.outboxSeqs).toEqual([]);
    expect((await accept(addressed))?.outboxSeqs).toEqual([1]);
    expect(await redis.exists(store.keys.outbox(silent))).toBe(0);
    expect(await redis.zrange(store.keys.outboxPending, 0, -1)).toEqual([`${addressed}:1`]);
    const record = await store.get(silent);
    expect(record?.state.status).toBe('accepted');
    expect(record?.history.map((event) => event.type)).toEqual(['created', 'accepted']);
    await close();
  });
});

describe('MessageStore search and series', () => {
  it('finds messages by recipient in any number format, combined with other filters', async () => {
    const { store, close } = isolatedStore('search');
    const a = createJobId();
    const b = createJobId();
    await store.create([{ id: a, request: smsRequest(['+41 79 123 45 67']) }]);
    await store.create([{ id: b, request: smsRequest(['0791234567', '0041797654321']) }]);
    expect((await store.list({ recipient: '0041791234567' })).items.map((m) => m.id)).toEqual([b, a]);
    expect((await store.list({ recipient: '079 765 43 21' })).items.map((m) => m.id)).toEqual([b]);
    await store.update(a, ({ state }) => ({ state: { ...state, status: 'accepted' }, events: [] }));
    expect(
      (await store.list({ recipient: '0041791234567', status: 'accepted' })).items.map((m) => m.id),
    ).toEqual([a]);
    await close();
  });

  it('keeps per-minute counts and mean durations for the last hour', async () => {
    const { redis, store, close } = isolatedStore('series');
    const now = Date.UTC(2026, 10, 23, 10, 30, 30);
    await store.count('accepted', 100, now);
    await store.count('accepted', 300, now);
    await store.count('accepted', 50, now - 60_000);
    await store.count('final', undefined, now);
    const series = await store.series('accepted', 60, now);
    expect((await store.series('final', 1, now))[0]).toMatchObject({ count: 1, meanMs: 0 });
    expect(await redis.pttl(store.keys.series('accepted'))).toBeGreaterThan(3600_000);
    expect(series).toHaveLength(60);
    expect(series[59]).toEqual({ minute: '2026-11-23T10:30:00.000Z', count: 2, meanMs: 200 });
    expect(series[58]).toMatchObject({ count: 1, meanMs: 50 });
    expect(series[0]).toMatchObject({ count: 0, meanMs: null });
    await close();
  });
});

describe('MessageStore.update from a record the caller holds', () => {
  it('does not trust a no-op decided on a stale record', async () => {
    const { store, close } = isolatedStore('held');
    const id = createJobId();
    await store.create([{ id, request: smsRequest() }]);
    const stale = await store.read(id);
    await store.update(id, ({ state }) => ({ state: { ...state, status: 'retrying' }, events: [] }));
    // On the stale copy the message is still queued, so "set accepted unless retrying" would apply...
    const after = await store.update(
      id,
      ({ state }) =>
        state.status === 'queued' ? undefined : { state: { ...state, status: 'accepted' }, events: [] },
      stale,
    );
    // ...but the decision is taken again on the current record, which is retrying.
    expect(after?.state.status).toBe('accepted');
    await close();
  });
});
