import { describe, expect, it } from 'vitest';
import { nextPollAt, parseSchedule } from './schedule.ts';

describe('poll schedule', () => {
  const s = parseSchedule('30s,1m,2m,5m,10m,30m,1h');
  it('parses durations', () => {
    expect(s).toEqual([30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000, 3_600_000]);
    expect(() => parseSchedule('30s,soon')).toThrow(/soon/);
  });
  it('follows the cumulative schedule, then repeats the last gap', () => {
    expect(nextPollAt(0, 0, s)).toBe(30_000);
    expect(nextPollAt(0, 30_000, s)).toBe(90_000);
    expect(nextPollAt(0, 100_000, s)).toBe(210_000);
    const lastFixed = 30_000 + 60_000 + 120_000 + 300_000 + 600_000 + 1_800_000 + 3_600_000;
    expect(nextPollAt(0, lastFixed, s)).toBe(lastFixed + 3_600_000);
    expect(nextPollAt(0, lastFixed + 5 * 3_600_000 + 1, s)).toBe(lastFixed + 6 * 3_600_000);
  });
});
