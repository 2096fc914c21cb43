import { createMessageStore, QUEUE_NAMES, type SendJobData } from '@ecall-relay/messages';
import { type Simulator, startSimulator } from '@ecall-relay/simulator';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killAndWait, spawnTs } from '../../../../test/support/processes.ts';
import { connectRedis, deleteKeys, redisUrl, uniquePrefix } from '../../../../test/support/redis.ts';
import { waitFor } from '../../../../test/support/wait.ts';
import { jobsInHand } from '../main.ts';
import { storeSms } from './testing/rig.ts';

describe('worker shutdown on SIGTERM', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, stepMs: 60_000, faults: { latencyMs: 800 } });
  });
  afterAll(async () => {
    await sim.close();
  });

  it.each([
    ['in one chunk job', false],
    ['each in a job of its own', true],
  ])(
    'lets calls in flight finish, takes nothing new, exits 0, and loses nothing (%s)',
    {
      timeout: 60_000,
    },
    async (_label, apart) => {
      sim.reset();
      const prefix = uniquePrefix('shutdown');
      const redis = connectRedis();
      const queue = new Queue<SendJobData>(QUEUE_NAMES.send, { connection: redis, prefix });
      const store = createMessageStore({ redis, sendQueue: queue, prefix });
      const ids = await storeSms(
        store,
        Array.from({ length: 12 }, (_, i) => `m ${i}`),
        { apart },
      );
      const env = {
        REDIS_URL: redisUrl(),
        KEY_PREFIX: prefix,
        ECALL_ENDPOINT: sim.endpoint,
        ECALL_ACCOUNT_NAME: 'demo',
        ECALL_ACCOUNT_PASSWORD: 'demo',
        WORKER_CONCURRENCY: '3',
        SHUTDOWN_TIMEOUT_MS: '10000',
        TRACK_SCHEDULE: '1h',
        METRICS_PORT: '0',
        LOG_LEVEL: 'silent',
      };
      const statuses = async () => Promise.all(ids.map(async (id) => (await store.read(id))?.state.status));
      const child = spawnTs('apps/worker/src/main.ts', env);
      try {
        // Three calls in flight (WORKER_CONCURRENCY), and the fourth message in hand claimed and waiting for a slot.
        await waitFor(async () => (await statuses()).filter((s) => s === 'submitting').length >= 3, {
          what: 'three calls in flight',
        });
        const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
        child.kill('SIGTERM');
        expect(await exited).toBe(0);
      } finally {
        await killAndWait(child, 'SIGKILL');
      }
      const after = await statuses();
      // The calls in flight, and the job that waited for a slot, were answered and recorded; nothing was left
      // half-done or failed.
      expect(after.filter((s) => s === 'submitting')).toEqual([]);
      // Only what the worker had in hand (four messages for three calls) was sent before it exited.
      expect(after.filter((s) => s === 'accepted').length).toBeGreaterThanOrEqual(3);
      expect(after.filter((s) => s === 'accepted').length).toBeLessThanOrEqual(jobsInHand(3));
      expect(after.every((s) => s === 'accepted' || s === 'queued')).toBe(true);

      const next = spawnTs('apps/worker/src/main.ts', env);
      try {
        await waitFor(async () => (await statuses()).every((s) => s === 'accepted'), {
          timeoutMs: 30_000,
          what: 'all sent',
        });
      } finally {
        await killAndWait(next, 'SIGTERM');
      }
      expect(sim.stats()).toMatchObject({ accepted: ids.length, duplicates: 0 });
      await queue.close();
      await deleteKeys(redis, prefix);
      redis.disconnect();
    },
  );
});
