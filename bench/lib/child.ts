import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root; entry points are given relative to it. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Options of {@link startChild}. */
export interface ChildOptions {
  /** Name in messages and in CPU profile file names. */
  readonly name: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly args?: readonly string[];
  /** Run under `node --cpu-prof`; profiles go to `<cpuProfDir>/<name>/` when the process exits normally. */
  readonly cpuProfDir?: string;
}

/** A TypeScript entry point of this repository running in its own Node process. */
export interface BenchChild {
  readonly name: string;
  readonly pid: number;
  readonly process: ChildProcess;
  /** Resolves with the first stdout line matching `pattern`; rejects when the process exits or time runs out. */
  line(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray>;
  /** Resident set size now (Linux `/proc`), in bytes. */
  rssBytes(): number;
  /** CPU time used so far, user plus system (Linux `/proc`), in milliseconds. */
  cpuMs(): number;
  /** Writes one line to the process's standard input (baselines that run rounds on command). */
  send(line: string): void;
  /**
   * Closes the process's standard input and waits for it to exit by itself (so a CPU profile gets written);
   * stops it after `graceMs`.
   */
  finish(graceMs?: number): Promise<void>;
  /** The last few KiB of output, for error messages. */
  tail(): string;
  /** SIGTERM (so profiles get written), SIGKILL when it takes longer than `graceMs`. Idempotent. */
  stop(graceMs?: number): Promise<void>;
}

const TAIL_CHARS = 4_000;
/** USER_HZ: Linux reports process times in 1/100 s on every common architecture. */
const CLOCK_TICKS = 100;

/**
 * Spawns `node --import tsx <entry>` from the repository root with piped output.
 *
 * @throws Error when the process cannot be spawned.
 */
export function startChild(entry: string, options: ChildOptions): BenchChild {
  const prof = options.cpuProfDir
    ? // One folder per child: the tsx loader thread writes a profile of its own next to the main thread's.
      ['--cpu-prof', '--cpu-prof-dir', join(options.cpuProfDir, options.name)]
    : [];
  const child = spawn(process.execPath, [...prof, '--import', 'tsx', entry, ...(options.args ?? [])], {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`${options.name}: could not spawn ${entry}`);
  const pid = child.pid;
  let tail = '';
  let pending = '';
  const waiters = new Set<(line: string) => void>();
  const keep = (text: string) => {
    tail = (tail + text).slice(-TAIL_CHARS);
  };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    keep(chunk);
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) for (const waiter of waiters) waiter(line);
  });
  child.stderr.setEncoding('utf8').on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stopping: Promise<void> | undefined;

  return {
    name: options.name,
    pid,
    process: child,
    line(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => done(new Error(`${options.name}: no ${pattern} in ${timeoutMs} ms`)),
          timeoutMs,
        );
        const onExit = () => done(new Error(`${options.name} exited before printing ${pattern}:\n${tail}`));
        const waiter = (line: string) => {
          const match = pattern.exec(line);
          if (match) done(undefined, match);
        };
        function done(error: Error | undefined, match?: RegExpExecArray) {
          clearTimeout(timer);
          waiters.delete(waiter);
          child.off('exit', onExit);
          if (match) resolve(match);
          else reject(error);
        }
        waiters.add(waiter);
        child.once('exit', onExit);
      });
    },
    rssBytes() {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kib = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
      if (kib === undefined) throw new Error(`${options.name}: no VmRSS for pid ${pid}`);
      return Number(kib) * 1024;
    },
    cpuMs() {
      // Fields 14 and 15 of /proc/<pid>/stat, counted after the parenthesised command name.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
    },
    send(line) {
      child.stdin.write(`${line}\n`);
    },
    async finish(graceMs = 10_000) {
      child.stdin.end();
      const timer = setTimeout(() => void this.stop(), graceMs);
      await exited;
      clearTimeout(timer);
    },
    tail: () => tail,
    stop(graceMs = 10_000) {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}
