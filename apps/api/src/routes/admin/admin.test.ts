import { afterAll, describe, expect, it } from 'vitest';
import { AUTH, createHarness } from '../../testing/harness.ts';

describe('admin account endpoints', () => {
  const h = createHarness();
  afterAll(() => h.close());
  const resume = () => h.app.request('/v1/admin/account/resume', { method: 'POST', headers: AUTH.boss });

  it('shows a pause set by a worker and lifts it', async () => {
    const pause = {
      code: 11300,
      text: 'Not enough credit',
      since: '2026-03-20T12:00:00.000Z',
      probeAt: '2026-03-20T12:15:00.000Z',
      messageId: '01ZZZZZZZZZZZZZZZZZZZZZZZZ',
    };
    await h.store.pauseAccount(pause);
    expect(await h.queue.isPaused()).toBe(true);
    expect(await (await h.get('/v1/admin/account', AUTH.boss)).json()).toEqual({ paused: true, pause });
    const res = await resume();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ paused: false, resumed: pause });
    expect(await h.queue.isPaused()).toBe(false);
    expect(await (await h.get('/v1/admin/account', AUTH.boss)).json()).toEqual({ paused: false });
  });

  it('answers resume when nothing is paused', async () => {
    expect(await (await resume()).json()).toEqual({ paused: false, resumed: null });
  });
});
