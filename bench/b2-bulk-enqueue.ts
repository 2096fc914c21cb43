import { Queue } from 'bullmq';
import { type Bench, inLanes } from './context.ts';
import { BATCH, benchRequest, benchText } from './lib/messages.ts';
import { figure } from './results.ts';

/** Requests (or addBulk calls) in flight at once, the same on both sides. */
const LANES = 4;
const WARMUP_BATCHES = 4;

/**
 * B2: messages/s through `POST /v1/messages/batch` (1,000 per request) against raw `Queue.addBulk` of the same
 * count and the same data, both with {@link LANES} calls in flight.
 */
export const bulkEnqueue: Bench = async ({ services, redis, sizes, log, flush }) => {
  const api = await services.api();
  const batches = Math.max(1, Math.ceil(sizes.bulkMessages / BATCH));
  const messages = batches * BATCH;
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
  log(`B2 relay: ${messages} messages in batches of ${BATCH}, ${LANES} in flight`);
  await inLanes(WARMUP_BATCHES, LANES, postBatch);
  let started = performance.now();
  const apiCpu = api.child.cpuMs();
  await inLanes(batches, LANES, postBatch);
  const relayRate = (messages * 1000) / (performance.now() - started);
  const apiCpuMs = (api.child.cpuMs() - apiCpu) / messages;
  await flush();

  log('B2 baseline: Queue.addBulk');
  const queue = new Queue('baseline-bulk', { connection: redis, prefix: 'bench-base' });
  const jobs = Array.from({ length: BATCH }, (_, i) => ({ name: 'send', data: benchRequest(i) }));
  const addBatch = async () => {
    await queue.addBulk(jobs);
  };
  await inLanes(WARMUP_BATCHES, LANES, addBatch);
  started = performance.now();
  const ownCpu = process.cpuUsage();
  await inLanes(batches, LANES, addBatch);
  const baseRate = (messages * 1000) / (performance.now() - started);
  const used = process.cpuUsage(ownCpu);
  const baseCpuMs = (used.user + used.system) / 1000 / messages;
  await queue.close();
  await flush();

  return [
    figure({
      id: 'B2.messagesPerSecond',
      label: 'B2 bulk enqueue, messages/s',
      unit: 'msg/s',
      value: relayRate,
      baseline: baseRate,
      goal: { kind: 'min-ratio', target: 0.8 },
      invalid: rejected > 0,
      note:
        `baseline: Queue.addBulk of ${BATCH} jobs with the stored request as data; ${messages} messages; ` +
        `CPU per message: api ${apiCpuMs.toFixed(3)} ms, addBulk caller ${baseCpuMs.toFixed(3)} ms` +
        (rejected ? `; ${rejected} batches NOT answered 202, first: ${firstRejection}` : ''),
    }),
  ];
};
