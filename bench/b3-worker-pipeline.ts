import type { SimStats } from '@ecall-relay/simulator';
import type { Redis } from 'ioredis';
import type { Bench } from './context.ts';
import type { BenchChild } from './lib/child.ts';
import { benchStore, countAccepted, createMessages } from './lib/messages.ts';
import { pollUntil } from './lib/poll.ts';
import type { SimProcess } from './lib/services.ts';
import { redisCpuMs } from './machine.ts';
import { figure } from './results.ts';

const LATENCY_MS = 100;
const PREFIX = 'bench-pipe';

interface RunResult {
  /** From resume to the last message accepted. */
  readonly ms: number;
  /** The worker's CPU time over the same span. */
  readonly cpuMs: number;
  /** Redis's CPU time over the same span. */
  readonly redisCpuMs: number;
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
  // Both send queues: a message's own jobs and the chunks that the messages of one create call share.
  const queues = [queue, store.chunkQueue];
  const before = await countAccepted(redis, store);
  await Promise.all(queues.map((q) => q.pause()));
  await createMessages(store, count);
  const started = performance.now();
  const cpuBefore = worker.cpuMs();
  const redisBefore = await redisCpuMs(redis);
  await Promise.all(queues.map((q) => q.resume()));
  const done = await pollUntil(() => countAccepted(redis, store), before + count, {
    what: 'B3 messages accepted',
    stallMs: 30_000,
  });
  const cpuMs = worker.cpuMs() - cpuBefore;
  const redisMs = (await redisCpuMs(redis)) - redisBefore;
  await Promise.all(queues.map((q) => q.close()));
  return { ms: done - started, cpuMs, redisCpuMs: redisMs };
}

/** One side's measured rounds, added up. */
interface Tally {
  messages: number;
  ms: number;
  cpuMs: number;
  redisCpuMs: number;
}

const emptyTally = (): Tally => ({ messages: 0, ms: 0, cpuMs: 0, redisCpuMs: 0 });

const rate = (tally: Tally) => (tally.messages * 1000) / tally.ms;

const add = (tally: Tally, messages: number, ms: number, cpuMs: number, redisMs = 0) => {
  tally.messages += messages;
  tally.ms += ms;
  tally.cpuMs += cpuMs;
  tally.redisCpuMs += redisMs;
};

/** The bare client loop's answer to one `run` line. */
interface LoopRound {
  readonly label: string;
  readonly messages: number;
  readonly accepted: number;
  readonly elapsedMs: number;
  readonly cpuMs: number;
}

/** One round as the run's log shows it: its rate and the CPU time per message of its process. */
const roundLine = (side: string, messages: number, ms: number, cpuMs: number) =>
  `${side} ${Math.round((messages * 1000) / ms)} msg/s (${(cpuMs / messages).toFixed(2)} ms CPU/msg)`;

/**
 * The measured rounds: two blocks, relay-loop-loop-relay then loop-relay-relay-loop, so that a machine whose speed
 * drifts during the run weighs on both sides alike, and a spell of a few seconds on a shared machine weighs on one
 * round of four per side instead of one of two.
 */
const ROUNDS = [
  ['relay', 'loop', 'loop', 'relay'],
  ['loop', 'relay', 'relay', 'loop'],
] as const;

