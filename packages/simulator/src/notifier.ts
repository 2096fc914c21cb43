import * as http from 'node:http';
import * as https from 'node:https';

/** Limits of the callback sender. */
export interface NotifierOptions {
  /** @defaultValue 16 */
  readonly concurrency?: number;
  /** Per call, connect to end of response. @defaultValue 5000 */
  readonly timeoutMs?: number;
  /** Calls waiting beyond this are dropped and counted as failed. @defaultValue 100_000 */
  readonly maxQueue?: number;
  /** Told about every finished call (for logs); never about the query's meaning. */
  readonly onResult?: (url: string, ok: boolean, detail: string) => void;
}

interface Pending {
  readonly url: string;
  readonly done: (ok: boolean) => void;
}

/**
 * Fire-and-forget HTTP GET sender for notification and answer callbacks: bounded concurrency, bounded
 * queue, a short timeout, and counts. A failing receiver is counted, never thrown to the caller.
 */
export class Notifier {
  sent = 0;
  failed = 0;
  #queue: Pending[] = [];
  #head = 0;
  #active = new Set<http.ClientRequest>();
  readonly #concurrency: number;
  readonly #timeoutMs: number;
  readonly #maxQueue: number;
  readonly #onResult: NonNullable<NotifierOptions['onResult']>;

  constructor(options: NotifierOptions = {}) {
    this.#concurrency = options.concurrency ?? 16;
    this.#timeoutMs = options.timeoutMs ?? 5000;
    this.#maxQueue = options.maxQueue ?? 100_000;
    this.#onResult = options.onResult ?? (() => {});
  }

  /** Queues a GET of `url`; resolves true when the receiver answered 2xx (never rejects). */
  send(url: string): Promise<boolean> {
    return new Promise((resolve) => {
      if (this.#queue.length - this.#head >= this.#maxQueue) {
        this.#finish(url, false, 'queue full', resolve);
        return;
      }
      this.#queue.push({ url, done: resolve });
      this.#pump();
    });
  }

  /** Forgets queued calls and aborts running ones (counted as failed). */
  close(): void {
    this.#queue = [];
    this.#head = 0;
    for (const request of this.#active) request.destroy(new Error('simulator closed'));
  }

  #pump(): void {
    while (this.#active.size < this.#concurrency && this.#head < this.#queue.length) {
      const next = this.#queue[this.#head];
      this.#head += 1;
      if (next !== undefined) this.#start(next);
    }
    // Compact once the consumed prefix dominates, so the queue stays O(1) amortised per call.
    if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
      this.#queue = this.#queue.slice(this.#head);
      this.#head = 0;
    }
  }

  #start({ url, done }: Pending): void {
    let settled = false;
    const settle = (ok: boolean, detail: string): void => {
      if (settled) return;
      settled = true;
      this.#active.delete(request);
      this.#finish(url, ok, detail, done);
      this.#pump();
    };
    const client = url.startsWith('https:') ? https : http;
    let request: http.ClientRequest;
    try {
      request = client.get(url, { timeout: this.#timeoutMs, rejectUnauthorized: false });
    } catch (error) {
      this.#finish(url, false, error instanceof Error ? error.message : 'invalid URL', done);
      return;
    }
    this.#active.add(request);
    const deadline = setTimeout(() => request.destroy(new Error('timeout')), this.#timeoutMs);
    request.on('response', (response) => {
      response.resume();
      response.on('end', () => {
        clearTimeout(deadline);
        const status = response.statusCode ?? 0;
        settle(status >= 200 && status < 300, `HTTP ${String(status)}`);
      });
      response.on('error', (error) => settle(false, error.message));
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', (error) => {
      clearTimeout(deadline);
      settle(false, error.message);
    });
  }

  #finish(url: string, ok: boolean, detail: string, done: (ok: boolean) => void): void {
    if (ok) this.sent += 1;
    else this.failed += 1;
    this.#onResult(url, ok, detail);
    done(ok);
  }
}
