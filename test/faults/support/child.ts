import { type ChildProcess, spawn } from 'node:child_process';
import { ROOT } from '../../support/processes.ts';

/** A TypeScript entry point of this repository running as its own Node process. */
export interface Child {
  readonly process: ChildProcess;
  /** Resolves with the exit code or signal once the process has exited. */
  readonly exited: Promise<string>;
  /** True until the process exits. */
  alive(): boolean;
  /** The last few kilobytes the process wrote to stderr, to explain a failure. */
  stderrTail(): string;
  /** Sends `signal` and resolves once the process has exited (at once when it already has). */
  stop(signal?: NodeJS.Signals): Promise<string>;
}

const TAIL_CHARS = 4_000;

/**
 * Starts `entry` (relative to the repository root) through tsx with `env` on top of this process's
 * environment. stdout is dropped; stderr is kept (its tail) because a crash prints there.
 */
export function startChild(entry: string, env: Record<string, string>): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let tail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-TAIL_CHARS);
  });
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ?? `exit ${String(code)}`));
  });
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    process: child,
    exited,
    alive,
    stderrTail: () => tail,
    async stop(signal = 'SIGTERM') {
      if (alive()) child.kill(signal);
      return exited;
    },
  };
}
