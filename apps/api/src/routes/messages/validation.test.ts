import { afterAll, describe, expect, it } from 'vitest';
import type { FaultBody } from '../../errors.ts';
import { createHarness } from '../../testing/harness.ts';

const sms = { to: '0791234567', text: 'hello' };
const fax = { to: '0441234567', text: 'cover' };
const voice = { to: '0791234567', text: 'alarm' };
const pdf = (name = 'a.pdf', content = Buffer.from('%PDF-1.4 test').toString('base64')) => ({
  fileName: name,
  contentBase64: content,
});
const now = new Date('2026-03-20T12:00:00Z');

type Case = [name: string, path: string, body: unknown, field: string];

const cases: Case[] = [
  ['to missing', '/v1/sms', { text: 'x' }, 'to'],
  ['to not a string or list', '/v1/sms', { ...sms, to: 5 }, 'to'],
  ['to empty string', '/v1/sms', { ...sms, to: ' ; ' }, 'to'],
  ['to empty list', '/v1/sms', { ...sms, to: [] }, 'to'],
  ['to with a bad address', '/v1/sms', { ...sms, to: ['0791234567', 'Team!'] }, 'to.1'],
  ['to with + then 0', '/v1/sms', { ...sms, to: ['+0791234567'] }, 'to.0'],
  ['to ;-joined with a bad part', '/v1/sms', { ...sms, to: '0791234567;;Team!' }, 'to.2'],
  [
    'to above 1,000 recipients',
    '/v1/sms',
    { ...sms, to: Array.from({ length: 1001 }, (_, i) => `079${String(i).padStart(7, '0')}`) },
    'to',
  ],
  ['to with a 51-character name', '/v1/sms', { ...sms, to: ['a'.repeat(51)] }, 'to.0'],
  ['pager address on a fax', '/v1/fax', { ...fax, to: '074123456:1234' }, 'to.0'],
  ['text missing', '/v1/sms', { to: '0791234567' }, 'text'],
  ['text blank', '/v1/sms', { ...sms, text: '  \n ' }, 'text'],
  ['sms text above 1,600', '/v1/sms', { ...sms, text: 'x'.repeat(1601) }, 'text'],
  ['voice text above 1,000', '/v1/voice', { ...voice, text: 'x'.repeat(1001) }, 'text'],
  ['fax text above 10,000', '/v1/fax', { ...fax, text: 'x'.repeat(10_001) }, 'text'],
  ['text with a control character', '/v1/sms', { ...sms, text: 'a\u0007b' }, 'text'],
  ['sms from above 11 alphanumerics', '/v1/sms', { ...sms, from: 'ACMECorporation' }, 'from'],
  ['sms from above 16 digits', '/v1/sms', { ...sms, from: '12345678901234567' }, 'from'],
  ['sms from with spaces', '/v1/sms', { ...sms, from: 'ACME AG' }, 'from'],
  ['fax from above 50', '/v1/fax', { ...fax, from: 'x'.repeat(51) }, 'from'],
  ['sendAt without zone', '/v1/sms', { ...sms, sendAt: '2026-12-01T08:00:00' }, 'sendAt'],
  ['sendAt not a date', '/v1/sms', { ...sms, sendAt: 'tomorrow' }, 'sendAt'],
  ['sendAt impossible date', '/v1/sms', { ...sms, sendAt: '2026-02-30T08:00:00Z' }, 'sendAt'],
  ['sendAt beyond retention', '/v1/sms', { ...sms, sendAt: '2026-05-01T08:00:00Z' }, 'sendAt'],
  ['flash not boolean', '/v1/sms', { ...sms, flash: 'yes' }, 'flash'],
  ['noLog not boolean', '/v1/sms', { ...sms, noLog: 1 }, 'noLog'],
  ['answerTo neither number nor e-mail', '/v1/sms', { ...sms, answerTo: 'nobody' }, 'answerTo'],
  ['notify with a bad target', '/v1/sms', { ...sms, notify: ['ops@example.ch', 'pager?'] }, 'notify.1'],
  [
    'notify above 100 characters',
    '/v1/sms',
    { ...sms, notify: Array.from({ length: 5 }, (_, i) => `operator-${i}@example-company.ch`) },
    'notify',
  ],
  [
    'notify with two URLs',
    '/v1/sms',
    { ...sms, notify: 'https://a.example/x;https://b.example/y' },
    'notify',
  ],
  ['notify on voice', '/v1/voice', { ...voice, notify: 'ops@example.ch' }, 'notify'],
  ['subject on sms', '/v1/sms', { ...sms, subject: 'x' }, 'subject'],
  ['headerId above 20', '/v1/fax', { ...fax, headerId: 'x'.repeat(21) }, 'headerId'],
  ['headerInfo above 50', '/v1/fax', { ...fax, headerInfo: 'x'.repeat(51) }, 'headerInfo'],
  ['subject above 100', '/v1/fax', { ...fax, subject: 'x'.repeat(101) }, 'subject'],
  [
    'more than 10 attachments',
    '/v1/fax',
    { ...fax, attachments: Array.from({ length: 11 }, () => pdf()) },
    'attachments',
  ],
  [
    'attachment name with ..',
    '/v1/fax',
    { ...fax, attachments: [pdf(), pdf('..pdf')] },
    'attachments.1.fileName',
  ],
  [
    'attachment name with a path',
    '/v1/fax',
    { ...fax, attachments: [pdf('dir/a.pdf')] },
    'attachments.0.fileName',
  ],
  [
    'attachment name with a backslash',
    '/v1/fax',
    { ...fax, attachments: [pdf('dir\\a.pdf')] },
    'attachments.0.fileName',
  ],
  [
    'attachment name with a control character',
    '/v1/fax',
    { ...fax, attachments: [pdf('a\u0001.pdf')] },
    'attachments.0.fileName',
  ],
  [
    'attachment name above 100',
    '/v1/fax',
    { ...fax, attachments: [pdf(`${'a'.repeat(97)}.pdf`)] },
    'attachments.0.fileName',
  ],
  [
    'attachment type not accepted',
    '/v1/fax',
    { ...fax, attachments: [pdf('run.exe')] },
    'attachments.0.fileName',
  ],
  [
    'attachment without extension',
    '/v1/fax',
    { ...fax, attachments: [pdf('README')] },
    'attachments.0.fileName',
  ],
  [
    'attachment not base64',
    '/v1/fax',
    { ...fax, attachments: [pdf('a.pdf', 'abc!')] },
    'attachments.0.contentBase64',
  ],
  [
    'attachment base64 with bad length',
    '/v1/fax',
    { ...fax, attachments: [pdf('a.pdf', 'QUJD=')] },
    'attachments.0.contentBase64',
  ],
  [
    'attachment base64 with stray bits',
    '/v1/fax',
    { ...fax, attachments: [pdf('a.pdf', 'QR==')] },
    'attachments.0.contentBase64',
  ],
  ['attachment empty', '/v1/fax', { ...fax, attachments: [pdf('a.pdf', '')] }, 'attachments.0.contentBase64'],
  [
    'attachment above 5 MiB',
    '/v1/fax',
    { ...fax, attachments: [pdf('a.pdf', Buffer.alloc(5 * 1024 * 1024 + 1).toString('base64'))] },
    'attachments.0.contentBase64',
  ],
  [
    'attachment with unknown field',
    '/v1/fax',
    { ...fax, attachments: [{ ...pdf(), size: 3 }] },
    'attachments.0.size',
  ],
  ['attachments on sms', '/v1/sms', { ...sms, attachments: [pdf()] }, 'attachments'],
  ['fax maxRetries above 9', '/v1/fax', { ...fax, options: { maxRetries: 10 } }, 'options.maxRetries'],
  [
    'fax retry interval above 99',
    '/v1/fax',
    { ...fax, options: { retryIntervalMinutes: 100 } },
    'options.retryIntervalMinutes',
  ],
  [
    'fax calling number not a number',
    '/v1/fax',
    { ...fax, options: { callingNumber: '044;=x' } },
    'options.callingNumber',
  ],
  ['fax option unknown', '/v1/fax', { ...fax, options: { coversheet: false } }, 'options.coversheet'],
  ['voice language unknown', '/v1/voice', { ...voice, language: 'ES' }, 'language'],
  ['language on sms', '/v1/sms', { ...sms, language: 'DE' }, 'language'],
  ['callbackUrl not http', '/v1/sms', { ...sms, callbackUrl: 'ftp://erp.example.ch' }, 'callbackUrl'],
  [
    'callbackUrl with credentials',
    '/v1/sms',
    { ...sms, callbackUrl: 'https://u:p@erp.example.ch' },
    'callbackUrl',
  ],
  ['metadata an array', '/v1/sms', { ...sms, metadata: [1] }, 'metadata'],
  ['metadata above 4 KB', '/v1/sms', { ...sms, metadata: { blob: 'x'.repeat(4100) } }, 'metadata'],
  ['unknown field', '/v1/sms', { ...sms, tpyo: true }, 'tpyo'],
  ['body not an object', '/v1/sms', [sms], ''],
  [
    'batch message with a bad address',
    '/v1/messages/batch',
    {
      messages: [
        { channel: 'sms', ...sms },
        { channel: 'fax', ...fax, to: ['0441234567', '!'] },
      ],
    },
    'messages.1.to.1',
  ],
  ['batch message without channel', '/v1/messages/batch', { messages: [{ ...sms }] }, 'messages.0.channel'],
  [
    'batch message with a field of another channel',
    '/v1/messages/batch',
    { messages: [{ channel: 'voice', ...voice, flash: true }] },
    'messages.0.flash',
  ],
  ['batch empty', '/v1/messages/batch', { messages: [] }, 'messages'],
  [
    'batch above 1,000',
    '/v1/messages/batch',
    { messages: Array.from({ length: 1001 }, () => ({ channel: 'sms', ...sms })) },
    'messages',
  ],
];

