import { createMessageStore, QUEUE_NAMES, type SendJobData } from '@ecall-relay/messages';
import { type Simulator, startSimulator } from '@ecall-relay/simulator';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, deleteKeys, redisUrl, uniquePrefix } from '../support/redis.ts';
import { waitFor } from '../support/wait.ts';
import type { Child } from './support/child.ts';
import { printFigures, seconds } from './support/figures.ts';
import { createPrng } from './support/prng.ts';
import { seedMessages, startWorkerProcess } from './support/relay.ts';
import { byScale, faultScale } from './support/scale.ts';
import { countStatuses, describeCounts, submittedCount } from './support/store-state.ts';

const MESSAGES = byScale({ full: 20_000, ci: 2_000 });
/** How long each worker process lives once it has made progress: "every few seconds". */
const LIFE_MS = byScale({ full: [3_000, 8_000], ci: [2_000, 4_000] } as const);
const MIN_KILLS = byScale({ full: 10, ci: 3 });
/** Messages one worker may finish before it is killed anyway, so every scale sees at least 2 x MIN_KILLS. */
const MAX_PER_LIFE = Math.floor(MESSAGES / (2 * MIN_KILLS));
const DEADLINE_MS = byScale({ full: 20 * 60_000, ci: 120_000 });
const SEED = 61;

describe('F1: worker processes killed with SIGKILL every few seconds', () => {
  let sim: Simulator;
  const prefix = uniquePrefix('faults-crash');
  const redis = connectRedis();
  const queue = new Queue<SendJobData>(QUEUE_NAMES.send, { connection: redis, prefix });
  const store = createMessageStore({ redis, sendQueue: queue, prefix });
  let worker: Child | undefined;

  beforeAll(async () => {
    // 10 % transient answers and 2 % lost answers to accepted sends: kills land on every kind of attempt.
    sim = await startSimulator({
      port: 0,
      seed: SEED,
      faults: { rate11403: 0.05, rate11999: 0.05, acceptThenDropRate: 0.02 },
    });
  });
  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await sim.close();
    await queue.close();
    await deleteKeys(redis, prefix);
    redis.disconnect();
  });

  it('submits every message exactly once: none lost, no duplicate submission', {
    timeout: DEADLINE_MS + 60_000,
  }, async () => {
    const ids = await seedMessages(store, MESSAGES);
    const prng = createPrng(SEED);
    const setup = {
      redisUrl: redisUrl(),
      prefix,
      endpoint: sim.endpoint,
      // Short locks so a killed worker's jobs come back within seconds, not the production 30 s.
      env: {
        WORKER_CONCURRENCY: '20',
        LOCK_DURATION_MS: '3000',
        STALLED_INTERVAL_MS: '1000',
        AMBIGUOUS_GRACE_MS: '300',
        RETRY_BASE_MS: '100',
        RETRY_MAX_MS: '2000',
      },
    };
    const submitted = async () => submittedCount(await countStatuses(redis, prefix));
    const started = Date.now();
    let kills = 0;
    const report = async () => {
      const durationMs = Date.now() - started;
      const counts = await countStatuses(redis, prefix);
      const stats = sim.stats();
      const lost = ids.filter((id) => sim.job(id)?.jobs.length !== 1);
      printFigures(`F1 crash (${faultScale()} scale, seed ${SEED})`, [
        ['messages', MESSAGES],
        ['worker SIGKILLs', kills],
        ['duration', seconds(durationMs)],
        ['messages/s', (MESSAGES * 1000) / durationMs],
        ['records accepted', submittedCount(counts)],
        ['simulator accepted', stats.accepted],
        ['duplicate submissions', stats.duplicates],
        ['JobIDs not seen exactly once', lost.length],
        ['send requests', stats.submissions],
        ['retried submissions (requests - messages)', stats.submissions - MESSAGES],
        ['injected 11403 / 11999', `${stats.faultsInjected['11403']} / ${stats.faultsInjected['11999']}`],
        ['injected accept-then-drop', stats.faultsInjected['accept-then-drop'] ?? 0],
        ['GetStateBasic checks', stats.stateQueries],
        ['final statuses', describeCounts(counts)],
      ]);
      return { counts, stats, lost };
    };
    let outcome: Awaited<ReturnType<typeof report>> | undefined;
    try {
      for (let round = 0; ; round++) {
        if (Date.now() - started > DEADLINE_MS) throw new Error(`not done after ${seconds(DEADLINE_MS)}`);
        const child = startWorkerProcess(setup);
        worker = child;
        const before = await submitted();
        const lifeMs = prng.int(LIFE_MS[0], LIFE_MS[1]);
        let workingSince: number | undefined;
        const next = await waitFor(
          async () => {
            if (!child.alive()) throw new Error(`worker exited on its own:\n${child.stderrTail()}`);
            const now = await submitted();
            if (now === MESSAGES) return 'done';
            // The clock starts at the first progress: startup under tsx takes seconds on a busy machine.
            if (workingSince === undefined && now > before) workingSince = Date.now();
            const lived = workingSince !== undefined && Date.now() - workingSince >= lifeMs;
            // On a fast machine a few seconds would cover the whole run: cap the work per life as well.
            return lived || now - before >= MAX_PER_LIFE ? 'kill' : false;
          },
          { timeoutMs: lifeMs + 60_000, intervalMs: 100, what: `progress of worker round ${round}` },
        );
        if (next === 'done') break;
        await child.stop('SIGKILL');
        kills++;
      }
      await worker?.stop('SIGTERM');
    } finally {
      outcome = await report();
    }
    const { counts, stats, lost } = outcome;
    expect(kills).toBeGreaterThanOrEqual(MIN_KILLS);
    expect(submittedCount(counts)).toBe(MESSAGES);
    expect(stats.accepted).toBe(MESSAGES);
    expect(stats.duplicates).toBe(0);
    expect(lost).toEqual([]);
  });
});
