import { QUEUE_NAMES } from '@ecall-relay/messages';
import { Queue } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { uniquePrefix } from '../../../../../test/support/redis.ts';
import type { FaultBody } from '../../errors.ts';
import { AUTH, createHarness } from '../../testing/harness.ts';
import { opsRoutes } from './index.ts';

describe('GET /v1/ops/overview and /v1/ops/session', () => {
  const h = createHarness();
  const track = new Queue(QUEUE_NAMES.track, { connection: h.redis, prefix: uniquePrefix('ops-track') });
  h.app.route('/', opsRoutes({ store: h.store, queues: { send: h.queue, track }, demo: true }));
  afterAll(async () => {
    await track.obliterate({ force: true });
    await track.close();
    await h.close();
  });

  it('reports queue depths, the account pause, the demo flag and an hour of per-minute series', async () => {
    await h.queue.add('send', { messageId: 'a' });
    await h.queue.add('send', { messageId: 'b' }, { delay: 60_000 });
    await h.store.count('accepted', 1200);
    await h.store.count('accepted', 800);
    const pause = { code: 11301, text: 'AccNoUnits', since: '2026-03-20T12:00:00.000Z', probeAt: 'x' };
    await h.store.pauseAccount(pause);
    const res = await h.get('/v1/ops/overview', AUTH.reader);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      queues: Record<string, unknown>;
      accountPause: unknown;
      demo: boolean;
      series: { accepted: { count: number; meanMs: number | null }[]; final: unknown[] };
    };
    expect(body.queues).toEqual({
      send: { waiting: 1, active: 0, delayed: 1, failed: 0, paused: true },
      track: { waiting: 0, active: 0, delayed: 0, failed: 0, paused: false },
    });
    expect(body.accountPause).toEqual(pause);
    expect(body.demo).toBe(true);
    expect(body.series.accepted).toHaveLength(60);
    expect(body.series.final).toHaveLength(60);
    expect(body.series.accepted.at(-1)).toMatchObject({ count: 2, meanMs: 1000 });
    await h.store.resumeAccount();
    const after = (await (await h.get('/v1/ops/overview', AUTH.reader)).json()) as { accountPause: unknown };
    expect(after.accountPause).toBeNull();
  });

  it('tells the caller its name and roles', async () => {
    const res = await h.get('/v1/ops/session', AUTH.ops);
    expect(await res.json()).toEqual({ user: { name: 'ops', roles: ['send', 'read', 'admin'] }, demo: true });
    expect(await (await h.get('/v1/ops/session', AUTH.reader)).json()).toMatchObject({
      user: { name: 'reader', roles: ['read'] },
    });
  });

  it('needs credentials and the read role', async () => {
    expect((await h.get('/v1/ops/overview', {})).status).toBe(401);
    const res = await h.get('/v1/ops/overview', AUTH.sender);
    expect(res.status).toBe(403);
    expect(((await res.json()) as FaultBody).faultInfo.errorCode).toBe(3403);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await (await h.get('/openapi.json', {})).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/v1/ops/overview', '/v1/ops/session', '/v1/messages/{id}/retry']),
    );
  });
});
