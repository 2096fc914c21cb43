/** One request the poster made. */
export interface PostRecord {
  /** ms since the poster started. */
  readonly startedAt: number;
  readonly ms: number;
  /** HTTP status, or 0 when no answer came (connection error, timeout). */
  readonly status: number;
}

/** A client posting SMS to the api in several lanes, counting every 202 and its message id. */
export interface Poster {
  /** Ids the api acknowledged with 202, in order. */
  acked(): readonly string[];
  records(): readonly PostRecord[];
  /** `Date.now()` when the poster started (records are relative to it). */
  readonly startedAt: number;
  stop(): void;
  /** Resolves once every lane has stopped. */
  readonly done: Promise<void>;
}

/** Options of {@link startPoster}. */
export interface PosterOptions {
  readonly apiUrl: string;
  /** Bearer key of a user with the send role. */
  readonly key: string;
  /** @defaultValue 8 */
  readonly lanes?: number;
  /** Stop after this many requests in all, whatever happens. */
  readonly maxRequests: number;
  /** @defaultValue 10_000 */
  readonly timeoutMs?: number;
}

const PAUSE_AFTER_REFUSAL_MS = 20;

/**
 * Posts until stopped (or `maxRequests`). After a refusal a lane pauses briefly, as a client honouring
 * Retry-After would, so an outage does not turn the test into a busy loop.
 */
export function startPoster(options: PosterOptions): Poster {
  const startedAt = Date.now();
  const acked: string[] = [];
  const records: PostRecord[] = [];
  let issued = 0;
  let stopped = false;
  const lane = async () => {
    while (!stopped && issued < options.maxRequests) {
      const n = issued++;
      const started = Date.now();
      let status = 0;
      try {
        const res = await fetch(`${options.apiUrl}/v1/sms`, {
          method: 'POST',
          headers: { authorization: `Bearer ${options.key}`, 'content-type': 'application/json' },
          body: JSON.stringify({ to: '0041791234567', text: `post ${n}` }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
        status = res.status;
        const body = (await res.json().catch(() => ({}))) as { id?: unknown };
        if (status === 202 && typeof body.id === 'string') acked.push(body.id);
      } catch {
        status = 0;
      }
      records.push({ startedAt: started - startedAt, ms: Date.now() - started, status });
      if (status !== 202) await new Promise((resolve) => setTimeout(resolve, PAUSE_AFTER_REFUSAL_MS));
    }
  };
  const done = Promise.all(Array.from({ length: options.lanes ?? 8 }, lane)).then(() => undefined);
  return {
    acked: () => acked,
    records: () => records,
    startedAt,
    stop: () => {
      stopped = true;
    },
    done,
  };
}
