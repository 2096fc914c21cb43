import { Writable } from 'node:stream';
import { Queue } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { connectRedis, deleteKeys, uniquePrefix } from '../../../test/support/redis.ts';
import { waitFor } from '../../../test/support/wait.ts';
import {
  createLogger,
  createRelayMetrics,
  liveWorkers,
  refreshQueueDepths,
  startHeartbeat,
} from './index.ts';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, destination };
}

describe('createLogger', () => {
  it('writes one JSON object per line with ISO time and a level word', () => {
    const { lines, destination } = capture();
    createLogger({ name: 'worker', destination }).info(
      { messageId: 'M1', requestId: 'R1' },
      'message accepted',
    );
    const line = JSON.parse(lines[0] ?? '{}');
    expect(line).toMatchObject({
      level: 'info',
      name: 'worker',
      messageId: 'M1',
      requestId: 'R1',
      msg: 'message accepted',
    });
    expect(line.time).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('redacts credentials wherever a caller put them', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ name: 'api', destination });
    logger.info({ req: { headers: { authorization: 'Bearer s3cret-key' } } }, 'request');
    logger.warn(
      { config: { ECALL_ACCOUNT_PASSWORD: 'ecall-pw', HOST_WEBHOOK_PASSWORD: 'hook-pw' } },
      'config',
    );
    logger.error({ accountPassword: 'pw2', password: 'pw3', secret: 'pw4' }, 'oops');
    const text = lines.join('');
    for (const secret of ['s3cret-key', 'ecall-pw', 'hook-pw', 'pw2', 'pw3', 'pw4'])
      expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });

  it('redacts at any depth and in any spelling, in arrays, errors and bindings, without touching the caller', () => {
    const { lines, destination } = capture();
    // A grandchild: every descendant's bindings are searched.
    const logger = createLogger({ name: 'worker', destination })
      .child({ requestId: 'r1' })
      .child({
        ecall: { AccountPassword: 'bound-pw' },
      });
    const failure = Object.assign(new Error('request failed'), {
      config: { headers: { Authorization: 'Basic deep-auth' }, auth: { password: 'axios-pw' } },
    });
    const fields = {
      a: { b: { c: { password: 'deep-pw' } } },
      hooks: [{ url: 'https://host.example/hook', callbackSecret: 'array-secret' }],
      headers: { 'X-Api-Key': 'header-key', 'content-type': 'text/xml' },
      RELAY_API_KEYS: 'ops:key1',
      err: failure,
    };
    logger.warn(fields, 'call failed');
    const text = lines.join('');
    for (const secret of [
      'bound-pw',
      'deep-auth',
      'axios-pw',
      'deep-pw',
      'array-secret',
      'header-key',
      'key1',
    ])
      expect(text).not.toContain(secret);
    const line = JSON.parse(text);
    expect(line).toMatchObject({
      ecall: { AccountPassword: '[redacted]' },
      a: { b: { c: { password: '[redacted]' } } },
      hooks: [{ url: 'https://host.example/hook', callbackSecret: '[redacted]' }],
      headers: { 'X-Api-Key': '[redacted]', 'content-type': 'text/xml' },
      err: { message: 'request failed', type: 'Error', config: { auth: { password: '[redacted]' } } },
    });
    expect(line.err.stack).toContain('request failed');
    // The caller's objects are copied where a secret was found, never changed.
    expect(fields.a.b.c.password).toBe('deep-pw');
    expect(failure.config.headers.Authorization).toBe('Basic deep-auth');
  });

  it('bounds the search of deep and circular objects', () => {
    const { lines, destination } = capture();
    const cyclic: Record<string, unknown> = { secret: 'loop-secret' };
    cyclic.self = cyclic;
    let deep: Record<string, unknown> = { password: 'bottom-pw' };
    for (let i = 0; i < 20; i++) deep = { next: deep };
    createLogger({ name: 'api', destination }).info({ cyclic, deep }, 'odd shapes');
    const text = lines.join('');
    expect(text).not.toContain('loop-secret');
    expect(text).not.toContain('bottom-pw');
    expect(JSON.parse(text).cyclic).toEqual({ secret: '[redacted]', self: '[Circular]' });
  });
});

describe('metrics', () => {
  it('exposes counters, histograms and queue depths in Prometheus text format', async () => {
    const metrics = createRelayMetrics({ app: 'worker', defaults: false });
    metrics.submissions.inc({ operation: 'SendSMSBasic', code: '0', result: 'accepted' });
    metrics.enqueueToAccepted.observe(0.3);
    const prefix = uniquePrefix('metrics');
    const redis = connectRedis();
    const queue = new Queue('ecall-send', { connection: redis, prefix });
    await queue.add('send', {}, { delay: 60_000 });
    await queue.add('send', {});
    await refreshQueueDepths(metrics, [queue]);
    const text = await metrics.registry.metrics();
    expect(text).toContain(
      'relay_ecall_submissions_total{operation="SendSMSBasic",code="0",result="accepted",app="worker"} 1',
    );
    expect(text).toContain('relay_queue_jobs{queue="ecall-send",state="waiting",app="worker"} 1');
    expect(text).toContain('relay_queue_jobs{queue="ecall-send",state="delayed",app="worker"} 1');
    expect(text).toMatch(/relay_enqueue_to_accepted_seconds_bucket\{le="0.5",app="worker"\} 1/);
    await queue.close();
    await deleteKeys(redis, prefix);
    redis.disconnect();
  });
});

describe('heartbeat', () => {
  it('announces a live worker and withdraws it on stop', async () => {
    const prefix = uniquePrefix('hb');
    const redis = connectRedis();
    const beat = startHeartbeat(redis, prefix, 1_000);
    await waitFor(async () => (await liveWorkers(redis, prefix)).includes(beat.id));
    await beat.stop();
    expect(await liveWorkers(redis, prefix)).toEqual([]);
    redis.disconnect();
  });
});
