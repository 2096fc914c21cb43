import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from './simulator.ts';
import { startSimulator } from './simulator.ts';
import { call, codeOf, DEMO, type Receiver, startReceiver, waitFor } from './test-helpers.ts';

let sim: Simulator;
let receiver: Receiver;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, stepMs: 20 });
  receiver = await startReceiver();
});
afterAll(async () => {
  await sim.close();
  await receiver.close();
});

const TIMESTAMP = /^\d{2}%2E\d{2}%2E\d{4}\+\d{2}%3A\d{2}%3A\d{2}$/;

const hitsFor = (jobId: string) => receiver.hits.filter((hit) => hit.url.includes(`JobID=${jobId}`));

describe('HTTP notifications', () => {
  it('calls AlwaysNotification at every SendState and Notification at the final one, encoded as documented', async () => {
    const fields = {
      ...DEMO,
      Address: '079 123 45 67',
      Message: 'm',
      JobID: 'notify1',
      Notification: `0791234567;${receiver.url}?final=1;ops@example.ch`,
      AlwaysNotification: receiver.url,
    };
    expect(codeOf(await call(sim, '1.2', 'SendSMSBasic', fields))).toBe(0);
    await waitFor(() => (hitsFor('notify1').length >= 5 ? true : undefined));
    const hits = hitsFor('notify1');
    expect(hits.every((hit) => hit.method === 'GET')).toBe(true);
    const always = hits.filter((hit) => hit.url.startsWith('/hook?Function='));
    // Calls run concurrently, so arrival order is not guaranteed (nor is it by eCall): compare as a set.
    const codes = always.map((hit) => new URLSearchParams(hit.url.split('?')[1]).get('ResultCode'));
    expect(codes.sort()).toEqual(['0', '1', '8', '9']);
    const final = hits.find((hit) => hit.url.startsWith('/hook?final=1&'));
    const [, query = ''] = final?.url.split('?') ?? [];
    const pairs = query.split('&').map((pair) => pair.split('='));
    expect(pairs.map(([name]) => name)).toEqual([
      'final',
      'Function',
      'ResultCode',
      'ResultText',
      'Number',
      'TimeStamp',
      'JobID',
    ]);
    const values = Object.fromEntries(pairs.map(([name, value]) => [name, value]));
    expect(values).toMatchObject({
      Function: 'Notification',
      ResultCode: '8',
      ResultText: 'Sent+OK+%28reception+confirmed%29',
      Number: '0041791234567',
      JobID: 'notify1',
    });
    expect(values.TimeStamp).toMatch(TIMESTAMP);
    await waitFor(() =>
      sim.job('notify1')?.jobs[0]?.recipients[0]?.notificationsSent === 5 ? true : undefined,
    );
    expect(sim.stats().notificationsSent).toBeGreaterThanOrEqual(5);
  });

  it('counts a failing or unreachable receiver as failed and keeps serving', async () => {
    const failing = await startReceiver(500);
    const gone = await startReceiver();
    await gone.close();
    const before = sim.stats().notificationsFailed;
    const fields = {
      ...DEMO,
      Address: '0791234567',
      Message: 'm',
      JobID: 'notify-fail',
      Notification: `${failing.url};${gone.url}`,
    };
    expect(codeOf(await call(sim, '1.1', 'SendSMSBasic', fields))).toBe(0);
    await waitFor(() => (sim.stats().notificationsFailed >= before + 2 ? true : undefined));
    expect(failing.hits).toHaveLength(1);
    expect(codeOf(await call(sim, '1.1', 'GetStateBasic', { ...DEMO, JobID: 'notify-fail' }))).toBe(0);
    await failing.close();
  });
});

describe('SMS answers', () => {
  it('sends Function=Answer percent-encoded in Windows-1252 to the job notification URLs', async () => {
    const fields = {
      ...DEMO,
      Address: '0791234567',
      Message: 'Kommst du?',
      JobID: 'reply1',
      Notification: receiver.url,
      SMSCallback: '0799876543',
    };
    await call(sim, '1.2', 'SendSMSBasic', fields);
    await sim.sendReply('reply1', { from: '+41 79 123 45 67', message: 'Ça coûte 5 € – ok.' });
    const hit = receiver.hits.find(
      (h) => h.url.includes('Function=Answer') && h.url.includes('JobID=reply1'),
    );
    const query = hit?.url.split('?')[1] ?? '';
    const values = Object.fromEntries(query.split('&').map((pair) => pair.split('=')));
    expect(Object.keys(values)).toEqual([
      'Function',
      'AddressTo',
      'AddressFrom',
      'Message',
      'TimeStamp',
      'JobID',
    ]);
    // Windows-1252: Ç C7, û FB, € 80, – 96 (UTF-8 would have given %C3%87, %E2%82%AC, ...).
    expect(values.Message).toBe('%C7a+co%FBte+5+%80+%96+ok%2E');
    expect(values).toMatchObject({ AddressTo: '0799876543', AddressFrom: '0041791234567' });
    expect(values.TimeStamp).toMatch(TIMESTAMP);
  });
  it('rejects a reply to an unknown JobID', async () => {
    await expect(sim.sendReply('nobody-sent-this', { from: '0791234567', message: 'x' })).rejects.toThrow(
      /no simulated job/,
    );
  });
});
