import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FaultBody } from '../../errors.ts';
import { createHarness, type Harness } from '../../testing/harness.ts';
import { jsonOf, sendOk } from '../../testing/responses.ts';
import type { MessageView } from '../../views/message-view.ts';

describe('GET /v1/messages', () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness();
  });
  afterEach(() => h.close());

  it('lists newest first and pages with the cursor', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await sendOk(h, '/v1/sms', { to: '0791234567', text: `n${i}` }));
    const first = await jsonOf<{ items: MessageView[]; nextCursor?: string }>(
      await h.get('/v1/messages?limit=2'),
      200,
    );
    expect(first.items.map((m) => m.id)).toEqual([ids[4], ids[3]]);
    expect(first.items[0]?.history).toBeUndefined();
    const second = await jsonOf<{ items: MessageView[]; nextCursor?: string }>(
      await h.get(`/v1/messages?limit=2&cursor=${first.nextCursor}`),
      200,
    );
    expect(second.items.map((m) => m.id)).toEqual([ids[2], ids[1]]);
    const last = await jsonOf<{ items: MessageView[]; nextCursor?: string }>(
      await h.get(`/v1/messages?limit=2&cursor=${second.nextCursor}`),
      200,
    );
    expect(last.items.map((m) => m.id)).toEqual([ids[0]]);
  });

  it('filters by channel, status and creation time', async () => {
    const sms = await sendOk(h, '/v1/sms', { to: '0791234567', text: 'a' });
    const fax = await sendOk(h, '/v1/fax', { to: '0441234567', text: 'b' });
    const voice = await sendOk(h, '/v1/voice', { to: '0791234567', text: 'c' });
    await h.store.cancel(voice);
    const list = async (query: string) =>
      (await jsonOf<{ items: MessageView[] }>(await h.get(`/v1/messages?${query}`), 200)).items.map(
        (m) => m.id,
      );
    expect(await list('channel=fax')).toEqual([fax]);
    expect(await list('status=canceled')).toEqual([voice]);
    expect(await list('status=queued&channel=sms')).toEqual([sms]);
    const future = new Date(Date.now() + 60_000).toISOString();
    const past = new Date(Date.now() - 60_000).toISOString();
    expect(await list(`from=${future}`)).toEqual([]);
    expect(await list(`from=${past}&to=${future}`)).toEqual([voice, fax, sms]);
    expect(await list(`to=${past}`)).toEqual([]);
  });

  it.each([
    ['limit=0', 'query.limit'],
    ['limit=abc', 'query.limit'],
    ['status=lost', 'query.status'],
    ['from=yesterday', 'query.from'],
    ['cursor=zzz', 'query.cursor'],
    ['colour=red', 'query.colour'],
  ])('refuses the query %s naming %s', async (query, field) => {
    const body = await jsonOf<FaultBody>(await h.get(`/v1/messages?${query}`), 400);
    expect(body.faultInfo.fields?.map((f) => f.path)).toEqual([field]);
  });
});
