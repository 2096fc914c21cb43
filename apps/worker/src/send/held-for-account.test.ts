import type { EcallClient } from '@ecall-relay/ecall';
import { type Simulator, startSimulator } from '@ecall-relay/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../../../test/support/wait.ts';
import { silentLogger } from '../logger.ts';
import { jobsInHand } from '../main.ts';
import { createSendProcessor } from './processor.ts';
import { processorRig } from './testing/rig.ts';

describe('a job waiting for a call slot when eCall refuses the account', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, stepMs: 50, seed: 5 });
  });
  afterAll(async () => {
    await sim.close();
  });

  it.each([
    ['a job per message', true],
    ['one chunk job', false],
  ])('is held without calling, its claim taken back (%s)', async (_label, apart) => {
    sim.reset();
    // A wrong password: the simulator answers the account-level 11001.
    const rig = processorRig({ endpoint: sim.endpoint, name: 'held', accountPassword: 'wrong' });
    const { store, queue, client } = rig;
    const status = async (id: string) => (await store.read(id))?.state.status;
    const [first, second] = (await rig.createSms(['first', 'second'], { apart })) as [string, string];
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
    rig.work(processor, jobsInHand(1));
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
      // Held in a job of its own either way (a chunk hands a held message over to one).
      expect(await queue.getJobState(second)).toBe('delayed');
    } finally {
      await rig.close();
    }
  });
});
