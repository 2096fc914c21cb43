import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from './simulator.ts';
import { startSimulator } from './simulator.ts';
import { call, codeOf, DEMO, type Receiver, startReceiver } from './test-helpers.ts';

let sim: Simulator;
let receiver: Receiver;
beforeAll(async () => {
  sim = await startSimulator({
    port: 0,
    stepMs: 10,
    accounts: [
      { name: 'demo', password: 'demo' },
      { name: 'poor', password: 'pw', points: 3 },
    ],
  });
  receiver = await startReceiver();
});
afterAll(async () => {
  await sim.close();
  await receiver.close();
});

async function json(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const init: RequestInit = { method };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const response = await fetch(`${sim.url}${path}`, init);
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('control API', () => {
  it('GET /_sim/stats returns the same counters as stats()', async () => {
    await call(sim, '1.2', 'SendSMSBasic', { ...DEMO, Address: '0791234567', Message: 'm', JobID: 'c1' });
    const { status, body } = await json('GET', '/_sim/stats');
    expect(status).toBe(200);
    expect(body).toEqual(JSON.parse(JSON.stringify(sim.stats())));
    expect(body).toMatchObject({
      submissions: 1,
      accepted: 1,
      jobs: 1,
      byOperation: { 'SendSMSBasic@1.2': 1 },
    });
  });
  it('GET /_sim/jobs/{id} shows every recipient with texts and history, 404 when unknown', async () => {
    const found = await json('GET', '/_sim/jobs/c1');
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({
      jobId: 'c1',
      jobs: [{ account: 'demo', soapVersion: '1.2', jobType: 1, recipients: [{ address: '0041791234567' }] }],
    });
    const missing = await json('GET', '/_sim/jobs/nope');
    expect(missing).toEqual({ status: 404, body: { error: 'unknown job nope' } });
  });
  it('PUT /_sim/faults merges a valid patch and refuses a bad one with 400 and a message', async () => {
    expect((await json('GET', '/_sim/faults')).body).toMatchObject({ rate11403: 0, script: [] });
    const ok = await json('PUT', '/_sim/faults', { rate11999: 0.5, script: ['drop'] });
    expect(ok.body).toMatchObject({ rate11999: 0.5, script: ['drop'], latencyMs: 0 });
    const bad = await json('PUT', '/_sim/faults', { latencyMs: -1 });
    expect(bad.status).toBe(400);
    expect(String(bad.body.error)).toMatch(/latencyMs/);
    expect((await json('PUT', '/_sim/faults', '{not json')).status).toBe(400);
    expect((await json('PUT', '/_sim/faults', { dropRate: 'high' })).status).toBe(400);
    expect(sim.faults()).toMatchObject({ rate11999: 0.5, latencyMs: 0, dropRate: 0 });
  });
  it('POST /_sim/reset clears jobs and counters and restores faults', async () => {
    expect((await json('POST', '/_sim/reset')).status).toBe(200);
    expect(sim.job('c1')).toBeUndefined();
    expect(sim.stats()).toMatchObject({ submissions: 0, jobs: 0 });
    expect(sim.faults()).toMatchObject({ rate11999: 0, script: [] });
  });
  it('POST /_sim/jobs/{id}/reply triggers an Answer callback; 404 unknown, 400 bad body', async () => {
    const fields = { ...DEMO, Address: '0791234567', Message: 'm', JobID: 'c2', Notification: receiver.url };
    await call(sim, '1.2', 'SendSMSBasic', fields);
    const ok = await json('POST', '/_sim/jobs/c2/reply', { from: '0791234567', message: 'Ja' });
    expect(ok).toEqual({ status: 200, body: { delivered: 1, failed: 0 } });
    expect(
      receiver.hits.some((hit) => hit.url.includes('Function=Answer') && hit.url.includes('Message=Ja')),
    ).toBe(true);
    expect((await json('POST', '/_sim/jobs/none/reply', { from: '1', message: 'x' })).status).toBe(404);
    expect((await json('POST', '/_sim/jobs/c2/reply', { from: 1 })).status).toBe(400);
  });
  it('answers unknown control routes with 404 JSON and wrong methods with 405', async () => {
    expect((await json('GET', '/_sim/nothing')).status).toBe(404);
    expect((await json('DELETE', '/_sim/stats')).status).toBe(405);
  });
});

describe('points', () => {
  const poor = { AccountName: 'poor', AccountPassword: 'pw', Message: 'm' };
  it('answers 11301 when the account lacks points, stores nothing, and reset restores the balance', async () => {
    expect(
      codeOf(
        await call(sim, '1.2', 'SendSMSBasic', { ...poor, Address: '0791111111;0792222222', JobID: 'p1' }),
      ),
    ).toBe(0);
    const jobs = sim.stats().jobs;
    const refused = await call(sim, '1.2', 'SendSMSBasic', {
      ...poor,
      Address: '0791111111;0792222222',
      JobID: 'p2',
    });
    expect(codeOf(refused)).toBe(11301);
    expect(sim.job('p2')).toBeUndefined();
    expect(sim.stats().jobs).toBe(jobs);
    // 1 point left: a 1-page SMS fits, a fax (1.5) does not.
    expect(codeOf(await call(sim, '1.2', 'SendFaxBasic', { ...poor, Address: '0441234567' }))).toBe(11301);
    expect(codeOf(await call(sim, '1.2', 'SendSMSBasic', { ...poor, Address: '0791111111' }))).toBe(0);
    sim.reset();
    expect(
      codeOf(await call(sim, '1.2', 'SendSMSBasic', { ...poor, Address: '0791111111;0792222222' })),
    ).toBe(0);
  });
});
