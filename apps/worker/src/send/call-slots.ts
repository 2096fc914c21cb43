/** A bound on calls in flight: the rest wait, in the order they asked. */
export interface CallSlots {
  /** Runs `call` once fewer than the bound are running; a slot is freed however the call ends. */
  run<T>(call: () => Promise<T>): Promise<T>;
  /** Calls running now. */
  readonly running: number;
  /** Calls waiting for a slot. */
  readonly waiting: number;
}

/**
 * At most `max` calls at once, first come first served; `onChange` hears of every change of the counts. The
 * send worker holds a few more jobs than it may have calls toward eCall, and this keeps the calls at
 * `WORKER_CONCURRENCY`: a job's Redis round trips (read, claim, recording the answer, completion) then happen
 * next to the calls instead of taking one of them.
 *
 * @throws RangeError when `max` is not a positive integer.
 */
export function createCallSlots(
  max: number,
  onChange?: (running: number, waiting: number) => void,
): CallSlots {
  if (!Number.isInteger(max) || max < 1)
    throw new RangeError(`call slots must be a positive integer, got ${max}`);
  let running = 0;
  const queue: (() => void)[] = [];
  const changed = () => onChange?.(running, queue.length);
  const release = () => {
    const next = queue.shift();
    // A waiting call takes the slot over: `running` stays, so a newcomer cannot slip in between.
    if (next) next();
    else running--;
    changed();
  };
  return {
    async run(call) {
      if (running < max) {
        running++;
        changed();
      } else {
        const turn = new Promise<void>((resolve) => queue.push(resolve));
        changed();
        await turn;
      }
      try {
        return await call();
      } finally {
        release();
      }
    },
    get running() {
      return running;
    },
    get waiting() {
      return queue.length;
    },
  };
}
