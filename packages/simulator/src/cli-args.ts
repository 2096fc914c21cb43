import { parseArgs } from 'node:util';

/** What the command line asks for. */
export interface CliArgs {
  readonly port: number;
  readonly host: string;
  readonly stepMs: number;
  readonly seed: number | undefined;
  readonly verbose: boolean;
}

/** Usage text printed for --help and after a bad flag. */
export const USAGE = [
  'Usage: pnpm sim [--port 4010] [--host 127.0.0.1] [--step-ms 1000] [--seed N] [--verbose]',
  '  --port      TCP port (env SIM_PORT), default 4010, 0 = random',
  '  --host      interface to bind, default 127.0.0.1',
  '  --step-ms   time between two SendStates of a recipient, default 1000',
  '  --seed      PRNG seed for fault rates',
  '  --verbose   log every request and callback to stdout',
].join('\n');

function integer(name: string, text: string, min: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min)
    throw new RangeError(`${name} must be an integer >= ${String(min)}, got ${text}`);
  return value;
}

/**
 * Reads the simulator's flags; `--port` falls back to `SIM_PORT`, then 4010.
 * @throws RangeError or TypeError for an unknown flag or a bad number.
 */
export function parseCliArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): CliArgs | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'step-ms': { type: 'string' },
      seed: { type: 'string' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help === true) return 'help';
  const port = values.port ?? env.SIM_PORT ?? '4010';
  return {
    port: integer('--port', port, 0),
    host: values.host ?? '127.0.0.1',
    stepMs: integer('--step-ms', values['step-ms'] ?? '1000', 1),
    seed: values.seed === undefined ? undefined : integer('--seed', values.seed, 0),
    verbose: values.verbose === true,
  };
}