/**
 * B3: messages/s from queued to accepted, worker and simulator each in their own process, tracking slowed
 * down so only sending is measured; against a bare loop of the eCall client at the same concurrency. Both are
 * warmed with a round of the measured size, then measured in the {@link ROUNDS}; the ratio is over all of them,
 * and each block's own ratio is noted to show the spread. Then the same pipeline with 100 ms simulated latency,
 * against the latency bound C / 0.1 s.
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
  const loop = services.start('bench/baseline/client-loop.ts', 'client-loop', {
    ECALL_ENDPOINT: sim.endpoint,
    CONCURRENCY: String(c),
  });
  await loop.line(/^READY$/, 60_000);
  const loopRound = async (label: string, count: number): Promise<LoopRound> => {
    loop.send(`run ${label} ${count}`);
    const line = (await loop.line(new RegExp(`^RESULT (\\{"label":"${label}".+)$`), 600_000))[1] ?? '{}';
    return JSON.parse(line) as LoopRound;
  };

  const half = Math.ceil(sizes.pipelineMessages / 2);
  log(
    `B3 relay and bare loop: ${2 * ROUNDS.length * half} messages each, concurrency ${c}, ` +
      `after a warm-up round each, rounds ${ROUNDS.map((block) => block.join('-')).join(', ')}`,
  );
  // A full round each to warm up: with less (1,000 messages), the first measured round of each side still ran
  // 25-45 % slower than the later ones, and the ratio depended on whose cold round weighed more.
  await sim.control('POST', '/_sim/reset');
  const rounds: string[] = [];
  const warmRelay = await timedRun(redis, half, worker);
  const warmLoop = await loopRound('warm', half);
  rounds.push(
    `warm-up: ${roundLine('relay', half, warmRelay.ms, warmRelay.cpuMs)}, ` +
      roundLine('loop', warmLoop.messages, warmLoop.elapsedMs, warmLoop.cpuMs),
  );
  const relay = emptyTally();
  const bare = emptyTally();
  let duplicates = 0;
  let bareRefused = 0;
  const blockRatios: number[] = [];
  for (const block of ROUNDS) {
    const blockRelay = emptyTally();
    const blockBare = emptyTally();
    for (const side of block) {
      await sim.control('POST', '/_sim/reset');
      if (side === 'relay') {
        const run = await timedRun(redis, half, worker);
        add(blockRelay, half, run.ms, run.cpuMs, run.redisCpuMs);
        rounds.push(roundLine('relay', half, run.ms, run.cpuMs));
        duplicates += ((await sim.control('GET', '/_sim/stats')) as SimStats).duplicates;
      } else {
        const round = await loopRound(`r${bare.messages + blockBare.messages}`, half);
        add(blockBare, round.messages, round.elapsedMs, round.cpuMs);
        rounds.push(roundLine('loop', round.messages, round.elapsedMs, round.cpuMs));
        bareRefused += round.messages - round.accepted;
      }
    }
    blockRatios.push(rate(blockRelay) / rate(blockBare));
    add(relay, blockRelay.messages, blockRelay.ms, blockRelay.cpuMs, blockRelay.redisCpuMs);
    add(bare, blockBare.messages, blockBare.ms, blockBare.cpuMs);
  }
  await loop.finish();
  log(`B3 rounds: ${rounds.join('; ')}`);

  log(`B3 latency: ${sizes.latencyMessages} messages, ${LATENCY_MS} ms per eCall answer`);
  await sim.control('POST', '/_sim/reset');
  await sim.control('PUT', '/_sim/faults', { latencyMs: LATENCY_MS });
  await timedRun(redis, warmupOf(sizes.latencyMessages, c), worker);
  const latency = await timedRun(redis, sizes.latencyMessages, worker);
  // With 100 ms answers, soapInProgress says how many of its C calls the worker kept open. The throughput rounds do
  // not report it: without latency the simulator answers each request as it comes, so its mean stays near 1.
  const latencyStats = (await sim.control('GET', '/_sim/stats')) as SimStats;
  duplicates += latencyStats.duplicates;
  await worker.stop();
  await sim.stop();
  await flush();

  const relayRate = rate(relay);
  const bareRate = rate(bare);
  return [
    figure({
      id: 'B3.messagesPerSecond',
      label: `B3 worker pipeline, messages/s (C=${c})`,
      unit: 'msg/s',
      value: relayRate,
      baseline: bareRate,
      goal: { kind: 'min-ratio', target: 0.7 },
      invalid: duplicates > 0 || bareRefused > 0,
      note:
        `baseline: bare createEcallClient loop, ${c} in flight; ${relay.messages} messages each in ` +
        `${relay.messages / half} rounds (blocks ${blockRatios.map((r) => `${r.toFixed(2)}x`).join(', ')}); ` +
        `CPU per message: worker ${(relay.cpuMs / relay.messages).toFixed(2)} ms, ` +
        `bare loop ${(bare.cpuMs / bare.messages).toFixed(2)} ms; Redis CPU per relayed message ` +
        `${Math.round((1000 * relay.redisCpuMs) / relay.messages)} µs` +
        (duplicates ? `; ${duplicates} DUPLICATE submissions` : '') +
        (bareRefused ? `; ${bareRefused} bare-loop sends NOT accepted` : ''),
    }),
    figure({
      id: 'B3.latencyMessagesPerSecond',
      label: `B3 pipeline at ${LATENCY_MS} ms latency, messages/s (C=${c})`,
      unit: 'msg/s',
      value: (sizes.latencyMessages * 1000) / latency.ms,
      baseline: c / (LATENCY_MS / 1000),
      goal: { kind: 'min-ratio', target: 0.9 },
      invalid: duplicates > 0,
      note:
        `baseline: the latency bound C / ${LATENCY_MS / 1000} s; ${sizes.latencyMessages} messages; ` +
        `worker CPU per message ${(latency.cpuMs / sizes.latencyMessages).toFixed(2)} ms; calls open at the ` +
        `simulator ${latencyStats.soapInProgress.meanWhileBusy.toFixed(1)} of ${c} (mean while busy, warm-up included)`,
    }),
  ];
};
