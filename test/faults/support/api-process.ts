import { freePort } from '@ecall-relay/local-redis';
import { waitFor } from '../../support/wait.ts';
import { type Child, startChild } from './child.ts';

/** An api process listening on loopback. */
export interface ApiProcess {
  readonly url: string;
  readonly child: Child;
  /** GET /healthz answers 200. */
  healthy(): Promise<boolean>;
}

/**
 * Starts `apps/api/src/main.ts` as a child process on a free loopback port with `env` (REDIS_URL, KEY_PREFIX,
 * RELAY_API_KEYS...), quiet, and resolves once /healthz answers.
 * @throws Error when it does not answer within 60 s (a busy machine needs seconds to load tsx).
 */
export async function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = startChild('apps/api/src/main.ts', {
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'silent',
    ...env,
  });
  const healthy = async () => {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) }).catch(() => undefined);
    return res?.status === 200;
  };
  await waitFor(
    async () => {
      if (!child.alive()) throw new Error(`api exited at start:\n${child.stderrTail()}`);
      return healthy();
    },
    { timeoutMs: 60_000, intervalMs: 100, what: 'the api process to answer /healthz' },
  );
  return { url, child, healthy };
}
