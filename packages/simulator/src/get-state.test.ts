import { toEcallDateTime } from '@ecall-relay/ecall';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from './simulator.ts';
import { startSimulator } from './simulator.ts';
import { call, codeOf, DEMO, field, getState, waitForFinalState } from './test-helpers.ts';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, stepMs: 20 });
});
afterAll(() => sim.close());

const state = (jobId: string | undefined, address?: string) => getState(sim, jobId, address);
const finalState = (jobId: string) => waitForFinalState(sim, jobId);

describe('GetStateBasic lookups', () => {
  beforeAll(async () => {
    const fields = { ...DEMO, Address: '0791111111;+41 79 222 22 22', Message: 'm', JobID: 'multi' };
    await call(sim, '1.2', 'SendSMSBasic', fields);
  });
  it('answers 11911 without JobID and 11910 for an unknown one', async () => {
    expect((await state(undefined)).code).toBe(11911);
    expect((await state('never-sent')).code).toBe(11910);
  });
  it('returns the last recipient when only the JobID is given', async () => {
    expect(field((await state('multi')).text, 'Address')).toBe('0041792222222');
  });
  it('finds a recipient by address after normalising it to the 0041 form', async () => {
    expect(field((await state('multi', '079 111 11 11')).text, 'Address')).toBe('0041791111111');
    expect(field((await state('multi', '0041792222222')).text, 'Address')).toBe('0041792222222');
  });
  it('answers 11910 for an address that is not in the job', async () => {
    expect((await state('multi', '0799999999')).code).toBe(11910);
  });
  it('checks credentials first and sends a JobResponse with defaults along a non-zero code', async () => {
    const answer = await call(sim, '1.1', 'GetStateBasic', {
      ...DEMO,
      AccountPassword: 'bad',
      JobID: 'multi',
    });
    expect(codeOf(answer)).toBe(11001);
    expect(answer.text).toContain(
      '<JobResponse><JobID></JobID><Address></Address><JobType>0</JobType><SendState>0</SendState>' +
        '<ErrorState>0</ErrorState><PointsUsed>0</PointsUsed><FinishDate>0001-01-01T00:00:00</FinishDate></JobResponse>',
    );
  });
  it("leaves JobResponse out with emptyJobResponse 'absent'", async () => {
    const other = await startSimulator({ port: 0, emptyJobResponse: 'absent' });
    try {
      const answer = await call(other, '1.2', 'GetStateBasic', { ...DEMO, JobID: 'nothing' });
      expect(codeOf(answer)).toBe(11910);
      expect(answer.text).not.toContain('JobResponse');
    } finally {
      await other.close();
    }
  });
});

describe('scheduled jobs', () => {
  it('answers 11912 for a future SendDate, stores the job as accepted, and GetStateBasic says 11912', async () => {
    const accepted = sim.stats().accepted;
    const sendDate = toEcallDateTime(new Date(Date.now() + 3_600_000));
    const send = await call(sim, '1.2', 'SendSMSBasic', {
      ...DEMO,
      Address: '0791234567',
      Message: 'm',
      JobID: 'later',
      SendDate: sendDate,
    });
    expect(codeOf(send)).toBe(11912);
    expect(field(send.text, 'ResponseText')).toBe('Job is scheduled');
    expect(sim.stats().accepted).toBe(accepted + 1);
    expect((await state('later')).code).toBe(11912);
    expect(sim.job('later')?.jobs[0]?.scheduled).toBe(true);
  });
  it('starts the progression at the SendDate', async () => {
    const start = Math.ceil((Date.now() + 1500) / 1000) * 1000;
    const sendDate = toEcallDateTime(new Date(start));
    await call(sim, '1.2', 'SendSMSBasic', {
      ...DEMO,
      Address: '0791234567',
      Message: 'm',
      JobID: 'soon',
      SendDate: sendDate,
    });
    expect((await state('soon')).code).toBe(11912);
    await finalState('soon');
    expect(Date.now()).toBeGreaterThanOrEqual(start);
    expect(sim.job('soon')?.jobs[0]?.startAt).toBe(new Date(start).toISOString());
  });
});
