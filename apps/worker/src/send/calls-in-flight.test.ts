import type { EcallClient } from '@ecall-relay/ecall';
import { type Simulator, startSimulator } from '@ecall-relay/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../../../test/support/wait.ts';
import { silentLogger } from '../logger.ts';
import { jobsInHand } from '../main.ts';
import { createSendProcessor } from './processor.ts';
import { processorRig } from './testing/rig.ts';

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

  it.each([
    ['a job per message', 'apart'],
    ['one chunk job', 'together'],
  ] as const)(
    `stay at WORKER_CONCURRENCY (${CALLS}) while the worker holds more messages than that (%s)`,
    async (_label, stored) => {
      sim.reset();
      const rig = processorRig({ endpoint: sim.endpoint, name: 'in-flight' });
      const { store, client } = rig;
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
        maxChunkMessagesInHand: jobsInHand(CALLS),
      });
      rig.work(processor, jobsInHand(CALLS), jobs.around);
      try {
        const texts = Array.from({ length: MESSAGES }, (_, i) => `message ${i}`);
        const ids = await rig.createSms(texts, { apart: stored === 'apart' });
        await waitFor(
          async () => {
            let accepted = 0;
            for (const id of ids) if ((await store.read(id))?.state.status === 'accepted') accepted++;
            return accepted === MESSAGES;
          },
          { timeoutMs: 20_000, what: `${MESSAGES} accepted` },
        );
        expect(calls.most).toBe(CALLS);
        expect(jobs.most).toBe(stored === 'together' ? 1 : jobsInHand(CALLS));
        expect(jobsInHand(CALLS)).toBeGreaterThan(CALLS);
        expect(sim.stats()).toMatchObject({ submissions: MESSAGES, accepted: MESSAGES, duplicates: 0 });
      } finally {
        await rig.close();
      }
    },
  );
});
