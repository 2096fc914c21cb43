/** Options of {@link pollUntil}. */
export interface PollOptions {
  /** What is awaited, for the error message. */
  readonly what: string;
  /** Give up when the probed number has not moved for this long. @defaultValue 60_000 */
  readonly stallMs?: number;
  /** Give up after this long whatever happens. @defaultValue 600_000 */
  readonly timeoutMs?: number;
  /** @defaultValue 10 */
  readonly intervalMs?: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls a counter until it reaches `target` and resolves with `performance.now()` of the poll that saw it.
 * Bounded twice: by an overall deadline and by a stall limit, so a stuck pipeline fails fast at any size.
 *
 * @throws Error naming `what`, the last count and which bound was hit.
 */
export async function pollUntil(
  probe: () => Promise<number>,
  target: number,
  options: PollOptions,
): Promise<number> {
  const stallMs = options.stallMs ?? 60_000;
  const deadline = performance.now() + (options.timeoutMs ?? 600_000);
  let last = -1;
  let movedAt = performance.now();
  for (;;) {
    const count = await probe();
    const now = performance.now();
    if (count >= target) return now;
    if (count !== last) {
      last = count;
      movedAt = now;
    }
    if (now - movedAt > stallMs) {
      throw new Error(`${options.what}: stuck at ${count}/${target} for ${Math.round(stallMs / 1000)} s`);
    }
    if (now > deadline) throw new Error(`${options.what}: only ${count}/${target} before the deadline`);
    await pause(options.intervalMs ?? 10);
  }
}

/**
 * Polls a condition until it holds; a probe that throws ends the wait with its error.
 *
 * @throws Error naming `what` after `timeoutMs`, or the probe's error.
 */
export async function pollFor(
  probe: () => Promise<boolean>,
  what: string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await probe())) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await pause(50);
  }
}
