import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../../../../test/support/wait.ts';
import { webhookJobId } from './jobs.ts';
import { type Harness, startHarness } from './testing/harness.ts';
import { hostReceivers } from './testing/host-receiver.ts';

describe('webhook publisher', () => {
  let harness: Harness | undefined;
  const receivers = hostReceivers();
  const receiver = receivers.start;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
    await receivers.closeAll();
  });

  it('gives a message with a callbackUrl its own ordered stream beside the host', async () => {
    const host = await receiver();
    // The caller's endpoint fails the first attempt: its stream waits, the host's does not.
    const own = await receiver((r) => ({ status: r.event.seq === 1 && r.nth === 1 ? 503 : 200 }));
    harness = await startHarness({ hostUrl: host.url, username: 'relay', password: 'host-only-secret' });
    const withCallback = await harness.createMessage({ callbackUrl: `${own.url}?ref=77` });
    const hostOnly = await harness.createMessage();
    await harness.emit(withCallback, ['message.accepted', 'recipient.sent', 'recipient.delivered']);
    await harness.emit(hostOnly, ['message.accepted']);
    await waitFor(() => own.delivered(withCallback).length === 3, { what: "the caller's three events" });
    await waitFor(() => host.delivered(withCallback).length === 3, { what: "the host's three events" });
    await waitFor(() => host.delivered(hostOnly).length === 1, { what: 'the host-only event' });

    expect(own.requests.map((r) => r.event.seq)).toEqual([1, 1, 2, 3]);
    expect(own.requests.every((r) => r.path === '/hooks/ecall?ref=77')).toBe(true);
    // The host's credentials are for the host only.
    expect(own.requests.every((r) => r.headers.authorization === undefined)).toBe(true);
    expect(host.delivered(withCallback).map((r) => r.event.seq)).toEqual([1, 2, 3]);
    expect(own.requests.some((r) => r.event.messageId === hostOnly)).toBe(false);
    // The attempt is logged after the host answered: wait for the log, not only for the receiver.
    const attempts = await waitFor(
      async () => {
        const all = await harness?.attempts(withCallback);
        return all && all.filter((a) => a.destination === 'message').length === 4 ? all : undefined;
      },
      { what: "the caller's four logged attempts" },
    );
    expect(attempts.filter((a) => a.destination === 'message').map((a) => [a.seq, a.outcome])).toEqual([
      [1, 'retrying'],
      [1, 'delivered'],
      [2, 'delivered'],
      [3, 'delivered'],
    ]);
    expect(attempts.find((a) => a.destination === 'message')?.url).toBe(own.url);
  });

  it('sweep re-creates the job of a pending event whose job was never added', async () => {
    const host = await receiver();
    harness = await startHarness({ hostUrl: host.url });
    const id = await harness.createMessage();
    await harness.emit(id, ['message.accepted'], false);
    const pending = harness.store.keys.outboxPending;
    await harness.redis.zadd(pending, 0, `${id}:1`);
    expect(await harness.queue.getJob(webhookJobId(id, 1, 'host'))).toBeUndefined();

    expect(await harness.webhooks.publisher.sweep()).toBe(1);
    await waitFor(() => host.delivered(id).length === 1, { what: 'the swept event' });
    expect(await harness.redis.zscore(pending, `${id}:1`)).toBeNull();
    expect(await harness.webhooks.publisher.sweep()).toBe(0);
  });

  it('sweeps on its timer, leaving recent pending events to the worker that wrote them', async () => {
    const host = await receiver();
    harness = await startHarness({ hostUrl: host.url, sweepEveryMs: 50 });
    const fresh = await harness.createMessage();
    await harness.emit(fresh, ['message.accepted'], false);
    const lost = await harness.createMessage();
    await harness.emit(lost, ['message.accepted'], false);
    await harness.redis.zadd(harness.store.keys.outboxPending, Date.now() - 60_000, `${lost}:1`);

    await waitFor(() => host.delivered(lost).length === 1, { what: 'the lost event, by the timer' });
    expect(await harness.redis.zscore(harness.store.keys.outboxPending, `${fresh}:1`)).not.toBeNull();
    expect(host.requests.some((r) => r.event.messageId === fresh)).toBe(false);
  });

  it('only clears the pending set for a message that has no destination', async () => {
    harness = await startHarness();
    const id = await harness.createMessage();
    await harness.emit(id, ['message.accepted', 'recipient.sent']);

    expect(await harness.redis.zcard(harness.store.keys.outboxPending)).toBe(0);
    expect(await harness.queue.getJobCountByTypes('waiting', 'delayed', 'active')).toBe(0);
  });

  it('delivers an event once however often it is enqueued, before or after delivery', async () => {
    const host = await receiver();
    harness = await startHarness({ hostUrl: host.url });
    const id = await harness.createMessage();
    const [seq = 0] = await harness.emit(id, ['message.accepted']);
    const record = { id, request: {} };
    await harness.webhooks.publisher.enqueue(record, [seq]);
    await waitFor(() => host.delivered(id).length === 1, { what: 'the event' });
    await harness.idle();
    await harness.webhooks.publisher.enqueue(record, [seq]);
    await harness.idle();

    expect(host.requests).toHaveLength(1);
    expect(await harness.attempts(id)).toHaveLength(1);
  });

  it('re-adds a lost predecessor so that the events behind it are not held forever', async () => {
    const host = await receiver();
    harness = await startHarness({ hostUrl: host.url });
    const id = await harness.createMessage();
    const seqs = await harness.emit(id, ['message.accepted', 'recipient.delivered'], false);
    // Only event 2 gets a job and nothing is left pending: event 1's job is simply gone.
    await harness.webhooks.publisher.enqueue({ id, request: {} }, [seqs[1] ?? 0]);
    await harness.redis.del(harness.store.keys.outboxPending);

    await waitFor(() => host.delivered(id).length === 2, { what: 'both events' });
    expect(host.delivered(id).map((r) => r.event.seq)).toEqual([1, 2]);
  });
});
