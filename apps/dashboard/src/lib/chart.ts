import type { SeriesPoint } from './ops-types.ts';

/** One bar of a chart, in SVG user units (origin top left). */
export interface Bar {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The value it stands for; null where nothing was measured (no bar, not a zero). */
  readonly value: number | null;
  readonly minute: string;
}

/** A bar chart laid out for a fixed viewBox. */
export interface BarChart {
  readonly width: number;
  readonly height: number;
  /** The value of the top of the chart: a round number at or above the largest value. */
  readonly max: number;
  readonly bars: readonly Bar[];
}

/** The smallest 1, 2 or 5 times a power of ten at or above `value` (1 for nothing), for a readable axis. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((m) => m * power >= value * (1 - 1e-9)) ?? 10;
  return step * power;
}

/** Lays out one bar per point of `values`, scaled to `height`; a drawn value is at least 1 unit high. */
export function barChart(
  points: readonly SeriesPoint[],
  measure: (point: SeriesPoint) => number | null,
  size: { readonly width: number; readonly height: number },
): BarChart {
  const values = points.map(measure);
  const max = niceCeiling(Math.max(0, ...values.map((v) => v ?? 0)));
  const slot = points.length > 0 ? size.width / points.length : size.width;
  const gap = slot > 4 ? 1 : 0;
  const bars = points.map((point, i) => {
    const value = values[i] ?? null;
    const height = value === null || value <= 0 ? 0 : Math.max(1, (value / max) * size.height);
    return { x: i * slot, y: size.height - height, width: slot - gap, height, value, minute: point.minute };
  });
  return { width: size.width, height: size.height, max, bars };
}

/** Events counted over all points. */
export function totalCount(points: readonly SeriesPoint[]): number {
  return points.reduce((sum, p) => sum + p.count, 0);
}

/** The mean latency over all points, weighted by their counts; null when nothing was measured. */
export function overallMeanMs(points: readonly SeriesPoint[]): number | null {
  let weight = 0;
  let sum = 0;
  for (const p of points) {
    if (p.meanMs === null || p.count === 0) continue;
    weight += p.count;
    sum += p.meanMs * p.count;
  }
  return weight > 0 ? sum / weight : null;
}
