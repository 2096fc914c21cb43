import { toEcallDateTime } from '@ecall-relay/ecall';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from './simulator.ts';
import { startSimulator } from './simulator.ts';
import { call, codeOf, DEMO, field, waitFor } from './test-helpers.ts';

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

async function state(jobId: string | undefined, address?: string): Promise<{ code: number; text: string }> {
  const answer = await call(sim, '1.2', 'GetStateBasic', { ...DEMO, JobID: jobId, Address: address });
  return { code: codeOf(answer), text: answer.text };
}

/** Polls GetStateBasic until FinishDate is set, then returns the JobResponse fields. */
async function finalState(jobId: string, address?: string): Promise<Record<string, string | undefined>> {
  return waitFor(async () => {
    const { code, text } = await state(jobId, address);
    if (code !== 0 || field(text, 'FinishDate') === '0001-01-01T00:00:00') return undefined;
    const names = ['Address', 'JobType', 'SendState', 'ErrorState', 'PointsUsed', 'FinishDate'];
    return Object.fromEntries(names.map((name) => [name, field(text, name)]));
  });
}

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
