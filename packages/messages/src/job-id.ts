import { randomFillSync } from 'node:crypto';

// Crockford base32: URL-safe, no ambiguous letters, and lexicographic order equals numeric order.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_LENGTH = 10;
const RANDOM_LENGTH = 16;

let lastTime = -1;
let lastTimeText = '';
let lastRandom: number[] = [];

// Random bytes are drawn from the system a pool at a time (every id needs 16; one call per 256 ids), as
// Node does for randomUUID.
const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let poolOffset = POOL_BYTES;

function encodeTime(ms: number): string {
  let out = '';
  let rest = ms;
  for (let i = 0; i < TIME_LENGTH; i++) {
    out = ALPHABET[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

function randomDigits(): number[] {
  if (poolOffset + RANDOM_LENGTH > POOL_BYTES) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const digits = new Array<number>(RANDOM_LENGTH);
  for (let i = 0; i < RANDOM_LENGTH; i++) digits[i] = (pool[poolOffset + i] ?? 0) & 31;
  poolOffset += RANDOM_LENGTH;
  return digits;
}

function encodeDigits(digits: readonly number[]): string {
  let out = '';
  for (const digit of digits) out += ALPHABET[digit];
  return out;
}

/** Increments a base32 digit array in place; false on overflow (1 in 2^80: practically never). */
function increment(digits: number[]): boolean {
  for (let i = digits.length - 1; i >= 0; i--) {
    const next = (digits[i] ?? 0) + 1;
    if (next < 32) {
      digits[i] = next;
      return true;
    }
    digits[i] = 0;
  }
  return false;
}

/**
 * Generates a message id, which is also the eCall JobID: 26 characters (eCall allows 50), URL-safe, and
 * sortable by creation time (a ULID: 48-bit millisecond time, then 80 random bits; ids made in the same
 * millisecond by this process still sort in creation order). `at` pins the time (imports, tests) and skips
 * the monotonic ordering.
 */
export function createJobId(at?: number): string {
  if (at !== undefined) return encodeTime(at) + encodeDigits(randomDigits());
  const now = Date.now();
  // A clock that steps back (NTP) keeps the last time, so ids never sort before earlier ones.
  if (now <= lastTime && increment(lastRandom)) return lastTimeText + encodeDigits(lastRandom);
  lastTime = now;
  lastTimeText = encodeTime(now);
  lastRandom = randomDigits();
  return lastTimeText + encodeDigits(lastRandom);
}

/** The smallest id that a message created at `ms` can have: a lexicographic lower bound for time ranges. */
export function jobIdLowerBound(ms: number): string {
  return encodeTime(Math.max(0, Math.floor(ms))) + '0'.repeat(RANDOM_LENGTH);
}

/** The creation time encoded in a job id, or undefined when `id` is not one of ours. */
export function jobIdTime(id: string): number | undefined {
  if (!/^[0-9A-HJKMNP-TV-Z]{26}$/.test(id)) return undefined;
  let ms = 0;
  for (const char of id.slice(0, TIME_LENGTH)) ms = ms * 32 + ALPHABET.indexOf(char);
  return ms;
}
