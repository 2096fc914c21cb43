import { describe, expect, it } from 'vitest';
import { classifySendState, isReceptionConfirmed } from './classify-send-state.ts';
import { SEND_STATES } from './send-states.ts';

const JOB_TYPE_OF = { sms: 1, voice: 5, fax: 6 } as const;
const UNKNOWN = { outcome: 'pending', final: false, known: false } as const;

describe('classifySendState', () => {
  it.each(Object.entries(JOB_TYPE_OF))(
    'gives every %s SendState row a known classification',
    (family, jobType) => {
      const rows = Object.keys(SEND_STATES[family as keyof typeof JOB_TYPE_OF]).map(Number);
      expect(rows.length).toBeGreaterThan(0);
      for (const state of rows) {
        const result = classifySendState(jobType, state);
        expect(result.known, `SendState ${state}`).toBe(true);
        expect(result.final).toBe(result.outcome === 'delivered' || result.outcome === 'failed');
      }
    },
  );

  it.each([
    [0, 'pending', false],
    [3, 'pending', false],
    [1, 'sent', false],
    [9, 'sent', false],
    [8, 'delivered', true],
    [10, 'delivered', true],
    [2, 'failed', true],
  ] as const)('reads SMS/pager SendState %i as %s (final %s)', (state, outcome, final) => {
    expect(classifySendState(1, state)).toEqual({ outcome, final, known: true });
  });

  it.each([
    [30, 'pending'],
    [31, 'pending'],
    [38, 'pending'],
    [33, 'delivered'],
    [34, 'delivered'],
    [36, 'delivered'],
    [32, 'failed'],
    [35, 'failed'],
    [37, 'failed'],
    [39, 'failed'],
  ] as const)('reads voice SendState %i as %s', (state, outcome) => {
    expect(classifySendState(5, state)).toEqual({ outcome, final: outcome !== 'pending', known: true });
  });

  it.each([101, 201, 202, 301, 401, 402, 501, 43, 44])('reads fax SendState %i as pending', (state) => {
    expect(classifySendState(6, state)).toEqual({ outcome: 'pending', final: false, known: true });
  });

  it('reads fax 41 as delivered and 42 as failed, both final', () => {
    expect(classifySendState(6, 41)).toEqual({ outcome: 'delivered', final: true, known: true });
    expect(classifySendState(6, 42)).toEqual({ outcome: 'failed', final: true, known: true });
    expect(classifySendState(6, 42, 6015)).toEqual({ outcome: 'failed', final: true, known: true });
  });

  it('reads fax 42 with ErrorState 6900 (receiver hung up badly) as delivered', () => {
    expect(classifySendState(6, 42, 6900)).toEqual({ outcome: 'delivered', final: true, known: true });
  });

  it('does not apply the 6900 exception outside fax 42', () => {
    expect(classifySendState(1, 2, 6900)).toEqual({ outcome: 'failed', final: true, known: true });
    expect(classifySendState(6, 43, 6900)).toEqual({ outcome: 'pending', final: false, known: true });
  });

  it('does not read a SendState in the table of another family', () => {
    expect(classifySendState(1, 41)).toEqual(UNKNOWN);
    expect(classifySendState(5, 8)).toEqual(UNKNOWN);
    expect(classifySendState(6, 8)).toEqual(UNKNOWN);
  });

  it.each([12345, -1, Number.NaN, 1.5, 7])(
    'answers pending, not final, unknown for SendState %s',
    (state) => {
      for (const jobType of [1, 5, 6]) expect(classifySendState(jobType, state)).toEqual(UNKNOWN);
    },
  );

  it('does not resolve inherited object keys as SendStates', () => {
    expect(classifySendState(1, 'constructor' as unknown as number)).toEqual(UNKNOWN);
  });

  it.each([2, 4, 0, -1, Number.NaN, 1.5, 12345])(
    'answers pending, not final, unknown for job type %s',
    (jobType) => {
      expect(classifySendState(jobType, 0)).toEqual(UNKNOWN);
      expect(classifySendState(jobType, 8)).toEqual(UNKNOWN);
    },
  );
});

describe('isReceptionConfirmed', () => {
  it('is true for SMS/pager 8 and false for 10 (sent, reception not confirmed)', () => {
    expect(isReceptionConfirmed(1, 8)).toBe(true);
    expect(isReceptionConfirmed(1, 10)).toBe(false);
  });

  it('is false for states that are not deliveries, and for unknown input', () => {
    for (const state of [0, 1, 2, 3, 9]) expect(isReceptionConfirmed(1, state)).toBe(false);
    expect(isReceptionConfirmed(6, 42)).toBe(false);
    expect(isReceptionConfirmed(2, 8)).toBe(false);
    expect(isReceptionConfirmed(1, Number.NaN)).toBe(false);
  });

  it('is true for delivered voice and fax states', () => {
    expect(isReceptionConfirmed(5, 36)).toBe(true);
    expect(isReceptionConfirmed(6, 41)).toBe(true);
  });
});
