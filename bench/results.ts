import type { Machine } from './machine.ts';

/** What a figure must reach; ratios are value / baseline. */
export type Goal =
  | { readonly kind: 'min-ratio'; readonly target: number }
  | { readonly kind: 'max-ratio'; readonly target: number }
  | { readonly kind: 'max-value'; readonly target: number };

/** One measured figure, side by side with its baseline from the same run. */
export interface Figure {
  /** Stable key, e.g. `B1.requestsPerSecond`. */
  readonly id: string;
  /** Benchmark it belongs to: `B1`...`B5`. */
  readonly bench: string;
  readonly label: string;
  readonly unit: string;
  readonly value: number;
  readonly baseline: number;
  /** value / baseline. */
  readonly ratio: number;
  /** Absent when the issue sets no goal and none was chosen. */
  readonly goal?: Goal;
  /** Null when there is no goal. */
  readonly pass: boolean | null;
  /** What the baseline is, and anything that invalidates the figure (errors under load). */
  readonly note: string;
}

/** Everything one `pnpm bench` run measured. */
export interface BenchResults {
  readonly machine: Machine;
  readonly mode: 'quick' | 'full' | 'large';
  readonly startedAt: string;
  readonly durationMs: number;
  readonly figures: readonly Figure[];
  /** Every goal met (figures without a goal do not count). */
  readonly passed: boolean;
}

/** Input of {@link figure}: everything but the derived ratio and verdict. */
export interface FigureInput {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly value: number;
  readonly baseline: number;
  readonly goal?: Goal;
  readonly note: string;
  /** Forces a failure whatever the numbers say, e.g. when the relay answered errors under load. */
  readonly invalid?: boolean;
}

function meets(goal: Goal, value: number, ratio: number): boolean {
  switch (goal.kind) {
    case 'min-ratio':
      return ratio >= goal.target;
    case 'max-ratio':
      return ratio <= goal.target;
    case 'max-value':
      return value <= goal.target;
  }
}

/** Builds a figure: derives the ratio and, when there is a goal, whether it is met. */
export function figure(input: FigureInput): Figure {
  const ratio = input.baseline === 0 ? Number.NaN : input.value / input.baseline;
  const bench = input.id.split('.')[0] ?? input.id;
  const { invalid, goal, ...rest } = input;
  const pass = goal ? !invalid && Number.isFinite(ratio) && meets(goal, input.value, ratio) : null;
  return { ...rest, bench, ratio, ...(goal && { goal }), pass };
}

/** The goal as people read it: `>= 0.6x`, `<= 20 ms`. */
export function goalText(goal: Goal | undefined, unit: string): string {
  if (!goal) return '-';
  if (goal.kind === 'min-ratio') return `>= ${goal.target}x`;
  if (goal.kind === 'max-ratio') return `<= ${goal.target}x`;
  return `<= ${goal.target} ${unit}`;
}
