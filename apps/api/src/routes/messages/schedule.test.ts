import { describe, expect, it } from 'vitest';
import { accepted, withHarness } from '../../testing/harness.ts';

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
