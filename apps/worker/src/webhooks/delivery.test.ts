import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../../../../test/support/wait.ts';
import { verifyWebhookSignature } from './signature.ts';
import { type Harness, SECRET, startHarness } from './testing/harness.ts';
import { hostReceivers } from './testing/host-receiver.ts';

describe('webhook delivery to the host', () => {
  let harness: Harness | undefined;
  const receivers = hostReceivers();
  const receiver = receivers.start;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
    await receivers.closeAll();
  });

  it('delivers events in seq order per message even when the host is slow for the first one', async () => {
    let slowId = '';
    const host = await receiver((r) => ({ status: 200, delayMs: r.event.id === `${slowId}:1` ? 300 : 0 }));
    harness = await startHarness({ hostUrl: host.url });
    slowId = await harness.createMessage();
    const other = await harness.createMessage();
    await harness.emit(slowId, ['message.accepted', 'recipient.sent', 'recipient.delivered']);
    await harness.emit(other, ['message.accepted']);
    await waitFor(() => host.delivered(slowId).length === 3, { what: 'three events of the slow message' });

    const slow = host.delivered(slowId);
    expect(slow.map((r) => r.event.seq)).toEqual([1, 2, 3]);
    expect(slow.map((r) => r.event.type)).toEqual([
      'message.accepted',
      'recipient.sent',
      'recipient.delivered',
    ]);
    expect(slow[1]?.receivedAt).toBeGreaterThanOrEqual(slow[0]?.answeredAt ?? Number.POSITIVE_INFINITY);
    // Other messages are not held up behind the slow one.
    const otherFirst = host.delivered(other)[0];
    expect(otherFirst?.answeredAt).toBeLessThan(slow[0]?.answeredAt ?? 0);
    expect(host.requests).toHaveLength(4);
  });

  it('signs every request so the host can verify it, and a tampered body fails verification', async () => {
    const host = await receiver();
    harness = await startHarness({ hostUrl: host.url });
    const id = await harness.createMessage();
    await harness.emit(id, ['message.accepted', 'recipient.delivered']);
    await waitFor(() => host.delivered(id).length === 2, { what: 'two signed events' });

    for (const request of host.requests) {
      const signature = request.headers['x-relay-signature'] as string;
      expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(verifyWebhookSignature(SECRET, signature, request.rawBody)).toBe(true);
      expect(verifyWebhookSignature(SECRET, signature, request.rawBody.replace('"seq":', '"seq": '))).toBe(
        false,
      );
      expect(verifyWebhookSignature('another-secret', signature, request.rawBody)).toBe(false);
      expect(request.method).toBe('POST');
      expect(request.path).toBe('/hooks/ecall');
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers['user-agent']).toBe('ecall-relay');
      expect(request.headers['x-relay-event']).toBe(request.event.type);
      expect(request.headers['x-relay-delivery']).toBe(`${id}:${request.event.seq}`);
      expect(request.headers.authorization).toBeUndefined();
    }
    expect(JSON.parse(host.requests[0]?.rawBody ?? '{}')).toEqual({
      id: `${id}:1`,
      type: 'message.accepted',
      occurredAt: expect.any(String),
      messageId: id,
      seq: 1,
      data: { index: 0 },
    });
    expect((await harness.attempts(id)).map((a) => [a.seq, a.outcome, a.status, a.url])).toEqual([
      [1, 'delivered', 200, host.url],
      [2, 'delivered', 200, host.url],
    ]);
  });

  it('sends HTTP Basic credentials to the host and never writes them to the attempt log or logs', async () => {
    const host = await receiver();
    const password = 'pä55-w0rd-never-logged';
    harness = await startHarness({ hostUrl: host.url, username: 'relay', password });
    const id = await harness.createMessage();
    await harness.emit(id, ['message.accepted']);
    await waitFor(() => host.delivered(id).length === 1, { what: 'the event' });

    const token = Buffer.from(`relay:${password}`, 'utf8').toString('base64');
    expect(host.requests[0]?.headers.authorization).toBe(`Basic ${token}`);
    const stored = JSON.stringify(await harness.attempts(id));
    const logged = harness.logs.join('\n');
    for (const secret of [password, token, SECRET]) {
      expect(stored).not.toContain(secret);
      expect(logged).not.toContain(secret);
    }
    expect(stored).toContain('"outcome":"delivered"');
  });

  it('takes credentials out of a host URL that embeds them and logs the URL without them or its query', async () => {
    const host = await receiver();
    const url = new URL(host.url);
    const embedded = `http://ops:hunter22@${url.host}${url.pathname}?token=abc123`;
    harness = await startHarness({ hostUrl: embedded });
    const id = await harness.createMessage();
    await harness.emit(id, ['message.accepted']);
    await waitFor(() => host.delivered(id).length === 1, { what: 'the event' });

    expect(host.requests[0]?.headers.authorization).toBe(
      `Basic ${Buffer.from('ops:hunter22').toString('base64')}`,
    );
    expect(host.requests[0]?.path).toBe('/hooks/ecall?token=abc123');
    const [entry] = await harness.attempts(id);
    expect(entry?.url).toBe(host.url);
    expect(JSON.stringify(harness.logs)).not.toContain('hunter22');
  });
});
