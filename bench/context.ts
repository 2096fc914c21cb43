import type { Redis } from 'ioredis';
import type { BenchServices } from './lib/services.ts';
import type { Sizes } from './options.ts';
import type { Figure } from './results.ts';

/** What every benchmark gets from the harness. */
export interface BenchContext {
  /** A connection of the runner to the run's private Redis. */
  readonly redis: Redis;
  readonly services: BenchServices;
  readonly sizes: Sizes;
  readonly log: (line: string) => void;
  /** Empties Redis between two measurements, so that neither side inherits the other's keys. */
  flush(): Promise<void>;
}

/** One benchmark: runs the relay and its baseline side by side and returns its figures. */
export type Bench = (context: BenchContext) => Promise<Figure[]>;

/** Runs `count` tasks with at most `lanes` in flight. */
export async function inLanes(
  count: number,
  lanes: number,
  task: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < count; i = next++) await task(i);
  };
  await Promise.all(Array.from({ length: Math.min(lanes, count) }, lane));
}

/** Rounds to `digits` significant decimals for the report (results.json keeps full precision). */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
