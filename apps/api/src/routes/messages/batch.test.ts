import { SEND_CHUNK_SIZE } from '@ecall-relay/messages';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FaultBody } from '../../errors.ts';
import { createHarness, type Harness } from '../../testing/harness.ts';

const content = Buffer.from('%PDF-1.4').toString('base64');

describe('POST /v1/messages/batch', () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness();
  });
  afterEach(() => h.close());

  it('stores messages of every channel with their jobs and answers their ids in order', async () => {
    const res = await h.post('/v1/messages/batch', {
      messages: [
        { channel: 'sms', to: '0791234567', text: 'one' },
        {
          channel: 'fax',
          to: '0441234567',
          text: 'two',
          attachments: [{ fileName: 'a.pdf', contentBase64: content }],
        },
        { channel: 'voice', to: '0791234567', text: 'three', language: 'DE' },
      ],
    });
    expect(res.status).toBe(202);
    const { messages } = (await res.json()) as {
      messages: { id: string; status: string; channel: string }[];
    };
    expect(messages.map((m) => [m.channel, m.status])).toEqual([
      ['sms', 'queued'],
      ['fax', 'queued'],
      ['voice', 'queued'],
    ]);
    const [sms, fax, voice] = messages;
    expect((await h.store.get(sms?.id ?? ''))?.request.text).toBe('one');
    expect(await h.store.files(fax?.id ?? '')).toEqual([{ fileName: 'a.pdf', contentBase64: content }]);
    expect((await h.store.get(voice?.id ?? ''))?.request.language).toBe('DE');
    // Messages due now of one request share a send job (a chunk of up to 50).
    expect(await h.counts()).toEqual({ messages: 3, jobs: 1 });
  });

  it('stores nothing when one message of many is invalid, and names it', async () => {
    const messages = Array.from({ length: 50 }, (_, i) => ({
      channel: 'sms',
      to: '0791234567',
      text: `n${i}`,
    }));
    messages[17] = { channel: 'sms', to: 'not valid!', text: 'bad' };
    const res = await h.post('/v1/messages/batch', { messages });
    expect(res.status).toBe(400);
    const { faultInfo } = (await res.json()) as FaultBody;
    expect(faultInfo.fields).toEqual([{ path: 'messages.17.to.0', message: expect.any(String) }]);
    expect(await h.counts()).toEqual({ messages: 0, jobs: 0 });
  });

  it('accepts 1,000 messages in one request', async () => {
    const messages = Array.from({ length: 1000 }, (_, i) => ({
      channel: 'sms',
      to: `+41 79 ${String(i).padStart(7, '0')}`,
      text: `bulk ${i}`,
    }));
    const res = await h.post('/v1/messages/batch', { messages });
    expect(res.status).toBe(202);
    const body = (await res.json()) as { messages: { id: string }[] };
    expect(new Set(body.messages.map((m) => m.id)).size).toBe(1000);
    expect(await h.counts()).toEqual({ messages: 1000, jobs: 1000 / SEND_CHUNK_SIZE });
    expect((await h.store.get(body.messages[999]?.id ?? ''))?.request.to).toEqual(['0041790000999']);
  });
});
