interface Pending<T> {
  readonly item: T;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** Options of {@link GroupCommit}. */
export interface GroupCommitOptions<T> {
  /** Writes one group of items in one call; rejects when the call failed. */
  readonly commit: (group: readonly T[]) => Promise<void>;
  /** An item's share of {@link GroupCommitOptions.maxWeight} (for the store: its message count). */
  readonly weight: (item: T) => number;
  /** A group closes once it weighs this much; later items go to the next one. An item is never split. */
  readonly maxWeight: number;
  /**
   * Once the items waiting weigh this much they go at once, without waiting for the end of the turn (default:
   * {@link GroupCommitOptions.maxWeight}). Under a burst, a group that waits for the whole turn makes the next
   * one wait for its answer: small groups sent early keep the connection and Redis busy while requests are
   * still being parsed.
   */
  readonly sendWeight?: number;
}

/**
 * Group commit: items asked for in the same turn of the event loop are written by ONE call instead of one
 * each. Under load (many requests arriving together) this turns N round trips into one, which saves the client
 * a command, a socket write and a reply per item, and Redis a script call per item; with `appendfsync always`
 * it also shares one fsync. Alone, an item waits only until the end of the current turn (setImmediate). Groups
 * do not wait for each other: items asked while one is on its way go in the next, and a group that reaches
 * `sendWeight` goes before the turn ends. Groups are written in the order asked, on the caller's connection.
 *
 * A group's call succeeds or fails as a whole: every caller of a failed group is rejected with its error.
 */
export class GroupCommit<T> {
  readonly #options: GroupCommitOptions<T>;
  readonly #sendWeight: number;
  #queue: Pending<T>[] = [];
  #load = 0;
  #scheduled: NodeJS.Immediate | undefined;

  constructor(options: GroupCommitOptions<T>) {
    this.#options = options;
    this.#sendWeight = Math.min(options.sendWeight ?? options.maxWeight, options.maxWeight);
  }

  /** Queues `item` for the next group; resolves once its group is written, rejects when that failed. */
  run(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      this.#load += this.#options.weight(item);
      if (this.#load >= this.#sendWeight) this.#flush();
      else this.#scheduled ??= setImmediate(() => this.#flush());
    });
  }

  #flush(): void {
    if (this.#scheduled) clearImmediate(this.#scheduled);
    this.#scheduled = undefined;
    const { weight, maxWeight } = this.#options;
    let group: Pending<T>[] = [];
    let load = 0;
    for (const pending of this.#queue) {
      const w = weight(pending.item);
      if (group.length > 0 && load + w > maxWeight) {
        this.#commit(group);
        group = [];
        load = 0;
      }
      group.push(pending);
      load += w;
    }
    this.#queue = [];
    this.#load = 0;
    if (group.length > 0) this.#commit(group);
  }

  #commit(group: readonly Pending<T>[]): void {
    let call: Promise<void>;
    try {
      call = this.#options.commit(group.map((pending) => pending.item));
    } catch (error) {
      call = Promise.reject(error);
    }
    call.then(
      () => {
        for (const pending of group) pending.resolve();
      },
      (error: unknown) => {
        for (const pending of group) pending.reject(error);
      },
    );
  }
}
