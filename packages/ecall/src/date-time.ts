/** eCall's wall clock: every zone-less date it sends or accepts is local time here. */
const ECALL_TIME_ZONE = 'Europe/Zurich';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const zurichParts = new Intl.DateTimeFormat('en-US', {
  timeZone: ECALL_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

function wallClockAt(epochMs: number): WallClock {
  const out: Record<string, number> = {};
  for (const part of zurichParts.formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return {
    year: out.year ?? 0,
    month: out.month ?? 0,
    day: out.day ?? 0,
    hour: out.hour ?? 0,
    minute: out.minute ?? 0,
    second: out.second ?? 0,
    millisecond: 0,
  };
}

function wallClockAsUtcMs(w: WallClock): number {
  const ms = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  // Date.UTC maps years 0-99 to 1900-1999; eCall's "no date" is year 1.
  return w.year < 100 ? new Date(ms).setUTCFullYear(w.year) : ms;
}

/** Offset of Zurich from UTC at an instant, in ms (+1h in winter, +2h in summer). */
function zurichOffsetAt(epochMs: number): number {
  const whole = Math.floor(epochMs / 1000) * 1000;
  return wallClockAsUtcMs(wallClockAt(whole)) - whole;
}

/** A real calendar date and time, so '2024-02-30' is rejected instead of rolling over. */
function isValidWallClock(w: WallClock): boolean {
  if (w.month < 1 || w.month > 12 || w.day < 1 || w.hour > 23 || w.minute > 59 || w.second > 59) return false;
  const back = new Date(wallClockAsUtcMs(w));
  return back.getUTCDate() === w.day && back.getUTCMonth() === w.month - 1;
}

/**
 * The instant at which Zurich clocks show `w`. In the autumn hour that happens twice the earlier
 * instant (summer time) wins; a time skipped in spring is read with the winter offset, i.e. as the
 * moment one hour later on the clock, which is what a clock that was not moved forward would mean.
 */
function zurichWallClockToEpochMs(w: WallClock): number {
  const local = wallClockAsUtcMs(w);
  const before = zurichOffsetAt(local - DAY_MS);
  const after = zurichOffsetAt(local + DAY_MS);
  const offsets = before === after ? [before] : [Math.max(before, after), Math.min(before, after)];
  for (const offset of offsets) {
    if (zurichOffsetAt(local - offset) === offset) return local - offset;
  }
  return local - before;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * Formats an instant as eCall's `SendDate`: `yyyy-MM-dd HH:mm:ss` in Europe/Zurich local time.
 * @throws RangeError when `date` is an invalid Date.
 */
export function toEcallDateTime(date: Date): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError('toEcallDateTime needs a valid Date');
  const w = wallClockAt(ms);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

const ECALL_LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?$/;
const WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Converts an eCall local date-time (`yyyy-MM-ddTHH:mm:ss[.fff]`, Europe/Zurich, as in
 * `FinishDate`) to an ISO 8601 UTC instant. `0001-01-01T00:00:00` (eCall's "not finished"), an
 * empty string and anything unparseable give `null`. A value that carries its own zone is honoured.
 */
export function fromEcallDateTime(local: string): string | null {
  const text = local.trim();
  if (WITH_ZONE.test(text)) return new Date(text).toISOString();
  const m = ECALL_LOCAL.exec(text);
  if (!m) return null;
  const w: WallClock = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6]),
    millisecond: Number((m[7] ?? '').padEnd(3, '0').slice(0, 3)),
  };
  if (w.year <= 1 || !isValidWallClock(w)) return null;
  return new Date(zurichWallClockToEpochMs(w)).toISOString();
}

const CALLBACK_TIMESTAMP = /^(\d{1,2})\.(\d{1,2})\.(\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Converts a notification callback `TimeStamp` (`dd.MM.yyyy HH:mm:ss`, Europe/Zurich) to an ISO
 * 8601 UTC instant, or `null` when it cannot be read.
 */
export function parseEcallTimestamp(timestamp: string): string | null {
  const m = CALLBACK_TIMESTAMP.exec(timestamp.trim());
  if (!m) return null;
  const w: WallClock = {
    year: Number(m[3]),
    month: Number(m[2]),
    day: Number(m[1]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6] ?? '0'),
    millisecond: 0,
  };
  if (w.year <= 1 || !isValidWallClock(w)) return null;
  return new Date(zurichWallClockToEpochMs(w)).toISOString();
}
