import type { Redis } from 'ioredis';
import type { Bench } from './context.ts';
import type { BenchChild } from './lib/child.ts';
import { benchStore, countAccepted, createMessages } from './lib/messages.ts';
import { pollUntil } from './lib/poll.ts';
import type { SimProcess } from './lib/services.ts';
import { figure } from './results.ts';

const LATENCY_MS = 100;
const PREFIX = 'bench-pipe';

interface RunResult {
  /** Messages per second, queued to accepted. */
  readonly rate: number;
  readonly cpuMsPerMessage: number;
}

interface SimCounters {
  accepted: number;
  duplicates: number;
}

/** Warm-up size of a run: enough for the JIT and connection pools, small next to the measured part. */
const warmupOf = (messages: number, concurrency: number) =>
  Math.min(1_000, Math.max(concurrency * 2, messages / 10));

/**
 * Stores `count` messages while the send queue is paused, then resumes it and times queued -> accepted
 * (the record's status), so the worker's start-up and the enqueueing are outside the measurement.
 */
async function timedRun(redis: Redis, count: number, worker: BenchChild): Promise<RunResult> {
  const { store, queue } = benchStore(redis, PREFIX);
  const before = await countAccepted(redis, store);
  await queue.pause();
  await createMessages(store, count);
  const started = performance.now();
  const cpuBefore = worker.cpuMs();
  await queue.resume();
  const done = await pollUntil(() => countAccepted(redis, store), before + count, {
    what: 'B3 messages accepted',
    stallMs: 30_000,
  });
  const cpuMsPerMessage = (worker.cpuMs() - cpuBefore) / count;
  await queue.close();
  return { rate: (count * 1000) / (done - started), cpuMsPerMessage };
}

/**
 * B3: messages/s from queued to accepted, worker and simulator each in their own process, tracking slowed
 * down so only sending is measured; against a bare loop of the eCall client at the same concurrency. Then
 * the same pipeline with 100 ms simulated latency, against the latency bound C / 0.1 s.
 */
export const workerPipeline: Bench = async ({ services, redis, sizes, log, flush }) => {
  const c = sizes.concurrency;
  const sim: SimProcess = await services.simulator();
  const worker = await services.worker('worker-b3', {
    KEY_PREFIX: PREFIX,
    ECALL_ENDPOINT: sim.endpoint,
    WORKER_CONCURRENCY: String(c),
    TRACK_SCHEDULE: '1h',
  });
  log(`B3 relay: ${sizes.pipelineMessages} messages, concurrency ${c}`);
  await sim.control('POST', '/_sim/reset');
  await timedRun(redis, warmupOf(sizes.pipelineMessages, c), worker);
  const relay = await timedRun(redis, sizes.pipelineMessages, worker);
  const relayStats = (await sim.control('GET', '/_sim/stats')) as SimCounters;

  log(`B3 latency: ${sizes.latencyMessages} messages, ${LATENCY_MS} ms per eCall answer`);
  await sim.control('POST', '/_sim/reset');
  await sim.control('PUT', '/_sim/faults', { latencyMs: LATENCY_MS });
  await timedRun(redis, warmupOf(sizes.latencyMessages, c), worker);
  const latency = await timedRun(redis, sizes.latencyMessages, worker);
  const latencyStats = (await sim.control('GET', '/_sim/stats')) as SimCounters;
  await worker.stop();
  await flush();

  log('B3 baseline: bare eCall client loop');
  await sim.control('POST', '/_sim/reset');
  const loop = services.start('bench/baseline/client-loop.ts', 'client-loop', {
    ECALL_ENDPOINT: sim.endpoint,
    CONCURRENCY: String(c),
    MESSAGES: String(sizes.pipelineMessages),
    WARMUP: String(warmupOf(sizes.pipelineMessages, c)),
  });
  const line = (await loop.line(/^RESULT (.+)$/, 600_000))[1] ?? '{}';
  const bare = JSON.parse(line) as { messages: number; accepted: number; elapsedMs: number; cpuMs: number };
  const baseRate = (bare.messages * 1000) / bare.elapsedMs;
  await sim.stop();
  const duplicates = relayStats.duplicates + latencyStats.duplicates;

  return [
    figure({
      id: 'B3.messagesPerSecond',
      label: `B3 worker pipeline, messages/s (C=${c})`,
      unit: 'msg/s',
      value: relay.rate,
      baseline: baseRate,
      goal: { kind: 'min-ratio', target: 0.7 },
      invalid: duplicates > 0 || bare.accepted !== bare.messages,
      note:
        `baseline: bare createEcallClient loop, ${c} in flight; ${sizes.pipelineMessages} messages; ` +
        `CPU per message: worker ${relay.cpuMsPerMessage.toFixed(2)} ms, ` +
        `bare loop ${(bare.cpuMs / bare.messages).toFixed(2)} ms` +
        (duplicates ? `; ${duplicates} DUPLICATE submissions` : ''),
    }),
    figure({
      id: 'B3.latencyMessagesPerSecond',
      label: `B3 pipeline at ${LATENCY_MS} ms latency, messages/s (C=${c})`,
      unit: 'msg/s',
      value: latency.rate,
      baseline: c / (LATENCY_MS / 1000),
      goal: { kind: 'min-ratio', target: 0.9 },
      invalid: duplicates > 0,
      note:
        `baseline: the latency bound C / ${LATENCY_MS / 1000} s; ${sizes.latencyMessages} messages; ` +
        `worker CPU per message ${latency.cpuMsPerMessage.toFixed(2)} ms`,
    }),
  ];
};
