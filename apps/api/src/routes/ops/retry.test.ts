import { createJobId, type MessageRequest, type MessageStatus } from '@ecall-relay/messages';
import { afterAll, describe, expect, it } from 'vitest';
import type { FaultBody } from '../../errors.ts';
import { AUTH, createHarness } from '../../testing/harness.ts';
import { opsRoutes } from './index.ts';

const request = (extra: Partial<MessageRequest> = {}): MessageRequest => ({
  channel: 'sms',
  to: ['0041791234567', '0041791230000'],
  text: 'Fire alarm hall 3',
  createdAt: '2026-03-20T12:00:00.000Z',
  createdBy: 'erp',
  idempotencyKey: 'alarm-1',
  metadata: { ticket: 7 },
  ...extra,
});

describe('POST /v1/messages/{id}/retry', () => {
  const h = createHarness();
  h.app.route('/', opsRoutes({ store: h.store, queues: { send: h.queue }, demo: false }));
  afterAll(() => h.close());

  /** Stores a message and moves it to `status` as the worker would, the first recipient delivered. */
  async function stored(status: MessageStatus, extra: Partial<MessageRequest> = {}): Promise<string> {
    const id = createJobId();
    await h.store.create([{ id, request: request(extra) }]);
    await h.queue.remove(id);
    await h.store.update(id, ({ state }) => ({
      state: {
        ...state,
        status,
        recipients: state.recipients.map((r, i) =>
          i === 0 && status === 'partially_delivered' ? { ...r, status: 'delivered' } : r,
        ),
      },
      events: [{ at: new Date().toISOString(), type: status, source: 'worker', status, code: 11100 }],
    }));
    return id;
  }
  const retry = (id: string, headers: Record<string, string> = AUTH.ops) =>
    h.app.request(`/v1/messages/${id}/retry`, { method: 'POST', headers });

  it('creates a new queued message from the old request, pointing back with retryOf, and marks the old one', async () => {
    const old = await stored('rejected');
    const res = await retry(old);
    expect(res.status).toBe(202);
    const body = (await res.json()) as { id: string; status: string; retryOf: string };
    expect(body).toEqual({ id: expect.stringMatching(/^[0-9A-Z]{26}$/), status: 'queued', retryOf: old });
    const copy = await h.store.get(body.id);
    expect(copy?.state.status).toBe('queued');
    const { createdAt, createdBy, idempotencyKey, retryOf, ...content } = copy?.request ?? request();
    const { createdAt: _a, createdBy: _b, idempotencyKey: _c, ...original } = request();
    expect(content).toEqual(original);
    expect(retryOf).toBe(old);
    expect(idempotencyKey).toBeUndefined();
    expect(createdBy).toBe('ops');
    expect(Date.now() - Date.parse(createdAt)).toBeLessThan(60_000);
    expect(await h.queue.getJob(body.id)).toBeDefined();
    const marked = await h.store.get(old);
    expect(marked?.state.status).toBe('rejected');
    expect(marked?.history.at(-1)).toMatchObject({ type: 'retried', source: 'admin', detail: body.id });
  });

  it('carries fax attachments over', async () => {
    const files = [{ fileName: 'plan.pdf', contentBase64: 'JVBERi0=' }];
    const id = createJobId();
    await h.store.create([
      { id, request: request({ channel: 'fax', files: [{ fileName: 'plan.pdf', size: 5 }] }), files },
    ]);
    await h.store.update(id, ({ state }) => ({ state: { ...state, status: 'failed' }, events: [] }));
    const body = (await (await retry(id)).json()) as { id: string };
    expect(await h.store.files(body.id)).toEqual(files);
  });

  it('leaves out the recipients a partial delivery already reached', async () => {
    const old = await stored('partially_delivered');
    const body = (await (await retry(old)).json()) as { id: string };
    expect((await h.store.read(body.id))?.request.to).toEqual(['0041791230000']);
  });

  it.each(['failed', 'unconfirmed'] as const)('retries a %s message', async (status) => {
    expect((await retry(await stored(status))).status).toBe(202);
  });

  it.each(['queued', 'accepted', 'delivered', 'canceled'] as const)(
    'refuses with 409 a %s message',
    async (status) => {
      const res = await retry(await stored(status));
      expect(res.status).toBe(409);
      expect(((await res.json()) as FaultBody).faultInfo.message).toContain(`is ${status}`);
    },
  );

  it('retries a message once: a second click answers 409 naming the first retry', async () => {
    const old = await stored('failed');
    const [a, b] = await Promise.all([retry(old), retry(old)]);
    expect([a.status, b.status].sort()).toEqual([202, 409]);
    const first = (await (a.status === 202 ? a : b).json()) as { id: string };
    const again = await retry(old);
    expect(again.status).toBe(409);
    expect(((await again.json()) as FaultBody).faultInfo.message).toContain(first.id);
    const page = await h.store.list({ limit: 500 });
    expect(page.items.filter((m) => m.request.retryOf === old)).toHaveLength(1);
  });

  it('answers 404 for an unknown message', async () => {
    expect((await retry(createJobId())).status).toBe(404);
  });

  it.each([
    ['reader', 403],
    ['sender', 403],
    ['boss', 403],
  ] as const)('refuses %s (retry needs admin and send)', async (user, status) => {
    const old = await stored('failed');
    expect((await retry(old, AUTH[user])).status).toBe(status);
    expect((await h.store.get(old))?.history.some((e) => e.type === 'retried')).toBe(false);
  });
});
