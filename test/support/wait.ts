/**
 * Polls `probe` until it returns a value other than undefined/false, or fails after `timeoutMs` with the
 * last value seen, so that tests wait on conditions rather than on sleeps.
 */
export async function waitFor<T>(
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  options: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  let last: unknown;
  for (;;) {
    last = await probe();
    if (last !== undefined && last !== false) return last as T;
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${options.what ?? 'condition'} (last: ${JSON.stringify(last)})`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 25));
  }
}
