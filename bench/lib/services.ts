import { randomBytes } from 'node:crypto';
import { freePort } from '@ecall-relay/local-redis';
import { liveWorkers } from '@ecall-relay/observability';
import type { Redis } from 'ioredis';
import { type BenchChild, startChild } from './child.ts';
import { pollFor } from './poll.ts';

/** The relay's api running in its own process. */
export interface ApiProcess {
  readonly origin: string;
  readonly prefix: string;
  readonly apiKey: string;
  readonly callbackSecret: string;
  readonly child: BenchChild;
}

/** The minimal hono baseline in its own process. */
export interface BaselineProcess {
  readonly origin: string;
  readonly child: BenchChild;
}

/** The simulator running in its own process. */
export interface SimProcess {
  readonly endpoint: string;
  /** PUT/POST a control route (`/_sim/faults`, `/_sim/reset`); resolves to the JSON answer. */
  control(method: 'PUT' | 'POST' | 'GET', path: string, body?: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;

/**
 * Starts and tracks the processes of one bench run (api, baselines, simulator, workers) against one Redis;
 * `close` stops every one of them, whatever failed before.
 */
export class BenchServices {
  readonly #children: BenchChild[] = [];
  #api: Promise<ApiProcess> | undefined;
  #baseline: Promise<BaselineProcess> | undefined;

  constructor(
    readonly redisUrl: string,
    readonly redis: Redis,
    readonly cpuProfDir: string | undefined,
  ) {}

  /** Starts a child process and remembers it for {@link BenchServices.close}. */
  start(entry: string, name: string, env: Record<string, string>, args: string[] = []): BenchChild {
    const child = startChild(entry, {
      name,
      env: { REDIS_URL: this.redisUrl, LOG_LEVEL: 'silent', ...env },
      args,
      ...(this.cpuProfDir && { cpuProfDir: this.cpuProfDir }),
    });
    this.#children.push(child);
    return child;
  }

  /** The api (started once per run), with callbacks on so that B4 can reach the receiver. */
  api(): Promise<ApiProcess> {
    this.#api ??= (async () => {
      const port = await freePort();
      const origin = `http://127.0.0.1:${port}`;
      const prefix = 'bench-api';
      const apiKey = randomBytes(16).toString('hex');
      const callbackSecret = randomBytes(16).toString('hex');
      const child = this.start('apps/api/src/main.ts', 'api', {
        PORT: String(port),
        HOST: '127.0.0.1',
        KEY_PREFIX: prefix,
        RELAY_API_KEYS: `bench:send+read:${apiKey}`,
        PUBLIC_BASE_URL: origin,
        CALLBACK_SECRET: callbackSecret,
      });
      await pollFor(() => {
        if (child.process.exitCode !== null) throw new Error(`the api exited:\n${child.tail()}`);
        return fetch(`${origin}/healthz`).then(
          (res) => res.ok,
          () => false,
        );
      }, 'the api to answer /healthz');
      return { origin, prefix, apiKey, callbackSecret, child };
    })();
    return this.#api;
  }

  /** The minimal hono baseline of B1 and B4 (started once per run). */
  baseline(): Promise<BaselineProcess> {
    this.#baseline ??= (async () => {
      const child = this.start('bench/baseline/enqueue-server.ts', 'baseline', { KEY_PREFIX: 'bench-base' });
      const origin = (await child.line(/^READY (\S+)/, START_TIMEOUT_MS))[1] ?? '';
      return { origin, child };
    })();
    return this.#baseline;
  }

  /** Starts the simulator CLI on a free port. */
  async simulator(): Promise<SimProcess> {
    const port = await freePort();
    const child = this.start('packages/simulator/src/main.ts', 'simulator', {}, [
      '--port',
      String(port),
      '--step-ms',
      '1000',
      '--seed',
      '1',
    ]);
    const endpoint = (await child.line(/listening on (http:\/\/\S+)/, START_TIMEOUT_MS))[1] ?? '';
    const origin = new URL(endpoint).origin;
    return {
      endpoint,
      async control(method, path, body) {
        const res = await fetch(`${origin}${path}`, {
          method,
          ...(body !== undefined && { body: JSON.stringify(body) }),
        });
        if (!res.ok) throw new Error(`simulator ${method} ${path}: ${res.status} ${await res.text()}`);
        return res.json();
      },
      stop: () => child.stop(),
    };
  }

  /** Starts a worker process and resolves once it announces itself in Redis (every consumer is ready). */
  async worker(name: string, env: Record<string, string> & { KEY_PREFIX: string }): Promise<BenchChild> {
    const child = this.start('apps/worker/src/main.ts', name, {
      ECALL_ACCOUNT_NAME: 'demo',
      ECALL_ACCOUNT_PASSWORD: 'demo',
      METRICS_PORT: '0',
      ...env,
    });
    await pollFor(
      async () => {
        if (child.process.exitCode !== null) throw new Error(`${name} exited:\n${child.tail()}`);
        return (await liveWorkers(this.redis, env.KEY_PREFIX)).length > 0;
      },
      `${name} to start`,
      START_TIMEOUT_MS,
    );
    return child;
  }

  /** Stops every child started so far (SIGTERM, then SIGKILL after a grace period). */
  async close(): Promise<void> {
    await Promise.all(this.#children.map((child) => child.stop()));
  }
}
