import { Queue } from 'bullmq';
import { type Bench, inLanes } from './context.ts';
import { BATCH, benchRequest, benchStore, benchText, createMessages } from './lib/messages.ts';
import { redisCpuMs } from './machine.ts';
import { figure } from './results.ts';

/** Requests (or addBulk calls) in flight at once, the same on both sides. */
const LANES = 4;
const WARMUP_BATCHES = 4;

/** One side's measured rounds, added up: wall time, CPU of its caller (api or this process), CPU of Redis. */
interface Tally {
  ms: number;
  cpuMs: number;
  redisCpuMs: number;
}
const emptyTally = (): Tally => ({ ms: 0, cpuMs: 0, redisCpuMs: 0 });

/**
 * B2: messages/s through `POST /v1/messages/batch` (1,000 per request) against raw `Queue.addBulk` of the same
 * count and the same data, both with {@link LANES} calls in flight. A third side, the floor, is the relay's
 * durable write alone: `MessageStore.create` of the same batches called here, as `addBulk` is (no HTTP, no
 * validation), which bounds what the endpoint can reach. All are warmed, then measured in rounds ordered relay,
 * baseline, floor, floor, baseline, relay (Redis emptied after each), so that a machine whose speed drifts
 * during the run weighs on all alike.
 */
export const bulkEnqueue: Bench = async ({ services, redis, sizes, log, flush }) => {
  const api = await services.api();
  const perRound = Math.max(1, Math.ceil(sizes.bulkMessages / BATCH / 2));
  const messages = 2 * perRound * BATCH;
  const body = JSON.stringify({
    messages: Array.from({ length: BATCH }, (_, i) => ({
      channel: 'sms',
      to: '+41 79 123 45 67',
      text: benchText(i),
    })),
  });
  let rejected = 0;
  let firstRejection: string | undefined;
  const postBatch = async () => {
    const res = await fetch(`${api.origin}/v1/messages/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${api.apiKey}` },
      body,
    });
    const text = await res.text();
    if (res.status !== 202) {
      rejected++;
      firstRejection ??= `${res.status} ${text.slice(0, 200)}`;
    }
  };
  const queue = new Queue('baseline-bulk', { connection: redis, prefix: 'bench-base' });
  const jobs = Array.from({ length: BATCH }, (_, i) => ({ name: 'send', data: benchRequest(i) }));
  const addBatch = async () => {
    await queue.addBulk(jobs);
  };
  const floorStore = benchStore(redis, 'bench-floor');
  const storeBatch = () => createMessages(floorStore.store, BATCH);
  const ownCpuMs = () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
  const sides = {
    relay: { task: postBatch, cpuMs: () => api.child.cpuMs(), tally: emptyTally() },
    baseline: { task: addBatch, cpuMs: ownCpuMs, tally: emptyTally() },
    floor: { task: storeBatch, cpuMs: ownCpuMs, tally: emptyTally() },
  };

  log(
    `B2 relay, Queue.addBulk and the floor: ${messages} messages each in batches of ${BATCH}, ${LANES} in flight`,
  );
  for (const side of Object.values(sides)) await inLanes(WARMUP_BATCHES, LANES, side.task);
  await flush();
  for (const name of ['relay', 'baseline', 'floor', 'floor', 'baseline', 'relay'] as const) {
    const side = sides[name];
    const started = performance.now();
    const cpuBefore = side.cpuMs();
    const redisBefore = await redisCpuMs(redis);
    await inLanes(perRound, LANES, side.task);
    side.tally.ms += performance.now() - started;
    side.tally.cpuMs += side.cpuMs() - cpuBefore;
    side.tally.redisCpuMs += (await redisCpuMs(redis)) - redisBefore;
    await flush();
  }
  await Promise.all([queue.close(), floorStore.queue.close(), floorStore.store.chunkQueue.close()]);

  const { relay, baseline, floor } = sides;
  const cpuPerMessage = (tally: Tally) => (tally.cpuMs / messages).toFixed(3);
  const redisPerMessage = (tally: Tally) => `${Math.round((1000 * tally.redisCpuMs) / messages)} µs`;
  return [
    figure({
      id: 'B2.messagesPerSecond',
      label: 'B2 bulk enqueue, messages/s',
      unit: 'msg/s',
      value: (messages * 1000) / relay.tally.ms,
      baseline: (messages * 1000) / baseline.tally.ms,
      goal: { kind: 'min-ratio', target: 0.8 },
      invalid: rejected > 0,
      note:
        `baseline: Queue.addBulk of ${BATCH} jobs with the stored request as data; ${messages} messages each ` +
        `in two rounds; CPU per message: api ${cpuPerMessage(relay.tally)} ms, ` +
        `addBulk caller ${cpuPerMessage(baseline.tally)} ms; Redis CPU per message ` +
        `${redisPerMessage(relay.tally)} / ${redisPerMessage(baseline.tally)}` +
        (rejected ? `; ${rejected} batches NOT answered 202, first: ${firstRejection}` : ''),
    }),
    figure({
      id: 'B2.floorMessagesPerSecond',
      label: 'B2 floor: the store write alone, messages/s',
      unit: 'msg/s',
      value: (messages * 1000) / floor.tally.ms,
      baseline: (messages * 1000) / baseline.tally.ms,
      note:
        `MessageStore.create of ${BATCH} messages per call (record, history, indexes, send job), called like ` +
        `addBulk: no HTTP, validation or idempotency; CPU per message: caller ${cpuPerMessage(floor.tally)} ms, ` +
        `Redis ${redisPerMessage(floor.tally)}`,
    }),
  ];
};
