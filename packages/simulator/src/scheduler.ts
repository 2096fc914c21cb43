import { MinHeap } from './min-heap.ts';

// setTimeout clamps anything above 2^31-1 ms to 1 ms; far SendDates are re-armed in chunks instead.
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Runs callbacks at given instants with one timer for all of them: due events sit in a min-heap and
 * the single timer is always armed for the earliest one, so a million pending jobs cost one timer.
 */
export class Scheduler {
  #heap = new MinHeap<() => void>();
  #timer: NodeJS.Timeout | undefined;
  #armedFor = Number.POSITIVE_INFINITY;
  #closed = false;
  readonly #onError: (error: unknown) => void;

  constructor(onError: (error: unknown) => void) {
    this.#onError = onError;
  }

  /** Number of pending events. */
  get size(): number {
    return this.#heap.size;
  }

  /** Runs `run` at `at` (epoch ms), or on the next drain when `at` is already past. */
  schedule(at: number, run: () => void): void {
    if (this.#closed) return;
    this.#heap.push(at, run);
    if (at < this.#armedFor) this.#arm();
  }

  /** Drops every pending event. */
  clear(): void {
    this.#heap.clear();
    this.#disarm();
  }

  /** Drops every pending event and refuses new ones. */
  close(): void {
    this.#closed = true;
    this.clear();
  }

  #arm(): void {
    this.#disarm();
    const next = this.#heap.peekAt();
    if (next === undefined) return;
    const delay = Math.min(Math.max(0, next - Date.now()), MAX_TIMER_MS);
    this.#armedFor = next;
    this.#timer = setTimeout(() => this.#drain(), delay);
    // The HTTP server keeps the process alive while it should; pending events alone must not.
    this.#timer.unref();
  }

  #disarm(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#armedFor = Number.POSITIVE_INFINITY;
  }

  #drain(): void {
    this.#timer = undefined;
    this.#armedFor = Number.POSITIVE_INFINITY;
    const now = Date.now();
    // Bounded by the heap size at entry: events scheduled while draining for `now` wait for the next round.
    for (let budget = this.#heap.size; budget > 0; budget -= 1) {
      const at = this.#heap.peekAt();
      if (at === undefined || at > now) break;
      const run = this.#heap.pop();
      try {
        run?.();
      } catch (error) {
        this.#onError(error);
      }
    }
    this.#arm();
  }
}
