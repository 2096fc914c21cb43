/**
 * Compare-and-set of a message's mutable state: applies only when the version is still the one the caller
 * read, moves the id between status indexes, appends the history events and refreshes the retention.
 * KEYS: record, history, old status index, new status index.
 * ARGV: expected version, state JSON, id, retention ms, history events (JSON) ...
 * Returns the new version, 0 when the record is gone, -1 on a version conflict.
 */
export const UPDATE_STATE = `
local v = redis.call('HGET', KEYS[1], 'v')
if not v then return 0 end
if v ~= ARGV[1] then return -1 end
local nv = tonumber(v) + 1
redis.call('HSET', KEYS[1], 'state', ARGV[2], 'v', nv)
redis.call('PEXPIRE', KEYS[1], ARGV[4])
if KEYS[3] ~= KEYS[4] then
  redis.call('ZREM', KEYS[3], ARGV[3])
  redis.call('ZADD', KEYS[4], 0, ARGV[3])
end
for i = 5, #ARGV do redis.call('RPUSH', KEYS[2], ARGV[i]) end
redis.call('PEXPIRE', KEYS[2], ARGV[4])
return nv
`;

/**
 * Claims an idempotency key: stores the pending marker when the key is free (returns nil), otherwise returns
 * what is stored (a pending marker or the first answer).
 * KEYS: idempotency key. ARGV: marker JSON, marker lifetime ms.
 */
export const CLAIM_IDEMPOTENCY = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return nil end
return redis.call('GET', KEYS[1])
`;

/** Deletes an idempotency key only while it still holds the pending marker. KEYS: key. ARGV: marker JSON. */
export const RELEASE_IDEMPOTENCY = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;
