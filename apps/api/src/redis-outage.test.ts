import { type LocalRedisServer, startRedisServer } from '@ecall-relay/local-redis';
import { createMessageStore, QUEUE_NAMES, type SendJobData } from '@ecall-relay/messages';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { parseApiKeys } from './auth/api-keys.ts';
import { createUserDirectory } from './auth/user-directory.ts';
import { silentLogger } from './deps.ts';
import type { FaultBody } from './errors.ts';
import { connectApiRedis, waitForRedis } from './redis.ts';
import { AUTH, TEST_KEYS } from './testing/harness.ts';

describe('when Redis goes away', () => {
  let server: LocalRedisServer;
  let redis: Redis;
  let queue: Queue<SendJobData>;
  let app: ReturnType<typeof createApp>;

  beforeEach(async () => {
    server = await startRedisServer();
    redis = connectApiRedis(server.url, silentLogger);
    await waitForRedis(redis, server.url, 5_000);
    queue = new Queue<SendJobData>(QUEUE_NAMES.send, { connection: redis, prefix: 'outage' });
    queue.on('error', () => {});
    const store = createMessageStore({ redis, sendQueue: queue, prefix: 'outage' });
    app = createApp({ store, users: createUserDirectory(parseApiKeys(TEST_KEYS)), logger: silentLogger });
  });

  afterEach(async () => {
    server.process.kill('SIGCONT');
    redis.disconnect();
    await queue.close().catch(() => undefined);
    await server.kill();
  });

  const requests = [
    () =>
      app.request('/v1/sms', {
        method: 'POST',
        headers: { ...AUTH.ops, 'content-type': 'application/json', 'idempotency-key': 'outage-1' },
        body: JSON.stringify({ to: '0791234567', text: 'x' }),
      }),
    () =>
      app.request('/v1/voice', {
        method: 'POST',
        headers: { ...AUTH.ops, 'content-type': 'application/json' },
        body: JSON.stringify({ to: '0791234567', text: 'x' }),
      }),
    () => app.request('/v1/messages', { headers: AUTH.ops }),
    () => app.request('/v1/admin/account', { headers: AUTH.ops }),
  ];

  async function expectFast503s(): Promise<void> {
    for (const request of requests) {
      const started = Date.now();
      const res = await request();
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(((await res.json()) as FaultBody).faultInfo.errorCode).toBe(3503);
    }
  }

  it('answers 503 with Retry-After within 3 seconds once Redis is stopped', async () => {
    expect((await requests[1]?.())?.status).toBe(202);
    await server.stop();
    await expectFast503s();
  });

  it('answers 503 within 3 seconds when Redis stops answering on an open connection', async () => {
    expect((await requests[1]?.())?.status).toBe(202);
    server.process.kill('SIGSTOP');
    await expectFast503s();
  });
});
