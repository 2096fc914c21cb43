import { callbackUrlFor, QUEUE_NAMES } from '@ecall-relay/messages';
import { Queue } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../../apps/worker/src/webhooks/signature.ts';
import { connectRedis } from '../support/redis.ts';
import { type Stack, startStack } from '../support/stack.ts';
import { waitFor } from '../support/wait.ts';

describe('delivery tracking end to end: api, worker, simulator and a host system', () => {
  let stack: Stack | undefined;
  afterEach(async () => {
    await stack?.close();
    stack = undefined;
  });

  async function sendSms(s: Stack, body: Record<string, unknown>): Promise<string> {
    const res = await s.call('POST', '/v1/sms', body);
    expect(res.status).toBe(202);
    return res.body.id as string;
  }
  const statusOf = async (s: Stack, id: string) => (await s.store.read(id))?.state.status;
  const callbacks = async (s: Stack, id: string) =>
    (await s.message(id))?.history.filter((e) => e.type === 'callback') ?? [];

  it('reaches delivered through eCall callbacks, tells the host in order, and stops polling', async () => {
    // Polls are hourly: only callbacks (and the polls they trigger) can finish this in time.
    stack = await startStack({ worker: { TRACK_SCHEDULE: '1h' } });
    const s = stack;
    const id = await sendSms(s, { to: '+41 79 123 45 67', text: 'Einsatz: Brand Halle 3' });
    await waitFor(async () => (await statusOf(s, id)) === 'delivered', {
      what: 'delivered',
      timeoutMs: 15_000,
    });
    const record = await s.message(id);
    expect((await callbacks(s, id)).length).toBeGreaterThan(0);
    expect(record?.history.filter((e) => e.type === 'recipient.delivered')).toHaveLength(1);
    expect(s.sim.stats().notificationsSent).toBeGreaterThan(0);

    const redis = connectRedis();
    const tracking = new Queue(QUEUE_NAMES.track, { connection: redis, prefix: s.prefix });
    await waitFor(async () => (await tracking.getJob(id)) === undefined, { what: 'tracking job finished' });
    await tracking.close();
    redis.disconnect();

    const types = ['message.accepted', 'recipient.sent', 'recipient.delivered'];
    await waitFor(() => s.host.delivered(id).length === types.length, { what: 'host events' });
    const events = s.host.delivered(id);
    expect(events.map((r) => r.event.type)).toEqual(types);
    expect(events.map((r) => r.event.seq)).toEqual([1, 2, 3]);
    for (const r of events) {
      expect(verifyWebhookSignature(s.webhookSecret, String(r.headers['x-relay-signature']), r.rawBody)).toBe(
        true,
      );
    }
  });

  it('refuses forged or reused callback URLs with 404 and records nothing', async () => {
    stack = await startStack({ sim: { stepMs: 600_000 } });
    const s = stack;
    const id = await sendSms(s, { to: '0791234567', text: 'x' });
    const other = await sendSms(s, { to: '0791234567', text: 'y' });
    const good = callbackUrlFor(s.baseUrl, s.callbackSecret, id);
    const query = '?Function=Notification&ResultCode=8&ResultText=forged';
    const forged = `${s.baseUrl}/v1/callbacks/ecall/${id}/AAAAAAAAAAAAAAAA${query}`;
    const reused = `${good.replace(id, other)}${query}`;
    const wrongSecret = `${callbackUrlFor(s.baseUrl, 'another-secret-xxxxxxxx', id)}${query}`;
    for (const url of [forged, reused, wrongSecret]) {
      const res = await fetch(url);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { faultInfo: { errorCode: number } }).faultInfo.errorCode).toBe(3404);
    }
    expect((await fetch(`${good}?Function=Notification&ResultCode=1&ResultText=genuine`)).status).toBe(200);
    await waitFor(async () => (await callbacks(s, id)).some((e) => e.text === 'genuine'), {
      what: 'genuine',
    });
    // The simulator calls back on its own too (SendState 0); none of the forged calls got through.
    for (const m of [id, other]) expect((await callbacks(s, m)).some((e) => e.text === 'forged')).toBe(false);
    expect((await s.store.read(id))?.state.recipients[0]?.status).toBe('sent');
  });

  it('ignores duplicate and out-of-order callbacks', async () => {
    stack = await startStack({ sim: { stepMs: 600_000 }, worker: { TRACK_SCHEDULE: '1h' } });
    const s = stack;
    const id = await sendSms(s, { to: '0041791234567', text: 'z' });
    await waitFor(async () => (await statusOf(s, id)) === 'accepted', { what: 'accepted' });
    const url = callbackUrlFor(s.baseUrl, s.callbackSecret, id);
    const hit = (code: number) =>
      fetch(
        `${url}?Function=Notification&ResultCode=${code}&ResultText=x&Number=0041791234567&TimeStamp=23%2E11%2E2026+10%3A00%3A00&JobID=${id}`,
      );
    for (const code of [8, 1, 8, 9]) expect((await hit(code)).status).toBe(200);
    await waitFor(async () => (await statusOf(s, id)) === 'delivered', { what: 'delivered' });
    // Three distinct callbacks (8, 1, 9) reach the history; the exact repeat of 8 does not.
    const ours = async () => (await callbacks(s, id)).filter((e) => e.text === 'x');
    await waitFor(async () => (await ours()).length === 3, { what: 'three recorded callbacks' });
    expect((await ours()).map((e) => e.code)).toEqual([8, 1, 9]);
    const record = await s.message(id);
    expect(record?.state.recipients[0]).toMatchObject({ status: 'delivered', sendState: 8 });
    const moves = record?.history.filter(
      (e) => e.type.startsWith('recipient.') && e.type !== 'recipient.progress',
    );
    expect(moves?.map((e) => e.type)).toEqual(['recipient.delivered']);
  });

  it('stores a Windows-1252 encoded SMS reply and forwards it to the host', async () => {
    stack = await startStack({ sim: { stepMs: 600_000 } });
    const s = stack;
    const id = await sendSms(s, { to: '0041791234567', text: 'Kommst du?', answerTo: '0041797777777' });
    await waitFor(async () => (await statusOf(s, id)) === 'accepted', { what: 'accepted' });
    await s.sim.sendReply(id, { from: '0041791234567', message: 'Grüße, ich komme! 5 € mitnehmen' });
    const record = await waitFor(
      async () => {
        const r = await s.message(id);
        return r?.state.replies?.length ? r : undefined;
      },
      { what: 'the reply' },
    );
    expect(record.state.replies?.[0]).toMatchObject({
      from: '0041791234567',
      text: 'Grüße, ich komme! 5 € mitnehmen',
    });
    await waitFor(() => s.host.delivered(id).some((r) => r.event.type === 'message.reply'), {
      what: 'reply event',
    });
    const view = await s.call('GET', `/v1/messages/${id}`);
    expect(view.body.replies).toEqual([expect.objectContaining({ text: 'Grüße, ich komme! 5 € mitnehmen' })]);
  });

  it('resends host events after a 500 and delivers each exactly once; a 400 is not resent', async () => {
    stack = await startStack({
      worker: { TRACK_SCHEDULE: '100ms' },
      host: (r) => {
        if (r.event.type === 'message.accepted' && r.nth === 1) return { status: 500 };
        if (r.event.type === 'recipient.sent') {
          return { status: 400, body: '{"faultInfo":{"errorCode":3001,"message":"unknown order"}}' };
        }
        return { status: 200 };
      },
    });
    const s = stack;
    const id = await sendSms(s, { to: '0041791234567', text: 'w' });
    await waitFor(() => s.host.delivered(id).some((r) => r.event.type === 'recipient.delivered'), {
      what: 'the last event',
      timeoutMs: 20_000,
    });
    const byType = (type: string) =>
      s.host.requests.filter((r) => r.event.messageId === id && r.event.type === type);
    expect(byType('message.accepted').map((r) => r.status)).toEqual([500, 200]);
    expect(byType('recipient.sent').map((r) => r.status)).toEqual([400]);
    expect(byType('recipient.delivered').map((r) => r.status)).toEqual([200]);
    // Every attempt is visible in the api, with the host's faultInfo message for the refused one.
    const view = await waitFor(async () => {
      const v = await s.call('GET', `/v1/messages/${id}`);
      const d = (v.body.deliveries ?? []) as { type: string; outcome: string; faultMessage?: string }[];
      return d.some((a) => a.type === 'recipient.delivered' && a.outcome === 'delivered') ? d : undefined;
    });
    const seen = view.map((a) => `${a.type}:${a.outcome}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        'message.accepted:retrying',
        'message.accepted:delivered',
        'recipient.sent:rejected',
      ]),
    );
    expect(view.find((a) => a.type === 'recipient.sent')?.faultMessage).toBe('unknown order');
  });
});
