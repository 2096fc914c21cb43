import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Starts a TypeScript entry point of this repository in its own Node process (through tsx). */
export function spawnTs(
  entry: string,
  env: Record<string, string>,
  options: { inherit?: boolean } = {},
): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: options.inherit ? 'inherit' : 'ignore',
  });
}

/** Kills a process with `signal` and resolves once it has exited. */
export function killAndWait(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
