import { chunkJobId, type SendJobData } from '@ecall-relay/messages';
import { type Simulator, startSimulator } from '@ecall-relay/simulator';
import type { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../../../test/support/wait.ts';
import { silentLogger } from '../logger.ts';
import { createSendProcessor } from './processor.ts';
import { type ProcessorRig, processorRig } from './testing/rig.ts';

describe('a chunk job (the messages of one create call)', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, stepMs: 50, seed: 7 });
  });
  afterAll(async () => {
    await sim.close();
  });

  const allAccepted = (rig: ProcessorRig, ids: readonly string[]) =>
    waitFor(
      async () => {
        for (const id of ids) if ((await rig.store.read(id))?.state.status !== 'accepted') return false;
        return true;
      },
      { timeoutMs: 15_000, what: `${ids.length} messages accepted` },
    );

  it('hands a message eCall answered "try again" to a job of its own, which sends it', async () => {
    sim.reset();
    // Two of the first five submissions are refused with a transient code, whichever messages they are.
    sim.setFaults({ script: ['11403', 'ok', '11403'] });
    const rig = processorRig({ endpoint: sim.endpoint, name: 'chunk-retry' });
    const processor = createSendProcessor({
      store: rig.store,
      client: rig.client,
      logger: silentLogger,
      maxCallsInFlight: 5,
      inCallRetries: 0,
      backoff: () => 20,
    });
    rig.work(processor, 5);
    try {
      const ids = await rig.createSms(['a', 'b', 'c', 'd', 'e']);
      await allAccepted(rig, ids);
      expect(sim.stats()).toMatchObject({ submissions: 7, accepted: 5, duplicates: 0 });
      const histories = await Promise.all(ids.map(async (id) => (await rig.store.get(id))?.history ?? []));
      const retried = histories.filter((history) => history.some((event) => event.type === 'retrying'));
      expect(retried).toHaveLength(2);
      for (const history of retried) {
        expect(history.map((event) => event.type)).toEqual([
          'created',
          'submitting',
          'transient',
          'retrying',
          'submitting',
          'accepted',
        ]);
      }
      // The chunk completed (and was removed) once its messages were sent or handed over.
      expect(await rig.store.chunkQueue.getJob(chunkJobId(ids[0] as string))).toBeUndefined();
    } finally {
      await rig.close();
    }
  });

  it('hands every message to a job of its own when the calls are rate-limited (the limiter counts jobs)', async () => {
    sim.reset();
    const rig = processorRig({ endpoint: sim.endpoint, name: 'chunk-limited' });
    const processor = createSendProcessor({
      store: rig.store,
      client: rig.client,
      logger: silentLogger,
      handChunksOver: true,
    });
    try {
      const ids = await rig.createSms(['a', 'b', 'c']);
      const chunk = { data: { messageIds: ids }, moveToDelayed: async () => undefined };
      expect(await processor(chunk as unknown as Job<SendJobData>)).toBe('chunk');
      expect(sim.stats().submissions).toBe(0);
      expect(await Promise.all(ids.map((id) => rig.queue.getJobState(id)))).toEqual([
        'waiting',
        'waiting',
        'waiting',
      ]);
      // The send queue's worker (where the limiter is) sends them.
      rig.work(processor, 3);
      await allAccepted(rig, ids);
      expect(sim.stats()).toMatchObject({ submissions: 3, accepted: 3, duplicates: 0 });
    } finally {
      await rig.close();
    }
  });

  it('run again after a crash, sends only what was never tried and hands the rest to their own jobs', async () => {
    sim.reset();
    const rig = processorRig({ endpoint: sim.endpoint, name: 'chunk-rerun' });
    const { store, client } = rig;
    const [lost, taken, fresh] = (await rig.createSms(['lost', 'taken', 'fresh'])) as [
      string,
      string,
      string,
    ];
    // What a worker killed mid-call leaves: both claimed; eCall never got `lost` but took `taken`.
    const startedAt = new Date(Date.now() - 10_000).toISOString();
    for (const id of [lost, taken]) {
      await store.update(id, ({ state }) => ({
        state: {
          ...state,
          status: 'submitting',
          attempts: 1,
          inFlight: { attempt: 1, startedAt, clientRequestId: `${id}.1` },
        },
        events: [{ at: startedAt, type: 'submitting', source: 'worker', status: 'submitting', attempt: 1 }],
      }));
    }
    await client.sendSms({ address: '0041791234567', message: 'taken', jobId: taken });
    const processor = createSendProcessor({
      store,
      client,
      logger: silentLogger,
      maxCallsInFlight: 3,
      ambiguousGraceMs: 50,
    });
    rig.work(processor, 3);
    try {
      await allAccepted(rig, [lost, taken, fresh]);
      // `taken` was found with GetStateBasic, `lost` checked and sent again: one submission each, no duplicate.
      expect(sim.stats()).toMatchObject({ submissions: 3, accepted: 3, duplicates: 0 });
      const types = async (id: string) => (await store.get(id))?.history.map((event) => event.type);
      expect(await types(taken)).toEqual(['created', 'submitting', 'checked', 'accepted']);
      expect(await types(lost)).toEqual(['created', 'submitting', 'checked', 'submitting', 'accepted']);
      expect(await types(fresh)).toEqual(['created', 'submitting', 'accepted']);
    } finally {
      await rig.close();
    }
  });
});
