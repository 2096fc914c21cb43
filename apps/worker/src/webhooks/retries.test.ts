import type { DeliveryAttempt } from '@ecall-relay/messages';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../../../../test/support/wait.ts';
import { type Harness, startHarness } from './testing/harness.ts';
import { type HostReceiver, type Responder, startHostReceiver } from './testing/host-receiver.ts';

const FAULT = JSON.stringify({ faultInfo: { errorCode: 3001, message: 'order 42 is unknown' } });

/** The attempt log of one seq as `[attempt, outcome, status]` rows. */
const rows = (attempts: readonly DeliveryAttempt[], seq: number) =>
  attempts.filter((a) => a.seq === seq).map((a) => [a.attempt, a.outcome, a.status]);

describe('webhook retries and host answers', () => {
  let harness: Harness | undefined;
  let host: HostReceiver | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
    await host?.close();
    host = undefined;
  });

  async function start(respond: Responder, options: Parameters<typeof startHarness>[0] = {}) {
    host = await startHostReceiver(respond);
    harness = await startHarness({ hostUrl: host.url, ...options });
    return { host, harness };
  }

  it('resends after a 500 and delivers each event exactly once', async () => {
    const { host, harness } = await start((r) => ({ status: r.nth === 1 ? 500 : 200 }));
    const id = await harness.createMessage();
    await harness.emit(id, ['message.accepted', 'recipient.delivered']);
    await waitFor(() => host.delivered(id).length === 2, { what: 'both events delivered' });
    await harness.idle();

    expect(host.delivered(id).map((r) => r.event.seq)).toEqual([1, 2]);
    expect(host.requests.map((r) => [r.event.seq, r.status])).toEqual([
      [1, 500],
      [1, 200],
      [2, 500],
      [2, 200],
    ]);
    const attempts = await harness.attempts(id);
    expect(rows(attempts, 1)).toEqual([
      [1, 'retrying', 500],
      [2, 'delivered', 200],
    ]);
    expect(rows(attempts, 2)).toEqual([
      [1, 'retrying', 500],
      [2, 'delivered', 200],
    ]);
    expect(attempts[0]?.nextAttemptAt).toEqual(expect.any(String));
  });

  it('does not resend a 400, records its faultInfo message, and still sends the next event', async () => {
    const { host, harness } = await start((r) => {
      if (r.event.seq === 1) return { status: 400, body: FAULT };
      if (r.event.seq === 2) return { status: 400 };
      return { status: 200 };
    });
    const id = await harness.createMessage();
    await harness.emit(id, ['message.accepted', 'recipient.sent', 'recipient.delivered']);
    await waitFor(() => host.delivered(id).length === 1, { what: 'the third event' });
    await harness.idle();

    expect(host.requests.map((r) => [r.event.seq, r.status])).toEqual([
      [1, 400],
      [2, 400],
      [3, 200],
    ]);
    const [first, second, third] = await harness.attempts(id);
    expect(first).toMatchObject({ seq: 1, outcome: 'rejected', status: 400, faultCode: 3001 });
    expect(first?.faultMessage).toBe('order 42 is unknown');
    expect(second).toMatchObject({ seq: 2, outcome: 'rejected', status: 400 });
    expect(second?.faultMessage).toBeUndefined();
    expect(third).toMatchObject({ seq: 3, outcome: 'delivered', status: 200 });
  });

  it('retries a host that does not answer within the timeout', async () => {
    const { host, harness } = await start((r) => ({ status: 200, delayMs: r.nth === 1 ? 2_000 : 0 }), {
      timeoutMs: 150,
    });
    const id = await harness.createMessage();
    await harness.emit(id, ['message.accepted']);
    await waitFor(() => host.delivered(id).length === 1, { what: 'the event after a timeout' });

    const [timedOut, delivered] = await harness.attempts(id);
    expect(timedOut).toMatchObject({ attempt: 1, outcome: 'retrying' });
    expect(timedOut?.status).toBeUndefined();
    expect(timedOut?.error).toMatch(/timeout/);
    expect(timedOut?.durationMs).toBeGreaterThanOrEqual(140);
    expect(delivered).toMatchObject({ attempt: 2, outcome: 'delivered', status: 200 });
  });

  it('gives up after retryForMs, records it, and moves on to the next event', async () => {
    const { host, harness } = await start((r) => ({ status: r.event.seq === 1 ? 503 : 200 }), {
      retryForMs: 300,
    });
    const id = await harness.createMessage();
    await harness.emit(id, ['message.accepted', 'recipient.delivered']);
    await waitFor(() => host.delivered(id).length === 1, { what: 'the second event' });
    await harness.idle();

    const first = (await harness.attempts(id)).filter((a) => a.seq === 1);
    const last = first[first.length - 1];
    expect(first.length).toBeGreaterThanOrEqual(2);
    expect(first.slice(0, -1).every((a) => a.outcome === 'retrying' && a.status === 503)).toBe(true);
    expect(last).toMatchObject({ outcome: 'given-up', status: 503 });
    expect(Date.parse(last?.at ?? '') - Date.parse(first[0]?.at ?? '')).toBeGreaterThanOrEqual(300);
    expect(host.requests.filter((r) => r.event.seq === 1)).toHaveLength(first.length);
    expect(host.delivered(id).map((r) => r.event.seq)).toEqual([2]);
  });

  it('records a connection error as a retry', async () => {
    const closed = await startHostReceiver();
    const unreachable = closed.url;
    await closed.close();
    const { host, harness } = await start(() => ({ status: 200 }), { hostUrl: unreachable, retryForMs: 150 });
    const id = await harness.createMessage();
    await harness.emit(id, ['message.accepted']);
    await waitFor(async () => (await harness.attempts(id)).some((a) => a.outcome === 'given-up'), {
      what: 'give-up on an unreachable host',
    });

    const [first] = await harness.attempts(id);
    expect(first).toMatchObject({ outcome: 'retrying', url: unreachable });
    expect(first?.error).toMatch(/connection error/);
    expect(host.requests).toHaveLength(0);
  });
});
