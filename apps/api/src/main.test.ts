import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort, startRedisServer } from '@ecall-relay/local-redis';
import { callbackUrlFor, createJobId } from '@ecall-relay/messages';
import { startHeartbeat } from '@ecall-relay/observability';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { connectRedis, deleteKeys, redisUrl, uniquePrefix } from '../../../test/support/redis.ts';
import { parseApiKeys } from './auth/api-keys.ts';
import { createUserDirectory } from './auth/user-directory.ts';
import { loadApiConfig } from './config.ts';
import { silentLogger } from './deps.ts';
import { startApi } from './main.ts';

describe('startApi', () => {
  const prefix = uniquePrefix('api-main');
  const redis = connectRedis();
  afterAll(async () => {
    await deleteKeys(redis, prefix);
    redis.disconnect();
  });

  it('listens, accepts a message into Redis under KEY_PREFIX, reports health, and closes idempotently', async () => {
    const config = {
      ...loadApiConfig({
        RELAY_API_KEYS: 'ops:send+read:s3cret,boss:read+admin:adm1n',
        REDIS_URL: redisUrl(),
        KEY_PREFIX: prefix,
      }),
      port: 0,
      host: '127.0.0.1',
    };
    const api = await startApi(config, { logger: silentLogger });
    expect(api.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${api.url}/v1/sms`, {
      method: 'POST',
      headers: { authorization: 'Bearer s3cret', 'content-type': 'application/json' },
      body: JSON.stringify({ to: '0791234567', text: 'hello' }),
    });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    expect(await redis.hexists(`${prefix}:msg:${id}`, 'req')).toBe(1);
    // Headers set on Node's response (responseHeader), once each, next to those of the route's response.
    expect(res.headers.get('location')).toBe(`/v1/messages/${id}`);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await redis.exists(`${prefix}:ecall-send:${id}`)).toBe(1);
    expect(await (await fetch(`${api.url}/health`)).json()).toEqual({
      status: 'ok',
      checks: { redis: 'up' },
    });
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
    const notReady = await fetch(`${api.url}/readyz`);
    expect(notReady.status).toBe(503);
    expect(((await notReady.json()) as { faultInfo: { message: string } }).faultInfo.message).toMatch(
      /workers/,
    );
    const beat = startHeartbeat(redis, prefix, 1_000);
    expect(await (await fetch(`${api.url}/readyz`)).json()).toEqual({
      status: 'ok',
      checks: { redis: 'up', workers: 'up' },
    });
    await beat.stop();
    const metrics = await (await fetch(`${api.url}/metrics`)).text();
    expect(metrics).toMatch(
      /relay_http_requests_total\{method="POST",route="\/v1\/sms",status="202",app="api"\} 1/,
    );
    expect(metrics).toContain('relay_queue_jobs{queue="ecall-send",state="waiting",app="api"} 1');
    const post = (body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${api.url}/v1/sms`, {
        method: 'POST',
        headers: { authorization: 'Bearer s3cret', 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    const refused = await post({ to: '', text: 'hello' }, { 'x-request-id': 'trace-42' });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('x-request-id')).toBe('trace-42');
    expect(((await refused.json()) as { faultInfo: unknown }).faultInfo).toBeDefined();
    const first = await post({ to: '0791234567', text: 'once' }, { 'idempotency-key': `${prefix}-k` });
    const again = await post({ to: '0791234567', text: 'once' }, { 'idempotency-key': `${prefix}-k` });
    const firstId = ((await first.json()) as { id: string }).id;
    expect(((await again.json()) as { id: string }).id).toBe(firstId);
    expect([first.headers.get('idempotency-replayed'), again.headers.get('idempotency-replayed')]).toEqual([
      null,
      'true',
    ]);
    expect(again.headers.get('location')).toBe(`/v1/messages/${firstId}`);
    const board = await fetch(`${api.url}/admin/queues`, { headers: { authorization: 'Bearer adm1n' } });
    expect(board.status).toBe(200);
    expect(await board.text()).toContain('<div id="root"');
    const boardApi = await fetch(`${api.url}/admin/queues/api/queues`, {
      headers: { authorization: 'Bearer adm1n' },
    });
    const names = ((await boardApi.json()) as { queues: { name: string }[] }).queues.map((q) => q.name);
    expect(names.sort()).toEqual([
      'ecall-callbacks',
      'ecall-send',
      'ecall-send-chunks',
      'ecall-track',
      'host-webhooks',
    ]);
    expect(
      (await fetch(`${api.url}/admin/queues`, { headers: { authorization: 'Bearer s3cret' } })).status,
    ).toBe(403);
    expect((await fetch(`${api.url}/admin/queues/api/queues`)).status).toBe(401);
    // The dashboard (built by scripts/setup.sh) and its session endpoint.
    const ui = await fetch(`${api.url}/ui/`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toMatch(/<script[^>]+src="\/ui\/assets\//);
    const session = await fetch(`${api.url}/v1/ops/session`, { headers: { authorization: 'Bearer adm1n' } });
    expect(await session.json()).toMatchObject({
      user: { name: 'boss', roles: ['read', 'admin'] },
      demo: false,
    });
    await Promise.all([api.close(), api.close()]);
    await api.close();
    await expect(fetch(`${api.url}/health`)).rejects.toThrow();
  });

  it("receives eCall's callbacks on a connection of its own, and closes it with the api", async () => {
    // A Redis of its own: the e2e stacks of other test files start apis with callbacks on the shared one.
    const server = await startRedisServer();
    const own = new Redis(server.url);
    try {
      const secret = 'a-callback-secret-of-the-test';
      const base = 'https://relay.example.ch';
      const config = {
        ...loadApiConfig({
          RELAY_API_KEYS: 'ops:send+read:s3cret',
          REDIS_URL: server.url,
          KEY_PREFIX: 'own',
          PUBLIC_BASE_URL: base,
          CALLBACK_SECRET: secret,
        }),
        port: 0,
        host: '127.0.0.1',
      };
      const api = await startApi(config, { logger: silentLogger });
      const connections = async () =>
        String(await own.client('LIST'))
          .split('\n')
          .map((line: string) => /name=(\S*)/.exec(line)?.[1] ?? '')
          .filter((name: string) => name.startsWith('relay-api'))
          .sort();
      expect(await connections()).toEqual(['relay-api', 'relay-api-callbacks']);
      const res = await fetch(`${api.url}/v1/sms`, {
        method: 'POST',
        headers: { authorization: 'Bearer s3cret', 'content-type': 'application/json' },
        body: JSON.stringify({ to: '0791234567', text: 'hello' }),
      });
      const { id } = (await res.json()) as { id: string };
      const pathOf = (messageId: string) => new URL(callbackUrlFor(base, secret, messageId)).pathname;
      const query = '?Function=Notification&JobID=x&Address=0041791234567&SendState=2&ErrorState=0';
      // Sent side by side, so that both callbacks' commands leave in the same writes.
      const answers = await Promise.all([
        fetch(`${api.url}${pathOf(id)}${query}`),
        fetch(`${api.url}${pathOf(createJobId())}${query}`),
      ]);
      expect(answers.map((answer) => answer.status)).toEqual([200, 404]);
      expect(await own.llen('own:ecall-callbacks:wait')).toBe(1);
      await api.close();
      await expect.poll(connections, { timeout: 5_000 }).toEqual([]);
    } finally {
      own.disconnect();
      await server.kill();
    }
  });

  it('fails to start, without leaking the Redis password, when Redis is unreachable', async () => {
    const config = {
      ...loadApiConfig({
        RELAY_API_KEYS: 'ops:read:x',
        REDIS_URL: `redis://:hunter2@127.0.0.1:${await freePort()}`,
      }),
      port: 0,
      host: '127.0.0.1',
      users: createUserDirectory(parseApiKeys('ops:read:x')),
    };
    const started = Date.now();
    const error = await startApi(config, { logger: silentLogger, redisTimeoutMs: 500 }).then(
      () => new Error('started although Redis is unreachable'),
      (e: unknown) => e as Error,
    );
    expect(error.message).toContain('not reachable');
    expect(error.message).not.toContain('hunter2');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('hash-secret', () => {
  it('prints a scrypt hash of the secret on stdin that the users file accepts', async () => {
    const script = fileURLToPath(new URL('./hash-secret.ts', import.meta.url));
    const output = await new Promise<string>((resolve, reject) => {
      const child = execFile(
        process.execPath,
        ['--import', 'tsx', script],
        { timeout: 20_000 },
        (error, stdout) => (error ? reject(error) : resolve(stdout)),
      );
      child.stdin?.end('cli-secret\n');
    });
    const secretHash = output.trim();
    expect(secretHash).toMatch(/^scrypt\$/);
    const users = createUserDirectory([{ name: 'cli', roles: ['read'], secretHash }]);
    expect(await users.authenticate('Bearer cli-secret')).toEqual({ name: 'cli', roles: ['read'] });
    expect(await users.authenticate('Bearer cli-secre')).toBeUndefined();
  });
});