describe('send validation', () => {
  const h = createHarness({ now: () => now });
  afterAll(() => h.close());

  it.each(cases)('answers 400 naming the field: %s', async (_name, path, body, field) => {
    const res = await h.post(path, body);
    expect(res.status).toBe(400);
    const { faultInfo } = (await res.json()) as FaultBody;
    expect(faultInfo.errorCode).toBe(3001);
    expect(faultInfo.requestId).toBe(res.headers.get('x-request-id'));
    expect(faultInfo.fields?.map((f) => f.path)).toContain(field);
  });

  it('names every bad field of one request at once', async () => {
    const res = await h.post('/v1/fax', { to: ['!'], text: '', headerId: 'x'.repeat(21), extra: 1 });
    const { faultInfo } = (await res.json()) as FaultBody;
    expect(faultInfo.fields?.map((f) => f.path).sort()).toEqual(['extra', 'headerId', 'text', 'to.0']);
  });

  it('refuses an Idempotency-Key above 200 characters', async () => {
    const res = await h.post('/v1/sms', sms, {
      authorization: 'Bearer s3cret',
      'idempotency-key': 'k'.repeat(201),
    });
    expect(res.status).toBe(400);
    const { faultInfo } = (await res.json()) as FaultBody;
    expect(faultInfo.fields?.map((f) => f.path)).toEqual(['header.Idempotency-Key']);
  });

  it('refuses an Idempotency-Key with control characters, on single and batch sends', async () => {
    const batch = { messages: [{ channel: 'sms', ...sms }] };
    for (const [path, body] of [
      ['/v1/sms', sms],
      ['/v1/messages/batch', batch],
    ] as const) {
      const res = await h.post(path, body, { authorization: 'Bearer s3cret', 'idempotency-key': 'a\u0001b' });
      expect(res.status).toBe(400);
      const { faultInfo } = (await res.json()) as FaultBody;
      expect(faultInfo.fields?.map((f) => f.path)).toEqual(['header.Idempotency-Key']);
    }
  });

  it('stored nothing for any refused request', async () => {
    expect(await h.counts()).toEqual({ messages: 0, jobs: 0 });
  });
});

describe('notify with a reserve for the relay', () => {
  const h = createHarness({ notificationReserve: 60 });
  afterAll(() => h.close());

  it('accepts lists that fit 100 less the reserve and refuses longer ones', async () => {
    const fits = `${'a'.repeat(27)}@example.ch`; // 38 characters
    expect((await h.post('/v1/sms', { ...sms, notify: fits })).status).toBe(202);
    const res = await h.post('/v1/sms', { ...sms, notify: `${fits};0791234567` });
    expect(res.status).toBe(400);
    const { faultInfo } = (await res.json()) as FaultBody;
    expect(faultInfo.fields).toEqual([
      { path: 'notify', message: expect.stringContaining('at most 40 fit') },
    ]);
  });
});
