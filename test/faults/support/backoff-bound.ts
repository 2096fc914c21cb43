/** The worker's retry settings that decide how often one message may call eCall while it keeps failing. */
export interface RetrySettings {
  /** AMBIGUOUS_GRACE_MS: the wait after a call that may have reached eCall. */
  readonly graceMs: number;
  /** RETRY_BASE_MS: the first exponential backoff step. */
  readonly baseMs: number;
  /** RETRY_MAX_MS: the backoff cap. */
  readonly maxMs: number;
  /** Immediate retries inside one attempt (the send processor's default is 2). */
  readonly inCallRetries: number;
}

/**
 * The most eCall calls one message can make within `windowMs` of failing, under the worker's policy: the first
 * attempt at once, the next after the ambiguity grace, then BullMQ's backoff for attempt k, at least half of
 * min(max, base * 2^(k-1)) ("equal jitter"); each attempt at most 1 + inCallRetries calls. An upper bound by
 * construction (shortest jitter, every attempt retried in-call), so a measured rate above it means the worker
 * does not follow its own backoff, i.e. it spins.
 */
export function maxCallsWithin(windowMs: number, settings: RetrySettings): number {
  let at = 0;
  let attempts = 1;
  at += settings.graceMs;
  // Bounded: every step waits at least min(base, max) / 2 > 0, and the window is finite.
  for (let k = 2; at <= windowMs && attempts < 1_000_000; k++) {
    attempts++;
    at += Math.min(settings.maxMs, settings.baseMs * 2 ** (k - 1)) / 2;
  }
  return attempts * (1 + settings.inCallRetries);
}
