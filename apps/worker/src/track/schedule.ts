/** Default gaps between GetStateBasic polls: about 30 s, 1, 2, 5, 10, 30 minutes, then hourly. */
export const DEFAULT_POLL_SCHEDULE_MS: readonly number[] = [
  30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000, 3_600_000,
];

/**
 * The next poll time for tracking that started at `startMs`: the first point of the cumulative schedule after
 * `nowMs`, the last gap repeating. Stateless, so an extra poll (after a callback) does not shift the plan.
 */
export function nextPollAt(
  startMs: number,
  nowMs: number,
  schedule: readonly number[] = DEFAULT_POLL_SCHEDULE_MS,
): number {
  let at = startMs;
  for (const gap of schedule) {
    at += gap;
    if (at > nowMs) return at;
  }
  const repeat = schedule[schedule.length - 1] ?? 3_600_000;
  return at + Math.ceil((nowMs - at + 1) / repeat) * repeat;
}

/**
 * Parses a schedule like `30s,1m,2m,5m,10m,30m,1h` into milliseconds.
 *
 * @throws Error naming the first part that is not a number with unit ms, s, m or h.
 */
export function parseSchedule(text: string): number[] {
  const units: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };
  return text.split(',').map((part) => {
    const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)\s*$/.exec(part);
    const unit = match?.[2] ? units[match[2]] : undefined;
    if (!match || unit === undefined) throw new Error(`not a duration: "${part}" (use e.g. 30s, 5m, 1h)`);
    return Math.round(Number(match[1]) * unit);
  });
}
