import { parseArgs } from 'node:util';

/** The benchmarks, in the order they run. */
export const BENCHES = ['B1', 'B2', 'B3', 'B4', 'B5'] as const;
export type BenchId = (typeof BENCHES)[number];

/** How much each benchmark does; the modes differ only in these numbers. */
export interface Sizes {
  /** Measured seconds of each HTTP load run (B1, B4). */
  readonly loadSeconds: number;
  /** Unmeasured seconds before each load run, so both sides are compared warm. */
  readonly warmupSeconds: number;
  /** Concurrent connections of the HTTP load (B1, B4). */
  readonly connections: number;
  /** Messages of B2 on each side, sent in batches of 1,000. */
  readonly bulkMessages: number;
  /** Messages of the B3 throughput run on each side. */
  readonly pipelineMessages: number;
  /** Messages of the B3 run with 100 ms simulated latency. */
  readonly latencyMessages: number;
  /** Worker concurrency C of B3 (both runs) and of the bare client loop. */
  readonly concurrency: number;
  /** Message records the B4 callbacks point at. */
  readonly callbackRecords: number;
  /** N of B5. */
  readonly memoryMessages: number;
}

/** What `runBench` does. */
export interface BenchOptions {
  readonly mode: 'quick' | 'full' | 'large';
  readonly only: readonly BenchId[];
  readonly sizes: Sizes;
  /** Write V8 CPU profiles of the child processes here (`node --cpu-prof`). */
  readonly cpuProfDir?: string;
  /** Progress lines; the final table is printed by the caller. */
  readonly log: (line: string) => void;
}

const FULL: Sizes = {
  loadSeconds: 10,
  warmupSeconds: 2,
  connections: 50,
  bulkMessages: 50_000,
  pipelineMessages: 10_000,
  latencyMessages: 5_000,
  concurrency: 50,
  callbackRecords: 1_000,
  memoryMessages: 100_000,
};

/** The sizes of each mode. */
export const MODE_SIZES: Readonly<Record<BenchOptions['mode'], Sizes>> = {
  full: FULL,
  large: { ...FULL, memoryMessages: 1_000_000 },
  quick: {
    ...FULL,
    loadSeconds: 2,
    warmupSeconds: 1,
    bulkMessages: 5_000,
    pipelineMessages: 1_000,
    latencyMessages: 500,
    callbackRecords: 200,
    memoryMessages: 5_000,
  },
};

/** Usage text for a bad flag. */
export const USAGE =
  'Usage: pnpm bench [--only B1,B3] [--quick | --large] [--cpu-prof DIR]\n' +
  '  --only      run only these benchmarks (B1..B5)\n' +
  '  --quick     short smoke run (seconds instead of minutes)\n' +
  '  --large     B5 with 1,000,000 messages instead of 100,000\n' +
  '  --cpu-prof  write CPU profiles of api, worker and baselines to DIR';

/**
 * Reads the command line of `pnpm bench`.
 * @throws TypeError for an unknown flag or benchmark, or for --quick with --large.
 */
export function parseBenchArgs(argv: readonly string[]): Omit<BenchOptions, 'log'> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      only: { type: 'string' },
      quick: { type: 'boolean' },
      large: { type: 'boolean' },
      'cpu-prof': { type: 'string' },
    },
    strict: true,
  });
  if (values.quick && values.large) throw new TypeError('--quick and --large exclude each other');
  const mode = values.quick ? 'quick' : values.large ? 'large' : 'full';
  const only = values.only === undefined ? [...BENCHES] : values.only.split(',').map((id) => id.trim());
  const unknown = only.filter((id) => !(BENCHES as readonly string[]).includes(id));
  if (unknown.length || only.length === 0) {
    throw new TypeError(`--only takes ${BENCHES.join(', ')}; got ${values.only ?? ''}`);
  }
  return {
    mode,
    only: BENCHES.filter((id) => only.includes(id)),
    sizes: MODE_SIZES[mode],
    ...(values['cpu-prof'] && { cpuProfDir: values['cpu-prof'] }),
  };
}
