import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { pingRedis } from './ping.ts';

/** Options of {@link startRedisServer}. */
export interface RedisServerOptions {
  /** Loopback port. @defaultValue a free port chosen by the OS */
  readonly port?: number;
  /** Working directory for AOF/RDB files; persistence is off when absent. */
  readonly dir?: string;
  /** AOF fsync policy when `dir` is set. @defaultValue 'everysec' */
  readonly appendfsync?: 'always' | 'everysec' | 'no';
  /** Binary to run. @defaultValue 'redis-server' */
  readonly binary?: string;
  /** How long to wait for the first PONG. @defaultValue 10_000 */
  readonly startTimeoutMs?: number;
}

/** A redis-server child process started by {@link startRedisServer}. */
export interface LocalRedisServer {
  readonly url: string;
  readonly port: number;
  readonly process: ChildProcess;
  /** Asks the server to stop (SIGTERM; AOF is flushed) and waits for the process to exit. */
  stop(): Promise<void>;
  /** Kills the server at once (SIGKILL), like a crash or power loss. */
  kill(): Promise<void>;
}

/** Tells whether `redis-server` (or `binary`) can be run on this machine. */
export function hasRedisServer(binary = 'redis-server'): boolean {
  return spawnSync(binary, ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Returns a TCP port that was free on 127.0.0.1 a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a private redis-server on 127.0.0.1 and resolves once it answers PING.
 *
 * @throws Error when the binary is missing or the server does not answer within `startTimeoutMs`.
 */
export async function startRedisServer(options: RedisServerOptions = {}): Promise<LocalRedisServer> {
  const binary = options.binary ?? 'redis-server';
  if (!hasRedisServer(binary)) {
    throw new Error(
      `${binary} was not found. Install Redis (Debian: apt-get install redis-server) or set REDIS_URL to a running server.`,
    );
  }
  const port = options.port ?? (await freePort());
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--daemonize', 'no'];
  if (options.dir) {
    mkdirSync(options.dir, { recursive: true });
    args.push(
      '--dir',
      options.dir,
      '--appendonly',
      'yes',
      '--appendfsync',
      options.appendfsync ?? 'everysec',
    );
  } else {
    args.push('--appendonly', 'no');
  }
  const child = spawn(binary, args, { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.startTimeoutMs ?? 10_000);
  while (!(await pingRedis(url, 250))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`redis-server did not answer on port ${port}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const signal = (name: NodeJS.Signals) => async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return { url, port, process: child, stop: signal('SIGTERM'), kill: signal('SIGKILL') };
}
