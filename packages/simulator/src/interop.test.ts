import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from './simulator.ts';
import { startSimulator } from './simulator.ts';

// Debian's python3-zeep lives with the system interpreter, not with whatever python3 is first on PATH.
const PYTHON = '/usr/bin/python3';
const CLIENT = fileURLToPath(new URL('../interop/zeep_client.py', import.meta.url));
const OPERATIONS = ['SendSMSBasic', 'SendFaxBasic', 'SendFax', 'SendVoiceBasic', 'GetStateBasic'] as const;
const run = promisify(execFile);

interface SendResult {
  ResponseCode: number;
  ResponseText: string;
}
interface StateResult {
  ServiceResponse: SendResult;
  JobResponse: { JobID: string; Address: string; JobType: number; SendState: number; FinishDate: string };
}
type VersionResults = Record<Exclude<(typeof OPERATIONS)[number], 'GetStateBasic'>, SendResult> & {
  GetStateBasic: StateResult;
};

let sim: Simulator;
let results: Record<'1.1' | '1.2', VersionResults>;

beforeAll(async () => {
  try {
    await run(PYTHON, ['-c', 'import zeep']);
  } catch {
    throw new Error(
      `zeep is missing for ${PYTHON}: the interop test needs it (apt-get install -y python3-zeep). It is never skipped.`,
    );
  }
  sim = await startSimulator({ port: 0 });
  const { stdout } = await run(PYTHON, [CLIENT, sim.wsdlUrl, 'zeep'], { timeout: 60_000 });
  results = JSON.parse(stdout) as typeof results;
}, 90_000);
afterAll(() => sim?.close());

describe.each(['1.1', '1.2'] as const)('zeep over the SOAP %s binding', (version) => {
  it.each(OPERATIONS.filter((op) => op !== 'GetStateBasic'))('%s is accepted with 0 / OK', (operation) => {
    expect(results[version][operation as Exclude<typeof operation, 'GetStateBasic'>]).toEqual({
      ResponseCode: 0,
      ResponseText: 'OK',
    });
  });
  it('GetStateBasic returns the SMS recipient in international form', () => {
    const state = results[version].GetStateBasic;
    expect(state.ServiceResponse).toEqual({ ResponseCode: 0, ResponseText: 'OK' });
    expect(state.JobResponse).toMatchObject({
      JobID: `zeep-${version}-sms`,
      Address: '0041791234567',
      JobType: 1,
    });
  });
  it('reached the simulator in that SOAP version for every operation', () => {
    const { byOperation } = sim.stats();
    for (const operation of OPERATIONS) expect(byOperation[`${operation}@${version}`], operation).toBe(1);
    for (const job of ['sms', 'faxbasic', 'fax', 'voice']) {
      expect(sim.job(`zeep-${version}-${job}`)?.jobs[0]?.soapVersion).toBe(version);
    }
  });
});

it('zeep caused no SOAP fault', () => {
  expect(sim.stats().protocolFaults).toBe(0);
});
