/**
 * Writes new messages and adds their send jobs, in one script: for each message, BullMQ's own add command
 * (see `bullmqAddPrelude`, included before this body), then the record (request, initial status, version 0),
 * its attachment bodies and its index entries, all with the retention; then the idempotent answers. A record at
 * version 0 is as created: its state and its 'created' history event follow from the request and the initial
 * status (see `MessageStore`), so neither is written until the first update. One script per group of requests
 * keeps the api's cost per message near a bare `queue.add` (one command and one reply for many messages, no
 * MULTI) and Redis's too: each index (all, status, channel, recipient) takes the group's messages in one ZADD.
 * A script runs atomically, so messages and jobs are all-or-nothing unless a command fails at run time, which
 * the caller undoes.
 * Receiving a command's arguments costs Redis and ioredis per argument, so a message brings as few as it can:
 * its fields travel packed in one argument (`packForLua`), and an index key that many messages share is passed
 * once per call and named by its number.
 * KEYS: BullMQ's keys of each add command (BULLMQ_KEYS: a standard and a delayed add into the send queue, a standard
 *       add into the chunk queue); then the call's distinct index keys, the all-messages
 *       index first; then per message: record, and files when it has attachments; then one key per answer.
 * ARGV: retention ms, index key count, message count, the messages' fields packed as one msgpack array; then
 *       per answer: value, lifetime ms.
 * Fields per message: add command (1-based, as BULLMQ_KEYS; 0 when the message's job is its chunk's, written with the
 *       chunk's first message), its argument count n, its n arguments, id, request JSON, initial
 *       status, status index, channel index, files JSON ('' for none), recipient index count r, r recipient
 *       indexes; an index is a number, its place among the index keys.
 * Returns {0, 0}, or {message number, BullMQ's error code} when BullMQ refused a job (messages before it are
 * written).
 */
export const CREATE_MESSAGES_BODY = `
local px = ARGV[1]
local indexes, messages = tonumber(ARGV[2]), tonumber(ARGV[3])
local fields = cmsgpack.unpack(ARGV[4])
local bullKeys = {}
for kind, block in ipairs(BULLMQ_KEYS) do
  local keys = {}
  for i = 1, block[2] do keys[i] = KEYS[block[1] + i - 1] end
  bullKeys[kind] = keys
end
local members, counts, expiring = {}, {}, {}
for i = 1, indexes do
  members[i] = {}
  counts[i] = 0
end
-- Scores and the version are strings: Redis formats each Lua number a script passes with snprintf.
local function index(i, id)
  local n = counts[i]
  members[i][n + 1] = '0'
  members[i][n + 2] = id
  counts[i] = n + 2
end
local k, f = FIRST_OWN_KEY + indexes, 1
for m = 1, messages do
  local kind, argc = fields[f], fields[f + 1]
  local jobArgs = {}
  for i = 1, argc do jobArgs[i] = fields[f + 1 + i] end
  f = f + 2 + argc
  if kind > 0 then
    local added = BULLMQ_ADD[kind](bullKeys[kind], jobArgs)
    if type(added) == 'number' and added < 0 then return {m, added} end
  end
  local id, files, recipients = fields[f], fields[f + 5], fields[f + 6]
  redis.call('HSET', KEYS[k], 'req', fields[f + 1], 'state', fields[f + 2], 'v', '0')
  redis.call('PEXPIRE', KEYS[k], px)
  if files ~= '' then
    k = k + 1
    redis.call('SET', KEYS[k], files, 'PX', px)
  end
  k = k + 1
  index(1, id)
  index(fields[f + 3], id)
  index(fields[f + 4], id)
  for i = f + 7, f + 6 + recipients do
    index(fields[i], id)
    expiring[fields[i]] = true
  end
  f = f + 7 + recipients
end
-- Each index takes the call's messages in a few ZADDs (unpack is bounded, hence the chunks), in the order the
-- keys first came; a recipient index then has its lifetime renewed once.
for i = 1, indexes do
  local key, list = KEYS[FIRST_OWN_KEY + i - 1], members[i]
  for first = 1, counts[i], 1000 do
    redis.call('ZADD', key, unpack(list, first, math.min(first + 999, counts[i])))
  end
  if expiring[i] then redis.call('PEXPIRE', key, px) end
end
for a = 5, #ARGV, 2 do
  redis.call('SET', KEYS[k], ARGV[a], 'PX', ARGV[a + 1])
  k = k + 1
end
return {0, 0}
`;

