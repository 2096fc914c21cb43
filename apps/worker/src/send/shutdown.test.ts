import { type Simulator, startSimulator } from '@ecall-relay/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killAndWait, spawnTs } from '../../../../test/support/processes.ts';
import { waitFor } from '../../../../test/support/wait.ts';
import { jobsInHand } from '../main.ts';
import { storeSms, testStore, workerProcessEnv } from './testing/rig.ts';

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
      const { prefix, store, close } = testStore('shutdown');
      const ids = await storeSms(
        store,
        Array.from({ length: 12 }, (_, i) => `m ${i}`),
        { apart },
      );
      const env = workerProcessEnv(prefix, sim.endpoint, {
        WORKER_CONCURRENCY: '3',
        SHUTDOWN_TIMEOUT_MS: '10000',
        TRACK_SCHEDULE: '1h',
      });
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
      await close();
    },
  );
});
