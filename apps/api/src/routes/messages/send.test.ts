import { describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../testing/harness.ts';
import type { AcceptedMessage } from './schemas.ts';

async function accepted(res: Response): Promise<AcceptedMessage> {
  expect(res.status).toBe(202);
  const body = (await res.json()) as AcceptedMessage;
  expect(res.headers.get('location')).toBe(`/v1/messages/${body.id}`);
  return body;
}

async function withHarness(
  run: (h: Harness) => Promise<void>,
  deps: Parameters<typeof createHarness>[0] = {},
) {
  const h = createHarness(deps);
  try {
    await run(h);
  } finally {
    await h.close();
  }
}

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

describe('sendAt', () => {
  const now = new Date('2026-03-20T12:00:00Z');
  const lead = 5 * 60 * 1000;

  it.each([
    ['winter time (+01:00)', '2026-03-28T12:00:00Z', '2026-03-28 13:00:00'],
    ['the first hour of summer time', '2026-03-29T03:30:00+02:00', '2026-03-29 03:30:00'],
    ['summer time (+02:00)', '2026-04-10T06:00:00-04:00', '2026-04-10 12:00:00'],
  ])('schedules across DST in %s with the Zurich SendDate and a delayed job', (_label, sendAt, sendDate) =>
    withHarness(
      async (h) => {
        const body = await accepted(await h.post('/v1/sms', { to: '0791234567', text: 'later', sendAt }));
        expect(body).toMatchObject({ status: 'scheduled', sendAt });
        const record = await h.store.get(body.id);
        expect(record?.request).toMatchObject({ sendAt, sendDate });
        expect(record?.state.status).toBe('scheduled');
        const job = await h.queue.getJob(body.id);
        expect(await h.queue.getJobState(body.id)).toBe('delayed');
        expect(job?.opts.delay).toBe(Date.parse(sendAt) - now.getTime() - lead);
      },
      { now: () => now },
    ),
  );

  it('maps the repeated autumn hour to the right Zurich wall clock on both sides of the switch', () =>
    withHarness(
      async (h) => {
        for (const [sendAt, sendDate] of [
          ['2026-10-25T00:30:00Z', '2026-10-25 02:30:00'],
          ['2026-10-25T01:30:00Z', '2026-10-25 02:30:00'],
          ['2026-10-25T02:30:00Z', '2026-10-25 03:30:00'],
        ] as const) {
          const { id } = await accepted(await h.post('/v1/sms', { to: '0791234567', text: 'x', sendAt }));
          expect((await h.store.get(id))?.request.sendDate).toBe(sendDate);
        }
      },
      { now: () => new Date('2026-10-20T00:00:00Z') },
    ));

  it('queues at once (still carrying SendDate) when sendAt is within the lead time or past', () =>
    withHarness(
      async (h) => {
        for (const sendAt of ['2026-03-20T12:03:00Z', '2026-03-01T00:00:00+01:00']) {
          const body = await accepted(await h.post('/v1/sms', { to: '0791234567', text: 'soon', sendAt }));
          expect(body.status).toBe('queued');
          expect((await h.store.get(body.id))?.request.sendDate).toBeDefined();
          expect(await h.queue.getJobState(body.id)).toBe('waiting');
        }
      },
      { now: () => now },
    ));

  it('uses the configured lead time', () =>
    withHarness(
      async (h) => {
        const { id } = await accepted(
          await h.post('/v1/sms', { to: '0791234567', text: 'x', sendAt: '2026-03-20T13:00:00Z' }),
        );
        expect((await h.queue.getJob(id))?.opts.delay).toBe(60 * 60 * 1000 - 1_000);
      },
      { now: () => now, scheduleLeadMs: 1_000 },
    ));
});
