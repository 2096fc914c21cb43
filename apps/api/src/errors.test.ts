import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_BODY_LIMIT_BYTES } from './app.ts';
import type { Logger } from './deps.ts';
import type { FaultBody } from './errors.ts';
import { AUTH, createHarness } from './testing/harness.ts';

const sms = { to: '0791234567', text: 'x' };

function capturingLogger(): Logger & { lines: unknown[] } {
  const lines: unknown[] = [];
  const log = (obj: object, msg?: string) => {
    lines.push({ ...obj, msg });
  };
  return { lines, info: log, warn: log, error: log, debug: log };
}

async function fault(res: Response, status: number): Promise<FaultBody['faultInfo']> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/json');
  const { faultInfo } = (await res.json()) as FaultBody;
  expect(faultInfo.requestId).toBe(res.headers.get('x-request-id'));
  return faultInfo;
}

describe('error answers', () => {
  const logger = capturingLogger();
  const h = createHarness({ logger, bodyLimitBytes: 2_048 });
  afterAll(() => h.close());

  it('answers 413 above the body limit, also without a Content-Length', async () => {
    expect((await fault(await h.post('/v1/sms', { ...sms, text: 'x'.repeat(3_000) }), 413)).errorCode).toBe(
      3413,
    );
    const chunked = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(JSON.stringify({ ...sms, text: 'y'.repeat(3_000) })));
        controller.close();
      },
    });
    const res = await h.app.request('/v1/sms', {
      method: 'POST',
      headers: { ...AUTH.ops, 'content-type': 'application/json' },
      body: chunked,
      duplex: 'half',
    } as RequestInit);
    expect((await fault(res, 413)).errorCode).toBe(3413);
  });

  it('has a default body limit that fits ten 5 MiB attachments in base64', () => {
    expect(DEFAULT_BODY_LIMIT_BYTES).toBeGreaterThan(10 * Math.ceil((5 * 1024 * 1024) / 3) * 4 + 64 * 1024);
  });

  it('answers 415 to bodies that are not JSON', async () => {
    const text = await h.app.request('/v1/sms', {
      method: 'POST',
      headers: { ...AUTH.ops, 'content-type': 'text/plain' },
      body: JSON.stringify(sms),
    });
    expect((await fault(text, 415)).errorCode).toBe(3415);
    const untyped = await h.app.request('/v1/sms', { method: 'POST', headers: AUTH.ops, body: 'to=1' });
    expect((await fault(untyped, 415)).errorCode).toBe(3415);
  });

  it('answers 400 to broken JSON', async () => {
    const info = await fault(await h.post('/v1/sms', '{"to": "0791234567", "text": '), 400);
    expect(info).toMatchObject({ errorCode: 3001, message: expect.stringMatching(/JSON/) });
  });

  it('answers 404 with faultInfo for unknown routes', async () => {
    expect((await fault(await h.get('/nowhere', {}), 404)).errorCode).toBe(3404);
    expect((await fault(await h.get('/v1/nowhere'), 404)).errorCode).toBe(3404);
  });

  it('answers 405 with Allow for a known path and another method', async () => {
    const res = await h.app.request('/v1/sms', { method: 'PUT', headers: AUTH.ops });
    expect((await fault(res, 405)).errorCode).toBe(3405);
    expect(res.headers.get('allow')).toBe('POST');
    const get = await h.get('/v1/admin/account/resume', AUTH.ops);
    expect((await fault(get, 405)).errorCode).toBe(3405);
    expect(get.headers.get('allow')).toBe('POST');
  });

  it('echoes a sane x-request-id and replaces an unsafe one', async () => {
    const echoed = await h.get('/v1/messages', { ...AUTH.ops, 'x-request-id': 'erp-4711.a' });
    expect(echoed.headers.get('x-request-id')).toBe('erp-4711.a');
    const replaced = await h.get('/nowhere', { 'x-request-id': 'a b\tc' });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect((await fault(await h.get('/v1/messages', { 'x-request-id': 'r-1' }), 401)).requestId).toBe('r-1');
  });

  it('answers 500/3000 without internals when the store fails, and logs the cause', async () => {
    await h.redis.set(h.store.keys.byChannel('voice'), 'not a sorted set');
    const info = await fault(await h.post('/v1/voice', sms, { ...AUTH.ops, 'x-request-id': 'boom-1' }), 500);
    expect(info.errorCode).toBe(3000);
    expect(info.message).not.toMatch(/WRONGTYPE|redis|stack/i);
    expect(logger.lines).toContainEqual(
      expect.objectContaining({
        requestId: 'boom-1',
        msg: 'internal error',
        err: expect.objectContaining({ message: expect.stringContaining('WRONGTYPE') }),
      }),
    );
    await h.redis.del(h.store.keys.byChannel('voice'));
  });

  it('never logs credentials', async () => {
    await h.get('/v1/messages', { authorization: `Basic ${Buffer.from('ops:s3cret').toString('base64')}` });
    await h.get('/v1/messages', { authorization: 'Bearer wrong-secret-xyz' });
    const logged = JSON.stringify(logger.lines);
    expect(logged).toContain('"user":"ops"');
    expect(logged).not.toMatch(/s3cret|wrong-secret-xyz|b3BzOnMzY3JldA/);
  });
});
