import type { DeliveryOutcome } from '@ecall-relay/messages';
import { createBackoff } from '../send/retry-later.ts';
import type { AnswerVerdict } from './host-answer.ts';

/** How long and how often an event is resent. */
export interface RetryPolicyOptions {
  /** Resend for this long after the event's first attempt, then give up. @defaultValue 24 hours */
  readonly retryForMs?: number | undefined;
  /** First delay between attempts (doubles per attempt, with jitter). @defaultValue 5_000 */
  readonly retryBaseMs?: number | undefined;
  /** Longest delay between attempts. @defaultValue 30 minutes */
  readonly retryMaxMs?: number | undefined;
  /** Source of randomness in [0, 1). @defaultValue Math.random */
  readonly random?: (() => number) | undefined;
}

/** Where an attempt stands when its answer is judged. */
export interface AttemptFacts {
  readonly verdict: AnswerVerdict;
  readonly attempt: number;
  /** Start of the event's first attempt (ms). */
  readonly sinceMs: number;
  readonly nowMs: number;
  /** The host's Retry-After, when it sent one. */
  readonly retryAfterMs?: number | undefined;
}

/** The outcome of an attempt and, when retrying, when to try again (ms). */
export type NextStep =
  | { readonly outcome: 'retrying'; readonly nextAttemptAt: number }
  | { readonly outcome: Exclude<DeliveryOutcome, 'retrying'> };

/**
 * Creates the retry decision: exponential backoff with equal jitter (the send worker's strategy), or the
 * host's Retry-After when it gave one (capped at the longest delay). The last attempt is placed exactly at the
 * end of the window, so a host that recovers just in time still gets the event; a failure after it gives up.
 */
export function createRetryPolicy(options: RetryPolicyOptions = {}) {
  const retryForMs = options.retryForMs ?? 24 * 3600_000;
  const maxMs = options.retryMaxMs ?? 30 * 60_000;
  const backoff = createBackoff({
    baseMs: options.retryBaseMs ?? 5_000,
    maxMs,
    ...(options.random && { random: options.random }),
  });
  return (facts: AttemptFacts): NextStep => {
    if (facts.verdict === 'delivered') return { outcome: 'delivered' };
    if (facts.verdict === 'rejected') return { outcome: 'rejected' };
    const deadline = facts.sinceMs + retryForMs;
    if (facts.nowMs >= deadline) return { outcome: 'given-up' };
    const wait =
      facts.retryAfterMs !== undefined ? Math.min(maxMs, facts.retryAfterMs) : backoff(facts.attempt);
    return { outcome: 'retrying', nextAttemptAt: Math.min(facts.nowMs + wait, deadline) };
  };
}

/** The decision function returned by {@link createRetryPolicy}. */
export type RetryPolicy = ReturnType<typeof createRetryPolicy>;
