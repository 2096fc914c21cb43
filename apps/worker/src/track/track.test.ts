import {
  createJobId,
  createMessageStore,
  type MessageRequest,
  type MessageStatus,
  QUEUE_NAMES,
  type SendJobData,
} from '@ecall-relay/messages';
import { type Simulator, startSimulator } from '@ecall-relay/simulator';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { connectRedis, deleteKeys, redisUrl, uniquePrefix } from '../../../../test/support/redis.ts';
import { waitFor } from '../../../../test/support/wait.ts';
import { loadWorkerConfig } from '../config.ts';
import { silentLogger } from '../logger.ts';
import { type RunningWorker, startWorker } from '../main.ts';

describe('delivery tracking by GetStateBasic polling', () => {
  let sim: Simulator | undefined;
  let worker: RunningWorker | undefined;
  let redis: Redis | undefined;
  let queue: Queue<SendJobData> | undefined;
  let prefix = '';

  afterEach(async () => {
    await worker?.close();
    await queue?.close();
    if (redis) await deleteKeys(redis, prefix);
    redis?.disconnect();
    await sim?.close();
    worker = undefined;
  });

  async function setUp(stepMs: number, env: Record<string, string> = {}) {
    sim = await startSimulator({ port: 0, stepMs, seed: 3 });
    prefix = uniquePrefix('track');
    redis = connectRedis();
    queue = new Queue<SendJobData>(QUEUE_NAMES.send, { connection: redis, prefix });
    const store = createMessageStore({ redis, sendQueue: queue, prefix });
    worker = await startWorker(
      loadWorkerConfig({
        REDIS_URL: redisUrl(),
        KEY_PREFIX: prefix,
        ECALL_ENDPOINT: sim.endpoint,
        ECALL_ACCOUNT_NAME: 'demo',
        ECALL_ACCOUNT_PASSWORD: 'demo',
        TRACK_SCHEDULE: '60ms',
        POLL_RATE_PER_SECOND: '1000',
        METRICS_PORT: '0',
        ...env,
      }),
      { logger: silentLogger },
    );
    const send = async (request: Omit<MessageRequest, 'createdAt'>) => {
      const id = createJobId();
      await store.create([{ id, request: { ...request, createdAt: new Date().toISOString() } }]);
      return id;
    };
    const reaches = (id: string, status: MessageStatus, timeoutMs = 15_000) =>
      waitFor(async () => ((await store.read(id))?.state.status === status ? store.get(id) : undefined), {
        timeoutMs,
        what: `${id} ${status}`,
      });
    return { store, send, reaches };
  }

  it('follows each channel to its final state by polling alone, and then stops polling', async () => {
    const { send, reaches } = await setUp(30);
    const ids = [
      await send({ channel: 'sms', to: ['0041791234567'], text: 'hi' }),
      await send({ channel: 'voice', to: ['0041791234567'], text: 'hallo', language: 'DE' }),
      await send({ channel: 'fax', to: ['0041441234567'], text: 'fax' }),
    ];
    for (const id of ids) {
      const record = await reaches(id, 'delivered');
      expect(record?.state.recipients[0]).toMatchObject({
        status: 'delivered',
        pointsUsed: expect.any(Number),
      });
      expect(record?.state.recipients[0]?.finishDate).toMatch(/Z$/);
      expect(record?.history.some((e) => e.type === 'recipient.delivered' && e.source === 'poll')).toBe(true);
    }
    const queries = sim?.stats().stateQueries ?? 0;
    const tracking = new Queue(QUEUE_NAMES.track, { connection: redis as Redis, prefix });
    await waitFor(async () => (await tracking.getJobCounts('delayed', 'waiting', 'active')).delayed === 0);
    await tracking.close();
    expect(sim?.stats().stateQueries).toBe(queries);
  });

  it('tracks each recipient of a multi-recipient message and fails only the one that failed', async () => {
    const { send, reaches } = await setUp(30);
    const id = await send({ channel: 'sms', to: ['0041791234567', '0041790000000'], text: 'two' });
    const record = await reaches(id, 'partially_delivered');
    expect(record?.state.recipients.map((r) => [r.address, r.status, r.sendState, r.errorState])).toEqual([
      ['0041791234567', 'delivered', 8, undefined],
      ['0041790000000', 'failed', 2, 5509],
    ]);
    const failure = record?.history.find((e) => e.type === 'recipient.failed');
    expect(failure).toMatchObject({ errorState: 5509, detail: expect.any(String), source: 'poll' });
  });

  it('marks recipients unconfirmed when the tracking window closes without a final state', async () => {
    const { send, reaches } = await setUp(60_000, { TRACKING_WINDOW_HOURS: String(0.5 / 3600) });
    const id = await send({ channel: 'sms', to: ['0041791234567'], text: 'slow' });
    const record = await reaches(id, 'unconfirmed');
    expect(record?.state.recipients[0]?.status).toBe('unconfirmed');
  });
});
