import type { SendJobData } from '@ecall-relay/messages';
import { type Simulator, startSimulator } from '@ecall-relay/simulator';
import type { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../logger.ts';
import { createSendProcessor } from './processor.ts';
import { processorRig } from './testing/rig.ts';

describe('a message taken by two runs at once', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, stepMs: 50, seed: 9 });
  });
  afterAll(async () => {
    await sim.close();
  });

  // What happens when a job's lock expires while its first run is still alive (an event loop stalled longer than
  // the lock), or when a chunk that ran again meets a message's own job: both read the record before either claims.
  it.each([
    ['its own job twice', 'own'],
    ['two runs of its chunk', 'chunk'],
  ] as const)('is sent once: the run whose claim loses stops (%s)', async (_label, kind) => {
    sim.reset();
    const rig = processorRig({ endpoint: sim.endpoint, name: 'double-run' });
    const processor = createSendProcessor({ store: rig.store, client: rig.client, logger: silentLogger });
    try {
      const [id] = (await rig.createSms(['once'], { apart: true })) as [string];
      const data: SendJobData = kind === 'own' ? { messageId: id } : { messageIds: [id] };
      const job = { data, moveToDelayed: async () => undefined } as unknown as Job<SendJobData>;
      const outcomes = await Promise.all([processor(job), processor(job)]);
      if (kind === 'own') expect(outcomes.sort()).toEqual(['accepted', 'skipped']);
      expect(sim.stats()).toMatchObject({ submissions: 1, accepted: 1, duplicates: 0 });
      const record = await rig.store.get(id);
      expect(record?.state.status).toBe('accepted');
      expect(record?.history.map((event) => event.type)).toEqual(['created', 'submitting', 'accepted']);
    } finally {
      await rig.close();
    }
  });
});
