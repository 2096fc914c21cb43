import type { BenchChild } from './child.ts';
import { type LoadResult, type LoadSpec, runLoad } from './load.ts';

/** One side of a comparison: what to load and the process that serves it. */
export interface LoadSide {
  /** Name in the log of rounds. */
  readonly name: string;
  readonly spec: Omit<LoadSpec, 'seconds'>;
  readonly server: Pick<BenchChild, 'cpuMs'>;
}

/** A side's figures over all its measured rounds. */
export interface SideResult extends LoadResult {
  /** CPU milliseconds the server process spent per request: unlike rates, hardly moved by other load. */
  readonly cpuMsPerRequest: number;
}

/** How {@link compareLoads} runs. */
export interface CompareOptions {
  /** Measured seconds per side, split into rounds of about five seconds. */
  readonly seconds: number;
  readonly warmupSeconds: number;
  /** Runs after every round (the harness empties Redis there). */
  readonly between: () => Promise<void>;
  /** Receives one line with every measured round, in the order run (rate, p99, server CPU per request). */
  readonly log?: (line: string) => void;
}

interface Tally {
  total: number;
  failures: number;
  seconds: number;
  cpuMs: number;
  p50Weighted: number;
  p99: number;
}

/**
 * Warms every side, then alternates measured rounds (relay, baseline, then baseline, relay, ...) so that load from
 * elsewhere on a shared machine falls on all alike. Requests/s are over all rounds; p50 is the request-weighted mean of
 * the rounds' medians and p99 the worst round's (autocannon reports percentiles per run, not histograms).
 * Resolves to one result per side, in order.
 */
export async function compareLoads(
  sides: readonly LoadSide[],
  options: CompareOptions,
): Promise<SideResult[]> {
  const rounds = Math.max(1, Math.round(options.seconds / 5));
  const seconds = options.seconds / rounds;
  const tallies = sides.map(() => ({ total: 0, failures: 0, seconds: 0, cpuMs: 0, p50Weighted: 0, p99: 0 }));
  const measured: string[] = [];
  if (options.warmupSeconds > 0) {
    for (const side of sides) await runLoad({ ...side.spec, seconds: options.warmupSeconds });
    await options.between();
  }
  for (let round = 0; round < rounds; round++) {
    // Every other round in reverse (relay, baseline, baseline, relay, ...): a machine whose speed drifts during the
    // run then weighs on every side alike, where a fixed order gave the first side the earlier half of each round.
    const order = round % 2 === 0 ? [...sides.entries()] : [...sides.entries()].reverse();
    for (const [i, side] of order) {
      const tally = tallies[i] as Tally;
      const cpuBefore = side.server.cpuMs();
      const result = await runLoad({ ...side.spec, seconds });
      const cpuMs = side.server.cpuMs() - cpuBefore;
      measured.push(
        `${side.name} ${Math.round(result.requestsPerSecond).toLocaleString('en-US')}/s ` +
          `p99 ${result.p99Ms.toFixed(1)} ms ${Math.round((1000 * cpuMs) / Math.max(1, result.total))} µs`,
      );
      tally.cpuMs += cpuMs;
      tally.total += result.total;
      tally.failures += result.failures;
      tally.seconds += seconds;
      tally.p50Weighted += result.p50Ms * result.total;
      tally.p99 = Math.max(tally.p99, result.p99Ms);
      await options.between();
    }
  }
  options.log?.(measured.join('; '));
  return tallies.map(summarize);
}

function summarize(tally: Tally): SideResult {
  const requests = Math.max(1, tally.total);
  return {
    requestsPerSecond: tally.total / tally.seconds,
    p50Ms: tally.p50Weighted / requests,
    p99Ms: tally.p99,
    total: tally.total,
    failures: tally.failures,
    cpuMsPerRequest: tally.cpuMs / requests,
  };
}

/** CPU per request as the notes print it. */
export function cpuText(result: SideResult): string {
  return `${Math.round(result.cpuMsPerRequest * 1000)} µs`;
}
