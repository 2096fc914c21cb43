import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LocalRedisServer, startRedisServer } from '@ecall-relay/local-redis';
import { storeKeys } from '@ecall-relay/messages';
import { type Simulator, startSimulator } from '@ecall-relay/simulator';
import { Redis } from 'ioredis';
import { waitFor } from '../../support/wait.ts';
import { type ApiProcess, startApiProcess } from './api-process.ts';
import type { Child } from './child.ts';
import { type PostRecord, startPoster } from './poster.ts';
import { startWorkerProcess } from './relay.ts';
import { submittedIds } from './store-state.ts';

/** What one Redis crash-and-restart run measured. */
export interface RestartRun {
  readonly acked: number;
  /** Acknowledged (202) ids without a record after the restart. */
  readonly lost: readonly string[];
  /** Acknowledged ids the simulator did not see exactly once (lost ones excluded). */
  readonly notOnce: readonly string[];
  readonly duplicates: number;
  /** Records stored without their client getting a 202 (the answer was lost with Redis). */
  readonly storedWithout202: number;
  readonly records: readonly PostRecord[];
  /** Poster-relative window in which Redis was down. */
  readonly down: { readonly from: number; readonly to: number };
  readonly survived: { readonly api: boolean; readonly worker: boolean };
}

/** Options of {@link runRedisRestart}. */
export interface RestartOptions {
  readonly appendfsync: 'always' | 'everysec';
  /** Acknowledged messages to reach in all; Redis is killed at a third of them. */
  readonly target: number;
  /** How long Redis stays down. */
  readonly downMs: number;
  readonly seed: number;
}

const KEY = 'restart-ops-key-0123456789';
const PREFIX = 'faults-restart';

/**
 * Runs api and worker processes against a private AOF redis-server while a client posts SMS; SIGKILLs Redis
 * at a third of `target`, restarts it on the same port and directory after `downMs`, posts on to `target`,
 * then waits until every acknowledged message is accepted by the simulator or known to be lost.
 */
export async function runRedisRestart(options: RestartOptions): Promise<RestartRun> {
  const dir = mkdtempSync(join(tmpdir(), 'faults-redis-'));
  let redis: LocalRedisServer | undefined;
  let sim: Simulator | undefined;
  let api: ApiProcess | undefined;
  let worker: Child | undefined;
  let check: Redis | undefined;
  try {
    redis = await startRedisServer({ dir, appendfsync: options.appendfsync });
    const { port, url } = redis;
    sim = await startSimulator({ port: 0, seed: options.seed });
    api = await startApiProcess({
      REDIS_URL: url,
      KEY_PREFIX: PREFIX,
      RELAY_API_KEYS: `ops:send+read:${KEY}`,
    });
    worker = startWorkerProcess({
      redisUrl: url,
      prefix: PREFIX,
      endpoint: sim.endpoint,
      env: {
        LOCK_DURATION_MS: '5000',
        STALLED_INTERVAL_MS: '2000',
        AMBIGUOUS_GRACE_MS: '300',
        RETRY_BASE_MS: '100',
        RETRY_MAX_MS: '2000',
      },
    });
    const poster = startPoster({ apiUrl: api.url, key: KEY, maxRequests: options.target * 50 });
    const acked = () => poster.acked().length;
    await waitFor(() => acked() >= options.target / 3, {
      timeoutMs: 120_000,
      what: 'a third of the messages',
    });
    await redis.kill();
    const from = Date.now() - poster.startedAt;
    const refusedSinceKill = () =>
      poster.records().filter((r) => r.startedAt >= from && r.status === 503).length;
    await waitFor(() => Date.now() - poster.startedAt - from >= options.downMs && refusedSinceKill() > 0, {
      timeoutMs: options.downMs + 30_000,
      what: '503 answers while Redis is down',
    });
    redis = await startRedisServer({ port, dir, appendfsync: options.appendfsync });
    const to = Date.now() - poster.startedAt;
    await waitFor(() => acked() >= options.target, {
      timeoutMs: 180_000,
      what: `${options.target} acknowledged`,
    });
    poster.stop();
    await poster.done;

    const client = new Redis(url, { maxRetriesPerRequest: 3 });
    check = client;
    const ids = poster.acked();
    const keys = storeKeys(PREFIX);
    const { lost } = await waitFor(
      async () => {
        const sent = await submittedIds(client, PREFIX);
        const pending = ids.filter((id) => !sent.has(id));
        const exists = await Promise.all(pending.map((id) => client.exists(keys.record(id))));
        const missing = pending.filter((_, i) => exists[i] === 0);
        return missing.length === pending.length && { lost: missing };
      },
      { timeoutMs: 180_000, intervalMs: 250, what: 'every acknowledged message accepted or known lost' },
    );
    const lostSet = new Set(lost);
    const survived = { api: api.child.alive() && (await api.healthy()), worker: worker.alive() };
    return {
      acked: ids.length,
      lost,
      notOnce: ids.filter((id) => !lostSet.has(id) && sim?.job(id)?.jobs.length !== 1),
      duplicates: sim.stats().duplicates,
      storedWithout202: (await client.zcard(keys.all)) - (ids.length - lost.length),
      records: poster.records(),
      down: { from, to },
      survived,
    };
  } finally {
    check?.disconnect();
    await worker?.stop('SIGKILL');
    await api?.child.stop('SIGKILL');
    await redis?.kill();
    await sim?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
