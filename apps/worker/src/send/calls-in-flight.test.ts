import { createEcallClient, type EcallClient } from '@ecall-relay/ecall';
import { createJobId, createMessageStore, QUEUE_NAMES, type SendJobData } from '@ecall-relay/messages';
import { type Simulator, startSimulator } from '@ecall-relay/simulator';
import { type Job, Queue, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, deleteKeys, uniquePrefix } from '../../../../test/support/redis.ts';
import { waitFor } from '../../../../test/support/wait.ts';
import { silentLogger } from '../logger.ts';
import { jobsInHand } from '../main.ts';
import { createSendProcessor } from './processor.ts';

const CALLS = 3;
const MESSAGES = 24;

/** Tracks how many of something run at once, and the most seen. */
function gauge() {
  let now = 0;
  let most = 0;
  return {
    async around<T>(work: () => Promise<T>): Promise<T> {
      most = Math.max(most, ++now);
      try {
        return await work();
      } finally {
        now--;
      }
    },
    get most() {
      return most;
    },
  };
}

describe('calls in flight toward eCall', () => {
  let sim: Simulator;
  beforeAll(async () => {
    // Slow answers keep every slot busy long enough for the waiting jobs to pile up behind them.
    sim = await startSimulator({ port: 0, stepMs: 50, seed: 3, faults: { latencyMs: 150 } });
  });
  afterAll(async () => {
    await sim.close();
  });

  it(`stay at WORKER_CONCURRENCY (${CALLS}) while the worker holds more jobs than that`, async () => {
    const prefix = uniquePrefix('in-flight');
    const redis = connectRedis();
    const queue = new Queue<SendJobData>(QUEUE_NAMES.send, { connection: redis, prefix });
    const store = createMessageStore({ redis, sendQueue: queue, prefix });
    const client = createEcallClient({
      endpoint: sim.endpoint,
      accountName: 'demo',
      accountPassword: 'demo',
    });
    const calls = gauge();
    const jobs = gauge();
    // The real client, counted: every send operation the processor may use goes through `calls`.
    const counted: EcallClient = {
      ...client,
      sendSms: (input, options) => calls.around(() => client.sendSms(input, options)),
    };
    const processor = createSendProcessor({
      store,
      client: counted,
      logger: silentLogger,
      maxCallsInFlight: CALLS,
    });
    const workerConnection = redis.duplicate();
    const worker = new Worker<SendJobData>(
      QUEUE_NAMES.send,
      (job: Job<SendJobData>, token?: string) => jobs.around(() => processor(job, token)),
      { connection: workerConnection, prefix, concurrency: jobsInHand(CALLS) },
    );
    try {
      const ids = Array.from({ length: MESSAGES }, () => createJobId());
      const createdAt = new Date().toISOString();
      await store.create(
        ids.map((id) => ({ id, request: { channel: 'sms', to: ['0041791234567'], text: id, createdAt } })),
      );
      await waitFor(
        async () => {
          let accepted = 0;
          for (const id of ids) if ((await store.read(id))?.state.status === 'accepted') accepted++;
          return accepted === MESSAGES;
        },
        { timeoutMs: 20_000, what: `${MESSAGES} accepted` },
      );
      expect(calls.most).toBe(CALLS);
      expect(jobs.most).toBe(jobsInHand(CALLS));
      expect(jobsInHand(CALLS)).toBeGreaterThan(CALLS);
      expect(sim.stats()).toMatchObject({ submissions: MESSAGES, accepted: MESSAGES, duplicates: 0 });
    } finally {
      await worker.close();
      await processor.idle();
      workerConnection.disconnect();
      await client.close();
      await queue.close();
      await deleteKeys(redis, prefix);
      redis.disconnect();
    }
  });
});
