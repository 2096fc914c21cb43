import { describe, expect, it } from 'vitest';
import { runBench } from './harness.ts';
import { MODE_SIZES, type Sizes } from './options.ts';
import { formatReport } from './report.ts';

// Smaller than --quick: this proves the harness produces a complete results object, never how fast anything is.
const TINY: Sizes = {
  ...MODE_SIZES.quick,
  loadSeconds: 1,
  warmupSeconds: 0,
  connections: 10,
  bulkMessages: 2_000,
  pipelineMessages: 200,
  latencyMessages: 100,
  concurrency: 10,
  callbackRecords: 50,
  memoryMessages: 500,
};

const EXPECTED_FIGURES = [
  'B1.requestsPerSecond',
  'B1.floorRequestsPerSecond',
  'B1.p50',
  'B1.p99',
  'B2.messagesPerSecond',
  'B2.floorMessagesPerSecond',
  'B3.messagesPerSecond',
  'B3.latencyMessagesPerSecond',
  'B4.callbacksPerSecond',
  'B4.p99',
  'B5.redisBytesPerMessage',
  'B5.workerRssMiB',
];

describe('pnpm bench in quick mode on tiny sizes', () => {
  it('measures every figure with a finite value, baseline and ratio, and a verdict for each goal', {
    timeout: 120_000,
  }, async () => {
    const lines: string[] = [];
    const results = await runBench({
      mode: 'quick',
      only: ['B1', 'B2', 'B3', 'B4', 'B5'],
      sizes: TINY,
      log: (line) => lines.push(line),
    });

    expect(results.figures.map((f) => f.id)).toEqual(EXPECTED_FIGURES);
    for (const f of results.figures) {
      expect(Number.isFinite(f.value), `${f.id} value ${f.value}`).toBe(true);
      expect(Number.isFinite(f.baseline), `${f.id} baseline ${f.baseline}`).toBe(true);
      expect(Number.isFinite(f.ratio), `${f.id} ratio ${f.ratio}`).toBe(true);
      expect(f.value, f.id).toBeGreaterThan(0);
    }
    // Every figure has a goal but the floors, the latency median and the callback tail, reported for information.
    const verdicts = Object.fromEntries(
      results.figures.map((f) => [f.id, f.pass === null ? 'none' : 'given']),
    );
    expect(verdicts).toEqual({
      ...Object.fromEntries(EXPECTED_FIGURES.map((id) => [id, 'given'])),
      'B1.floorRequestsPerSecond': 'none',
      'B1.p50': 'none',
      'B2.floorMessagesPerSecond': 'none',
      'B4.p99': 'none',
    });
    expect(results.passed).toBe(results.figures.every((f) => f.pass !== false));
    expect(results.machine.cores).toBeGreaterThan(0);
    expect(results.machine.node).toBe(process.version);
    expect(results.machine.redis).toMatch(/^\d+\.\d+/);
    expect(formatReport(results)).toContain('B5 worker RSS');
    expect(lines.length).toBeGreaterThan(5);
    // B1 and B4 log every measured round of every side: rate, p99 and the server's CPU per request.
    const rounds = (name: string) =>
      lines.find((line) => line.startsWith(`${name} rounds`))?.split('; ') ?? [];
    expect(
      rounds('B1').map((round) => /(relay|baseline|floor) [\d,]+\/s p99 [\d.]+ ms \d+ µs/.exec(round)?.[1]),
    ).toEqual(['relay', 'baseline', 'floor', 'floor', 'baseline', 'relay'].slice(0, rounds('B1').length));
    expect(rounds('B1').length % 3).toBe(0);
    expect(rounds('B1').length).toBeGreaterThan(0);
    expect(rounds('B4').length).toBeGreaterThan(0);
  });
});
