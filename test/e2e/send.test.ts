import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../support/stack.ts';
import { waitFor } from '../support/wait.ts';

describe('sending end to end: each channel through the api to eCall (simulator)', () => {
  let s: Stack;
  beforeAll(async () => {
    s = await startStack({ sim: { stepMs: 60_000 }, worker: { TRACK_SCHEDULE: '1h' } });
  });
  afterAll(async () => {
    await s.close();
  });

  const accepted = (id: string) =>
    waitFor(async () => ((await s.store.read(id))?.state.status === 'accepted' ? s.message(id) : undefined), {
      what: `${id} accepted`,
    });

  it('takes an SMS, a plain fax, a fax with an attachment and a voice message to accepted, each once', async () => {
    const pdf = Buffer.from('%PDF-1.4\n% ecall-relay test\n').toString('base64');
    const requests = [
      [
        '/v1/sms',
        {
          to: ['+41 79 123 45 67', '079 765 43 21'],
          text: 'Störung </Message><AccountPassword>x',
          from: 'ACME',
          flash: true,
        },
        'SendSMSBasic',
      ],
      ['/v1/fax', { to: '0041441234567', text: 'Lieferschein 4711', subject: 'Lieferung' }, 'SendFaxBasic'],
      [
        '/v1/fax',
        {
          to: '0041441234567',
          text: 'Rechnung',
          attachments: [{ fileName: 'rechnung.pdf', contentBase64: pdf }],
          options: { maxRetries: 3 },
        },
        'SendFax',
      ],
      ['/v1/voice', { to: '0041791234567', text: 'Alarm in Halle drei', language: 'DE' }, 'SendVoiceBasic'],
    ] as const;
    for (const [path, body, operation] of requests) {
      const res = await s.call('POST', path, body);
      expect(res.status, JSON.stringify(res.body)).toBe(202);
      const id = res.body.id as string;
      const record = await accepted(id);
      expect(record?.state.lastCode).toBe(0);
      expect(s.sim.job(id)?.jobs.map((j) => j.operation)).toEqual([operation]);
    }
    expect(s.sim.stats()).toMatchObject({ accepted: 4, duplicates: 0 });
    const sms = s.sim.job((await s.store.list({ channel: 'sms' })).items[0]?.id ?? '');
    expect(sms?.jobs[0]?.recipients.map((r) => r.address)).toEqual(['0041791234567', '0041797654321']);
  });

  it('takes a batch of 200 messages to accepted, each exactly once', async () => {
    const messages = Array.from({ length: 200 }, (_, i) => ({
      channel: 'sms',
      to: '0791234567',
      text: `batch ${i}`,
    }));
    const res = await s.call('POST', '/v1/messages/batch', { messages });
    expect(res.status).toBe(202);
    const ids = (res.body.messages as { id: string }[]).map((m) => m.id);
    expect(new Set(ids).size).toBe(200);
    await waitFor(
      async () => {
        const statuses = await Promise.all(ids.map(async (id) => (await s.store.read(id))?.state.status));
        return statuses.every((status) => status === 'accepted');
      },
      { timeoutMs: 30_000, what: 'the batch accepted' },
    );
    expect(s.sim.stats().duplicates).toBe(0);
  });
});
