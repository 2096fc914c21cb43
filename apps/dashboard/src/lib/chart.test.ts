import { describe, expect, it } from 'vitest';
import { barChart, niceCeiling, overallMeanMs, totalCount } from './chart.ts';
import type { SeriesPoint } from './ops-types.ts';

const point = (count: number, meanMs: number | null = null): SeriesPoint => ({
  minute: '2026-03-20T12:00:00.000Z',
  count,
  meanMs,
});

describe('niceCeiling', () => {
  it.each([
    [0, 1],
    [1, 1],
    [3, 5],
    [7, 10],
    [12, 20],
    [480, 500],
    [1001, 2000],
    [0.3, 0.5],
  ])('rounds %d up to %d', (value, nice) => {
    expect(niceCeiling(value)).toBeCloseTo(nice);
  });
});

describe('barChart', () => {
  it('lays one bar per minute across the width, scaled to a round maximum', () => {
    const chart = barChart([point(0), point(4), point(8)], (p) => p.count, { width: 300, height: 100 });
    expect(chart.max).toBe(10);
    expect(chart.bars.map((b) => [b.x, b.width, b.height, b.y])).toEqual([
      [0, 99, 0, 100],
      [100, 99, 40, 60],
      [200, 99, 80, 20],
    ]);
  });

  it('draws no bar where nothing was measured and keeps tiny values visible', () => {
    const chart = barChart([point(0, null), point(1000, 1), point(1, 999)], (p) => p.meanMs, {
      width: 30,
      height: 100,
    });
    expect(chart.bars.map((b) => b.value)).toEqual([null, 1, 999]);
    expect(chart.bars[0]?.height).toBe(0);
    expect(chart.bars[1]?.height).toBe(1);
  });
});

describe('series summaries', () => {
  it('counts events and weights the mean latency by count', () => {
    const points = [point(3, 100), point(0, null), point(1, 500)];
    expect(totalCount(points)).toBe(4);
    expect(overallMeanMs(points)).toBe(200);
    expect(overallMeanMs([point(0)])).toBeNull();
  });
});
