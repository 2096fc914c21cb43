import { describeResponse, describeSendState } from '@ecall-relay/codes';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FaultBody } from '../../errors.ts';
import { createHarness, type Harness } from '../../testing/harness.ts';
import { jsonOf, sendOk } from '../../testing/responses.ts';
import type { MessageView } from '../../views/message-view.ts';

const content = Buffer.from('%PDF-1.4 secret contract').toString('base64');

describe('GET /v1/messages/{id}', () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness();
  });
  afterEach(() => h.close());

  it('shows status, recipients, options and history, without attachment bodies', async () => {
    const id = await sendOk(h, '/v1/fax', {
      to: '0441234567',
      text: 'cover',
      subject: 'Contract',
      attachments: [{ fileName: 'c.pdf', contentBase64: content }],
      metadata: { order: 7 },
    });
    const res = await h.get(`/v1/messages/${id}`);
    const view = await jsonOf<MessageView>(res, 200);
    expect(view).toMatchObject({
      id,
      channel: 'fax',
      status: 'queued',
      to: ['0441234567'],
      text: 'cover',
      options: { subject: 'Contract', attachments: [{ fileName: 'c.pdf', size: 24 }] },
      recipients: [{ address: '0441234567', status: 'pending' }],
      attempts: 0,
      requestIds: [],
      createdBy: 'ops',
      metadata: { order: 7 },
      links: { self: `/v1/messages/${id}` },
    });
    expect(view.history?.map((e) => e.type)).toEqual(['created']);
    expect(JSON.stringify(view)).not.toContain(content);
  });

  it('explains eCall codes with their English texts', async () => {
    const id = await sendOk(h, '/v1/sms', { to: '0791234567', text: 'x' });
    await h.store.update(id, ({ state }) => ({
      state: {
        ...state,
        status: 'delivered',
        attempts: 1,
        lastCode: 0,
        requestIds: ['f24-req-1'],
        recipients: state.recipients.map((r) => ({ ...r, status: 'delivered', sendState: 8 })),
      },
      events: [{ at: new Date().toISOString(), type: 'delivered', source: 'poll', status: 'delivered' }],
    }));
    const view = await jsonOf<MessageView>(await h.get(`/v1/messages/${id}`), 200);
    expect(view).toMatchObject({
      status: 'delivered',
      attempts: 1,
      lastCode: 0,
      lastText: describeResponse(0).name,
      lastDescription: describeResponse(0).en,
      requestIds: ['f24-req-1'],
      recipients: [{ status: 'delivered', sendState: 8, sendStateText: describeSendState(1, 8).en }],
    });
    expect(view.history?.map((e) => e.type)).toEqual(['created', 'delivered']);
  });

  it('answers 404 with faultInfo for an unknown id and 400 for a malformed one', async () => {
    const missing = await jsonOf<FaultBody>(await h.get('/v1/messages/01ZZZZZZZZZZZZZZZZZZZZZZZZ'), 404);
    expect(missing.faultInfo.errorCode).toBe(3404);
    const bad = await jsonOf<FaultBody>(await h.get('/v1/messages/not%20an%20id'), 400);
    expect(bad.faultInfo.fields?.map((f) => f.path)).toEqual(['path.id']);
  });
});
