import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from './simulator.ts';
import { startSimulator } from './simulator.ts';
import { call, codeOf, DEMO, waitForFinalState } from './test-helpers.ts';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, stepMs: 20 });
});
afterAll(() => sim.close());

const OPS = {
  sms: { op: 'SendSMSBasic', address: '0791234567' },
  voice: { op: 'SendVoiceBasic', address: '0441234567' },
  fax: { op: 'SendFaxBasic', address: '0441234568' },
} as const;

const finalState = (jobId: string) => waitForFinalState(sim, jobId);

describe('SendState progression', () => {
  it.each([
    ['sms', 'JobType 1 goes to 8 and uses 1 point', '1', '8', '0', '1'],
    ['voice', 'JobType 5 goes to 33 and uses 2 points', '5', '33', '0', '2'],
    ['fax', 'JobType 6 goes to 41 and uses 1.5 points', '6', '41', '0', '1.5'],
  ] as const)('%s: %s', async (kind, _title, jobType, sendState, errorState, points) => {
    const jobId = `ok-${kind}`;
    const send = await call(sim, '1.1', OPS[kind].op, {
      ...DEMO,
      Address: OPS[kind].address,
      Message: 'm',
      JobID: jobId,
    });
    expect(codeOf(send)).toBe(0);
    const final = await finalState(jobId);
    expect(final).toMatchObject({
      JobType: jobType,
      SendState: sendState,
      ErrorState: errorState,
      PointsUsed: points,
    });
    expect(final.FinishDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
  });

  it.each([
    ['sms', '2', '5509'],
    ['voice', '39', '0'],
    ['fax', '42', '6006'],
  ] as const)(
    '%s: a failAddresses recipient ends in SendState %s, ErrorState %s',
    async (kind, sendState, errorState) => {
      const jobId = `fail-${kind}`;
      await call(sim, '1.2', OPS[kind].op, { ...DEMO, Address: '0791230000', Message: 'm', JobID: jobId });
      expect(await finalState(jobId)).toMatchObject({ SendState: sendState, ErrorState: errorState });
    },
  );

  it('passes every SMS state in order and records it in the job history', async () => {
    await call(sim, '1.2', 'SendSMSBasic', {
      ...DEMO,
      Address: '0791234567',
      Message: 'm',
      JobID: 'history',
    });
    await finalState('history');
    const recipient = sim.job('history')?.jobs[0]?.recipients[0];
    expect(recipient?.history.map((entry) => entry.state)).toEqual([0, 1, 9, 8]);
    expect(recipient?.sendStateText).toBe('Sent OK (reception confirmed)');
  });
});

describe('duplicates', () => {
  it.each([
    ['sms', '2', '5512'],
    ['voice', '39', '0'],
    ['fax', '42', '6000'],
  ] as const)(
    '%s: a reused JobID is accepted, counted, and its job ends in %s / %s',
    async (kind, sendState, errorState) => {
      const jobId = `dup-${kind}`;
      const fields = { ...DEMO, Address: OPS[kind].address, Message: 'm', JobID: jobId };
      const before = sim.stats().duplicates;
      expect(codeOf(await call(sim, '1.2', OPS[kind].op, fields))).toBe(0);
      expect(codeOf(await call(sim, '1.2', OPS[kind].op, fields))).toBe(0);
      expect(sim.stats().duplicates).toBe(before + 1);
      expect(await finalState(jobId)).toMatchObject({ SendState: sendState, ErrorState: errorState });
      expect(sim.job(jobId)?.jobs.map((job) => job.duplicate)).toEqual([false, true]);
    },
  );
});
