import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Bench } from './context.ts';
import { BATCH, benchRequest, benchStore, countAccepted, createMessages } from './lib/messages.ts';
import { pollUntil } from './lib/poll.ts';
import { infoField } from './machine.ts';
import { figure } from './results.ts';

const PREFIX = 'bench-mem';
const MIB = 1024 * 1024;

async function usedMemory(redis: Redis): Promise<number> {
  return Number(infoField(await redis.info('memory'), 'used_memory') ?? Number.NaN);
}

/** Redis bytes per raw BullMQ job whose data is the same stored request, added in batches of 1,000. */
async function rawJobBytes(redis: Redis, count: number): Promise<number> {
  const queue = new Queue('baseline-raw', { connection: redis, prefix: 'bench-base' });
  await queue.waitUntilReady();
  const before = await usedMemory(redis);
  for (let start = 0; start < count; start += BATCH) {
    const size = Math.min(BATCH, count - start);
    await queue.addBulk(
      Array.from({ length: size }, (_, k) => ({ name: 'send', data: benchRequest(start + k) })),
    );
  }
  const after = await usedMemory(redis);
  await queue.close();
  return (after - before) / count;
}

/**
 * B5: after N messages went from queued to accepted (worker in its own process, tracking slowed down), the
 * worker's RSS against the same worker idle before the run, and Redis bytes per message against a raw BullMQ
 * job with the same data, on the run's private Redis so nothing else is counted.
 */
export const memory: Bench = async ({ services, redis, sizes, log, flush }) => {
  const n = sizes.memoryMessages;
  await flush();
  log(`B5 baseline: ${n} raw BullMQ jobs`);
  const rawBytes = await rawJobBytes(redis, n);
  await flush();

  const sim = await services.simulator();
  const worker = await services.worker('worker-b5', {
    KEY_PREFIX: PREFIX,
    ECALL_ENDPOINT: sim.endpoint,
    WORKER_CONCURRENCY: String(sizes.concurrency),
    TRACK_SCHEDULE: '1h',
  });
  const idleRss = worker.rssBytes();
  const { store, queue } = benchStore(redis, PREFIX);
  const before = await usedMemory(redis);
  log(`B5 relay: ${n} messages to accepted`);
  let peakRss = idleRss;
  const sampleRss = setInterval(() => {
    peakRss = Math.max(peakRss, worker.rssBytes());
  }, 250);
  try {
    await createMessages(store, n);
    await pollUntil(() => countAccepted(redis, store), n, {
      what: 'B5 messages accepted',
      timeoutMs: 120_000 + n * 20,
      intervalMs: 100,
    });
  } finally {
    clearInterval(sampleRss);
  }
  const rss = worker.rssBytes();
  const relayBytes = ((await usedMemory(redis)) - before) / n;
  await queue.close();
  await worker.stop();
  await sim.stop();
  await flush();

  return [
    figure({
      id: 'B5.redisBytesPerMessage',
      label: `B5 Redis bytes per accepted message (N=${n})`,
      unit: 'B',
      value: relayBytes,
      baseline: rawBytes,
      goal: { kind: 'max-ratio', target: 6 },
      note: 'baseline: one raw BullMQ job with the same request as data (INFO used_memory delta / N)',
    }),
    figure({
      id: 'B5.workerRssMiB',
      label: `B5 worker RSS after N accepted (N=${n})`,
      unit: 'MiB',
      value: rss / MIB,
      baseline: idleRss / MIB,
      goal: { kind: 'max-ratio', target: 2 },
      note: `baseline: the same worker idle before the run; peak during the run ${(peakRss / MIB).toFixed(0)} MiB`,
    }),
  ];
};
