import { messageRequestSchema } from '@ecall-relay/messages';
import { describe, expect, it } from 'vitest';
import { AUTH, accepted, withHarness } from '../../testing/harness.ts';

describe('POST /v1/sms', () => {
  it('stores the record with every option and its send job before answering 202', () =>
    withHarness(async (h) => {
      const body = await accepted(
        await h.post('/v1/sms', {
          to: ['+41 79 123 45 67', '0041791234567', 'Pikett', '074123456:1234'],
          text: 'Server room hot',
          from: 'ACME',
          flash: true,
          answerTo: '+41 79 000 00 00',
          noLog: true,
          notify: 'ops@example.ch; +41 79 111 11 11',
          callbackUrl: 'https://erp.example.ch/hook',
          metadata: { ticket: 'INC-42' },
        }),
      );
      expect(body).toMatchObject({
        status: 'queued',
        channel: 'sms',
        recipients: ['0041791234567', 'Pikett', '074123456:1234'],
        metadata: { ticket: 'INC-42' },
      });
      const record = await h.store.get(body.id);
      expect(record?.request).toEqual({
        channel: 'sms',
        to: ['0041791234567', 'Pikett', '074123456:1234'],
        text: 'Server room hot',
        from: 'ACME',
        flash: true,
        answerTo: '0041790000000',
        noLog: true,
        notify: ['ops@example.ch', '0041791111111'],
        callbackUrl: 'https://erp.example.ch/hook',
        metadata: { ticket: 'INC-42' },
        createdAt: expect.any(String),
        createdBy: 'ops',
      });
      expect(record?.state.status).toBe('queued');
      expect(record?.state.recipients.map((r) => r.status)).toEqual(['pending', 'pending', 'pending']);
      expect((await h.queue.getJob(body.id))?.data).toEqual({ messageId: body.id });
      expect(await h.queue.getJobState(body.id)).toBe('waiting');
    }));

  it('takes a numeric sender as SMSCallback digits', () =>
    withHarness(async (h) => {
      const { id } = await accepted(
        await h.post('/v1/sms', { to: '0791234567', text: 'x', from: '+41 79 123 45 67' }),
      );
      expect((await h.store.get(id))?.request.from).toBe('0041791234567');
    }));
});

describe('POST /v1/fax', () => {
  it('keeps attachment bodies apart from the record, with name and size in the request', () =>
    withHarness(async (h) => {
      const content = Buffer.from('%PDF-1.4 a small fax').toString('base64');
      const { id, channel } = await accepted(
        await h.post('/v1/fax', {
          to: '+41 44 123 45 67',
          text: 'Please sign',
          from: 'ACME AG',
          subject: 'Contract',
          headerId: 'ACME',
          headerInfo: 'ACME AG, Zurich',
          attachments: [{ fileName: 'contract.PDF', contentBase64: content }],
          options: {
            callingNumber: '+41 44 000 00 00',
            maxRetries: 3,
            retryIntervalMinutes: 10,
            noCoversheet: true,
          },
        }),
      );
      expect(channel).toBe('fax');
      const record = await h.store.get(id);
      expect(record?.request).toMatchObject({
        to: ['0041441234567'],
        files: [{ fileName: 'contract.PDF', size: 20 }],
        faxOptions: {
          callingNumber: '0041440000000',
          maxRetries: 3,
          retryIntervalMinutes: 10,
          noCoversheet: true,
        },
        subject: 'Contract',
        headerId: 'ACME',
        headerInfo: 'ACME AG, Zurich',
      });
      expect(await h.store.files(id)).toEqual([{ fileName: 'contract.PDF', contentBase64: content }]);
      expect(await h.redis.hget(h.store.keys.record(id), 'req')).not.toContain(content);
      expect(await h.queue.getJobState(id)).toBe('waiting');
    }));

  it('stores a plain fax without files or options (the worker sends it as SendFaxBasic)', () =>
    withHarness(async (h) => {
      const { id } = await accepted(
        await h.post('/v1/fax', { to: '0441234567', text: 'hi', options: {}, attachments: [] }),
      );
      const record = await h.store.get(id);
      expect(record?.request.files).toBeUndefined();
      expect(record?.request.faxOptions).toBeUndefined();
      expect(await h.store.files(id)).toEqual([]);
    }));

  it('accepts an attachment of exactly 5 MiB', () =>
    withHarness(async (h) => {
      const contentBase64 = Buffer.alloc(5 * 1024 * 1024, 7).toString('base64');
      const { id } = await accepted(
        await h.post('/v1/fax', {
          to: '0441234567',
          text: 'x',
          attachments: [{ fileName: 'big.tif', contentBase64 }],
        }),
      );
      expect((await h.store.get(id))?.request.files).toEqual([
        { fileName: 'big.tif', size: 5 * 1024 * 1024 },
      ]);
    }));
});

