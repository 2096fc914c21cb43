/**
 * Thrown to hand a message back to BullMQ for a later, durable attempt. `retryAfterMs` overrides the
 * exponential backoff when the wait is known (e.g. the grace before checking an ambiguous submission).
 */
export class RetryLater extends Error {
  override readonly name = 'RetryLater';
  readonly retryAfterMs: number | undefined;

  constructor(message: string, retryAfterMs?: number) {
    super(message);
    this.retryAfterMs = retryAfterMs;
  }
}

/** Options of {@link createBackoff}. */
export interface BackoffOptions {
  /** First delay. @defaultValue 1_000 */
  readonly baseMs?: number;
  /** Longest delay. @defaultValue 600_000 (10 minutes) */
  readonly maxMs?: number;
  /** Source of randomness in [0, 1). @defaultValue Math.random */
  readonly random?: () => number;
}

/**
 * BullMQ backoff strategy: exponential with "equal jitter" (half fixed, half random) so that a burst of
 * failures does not come back as a burst, capped at `maxMs`; a {@link RetryLater} with a known wait wins.
 */
export function createBackoff(options: BackoffOptions = {}) {
  const base = options.baseMs ?? 1_000;
  const max = options.maxMs ?? 600_000;
  const random = options.random ?? Math.random;
  return (attemptsMade: number, _type?: string, error?: Error): number => {
    if (error instanceof RetryLater && error.retryAfterMs !== undefined)
      return Math.max(0, error.retryAfterMs);
    const exponential = Math.min(max, base * 2 ** Math.max(0, attemptsMade - 1));
    return Math.round(exponential / 2 + random() * (exponential / 2));
  };
}
