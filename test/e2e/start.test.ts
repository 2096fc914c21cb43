import { spawn } from 'node:child_process';
import { freePort } from '@ecall-relay/local-redis';
import { afterAll, describe, expect, it } from 'vitest';
import { killAndWait, ROOT } from '../support/processes.ts';
import { connectRedis, deleteKeys, redisUrl, uniquePrefix } from '../support/redis.ts';
import { waitFor } from '../support/wait.ts';

describe('pnpm start (the README run command)', () => {
  const prefix = uniquePrefix('start');
  afterAll(async () => {
    const redis = connectRedis();
    await deleteKeys(redis, prefix);
    redis.disconnect();
  });

  it('runs api, worker and the simulator in demo mode, prints a key, delivers a message, stops on SIGINT', {
    timeout: 60_000,
  }, async () => {
    const [port, simPort] = [await freePort(), await freePort()];
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      SIM_PORT: String(simPort),
      REDIS_URL: redisUrl(),
      KEY_PREFIX: prefix,
      LOG_LEVEL: 'warn',
    };
    delete env.ECALL_ACCOUNT_NAME;
    delete env.RELAY_API_KEYS;
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    try {
      const key = await waitFor(() => /API key \(demo only, new each start\): (\S+)/.exec(output)?.[1], {
        timeoutMs: 30_000,
        what: 'the printed API key',
      });
      expect(output).toContain('DEMO MODE');
      const base = `http://127.0.0.1:${port}`;
      const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
      const sent = await fetch(`${base}/v1/sms`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ to: '0791234567', text: 'hi' }),
      });
      expect(sent.status).toBe(202);
      const { id } = (await sent.json()) as { id: string };
      // The demo simulator steps every 2 s: SendStates 0, 1, 9, then 8.
      await waitFor(
        async () => {
          const res = await fetch(`${base}/v1/messages/${id}`, { headers });
          return ((await res.json()) as { status: string }).status === 'delivered';
        },
        { timeoutMs: 20_000, what: 'delivered' },
      );
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGINT');
      const code = await Promise.race([
        exited,
        new Promise<'hung'>((r) => setTimeout(() => r('hung'), 15_000)),
      ]);
      if (code === 'hung') await killAndWait(child);
      expect(code).toBe(0);
    }
  });
});