/**
 * Counts one occurrence in a per-minute series, with its duration when given, and keeps the series alive
 * (see `MessageStore.count`): a Lua function shared by COUNT_SERIES and UPDATE_STATE's effects.
 */
const COUNT_SERIES_FUNCTION = `
local function countSeries(key, minute, ms, px)
  redis.call('HINCRBY', key, minute, 1)
  if ms ~= '' then redis.call('HINCRBY', key, minute .. ':ms', ms) end
  redis.call('PEXPIRE', key, px)
end
`;

/**
 * Compare-and-set of a message's mutable state: applies only when the version is still the one the caller
 * read, moves the id between status indexes, appends history events (for a record at version 0 the caller
 * passes its implied 'created' event first) and host events (the webhook outbox, so that an event exists exactly
 * when its state change does) and refreshes the retention of the record, its history and its attachments. With
 * the change, in the same atomic step, its
 * effects (`StateChange.effects`): BullMQ jobs added as BullMQ adds them (`bullmqAddFunctions`, included before
 * this body), a per-minute count, and the account pause lifted with the send queue resumed (BullMQ's own
 * resume, `bullmqResumeFunction`), so that no crash can leave the queue paused without a pause to lift. Jobs are added before anything else is written,
 * so a job BullMQ refuses leaves the record as it was (jobs of the same change added before it stay: BullMQ's add
 * commands are idempotent by job id, and the worker passes one).
 * KEYS: record, history, old status index, new status index, outbox hash, pending-outbox sorted set; the
 *       attachments when the message has some; then the effects' keys: the account pause and BullMQ's keys to
 *       resume the send queue when lifted, the series when counted, each job's BullMQ keys.
 * ARGV: expected version, state JSON, id, retention ms, now ms, history event count n, host event count m,
 *       attachments ('1' or '0'), n history events (JSON), m host events (JSON); then the effects: lift the pause ('1' or '0'), series
 *       minute ('' for no count), duration ms ('' for none), series lifetime ms, job count, and per job: add
 *       command (1-based), key count, argument count n, which arguments are bytes sent as latin1 text (n letters,
 *       'b' for bytes, 's' for text), its arguments.
 * Returns {new version, first outbox seq or 0, lifted pause JSON or 0}; {0} when the record is gone, {-1} on a
 * version conflict, {-2, job number, BullMQ's error code} when BullMQ refused a job.
 */
