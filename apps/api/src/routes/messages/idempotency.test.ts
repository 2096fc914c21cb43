import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FaultBody } from '../../errors.ts';
import { requestFingerprint } from '../../idempotency.ts';
import { AUTH, createHarness, type Harness } from '../../testing/harness.ts';

const withKey = (key: string, auth: { authorization: string } = AUTH.ops) => ({
  ...auth,
  'idempotency-key': key,
});
const sms = { to: '0791234567', text: 'once' };

describe('Idempotency-Key', () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness();
  });
  afterEach(() => h.close());

  it('replays the first status and body for the same key and body, storing one message', async () => {
    const first = await h.post('/v1/sms', sms, withKey('k-1'));
    const again = await h.post('/v1/sms', { text: 'once', to: '0791234567' }, withKey('k-1'));
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    const body = await first.json();
    expect(await again.json()).toEqual(body);
    expect(first.headers.get('idempotency-replayed')).toBeNull();
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect(await h.counts()).toEqual({ messages: 1, jobs: 1 });
  });

  it('answers 422 when the key comes back with another body', async () => {
    await h.post('/v1/sms', sms, withKey('k-2'));
    const res = await h.post('/v1/sms', { ...sms, text: 'twice' }, withKey('k-2'));
    expect(res.status).toBe(422);
    expect(((await res.json()) as FaultBody).faultInfo.errorCode).toBe(3422);
    expect(await h.counts()).toEqual({ messages: 1, jobs: 1 });
  });

  it('answers 422 when the key comes back on another endpoint', async () => {
    await h.post('/v1/sms', sms, withKey('k-3'));
    expect((await h.post('/v1/voice', sms, withKey('k-3'))).status).toBe(422);
  });

  it('answers 409 while a twin request holds the key', async () => {
    await h.store.claimIdempotency('ops', 'k-4', requestFingerprint('POST', '/v1/sms', sms));
    const res = await h.post('/v1/sms', sms, withKey('k-4'));
    expect(res.status).toBe(409);
    expect(((await res.json()) as FaultBody).faultInfo.errorCode).toBe(3409);
    expect(await h.counts()).toEqual({ messages: 0, jobs: 0 });
  });

  it('scopes keys per user', async () => {
    const a = await h.post('/v1/sms', sms, withKey('shared'));
    const b = await h.post('/v1/sms', sms, withKey('shared', AUTH.sender));
    expect(b.headers.get('idempotency-replayed')).toBeNull();
    expect(((await a.json()) as { id: string }).id).not.toBe(((await b.json()) as { id: string }).id);
  });

  it('replays batches too', async () => {
    const batch = { messages: [{ channel: 'voice', ...sms }] };
    const first = await (await h.post('/v1/messages/batch', batch, withKey('b-1'))).json();
    const again = await h.post('/v1/messages/batch', batch, withKey('b-1'));
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(await again.json()).toEqual(first);
    expect(await h.counts()).toEqual({ messages: 1, jobs: 1 });
  });

  it('releases the key when storing fails, so the retry is stored', async () => {
    // A key of the wrong type makes the create script fail after the claim succeeded.
    await h.redis.set(h.store.keys.byChannel('sms'), 'not a sorted set');
    const failed = await h.post('/v1/sms', sms, withKey('k-5'));
    expect(failed.status).toBe(500);
    expect(await h.counts()).toEqual({ messages: 0, jobs: 0 });
    await h.redis.del(h.store.keys.byChannel('sms'));
    const retry = await h.post('/v1/sms', sms, withKey('k-5'));
    expect(retry.status).toBe(202);
    expect(retry.headers.get('idempotency-replayed')).toBeNull();
    expect(await h.counts()).toEqual({ messages: 1, jobs: 1 });
  });
});
