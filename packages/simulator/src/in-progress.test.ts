import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InProgressCounter } from './in-progress.ts';
import type { Simulator } from './simulator.ts';
import { startSimulator } from './simulator.ts';
import { call, codeOf, DEMO } from './test-helpers.ts';

describe('InProgressCounter', () => {
  it('weighs the count by time, leaving idle time out of the mean', () => {
    let now = 0;
    const counter = new InProgressCounter(() => now);
    now = 100; // idle before the first request: not part of the mean
    const first = counter.begin();
    now = 110;
    const second = counter.begin();
    now = 130; // 10 ms with one, 20 ms with two
    second();
    now = 140; // 10 ms with one
    first();
    now = 500; // idle again
    expect(counter.snapshot()).toEqual({ peak: 2, meanWhileBusy: (10 + 40 + 10) / 40 });
  });

  it('ends a request once however often its end is called, and starts afresh on reset', () => {
    let now = 0;
    const counter = new InProgressCounter(() => now);
    const end = counter.begin();
    now = 10;
    end();
    end();
    const open = counter.begin();
    now = 20;
    expect(counter.snapshot()).toEqual({ peak: 1, meanWhileBusy: 1 });
    counter.reset();
    expect(counter.snapshot()).toEqual({ peak: 1, meanWhileBusy: 0 });
    now = 30;
    open();
    expect(counter.snapshot()).toEqual({ peak: 1, meanWhileBusy: 1 });
    expect(new InProgressCounter(() => 0).snapshot()).toEqual({ peak: 0, meanWhileBusy: 0 });
  });
});

describe('soapInProgress in the stats', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, faults: { latencyMs: 200 } });
  });
  afterAll(() => sim.close());

  it('counts the SOAP requests a client keeps open at once, and starts again at reset', async () => {
    const send = (i: number) =>
      call(sim, '1.2', 'SendSMSBasic', { ...DEMO, Address: '0791234567', Message: 'm', JobID: `p${i}` });
    const answers = await Promise.all([0, 1, 2, 3, 4].map(send));
    expect(answers.map(codeOf)).toEqual([0, 0, 0, 0, 0]);
    const { peak, meanWhileBusy } = sim.stats().soapInProgress;
    expect(peak).toBe(5);
    // All five were held 200 ms and arrived within a few milliseconds of each other.
    expect(meanWhileBusy).toBeGreaterThan(4);
    expect(meanWhileBusy).toBeLessThanOrEqual(5);
    await send(5);
    expect(sim.stats().soapInProgress.peak).toBe(5);
    sim.reset();
    expect(sim.stats().soapInProgress).toEqual({ peak: 0, meanWhileBusy: 0 });
    await send(6);
    expect(sim.stats().soapInProgress.peak).toBe(1);
  });
});
