import { toMessageView } from '@ecall-relay/api';
import type { MessageRecord } from '@ecall-relay/messages';
import { describe, expect, it } from 'vitest';
import { buildTimelines, requestIdsOf, retriedAs, retryOf } from './timeline.ts';
import type { Message } from './types.ts';

const at = (s: number) => new Date(Date.UTC(2026, 2, 20, 12, 0, s)).toISOString();

/** A stored record as the worker leaves it: two recipients, a callback, a poll, a reply and a retry. */
const record: MessageRecord = {
  id: '01KAQ3R5Z8N6Y2W4T7V9X1B3C5',
  version: 9,
  request: {
    channel: 'sms',
    to: ['079 123 45 67', '0791230000'],
    text: 'Fire alarm hall 3',
    createdAt: at(0),
    retryOf: '01KAQ3R5Z8N6Y2W4T7V9X1B3C4',
  },
  state: {
    status: 'partially_delivered',
    updatedAt: at(9),
    attempts: 1,
    recipients: [
      { address: '079 123 45 67', status: 'delivered', sendState: 8, updatedAt: at(5) },
      { address: '0791230000', status: 'failed', sendState: 2, errorState: 5509, updatedAt: at(6) },
    ],
    requestIds: ['req-send'],
  },
  history: [
    { at: at(0), type: 'created', source: 'api', status: 'queued' },
    { at: at(1), type: 'answer', source: 'worker', code: 0, text: 'OK', requestId: 'req-send' },
    { at: at(3), type: 'callback', source: 'callback', address: '0041791234567', code: 1 },
    {
      at: at(5),
      type: 'recipient.delivered',
      source: 'poll',
      address: '0041791234567',
      sendState: 8,
      requestId: 'req-poll',
    },
    {
      at: at(6),
      type: 'recipient.failed',
      source: 'poll',
      address: '0041791230000',
      sendState: 2,
      errorState: 5509,
    },
    { at: at(7), type: 'reply', source: 'callback', address: '0041791234567', detail: 'Ja, ich komme' },
    { at: at(8), type: 'recipient.progress', source: 'poll', address: '0041449999999' },
    { at: at(9), type: 'retried', source: 'admin', detail: '01KAQ3R5Z8N6Y2W4T7V9X1B3C6' },
  ],
};

describe('buildTimelines on the api view of a message', () => {
  // Assigning the api's view to the dashboard's type is the contract check: tsc fails when they drift.
  const view: Message = toMessageView(record);
  const timelines = buildTimelines(view);

  it('gives each recipient its own events and the message-wide ones, in recorded order', () => {
    const [first, second] = timelines.recipients;
    expect(first?.entries.map((e) => [e.event.type, e.shared])).toEqual([
      ['created', true],
      ['answer', true],
      ['callback', false],
      ['recipient.delivered', false],
      ['retried', true],
    ]);
    expect(second?.entries.map((e) => e.event.type)).toEqual([
      'created',
      'answer',
      'recipient.failed',
      'retried',
    ]);
    expect(second?.recipient).toMatchObject({ status: 'failed', errorState: 5509 });
  });

  it('keeps events for an address that is no recipient apart, and lists replies', () => {
    expect(timelines.unmatched.map((e) => e.address)).toEqual(['0041449999999']);
    expect(timelines.replies).toEqual([{ from: '0041791234567', text: 'Ja, ich komme', at: at(7) }]);
  });

  it('finds the retry links both ways and every eCall request id', () => {
    expect(retryOf(view)).toBe('01KAQ3R5Z8N6Y2W4T7V9X1B3C4');
    expect(retriedAs(view.history)).toBe('01KAQ3R5Z8N6Y2W4T7V9X1B3C6');
    expect(requestIdsOf(view)).toEqual(['req-send', 'req-poll']);
  });

  it('gives a lone recipient the events eCall reports under another number', () => {
    const single = buildTimelines({
      recipients: [{ address: 'Pikett', status: 'sent', updatedAt: at(0) }],
      history: [{ at: at(1), type: 'recipient.sent', source: 'poll', address: '0041791234567' }],
    });
    expect(single.recipients[0]?.entries).toHaveLength(1);
    expect(single.unmatched).toEqual([]);
  });
});
