import { barChart } from '../lib/chart.ts';
import { formatTime } from '../lib/format.ts';
import type { SeriesPoint } from '../lib/ops-types.ts';

const SIZE = { width: 360, height: 90 };

interface ChartProps {
  readonly title: string;
  /** The headline next to the title (a total, a mean). */
  readonly summary: string;
  readonly points: readonly SeriesPoint[];
  readonly measure: (point: SeriesPoint) => number | null;
  /** How a value reads (axis top, tooltips). */
  readonly format: (value: number) => string;
}

/** A small per-minute bar chart of the last hour, in plain SVG: one bar per minute, hover for the value. */
export function SeriesChart({ title, summary, points, measure, format }: ChartProps) {
  const chart = barChart(points, measure, SIZE);
  const first = points[0];
  const last = points.at(-1);
  return (
    <figure class="chart card" data-testid="chart">
      <figcaption>
        <strong>{title}</strong>
        <div class="muted small">{summary}</div>
      </figcaption>
      <div class="chart-body">
        <span class="axis-max muted small">{format(chart.max)}</span>
        <svg
          viewBox={`0 0 ${chart.width} ${chart.height}`}
          preserveAspectRatio="none"
          role="img"
          aria-label={`${title}, per minute over the last hour`}
        >
          <line x1="0" y1={chart.height - 0.5} x2={chart.width} y2={chart.height - 0.5} class="baseline" />
          {chart.bars
            .filter((b) => b.height > 0)
            .map((b) => (
              <rect key={b.minute} x={b.x} y={b.y} width={b.width} height={b.height} class="bar">
                <title>
                  {formatTime(b.minute).slice(0, 5)}: {b.value === null ? '-' : format(b.value)}
                </title>
              </rect>
            ))}
        </svg>
      </div>
      <div class="chart-axis muted small">
        <span>{first ? formatTime(first.minute).slice(0, 5) : ''}</span>
        <span>{last ? formatTime(last.minute).slice(0, 5) : ''}</span>
      </div>
    </figure>
  );
}