const UPDATE_STATE_BODY = `
local v = redis.call('HGET', KEYS[1], 'v')
if not v then return {0} end
if v ~= ARGV[1] then return {-1} end
local n, m = tonumber(ARGV[6]), tonumber(ARGV[7])
local e = 9 + n + m
local k = 7
local filesKey
if ARGV[8] == '1' then filesKey = KEYS[k]; k = k + 1 end
local liftPause, minute = ARGV[e] == '1', ARGV[e + 1]
local pauseKey, seriesKey, resumeKeys
if liftPause then
  pauseKey, resumeKeys = KEYS[k], {}
  for i = 1, BULLMQ_RESUME_KEYS do resumeKeys[i] = KEYS[k + i] end
  k = k + 1 + BULLMQ_RESUME_KEYS
end
if minute ~= '' then seriesKey = KEYS[k]; k = k + 1 end
-- A byte string that travelled as latin1 text (one character per byte, so UTF-8 on the wire: bytes from 128 on
-- as two) back to its bytes.
local function latin1Bytes(text)
  return (string.gsub(text, '([\\194\\195])(.)', function(lead, byte)
    return string.char(string.byte(byte) + (lead == '\\195' and 64 or 0))
  end))
end
local a = e + 5
for j = 1, tonumber(ARGV[e + 4]) do
  local kind, keyc, argc, binary = tonumber(ARGV[a]), tonumber(ARGV[a + 1]), tonumber(ARGV[a + 2]), ARGV[a + 3]
  local jobKeys, jobArgs = {}, {}
  for i = 1, keyc do jobKeys[i] = KEYS[k + i - 1] end
  for i = 1, argc do
    local arg = ARGV[a + 3 + i]
    if string.sub(binary, i, i) == 'b' then arg = latin1Bytes(arg) end
    jobArgs[i] = arg
  end
  local added = BULLMQ_ADD[kind](jobKeys, jobArgs)
  if type(added) == 'number' and added < 0 then return {-2, j, added} end
  k = k + keyc
  a = a + 4 + argc
end
local nv = tonumber(v) + 1
redis.call('HSET', KEYS[1], 'state', ARGV[2], 'v', nv)
redis.call('PEXPIRE', KEYS[1], ARGV[4])
if KEYS[3] ~= KEYS[4] then
  redis.call('ZREM', KEYS[3], ARGV[3])
  redis.call('ZADD', KEYS[4], '0', ARGV[3])
end
for i = 9, 8 + n do redis.call('RPUSH', KEYS[2], ARGV[i]) end
redis.call('PEXPIRE', KEYS[2], ARGV[4])
if filesKey then redis.call('PEXPIRE', filesKey, ARGV[4]) end
local first = 0
for i = 9 + n, 8 + n + m do
  local seq = redis.call('HINCRBY', KEYS[1], 'evseq', 1)
  if first == 0 then first = seq end
  redis.call('HSET', KEYS[5], seq, ARGV[i])
  redis.call('ZADD', KEYS[6], ARGV[5], ARGV[3] .. ':' .. seq)
end
if first > 0 then redis.call('PEXPIRE', KEYS[5], ARGV[4]) end
if seriesKey then countSeries(seriesKey, minute, ARGV[e + 2], ARGV[e + 3]) end
local lifted = 0
if pauseKey then
  lifted = redis.call('GET', pauseKey) or 0
  if lifted ~= 0 then
    redis.call('DEL', pauseKey)
    BULLMQ_RESUME(resumeKeys)
  end
end
return {nv, first, lifted}
`;

/**
 * UPDATE_STATE's Lua after BullMQ's add and resume functions (and the resume command's key count): see
 * UPDATE_STATE_BODY.
 */
export const UPDATE_STATE = (bullmqFunctions: string, resumeKeyCount: number) =>
  `${bullmqFunctions}\nlocal BULLMQ_RESUME_KEYS = ${resumeKeyCount}\n${COUNT_SERIES_FUNCTION}\n${UPDATE_STATE_BODY}`;

/**
 * A message's record fields and the account pause, read together: what the send worker reads before each send,
 * in one command instead of two (the worker's CPU per command counts on its hot path, pnpm bench B3).
 * KEYS: record, account pause. Returns {{req, state, v}, pause JSON or false}.
 */
export const READ_FOR_SEND = `
return {redis.call('HMGET', KEYS[1], 'req', 'state', 'v'), redis.call('GET', KEYS[2])}
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

/**
 * Counts one occurrence in a per-minute series, with its duration when given, and keeps the series alive: one
 * script rather than a pipeline of three commands, since every accepted message and final state counts.
 * KEYS: series hash. ARGV: minute field, duration ms ('' for none), lifetime ms.
 */
export const COUNT_SERIES = `${COUNT_SERIES_FUNCTION}
countSeries(KEYS[1], ARGV[1], ARGV[2], ARGV[3])
return 1
`;
