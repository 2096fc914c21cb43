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

describe('a job waiting for a call slot when eCall refuses the account', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, stepMs: 50, seed: 5 });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('is held without calling, its claim taken back', async () => {
    const prefix = uniquePrefix('held');
    const redis = connectRedis();
    const queue = new Queue<SendJobData>(QUEUE_NAMES.send, { connection: redis, prefix });
    const store = createMessageStore({ redis, sendQueue: queue, prefix });
    // A wrong password: the simulator answers the account-level 11001.
    const client = createEcallClient({
      endpoint: sim.endpoint,
      accountName: 'demo',
      accountPassword: 'wrong',
    });
    const [first, second] = [createJobId(), createJobId()];
    const status = async (id: string) => (await store.read(id))?.state.status;
    // The real client; the first call waits until the second message is claimed and waiting for the one slot.
    let calls = 0;
    const gated: EcallClient = {
      ...client,
      sendSms: async (input, options) => {
        if (++calls === 1) {
          await waitFor(async () => (await status(second)) === 'submitting', {
            timeoutMs: 10_000,
            what: 'the second message claimed',
          });
        }
        return client.sendSms(input, options);
      },
    };
    const processor = createSendProcessor({
      store,
      client: gated,
      logger: silentLogger,
      maxCallsInFlight: 1,
      accountProbeIntervalMs: 3_600_000,
    });
    const createdAt = new Date().toISOString();
    await store.create(
      [first, second].map((id) => ({
        id,
        request: { channel: 'sms' as const, to: ['0041791234567'], text: id, createdAt },
      })),
    );
    const connection = redis.duplicate();
    const worker = new Worker<SendJobData>(
      QUEUE_NAMES.send,
      (job: Job<SendJobData>, token?: string) => processor(job, token),
      { connection, prefix, concurrency: jobsInHand(1) },
    );
    try {
      await waitFor(async () => (await status(first)) === 'paused' && (await status(second)) === 'paused', {
        timeoutMs: 15_000,
        what: 'both messages paused',
      });
      expect(sim.stats().submissions).toBe(1);
      expect(calls).toBe(1);
      const held = await store.get(second);
      expect(held?.history.map((event) => event.type)).toEqual(['created', 'submitting', 'paused']);
      expect(held?.history.at(-1)).toMatchObject({ code: 11001 });
      expect(held?.state.attempts).toBe(0);
      expect(held?.state.inFlight).toBeUndefined();
      expect(await queue.getJobState(second)).toBe('delayed');
    } finally {
      await worker.close();
      await processor.idle();
      connection.disconnect();
      await client.close();
      await queue.close();
      await deleteKeys(redis, prefix);
      redis.disconnect();
    }
  });
});
