import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FaultBody } from '../../errors.ts';
import { AUTH, createHarness, type Harness } from '../../testing/harness.ts';
import { jsonOf, sendOk } from '../../testing/responses.ts';
import type { MessageView } from '../../views/message-view.ts';

describe('DELETE /v1/messages/{id}', () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness();
  });
  afterEach(() => h.close());
  const del = (id: string) => h.app.request(`/v1/messages/${id}`, { method: 'DELETE', headers: AUTH.ops });

  it('cancels a queued message, removes its job, and answers 200 again when repeated', async () => {
    const id = await sendOk(h, '/v1/sms', { to: '0791234567', text: 'x' });
    const view = await jsonOf<MessageView>(await del(id), 200);
    expect(view.status).toBe('canceled');
    expect(view.history?.map((e) => e.type)).toEqual(['created', 'canceled']);
    expect(await h.queue.getJob(id)).toBeUndefined();
    expect((await jsonOf<MessageView>(await del(id), 200)).status).toBe('canceled');
  });

  it('cancels a scheduled message until it is submitted', async () => {
    const sendAt = new Date(Date.now() + 24 * 3600 * 1000).toISOString();
    const id = await sendOk(h, '/v1/sms', { to: '0791234567', text: 'x', sendAt });
    expect(await h.queue.getJobState(id)).toBe('delayed');
    expect((await jsonOf<MessageView>(await del(id), 200)).status).toBe('canceled');
    expect(await h.queue.getJob(id)).toBeUndefined();
  });

  it('answers 409 once the message went to eCall', async () => {
    const id = await sendOk(h, '/v1/sms', { to: '0791234567', text: 'x' });
    await h.store.update(id, ({ state }) => ({
      state: { ...state, status: 'accepted', attempts: 1 },
      events: [],
    }));
    const body = await jsonOf<FaultBody>(await del(id), 409);
    expect(body.faultInfo).toMatchObject({ errorCode: 3409, message: expect.stringContaining('accepted') });
    expect((await h.store.get(id))?.state.status).toBe('accepted');
  });

  it('answers 404 for an unknown message', async () => {
    expect((await del('01ZZZZZZZZZZZZZZZZZZZZZZZZ')).status).toBe(404);
  });
});
