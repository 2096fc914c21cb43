import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FaultsValidationError } from './faults.ts';
import type { Simulator } from './simulator.ts';
import { startSimulator } from './simulator.ts';
import { call, children, codeOf, DEMO, envelope, soapHeaders, waitFor } from './test-helpers.ts';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 7, slowMs: 300 });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const sms = (jobId: string) => ({ ...DEMO, Address: '0791234567', Message: 'm', JobID: jobId });

/** One SOAP 1.2 send on a brand-new connection (no keep-alive), so connection-level faults are visible. */
function freshSend(jobId: string): Promise<{ status: number; body: string }> {
  const body = envelope('1.2', 'SendSMSBasic', children(sms(jobId)));
  return new Promise((resolve, reject) => {
    const req = request(
      sim.endpoint,
      { method: 'POST', agent: false, headers: soapHeaders('1.2', 'SendSMSBasic') },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('fault script', () => {
  it('consumes one entry per send, in order, before any rate', async () => {
    sim.setFaults({
      script: ['11403', '11999', 'http500', 'http503', 'drop', 'accept-then-drop', 'ok'],
      rate11999: 1,
    });
    expect(codeOf(await call(sim, '1.2', 'SendSMSBasic', sms('s1')))).toBe(11403);
    expect(codeOf(await call(sim, '1.1', 'SendSMSBasic', sms('s2')))).toBe(11999);
    const http500 = await freshSend('s3');
    expect(http500).toEqual({ status: 500, body: '' });
    expect((await freshSend('s4')).status).toBe(503);
    await expect(freshSend('s5')).rejects.toThrow();
    await expect(freshSend('s6')).rejects.toThrow();
    expect(codeOf(await call(sim, '1.2', 'SendSMSBasic', sms('s7')))).toBe(0);
    // The script is used up: the 100 % 11999 rate applies again.
    expect(codeOf(await call(sim, '1.2', 'SendSMSBasic', sms('s8')))).toBe(11999);
    expect(['s1', 's2', 's3', 's4', 's5', 's8'].map((id) => sim.job(id))).toEqual(Array(6).fill(undefined));
    expect(sim.job('s6')?.jobs).toHaveLength(1);
    const stats = sim.stats();
    expect(stats).toMatchObject({ submissions: 8, accepted: 2, jobs: 2 });
    expect(stats.faultsInjected).toMatchObject({
      '11403': 1,
      '11999': 2,
      http500: 1,
      http503: 1,
      drop: 1,
      'accept-then-drop': 1,
    });
  });

  it('leaves GetStateBasic alone', async () => {
    await call(sim, '1.2', 'SendSMSBasic', sms('state'));
    sim.setFaults({ script: ['drop'], http500Rate: 1 });
    expect(codeOf(await call(sim, '1.2', 'GetStateBasic', { ...DEMO, JobID: 'state' }))).toBe(0);
    expect(sim.faults().script).toEqual(['drop']);
  });

  it("'slow' stores the job at once but answers only after slowMs", async () => {
    sim.setFaults({ script: ['slow'] });
    const started = Date.now();
    const pending = call(sim, '1.2', 'SendSMSBasic', sms('slow'));
    await waitFor(() => sim.job('slow'));
    expect(codeOf(await pending)).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
  });

  it('delays every SOAP answer, GetStateBasic included, by latencyMs', async () => {
    sim.setFaults({ latencyMs: 200 });
    const started = Date.now();
    expect(codeOf(await call(sim, '1.2', 'GetStateBasic', { ...DEMO, JobID: 'none' }))).toBe(11910);
    expect(Date.now() - started).toBeGreaterThanOrEqual(180);
  });
});

describe('fault rates', () => {
  async function codes(seed: number): Promise<number[]> {
    const other = await startSimulator({ port: 0, seed, faults: { rate11403: 0.25, rate11999: 0.25 } });
    try {
      const out: number[] = [];
      for (let i = 0; i < 40; i += 1)
        out.push(codeOf(await call(other, '1.2', 'SendSMSBasic', sms(`r${String(i)}`))));
      return out;
    } finally {
      await other.close();
    }
  }
  it('draws the same fault sequence for the same seed, and a different one for another seed', async () => {
    const first = await codes(42);
    expect(await codes(42)).toEqual(first);
    expect(new Set(first)).toEqual(new Set([0, 11403, 11999]));
    expect(await codes(43)).not.toEqual(first);
  });
});

describe('refuseConnections', () => {
  it('destroys every new connection until switched off', async () => {
    sim.setFaults({ refuseConnections: true });
    await expect(freshSend('refused')).rejects.toThrow();
    expect(sim.stats().faultsInjected.refused).toBeGreaterThanOrEqual(1);
    expect(sim.job('refused')).toBeUndefined();
    sim.setFaults({ refuseConnections: false });
    expect((await freshSend('after')).status).toBe(200);
  });
});

describe('setFaults validation', () => {
  it('rejects unknown fields and out-of-range values without changing anything', () => {
    expect(() => sim.setFaults({ rate11403: 1.5 })).toThrow(FaultsValidationError);
    expect(() => sim.setFaults({ nope: 1 } as never)).toThrow(/unknown fault field: nope/);
    expect(() => sim.setFaults({ script: ['boom' as never] })).toThrow(/script/);
    expect(sim.faults().rate11403).toBe(0);
  });
});
