import type { ChainableCommander } from 'ioredis';

/** The reply of one queued command: its error, or null and its result (ioredis' pipeline shape). */
export type CommandReply = [error: Error | null, result: unknown];

/** Adds one caller's commands to the shared transaction. It must add them synchronously. */
export type WriteCommands = (multi: ChainableCommander) => void;

interface Pending {
  readonly write: WriteCommands;
  readonly resolve: (replies: CommandReply[]) => void;
  readonly reject: (error: unknown) => void;
}

/** Options of {@link GroupCommit}. */
export interface GroupCommitOptions {
  /** Opens a transaction (MULTI) on the connection the writes must share. */
  readonly multi: () => Promise<ChainableCommander>;
  /** A transaction closes once it holds this many commands; later writes wait for the next one. */
  readonly maxCommands?: number;
}

/**
 * Group commit: writes requested in the same turn of the event loop go to Redis in ONE MULTI/EXEC instead of
 * one each. Under load (many requests arriving together) this turns N transactions into one, which saves the
 * client a pipeline, a socket write and a reply parse per write, and Redis a MULTI/EXEC pair per write; with
 * `appendfsync always` it also shares one fsync. Alone, a write waits only until the end of the current
 * event-loop turn (setImmediate).
 *
 * Each caller gets the replies of its own commands only. EXEC applies every command or none when the
 * connection fails, so a caller whose replies hold no error is stored, and a caller whose replies hold one
 * (Redis does not roll back a command that fails at run time) undoes its own writes, as it would alone.
 */
export class GroupCommit {
  readonly #multi: () => Promise<ChainableCommander>;
  readonly #maxCommands: number;
  #queue: Pending[] = [];
  #scheduled = false;

  constructor(options: GroupCommitOptions) {
    this.#multi = options.multi;
    this.#maxCommands = options.maxCommands ?? 10_000;
  }

  /**
   * Queues `write` for the next transaction. Resolves to the replies of the commands it added, in order, once
   * EXEC answered; rejects when the transaction as a whole failed (connection lost, EXEC aborted).
   */
  run(write: WriteCommands): Promise<CommandReply[]> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ write, resolve, reject });
      if (!this.#scheduled) {
        this.#scheduled = true;
        setImmediate(() => this.#flush());
      }
    });
  }

  #flush(): void {
    this.#scheduled = false;
    const queue = this.#queue;
    this.#queue = [];
    this.#commit(queue).catch((error: unknown) => {
      for (const pending of queue) pending.reject(error);
    });
  }

  async #commit(queue: readonly Pending[]): Promise<void> {
    const transactions: Transaction[] = [];
    let current: Transaction = { multi: await this.#multi(), members: [] };
    for (const pending of queue) {
      // `length` counts the MULTI itself; replies do not.
      if (current.members.length > 0 && current.multi.length - 1 >= this.#maxCommands) {
        transactions.push(current);
        current = { multi: await this.#multi(), members: [] };
      }
      try {
        add(current, pending);
      } catch (error) {
        // Its commands may be half queued: it fails alone, and the transaction is built again without it
        // (nothing is sent before EXEC, so the abandoned one leaves no trace).
        pending.reject(error);
        const others = current.members.map((member) => member.pending);
        current = { multi: await this.#multi(), members: [] };
        for (const other of others) add(current, other);
      }
    }
    transactions.push(current);
    await Promise.all(transactions.map((transaction) => this.#exec(transaction)));
  }

  async #exec({ multi, members }: Transaction): Promise<void> {
    if (members.length === 0) return;
    let replies: CommandReply[] | null;
    try {
      replies = (await multi.exec()) as CommandReply[] | null;
    } catch (error) {
      for (const { pending } of members) pending.reject(error);
      return;
    }
    for (const { pending, start, end } of members) {
      if (replies) pending.resolve(replies.slice(start, end));
      else pending.reject(new Error('Redis aborted the transaction'));
    }
  }
}

/** One MULTI being built, with its callers and where their replies start and end. */
interface Transaction {
  readonly multi: ChainableCommander;
  readonly members: { readonly pending: Pending; readonly start: number; readonly end: number }[];
}

/** Queues a caller's commands and notes where their replies will be. */
function add(transaction: Transaction, pending: Pending): void {
  const start = transaction.multi.length - 1;
  pending.write(transaction.multi);
  transaction.members.push({ pending, start, end: transaction.multi.length - 1 });
}
