import { describe, expect, it } from 'vitest';
import { maxCallsWithin } from './backoff-bound.ts';

const production = { graceMs: 2_000, baseMs: 1_000, maxMs: 600_000, inCallRetries: 2 };

describe('the most calls one failing message can make', () => {
  it('counts the first attempt, the grace, then halved exponential steps', () => {
    // Attempts at 0, 2, 3, 5, 9 s; the next would be at 17 s.
    expect(maxCallsWithin(10_000, production)).toBe(5 * 3);
    expect(maxCallsWithin(10_000, { ...production, inCallRetries: 0 })).toBe(5);
  });

  it('grows linearly once the backoff is capped', () => {
    const capped = { ...production, maxMs: 4_000, inCallRetries: 0 };
    // 0, 2, 3, 5, then every 2 s: 7, 9, ... 59.
    expect(maxCallsWithin(60_000, capped)).toBe(31);
  });

  it('is one attempt when the window closes before the grace', () => {
    expect(maxCallsWithin(1_000, { ...production, inCallRetries: 0 })).toBe(1);
  });
});