describe('POST /v1/voice', () => {
  it('stores the language and caller text', () =>
    withHarness(async (h) => {
      const { id } = await accepted(
        await h.post('/v1/voice', { to: '0791234567', text: 'Alarm', language: 'FR', from: 'ACME' }),
      );
      expect((await h.store.get(id))?.request).toMatchObject({
        channel: 'voice',
        language: 'FR',
        from: 'ACME',
        text: 'Alarm',
      });
      expect(await h.queue.getJobState(id)).toBe('waiting');
    }));
});

describe('the stored record', () => {
  // The api builds the record without parsing it again: every field it can hold must satisfy the shared schema
  // that the worker and the read routes rely on.
  const now = new Date('2026-03-20T12:00:00Z');
  const common = {
    sendAt: '2026-03-21T08:00:00+01:00',
    callbackUrl: 'https://erp.example.ch/hook',
    metadata: { ticket: 'INC-42', nested: { n: 1 } },
  };
  it.each([
    [
      'sms',
      {
        to: ['+41 79 123 45 67', '074123456:1234'],
        text: 'Server room hot',
        from: 'ACME',
        flash: false,
        answerTo: '+41 79 000 00 00',
        noLog: true,
        notify: ['ops@example.ch', 'https://hooks.example.ch/x'],
        ...common,
      },
    ],
    [
      'fax',
      {
        to: '+41 44 123 45 67; 0441234568',
        text: 'Please sign',
        from: 'ACME AG',
        subject: 'Contract',
        headerId: 'ACME',
        headerInfo: 'ACME AG, Zurich',
        attachments: [{ fileName: 'a.pdf', contentBase64: Buffer.from('%PDF-1.4').toString('base64') }],
        options: { callingNumber: '+41 44 000 00 00', maxRetries: 0, noCoversheet: false },
        notify: '0791111111',
        ...common,
      },
    ],
    ['voice', { to: '0791234567', text: 'Alarm', from: 'ACME', language: 'IT', ...common }],
  ])('of the fullest %s request satisfies the shared schema unchanged', (channel, body) =>
    withHarness(
      async (h) => {
        const { id } = await accepted(
          await h.post(`/v1/${channel}`, body, { ...AUTH.ops, 'idempotency-key': `full-${channel}` }),
        );
        const request = (await h.store.get(id))?.request;
        expect(request).toMatchObject({
          channel,
          sendAt: common.sendAt,
          sendDate: '2026-03-21 08:00:00',
          createdAt: now.toISOString(),
          createdBy: 'ops',
          idempotencyKey: `full-${channel}`,
        });
        expect(messageRequestSchema.parse(request)).toEqual(request);
        expect(Object.values(request ?? {})).not.toContain(undefined);
      },
      { now: () => now },
    ),
  );

  it('leaves out every option the request did not set', () =>
    withHarness(async (h) => {
      const { id } = await accepted(await h.post('/v1/fax', { to: '0441234567', text: 'hi', options: {} }));
      expect(Object.keys((await h.store.get(id))?.request ?? {}).sort()).toEqual(
        ['channel', 'createdAt', 'createdBy', 'text', 'to'].sort(),
      );
    }));
});
