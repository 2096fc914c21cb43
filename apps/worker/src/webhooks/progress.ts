import {
  DELIVERY_LOG_LIMIT,
  type DeliveryAttempt,
  deliveryLogKey,
  type StoreKeys,
  type WebhookDestination,
} from '@ecall-relay/messages';
import type { Redis } from 'ioredis';

/**
 * Counts an attempt of one event at one destination and remembers when its first attempt began (the start of
 * its retry window). KEYS: deliveries hash. ARGV: destination, seq, now ms, ttl ms. Returns {attempt, since}.
 */
const BEGIN_ATTEMPT = `
local base = ARGV[1] .. ':' .. ARGV[2]
local attempt = redis.call('HINCRBY', KEYS[1], base .. ':attempts', 1)
redis.call('HSETNX', KEYS[1], base .. ':since', ARGV[3])
local since = redis.call('HGET', KEYS[1], base .. ':since')
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return {attempt, since}
`;

/**
 * Appends an attempt to the capped log and, when the event is finished, raises the destination's `done`
 * mark. The mark only grows, so a late duplicate of an older job can never reopen the gate behind it.
 * KEYS: deliveries hash, log list. ARGV: entry JSON or '', log limit, ttl ms, destination, seq, finish (1/0).
 */
const RECORD_ATTEMPT = `
if ARGV[1] ~= '' then
  redis.call('RPUSH', KEYS[2], ARGV[1])
  redis.call('LTRIM', KEYS[2], -tonumber(ARGV[2]), -1)
  redis.call('PEXPIRE', KEYS[2], ARGV[3])
end
if ARGV[6] == '1' then
  local field = ARGV[4] .. ':done'
  local seq = tonumber(ARGV[5])
  if seq > tonumber(redis.call('HGET', KEYS[1], field) or '0') then redis.call('HSET', KEYS[1], field, seq) end
  local base = ARGV[4] .. ':' .. ARGV[5]
  redis.call('HDEL', KEYS[1], base .. ':attempts', base .. ':since')
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
end
return 1
`;

/** Delivery progress of messages in Redis: per destination the last finished seq, and the attempt log. */
export interface DeliveryProgress {
  /** The last seq finished (delivered, rejected or given up) at `destination`; 0 when none. */
  done(id: string, destination: WebhookDestination): Promise<number>;
  /** Counts a new attempt; resolves to its number and the start of the event's first attempt (ms). */
  begin(id: string, destination: WebhookDestination, seq: number, nowMs: number): Promise<Attempt>;
  /** Logs `entry` (if any); with `finish`, marks its seq as done so the next event may go. */
  record(
    id: string,
    destination: WebhookDestination,
    seq: number,
    entry: DeliveryAttempt | undefined,
    finish: boolean,
  ): Promise<void>;
}

/** The number of an attempt and when the event's first attempt began. */
export interface Attempt {
  readonly attempt: number;
  readonly sinceMs: number;
}

/** Creates the progress store over the message store's key layout; keys live as long as `retentionMs`. */
export function createDeliveryProgress(redis: Redis, keys: StoreKeys, retentionMs: number): DeliveryProgress {
  return {
    async done(id, destination) {
      return Number((await redis.hget(keys.deliveries(id), `${destination}:done`)) ?? 0);
    },
    async begin(id, destination, seq, nowMs) {
      const [attempt, since] = (await redis.eval(
        BEGIN_ATTEMPT,
        1,
        keys.deliveries(id),
        destination,
        seq,
        nowMs,
        retentionMs,
      )) as [number, string];
      return { attempt: Number(attempt), sinceMs: Number(since) };
    },
    async record(id, destination, seq, entry, finish) {
      await redis.eval(
        RECORD_ATTEMPT,
        2,
        keys.deliveries(id),
        deliveryLogKey(keys, id),
        entry ? JSON.stringify(entry) : '',
        DELIVERY_LOG_LIMIT,
        retentionMs,
        destination,
        seq,
        finish ? '1' : '0',
      );
    },
  };
}
