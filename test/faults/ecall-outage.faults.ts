import { createMessageStore, QUEUE_NAMES, type SendJobData } from '@ecall-relay/messages';
import { type Simulator, startSimulator } from '@ecall-relay/simulator';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, deleteKeys, redisUrl, uniquePrefix } from '../support/redis.ts';
import { waitFor } from '../support/wait.ts';
import { maxCallsWithin, type RetrySettings } from './support/backoff-bound.ts';
import type { Child } from './support/child.ts';
import { startFeeder } from './support/feeder.ts';
import { printFigures, seconds } from './support/figures.ts';
import { startWorkerProcess } from './support/relay.ts';
import { byScale, faultScale } from './support/scale.ts';
import { countStatuses, describeCounts, submittedCount } from './support/store-state.ts';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.ts';

const OUTAGE_MS = byScale({ full: 60_000, ci: 10_000 });
const PER_SECOND = 20;
/** Enough to keep messages flowing before, during and for a while after the outage. */
const MESSAGES = PER_SECOND * (OUTAGE_MS / 1000 + 20);
/** Production grace and base; the cap is lowered from 10 min so the backlog drains within the test. */
const RETRY: RetrySettings = { graceMs: 2_000, baseMs: 1_000, maxMs: 15_000, inCallRetries: 2 };
const SEED = 73;

describe('F3: eCall unreachable for a while (connections refused)', () => {
  let sim: Simulator;
  let proxy: TcpProxy;
  const prefix = uniquePrefix('faults-outage');
  const redis = connectRedis();
  const queue = new Queue<SendJobData>(QUEUE_NAMES.send, { connection: redis, prefix });
  const store = createMessageStore({ redis, sendQueue: queue, prefix });
  let worker: Child | undefined;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, seed: SEED });
    proxy = await startTcpProxy(sim.port);
  });
  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await proxy.close();
    await sim.close();
    await queue.close();
    await deleteKeys(redis, prefix);
    redis.disconnect();
  });

  it('sends everything after recovery, once each, and backs off instead of spinning during the outage', {
    timeout: OUTAGE_MS + 5 * 60_000,
  }, async () => {
    worker = startWorkerProcess({
      redisUrl: redisUrl(),
      prefix,
      endpoint: `${proxy.url}/eCall.asmx`,
      env: {
        WORKER_CONCURRENCY: '20',
        AMBIGUOUS_GRACE_MS: String(RETRY.graceMs),
        RETRY_BASE_MS: String(RETRY.baseMs),
        RETRY_MAX_MS: String(RETRY.maxMs),
      },
    });
    const feeder = startFeeder(store, { perSecond: PER_SECOND, max: MESSAGES });
    const submitted = async () => submittedCount(await countStatuses(redis, prefix));
    const calls = () => {
      const stats = sim.stats();
      return (stats.faultsInjected.refused ?? 0) + stats.submissions + stats.stateQueries;
    };
    await waitFor(async () => (await submitted()) >= 2 * PER_SECOND, {
      timeoutMs: 60_000,
      what: 'the worker to send the first messages',
    });

    const before = {
      at: Date.now(),
      calls: calls(),
      accepted: await submitted(),
      sent: sim.stats().submissions,
    };
    sim.setFaults({ refuseConnections: true });
    // refuseConnections stops new connections only; a real outage also ends the open keep-alive ones.
    proxy.cut();
    // Requests already inside the simulator when the connections were cut may still be processed just after.
    await waitFor(() => Date.now() - before.at >= 1_000, { timeoutMs: 6_000, intervalMs: 50 });
    const settledSent = sim.stats().submissions;
    await waitFor(() => Date.now() - before.at >= OUTAGE_MS, {
      timeoutMs: OUTAGE_MS + 5_000,
      intervalMs: 200,
    });
    const during = {
      calls: calls() - before.calls,
      accepted: (await submitted()) - before.accepted,
      sent: sim.stats().submissions - before.sent,
      sentAfterFirstSecond: sim.stats().submissions - settledSent,
      created: feeder.ids().length,
    };
    sim.setFaults({ refuseConnections: false });
    const recoveredAt = Date.now();

    await feeder.done;
    await waitFor(async () => (await submitted()) === MESSAGES, {
      timeoutMs: RETRY.maxMs + 180_000,
      intervalMs: 200,
      what: `all ${MESSAGES} messages accepted after the outage`,
    });
    const drainMs = Date.now() - recoveredAt;
    await worker.stop('SIGTERM');

    const outageSeconds = OUTAGE_MS / 1000;
    const atRisk = during.created - before.accepted;
    const perMessage = maxCallsWithin(OUTAGE_MS, RETRY);
    const callsPerSecond = during.calls / outageSeconds;
    const bound = (atRisk * perMessage) / outageSeconds;
    const stats = sim.stats();
    const counts = await countStatuses(redis, prefix);
    const notOnce = feeder.ids().filter((id) => sim.job(id)?.jobs.length !== 1);
    printFigures(`F3 eCall outage (${faultScale()} scale, seed ${SEED})`, [
      ['messages', MESSAGES],
      ['outage', seconds(OUTAGE_MS)],
      ['messages waiting during the outage', atRisk],
      ['eCall calls during the outage', during.calls],
      ['eCall calls/s during the outage', callsPerSecond],
      ['calls per waiting message', atRisk ? during.calls / atRisk : 0],
      ['bound: calls per message in the window', perMessage],
      ['bound: calls/s (waiting x per message / window)', bound],
      ['submissions reaching eCall during the outage', during.sent],
      ['... of them after its first second', during.sentAfterFirstSecond],
      ['acceptances recorded during the outage', during.accepted],
      ['drain after recovery', seconds(drainMs)],
      ['simulator accepted / duplicates', `${stats.accepted} / ${stats.duplicates}`],
      ['GetStateBasic checks', stats.stateQueries],
      ['final statuses', describeCounts(counts)],
    ]);
    expect(during.calls).toBeGreaterThan(0);
    expect(during.sentAfterFirstSecond).toBe(0);
    expect(callsPerSecond).toBeLessThanOrEqual(bound);
    expect(submittedCount(counts)).toBe(MESSAGES);
    expect(stats.accepted).toBe(MESSAGES);
    expect(stats.duplicates).toBe(0);
    expect(notOnce).toEqual([]);
  });
});
