import { describeResponse, describeSendState } from '@ecall-relay/codes';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FaultBody } from '../../errors.ts';
import { AUTH, createHarness, type Harness } from '../../testing/harness.ts';
import type { MessageView } from '../../views/message-view.ts';

const content = Buffer.from('%PDF-1.4 secret contract').toString('base64');

async function send(h: Harness, path: string, body: unknown): Promise<string> {
  const res = await h.post(path, body);
  expect(res.status).toBe(202);
  return ((await res.json()) as { id: string }).id;
}

async function json<T>(res: Response, status: number): Promise<T> {
  expect(res.status).toBe(status);
  return (await res.json()) as T;
}

describe('GET /v1/messages/{id}', () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness();
  });
  afterEach(() => h.close());

  it('shows status, recipients, options and history, without attachment bodies', async () => {
    const id = await send(h, '/v1/fax', {
      to: '0441234567',
      text: 'cover',
      subject: 'Contract',
      attachments: [{ fileName: 'c.pdf', contentBase64: content }],
      metadata: { order: 7 },
    });
    const res = await h.get(`/v1/messages/${id}`);
    const view = await json<MessageView>(res, 200);
    expect(view).toMatchObject({
      id,
      channel: 'fax',
      status: 'queued',
      to: ['0441234567'],
      text: 'cover',
      options: { subject: 'Contract', attachments: [{ fileName: 'c.pdf', size: 24 }] },
      recipients: [{ address: '0441234567', status: 'pending' }],
      attempts: 0,
      requestIds: [],
      createdBy: 'ops',
      metadata: { order: 7 },
      links: { self: `/v1/messages/${id}` },
    });
    expect(view.history?.map((e) => e.type)).toEqual(['created']);
    expect(JSON.stringify(view)).not.toContain(content);
  });

  it('explains eCall codes with their English texts', async () => {
    const id = await send(h, '/v1/sms', { to: '0791234567', text: 'x' });
    await h.store.update(id, ({ state }) => ({
      state: {
        ...state,
        status: 'delivered',
        attempts: 1,
        lastCode: 0,
        requestIds: ['f24-req-1'],
        recipients: state.recipients.map((r) => ({ ...r, status: 'delivered', sendState: 8 })),
      },
      events: [{ at: new Date().toISOString(), type: 'delivered', source: 'poll', status: 'delivered' }],
    }));
    const view = await json<MessageView>(await h.get(`/v1/messages/${id}`), 200);
    expect(view).toMatchObject({
      status: 'delivered',
      attempts: 1,
      lastCode: 0,
      lastText: describeResponse(0).name,
      lastDescription: describeResponse(0).en,
      requestIds: ['f24-req-1'],
      recipients: [{ status: 'delivered', sendState: 8, sendStateText: describeSendState(1, 8).en }],
    });
    expect(view.history?.map((e) => e.type)).toEqual(['created', 'delivered']);
  });

  it('answers 404 with faultInfo for an unknown id and 400 for a malformed one', async () => {
    const missing = await json<FaultBody>(await h.get('/v1/messages/01ZZZZZZZZZZZZZZZZZZZZZZZZ'), 404);
    expect(missing.faultInfo.errorCode).toBe(3404);
    const bad = await json<FaultBody>(await h.get('/v1/messages/not%20an%20id'), 400);
    expect(bad.faultInfo.fields?.map((f) => f.path)).toEqual(['path.id']);
  });
});

describe('GET /v1/messages', () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness();
  });
  afterEach(() => h.close());

  it('lists newest first and pages with the cursor', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await send(h, '/v1/sms', { to: '0791234567', text: `n${i}` }));
    const first = await json<{ items: MessageView[]; nextCursor?: string }>(
      await h.get('/v1/messages?limit=2'),
      200,
    );
    expect(first.items.map((m) => m.id)).toEqual([ids[4], ids[3]]);
    expect(first.items[0]?.history).toBeUndefined();
    const second = await json<{ items: MessageView[]; nextCursor?: string }>(
      await h.get(`/v1/messages?limit=2&cursor=${first.nextCursor}`),
      200,
    );
    expect(second.items.map((m) => m.id)).toEqual([ids[2], ids[1]]);
    const last = await json<{ items: MessageView[]; nextCursor?: string }>(
      await h.get(`/v1/messages?limit=2&cursor=${second.nextCursor}`),
      200,
    );
    expect(last.items.map((m) => m.id)).toEqual([ids[0]]);
  });

  it('filters by channel, status and creation time', async () => {
    const sms = await send(h, '/v1/sms', { to: '0791234567', text: 'a' });
    const fax = await send(h, '/v1/fax', { to: '0441234567', text: 'b' });
    const voice = await send(h, '/v1/voice', { to: '0791234567', text: 'c' });
    await h.store.cancel(voice);
    const list = async (query: string) =>
      (await json<{ items: MessageView[] }>(await h.get(`/v1/messages?${query}`), 200)).items.map(
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
    const body = await json<FaultBody>(await h.get(`/v1/messages?${query}`), 400);
    expect(body.faultInfo.fields?.map((f) => f.path)).toEqual([field]);
  });
});

describe('DELETE /v1/messages/{id}', () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness();
  });
  afterEach(() => h.close());
  const del = (id: string) => h.app.request(`/v1/messages/${id}`, { method: 'DELETE', headers: AUTH.ops });

  it('cancels a queued message, removes its job, and answers 200 again when repeated', async () => {
    const id = await send(h, '/v1/sms', { to: '0791234567', text: 'x' });
    const view = await json<MessageView>(await del(id), 200);
    expect(view.status).toBe('canceled');
    expect(view.history?.map((e) => e.type)).toEqual(['created', 'canceled']);
    expect(await h.queue.getJob(id)).toBeUndefined();
    expect((await json<MessageView>(await del(id), 200)).status).toBe('canceled');
  });

  it('cancels a scheduled message until it is submitted', async () => {
    const sendAt = new Date(Date.now() + 24 * 3600 * 1000).toISOString();
    const id = await send(h, '/v1/sms', { to: '0791234567', text: 'x', sendAt });
    expect(await h.queue.getJobState(id)).toBe('delayed');
    expect((await json<MessageView>(await del(id), 200)).status).toBe('canceled');
    expect(await h.queue.getJob(id)).toBeUndefined();
  });

  it('answers 409 once the message went to eCall', async () => {
    const id = await send(h, '/v1/sms', { to: '0791234567', text: 'x' });
    await h.store.update(id, ({ state }) => ({
      state: { ...state, status: 'accepted', attempts: 1 },
      events: [],
    }));
    const body = await json<FaultBody>(await del(id), 409);
    expect(body.faultInfo).toMatchObject({ errorCode: 3409, message: expect.stringContaining('accepted') });
    expect((await h.store.get(id))?.state.status).toBe('accepted');
  });

  it('answers 404 for an unknown message', async () => {
    expect((await del('01ZZZZZZZZZZZZZZZZZZZZZZZZ')).status).toBe(404);
  });
});
