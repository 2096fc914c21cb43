import { type Simulator, startSimulator } from '@ecall-relay/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killAndWait, spawnTs } from '../../../../test/support/processes.ts';
import { waitFor } from '../../../../test/support/wait.ts';
import { storeSms, testStore, workerProcessEnv } from './testing/rig.ts';

const MESSAGES = 60;

describe('a worker process killed with SIGKILL mid-run', () => {
  let sim: Simulator;
  beforeAll(async () => {
    // Slow answers and lost answers widen the window in which a kill lands between request and record.
    sim = await startSimulator({
      port: 0,
      stepMs: 50,
      seed: 11,
      faults: { latencyMs: 120, acceptThenDropRate: 0.1 },
    });
  });
  afterAll(async () => {
    await sim.close();
  });

  it.each([
    ['in chunk jobs', false],
    ['each in a job of its own', true],
  ])('still sends every message exactly once (%s)', { timeout: 90_000 }, async (_label, apart) => {
    sim.reset();
    const { prefix, store, close } = testStore('crash');
    // Together, the messages share chunk jobs of 25 (two full, the third not); apart, each has its own.
    const texts = Array.from({ length: MESSAGES }, (_, i) => `m ${i}`);
    const ids = await storeSms(store, texts, { apart });

    const env = workerProcessEnv(prefix, sim.endpoint, {
      WORKER_CONCURRENCY: '8',
      LOCK_DURATION_MS: '1500',
      STALLED_INTERVAL_MS: '500',
      AMBIGUOUS_GRACE_MS: '50',
      RETRY_BASE_MS: '50',
      RETRY_MAX_MS: '300',
    });
    const accepted = async () => {
      let n = 0;
      for (const id of ids) if ((await store.read(id))?.state.status === 'accepted') n++;
      return n;
    };
    let kills = 0;
    for (const target of [10, 25, 40]) {
      const child = spawnTs('apps/worker/src/main.ts', env);
      try {
        await waitFor(async () => (await accepted()) >= target, {
          timeoutMs: 30_000,
          what: `${target} accepted`,
        });
      } finally {
        // Killed whether or not the target was reached: a failed run must not leave a worker behind.
        await killAndWait(child, 'SIGKILL');
      }
      kills++;
    }
    const last = spawnTs('apps/worker/src/main.ts', env);
    try {
      await waitFor(async () => (await accepted()) === MESSAGES, { timeoutMs: 45_000, what: 'all accepted' });
    } finally {
      await killAndWait(last, 'SIGTERM');
    }
    const stats = sim.stats();
    expect(kills).toBe(3);
    expect(stats.accepted).toBe(MESSAGES);
    expect(stats.duplicates).toBe(0);
    await close();
  });
});
