import { type Simulator, startSimulator } from '@ecall-relay/simulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEcallClient } from './client.ts';
import type { EcallClient } from './ecall-client.ts';
import { EcallHttpError, EcallTimeoutError, EcallTransportError } from './errors.ts';
import type { SoapVersion } from './operations.ts';
import type { EcallClientOptions } from './options.ts';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
beforeEach(() => sim.reset());
afterAll(() => sim.close());

async function withClient<T>(options: Partial<EcallClientOptions>, run: (client: EcallClient) => Promise<T>) {
  const client = createEcallClient({
    accountName: 'demo',
    accountPassword: 'demo',
    endpoint: sim.endpoint,
    ...options,
  });
  try {
    return await run(client);
  } finally {
    await client.close();
  }
}

const to = '0041791234567';

describe.each<SoapVersion>(['1.2', '1.1'])('against the simulator over SOAP %s', (soapVersion) => {
  it('runs all five operations successfully and finds the SMS job again', async () => {
    await withClient({ soapVersion }, async (client) => {
      const jobId = `sim-${soapVersion}-sms`;
      const results = [
        await client.sendSms({ address: to, message: 'Hello ✓', jobId, noLog: false }),
        await client.sendFaxBasic({ address: '0041441234567', message: 'Fax body', jobId: `${jobId}-fb` }),
        await client.sendFax({
          address: '0041441234567',
          message: 'Fax with file',
          jobId: `${jobId}-fax`,
          files: [{ fileName: 'note.txt', content: new TextEncoder().encode('hello') }],
        }),
        await client.sendVoice({
          address: to,
          message: 'Guten Tag',
          jobId: `${jobId}-voice`,
          msgLanguage: 'DE',
        }),
      ];
      for (const result of results) {
        expect(result).toMatchObject({ code: 0, classification: 'accepted', known: true, soapVersion });
        expect(result.requestId).toEqual(expect.any(String));
      }
      const state = await client.getState({ jobId, address: to });
      expect(state).toMatchObject({ operation: 'GetStateBasic', code: 0, classification: 'accepted' });
      expect(state.job).toMatchObject({ jobId, jobType: 1 });
      expect(state.job?.pointsUsed).toEqual(expect.any(Number));
    });
  });
});

describe('business errors come back as classified results', () => {
  it.each([
    ['a wrong password', { accountPassword: 'wrong' }, { address: to, message: 'x' }, 11001, 'account'],
    ['an unknown account', { accountName: 'nobody' }, { address: to, message: 'x' }, 11300, 'account'],
    ['an empty address', {}, { address: '', message: 'x' }, 11102, 'permanent'],
    ['an empty message', {}, { address: to, message: '' }, 11200, 'permanent'],
  ] as const)('answers %s with %i', async (_label, account, input, code, classification) => {
    const result = await withClient(account, (client) => client.sendSms(input));
    expect(result).toMatchObject({ code, classification, known: true });
  });

  it('answers GetStateBasic for a job it never saw with 11910 and no job', async () => {
    const result = await withClient({}, (client) => client.getState({ jobId: 'never-sent' }));
    expect(result).toMatchObject({ code: 11910, classification: 'not-found' });
    expect(result.job).toBeUndefined();
  });
});

describe('injected faults surface as the right code or error', () => {
  const sms = { address: to, message: 'fault test', jobId: 'fault-job' };

  it('returns 11403 as a transient result', async () => {
    sim.setFaults({ script: ['11403'] });
    const result = await withClient({}, (client) => client.sendSms(sms));
    expect(result).toMatchObject({ code: 11403, classification: 'transient' });
  });

  it('reports a dropped connection as an ambiguous transport error', async () => {
    sim.setFaults({ script: ['drop'] });
    const error = await withClient({}, (client) => client.sendSms(sms)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EcallTransportError);
    expect(error).toMatchObject({ retryable: true, ambiguous: true });
  });

  it('reports accept-then-drop as ambiguous, and GetStateBasic shows the job was stored', async () => {
    sim.setFaults({ script: ['accept-then-drop'] });
    await withClient({}, async (client) => {
      const error = await client.sendSms(sms).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EcallTransportError);
      expect(error).toMatchObject({ retryable: true, ambiguous: true });
      const state = await client.getState({ jobId: sms.jobId, address: to });
      expect(state.code).toBe(0);
    });
  });

  it('reports a bare 503 as a retryable, unambiguous EcallHttpError', async () => {
    sim.setFaults({ script: ['http503'] });
    const error = await withClient({}, (client) => client.sendSms(sms)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EcallHttpError);
    expect(error).toMatchObject({ status: 503, retryable: true, ambiguous: false });
  });

  it('reports a bare 500 as a retryable, ambiguous EcallHttpError', async () => {
    sim.setFaults({ script: ['http500'] });
    const error = await withClient({}, (client) => client.sendSms(sms)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EcallHttpError);
    expect(error).toMatchObject({ status: 500, retryable: true, ambiguous: true });
  });

  it('gives up with EcallTimeoutError when latency exceeds timeoutMs', async () => {
    sim.setFaults({ latencyMs: 2_000 });
    const error = await withClient({ timeoutMs: 200 }, (client) => client.sendSms(sms)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EcallTimeoutError);
    expect(error).toMatchObject({ retryable: true, ambiguous: true });
  });

  it('reports refused connections as a transport error', async () => {
    sim.setFaults({ refuseConnections: true });
    const error = await withClient({}, (client) => client.sendSms(sms)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EcallTransportError);
  });
});
