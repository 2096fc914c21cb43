import { describe, expect, it } from 'vitest';
import { createRetryPolicy } from './retry-policy.ts';

const policy = createRetryPolicy({
  retryForMs: 10_000,
  retryBaseMs: 100,
  retryMaxMs: 1_000,
  random: () => 1,
});
const facts = { attempt: 1, sinceMs: 0, nowMs: 0 };

describe('webhook retry policy', () => {
  it('finishes on delivered and rejected answers', () => {
    expect(policy({ ...facts, verdict: 'delivered' })).toEqual({ outcome: 'delivered' });
    expect(policy({ ...facts, verdict: 'rejected' })).toEqual({ outcome: 'rejected' });
  });

  it('backs off exponentially up to the longest delay', () => {
    const at = (attempt: number) => policy({ verdict: 'retry', attempt, sinceMs: 0, nowMs: 1_000 });
    expect(at(1)).toEqual({ outcome: 'retrying', nextAttemptAt: 1_100 });
    expect(at(2)).toEqual({ outcome: 'retrying', nextAttemptAt: 1_200 });
    expect(at(4)).toEqual({ outcome: 'retrying', nextAttemptAt: 1_800 });
    expect(at(9)).toEqual({ outcome: 'retrying', nextAttemptAt: 2_000 });
  });

  it('adds jitter so that failures do not come back together', () => {
    const low = createRetryPolicy({ retryBaseMs: 1_000, random: () => 0 });
    expect(low({ verdict: 'retry', attempt: 1, sinceMs: 0, nowMs: 0 })).toEqual({
      outcome: 'retrying',
      nextAttemptAt: 500,
    });
  });

  it("follows the host's Retry-After, capped at the longest delay", () => {
    expect(policy({ ...facts, verdict: 'retry', retryAfterMs: 300 })).toEqual({
      outcome: 'retrying',
      nextAttemptAt: 300,
    });
    expect(policy({ ...facts, verdict: 'retry', retryAfterMs: 60_000 })).toEqual({
      outcome: 'retrying',
      nextAttemptAt: 1_000,
    });
  });

  it('places the last attempt at the end of the window and gives up after it', () => {
    expect(policy({ verdict: 'retry', attempt: 20, sinceMs: 0, nowMs: 9_500 })).toEqual({
      outcome: 'retrying',
      nextAttemptAt: 10_000,
    });
    expect(policy({ verdict: 'retry', attempt: 21, sinceMs: 0, nowMs: 10_000 })).toEqual({
      outcome: 'given-up',
    });
  });
});
