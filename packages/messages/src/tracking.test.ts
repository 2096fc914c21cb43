import { describe, expect, it } from 'vitest';
import { addressKey } from './address-key.ts';
import type { MessageState } from './model.ts';
import { applyObservation, deriveMessageStatus, expireTracking, type Observation } from './tracking.ts';

const at = '2026-11-23T10:00:00.000Z';
function accepted(...addresses: string[]): MessageState {
  return {
    status: 'accepted',
    updatedAt: at,
    attempts: 1,
    requestIds: [],
    recipients: addresses.map((address) => ({ address, status: 'pending', updatedAt: at })),
  };
}
const sms = (sendState: number, extra: Partial<Observation> = {}): Observation => ({
  source: 'poll',
  at,
  jobType: 1,
  sendState,
  ...extra,
});

function run(state: MessageState, ...observations: Observation[]): MessageState {
  return observations.reduce((s, o) => applyObservation(s, o)?.state ?? s, state);
}

describe('recipient state machine', () => {
  it('moves a recipient forward, pending to sent to delivered, and derives the message status', () => {
    const change = applyObservation(accepted('0041791234567'), sms(1));
    expect(change?.state.recipients[0]).toMatchObject({ status: 'sent', sendState: 1 });
    expect(change?.hostEvents.map((e) => e.type)).toEqual(['recipient.sent']);
    const done = applyObservation(change?.state as MessageState, sms(8, { pointsUsed: 1, finishDate: at }));
    expect(done?.state.status).toBe('delivered');
    expect(done?.state.recipients[0]).toMatchObject({ status: 'delivered', pointsUsed: 1 });
    expect(done?.events.map((e) => e.type)).toEqual(['recipient.delivered', 'final']);
    expect(done?.events[0]).toMatchObject({
      sendState: 8,
      pointsUsed: 1,
      finishDate: at,
      text: expect.any(String),
    });
  });

  it('ignores duplicate and out-of-order observations', () => {
    const delivered = run(accepted('0041791234567'), sms(8));
    expect(applyObservation(delivered, sms(1))).toBeUndefined();
    expect(applyObservation(delivered, sms(8))).toBeUndefined();
    expect(applyObservation(delivered, sms(2, { errorState: 5509 }))).toBeUndefined();
    const sent = run(accepted('0041791234567'), sms(9));
    expect(applyObservation(sent, sms(9))).toBeUndefined();
    expect(applyObservation(sent, sms(0))).toBeUndefined();
  });

  it('records a new pending SendState without moving the status', () => {
    const change = applyObservation(run(accepted('0041441234567'), { ...sms(101), jobType: 6 }), {
      ...sms(401),
      jobType: 6,
    });
    expect(change?.state.recipients[0]).toMatchObject({ status: 'pending', sendState: 401 });
    expect(change?.hostEvents).toEqual([]);
  });

  it('matches recipients across number formats and fails one of several', () => {
    const state = accepted('+41 79 123 45 67', '0797654321');
    const after = run(
      state,
      sms(8, { address: '0041791234567' }),
      sms(2, { address: '0041797654321', errorState: 5509 }),
    );
    expect(after.recipients.map((r) => r.status)).toEqual(['delivered', 'failed']);
    expect(after.status).toBe('partially_delivered');
    expect(after.recipients[1]?.errorState).toBe(5509);
  });

  it('ignores an observation for a number the message does not have', () => {
    expect(
      applyObservation(accepted('0041791234567', '0041797654321'), sms(8, { address: '0041780000000' })),
    ).toBeUndefined();
  });

  it('treats fax 42 with ErrorState 6900 as delivered', () => {
    const after = run(accepted('0041441234567'), { ...sms(42, { errorState: 6900 }), jobType: 6 });
    expect(after.status).toBe('delivered');
  });

  it('marks open recipients unconfirmed when the tracking window closes', () => {
    const partly = run(
      accepted('0041791234567', '0041797654321'),
      sms(8, { address: '0041791234567' }),
      sms(1, { address: '0041797654321' }),
    );
    const expired = expireTracking(partly, at);
    expect(expired?.state.recipients.map((r) => r.status)).toEqual(['delivered', 'unconfirmed']);
    expect(expired?.state.status).toBe('partially_delivered');
    expect(expired?.hostEvents.map((e) => e.type)).toEqual(['recipient.unconfirmed']);
    expect(expireTracking(expired?.state as MessageState, at)).toBeUndefined();
  });

  it('derives failed and unconfirmed message statuses', () => {
    const r = (status: 'failed' | 'unconfirmed' | 'sent') => ({ address: 'x', status, updatedAt: at });
    expect(deriveMessageStatus([r('failed'), r('unconfirmed')])).toBe('failed');
    expect(deriveMessageStatus([r('unconfirmed')])).toBe('unconfirmed');
    expect(deriveMessageStatus([r('failed'), r('sent')])).toBeUndefined();
  });

  it('normalises addresses for comparison', () => {
    expect(addressKey('+41 79 123 45 67')).toBe('0041791234567');
    expect(addressKey('079 123 45 67')).toBe('0041791234567');
    expect(addressKey('0041791234567')).toBe('0041791234567');
    expect(addressKey('074123456:1234')).toBe('004174123456:1234');
    expect(addressKey('Pikett Team')).toBe('pikett team');
  });
});
