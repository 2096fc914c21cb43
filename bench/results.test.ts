import { describe, expect, it } from 'vitest';
import { MODE_SIZES, parseBenchArgs } from './options.ts';
import { figure, goalText } from './results.ts';

const base = { id: 'B9.x', label: 'x', unit: 'msg/s', note: '' };

describe('a figure', () => {
  it('passes a minimum ratio only at or above it', () => {
    const goal = { kind: 'min-ratio', target: 0.6 } as const;
    expect(figure({ ...base, value: 60, baseline: 100, goal }).pass).toBe(true);
    expect(figure({ ...base, value: 59, baseline: 100, goal }).pass).toBe(false);
  });

  it('passes a maximum value on the value, not the ratio', () => {
    const goal = { kind: 'max-value', target: 20 } as const;
    expect(figure({ ...base, value: 20, baseline: 1, goal }).pass).toBe(true);
    expect(figure({ ...base, value: 21, baseline: 100, goal }).pass).toBe(false);
  });

  it('fails when marked invalid even if the numbers meet the goal', () => {
    const goal = { kind: 'max-ratio', target: 2 } as const;
    expect(figure({ ...base, value: 1, baseline: 1, goal, invalid: true }).pass).toBe(false);
  });

  it('has no verdict without a goal, and fails a goal when the baseline is zero', () => {
    expect(figure({ ...base, value: 1, baseline: 2 }).pass).toBeNull();
    const zero = figure({ ...base, value: 1, baseline: 0, goal: { kind: 'min-ratio', target: 0.1 } });
    expect(zero.pass).toBe(false);
    expect(zero.bench).toBe('B9');
  });

  it('states its goal the way the table prints it', () => {
    expect(goalText({ kind: 'min-ratio', target: 0.7 }, 'msg/s')).toBe('>= 0.7x');
    expect(goalText({ kind: 'max-value', target: 20 }, 'ms')).toBe('<= 20 ms');
    expect(goalText(undefined, 'ms')).toBe('-');
  });
});

describe('the bench command line', () => {
  it('runs everything at full size by default', () => {
    const options = parseBenchArgs([]);
    expect(options.only).toEqual(['B1', 'B2', 'B3', 'B4', 'B5']);
    expect(options.sizes).toEqual(MODE_SIZES.full);
  });

  it('takes a subset in run order and the large memory size', () => {
    const options = parseBenchArgs(['--only', 'B5,B1', '--large']);
    expect(options.only).toEqual(['B1', 'B5']);
    expect(options.sizes.memoryMessages).toBe(1_000_000);
  });

  it('refuses unknown benchmarks and contradictory modes', () => {
    expect(() => parseBenchArgs(['--only', 'B7'])).toThrow(/--only/);
    expect(() => parseBenchArgs(['--quick', '--large'])).toThrow(/exclude/);
  });
});
