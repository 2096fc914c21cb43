import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { addressKey } from './address-key.ts';
import {
  bullmqAddFunctions,
  bullmqAddPrelude,
  bullmqResumeFunction,
  type JobAdd,
  JobAddBuilder,
  resumeKeys,
} from './bullmq-add.ts';
import { type DeliveryAttempt, readDeliveries } from './deliveries.ts';
import { GroupCommit } from './group-commit.ts';
import { jobIdLowerBound } from './job-id.ts';
import { type StoreKeys, storeKeys } from './keys.ts';
import { type LuaPackable, packForLua } from './lua-pack.ts';
import type {
  HistoryEvent,
  HostEventDraft,
  MessageRecord,
  MessageRequest,
  MessageState,
  StoredFile,
} from './model.ts';
import { chunkJobId, QUEUE_NAMES, SEND_CHUNK_SIZE, SEND_JOB_OPTIONS, type SendJobData } from './queues.ts';
import {
  CLAIM_IDEMPOTENCY,
  COUNT_SERIES,
  CREATE_MESSAGES_BODY,
  READ_FOR_SEND,
  RELEASE_IDEMPOTENCY,
  UPDATE_STATE,
} from './scripts.ts';
import {
  CANCELABLE_STATUSES,
  CHANNELS,
  type Channel,
  MESSAGE_STATUSES,
  type MessageStatus,
} from './statuses.ts';

/** Options of {@link createMessageStore}. */
export interface MessageStoreOptions {
  /** An ioredis connection to the Redis that holds the queues. */
  readonly redis: Redis;
  /** The send queue; new messages and their send jobs are written by one script (see `create`). */
  readonly sendQueue: Queue<SendJobData>;
  /**
   * The queue of chunk jobs (see `create`). @defaultValue `QUEUE_NAMES.sendChunks` on `redis`, with the send
   * queue's prefix
   */
  readonly chunkQueue?: Queue<SendJobData>;
  /** Key prefix. @defaultValue 'ecall-relay' */
  readonly prefix?: string;
  /** How long a message is kept after its last change. @defaultValue 30 days */
  readonly retentionMs?: number;
  /** How long an Idempotency-Key answers with its first response. @defaultValue 24 hours */
  readonly idempotencyTtlMs?: number;
  /**
   * Whether a message's host events have somewhere to go (a host webhook, its own `callbackUrl`). Events
   * without a destination are not written: no webhook would ever read them. @defaultValue every message
   */
  readonly hostEventsWanted?: (request: MessageRequest) => boolean;
}

/** A message to store and enqueue. */
export interface NewMessage {
  readonly id: string;
  readonly request: MessageRequest;
  readonly files?: readonly StoredFile[];
  /** Hold the send job back this long (scheduled messages). */
  readonly delayMs?: number;
}

/** The first answer given for an idempotency key. */
export interface IdempotentAnswer {
  readonly fingerprint: string;
  readonly status: number;
  readonly body: unknown;
}

/** Outcome of claiming an idempotency key. */
export type IdempotencyClaim =
  | { readonly kind: 'new' }
  | { readonly kind: 'replay'; readonly answer: IdempotentAnswer }
  | { readonly kind: 'mismatch' }
  | { readonly kind: 'in-progress' };

/** What an update function returns: the next state, the history events that explain it, and host events. */
export interface StateChange {
  readonly state: MessageState;
  readonly events: readonly HistoryEvent[];
  /** Events for the host system's webhook, written to the message's outbox in the same step. */
  readonly hostEvents?: readonly HostEventDraft[];
  /** Writes that belong to this change: made in the same atomic step, and only when the change applies. */
  readonly effects?: ChangeEffects;
}

/**
 * Writes made with a state change (see {@link MessageStore.update}), so that a crash or a lost connection can
 * never leave the change without them, nor them without the change, and so that they cost no round trip.
 */
export interface ChangeEffects {
  /** BullMQ jobs to add, built with a {@link JobAddBuilder}; a job whose id exists is left as it is. */
  readonly jobs?: readonly JobAdd[];
  /** One occurrence to count in a per-minute series (see {@link MessageStore.count}). */
  readonly count?: { readonly name: string; readonly durationMs?: number };
  /**
   * Lift the account pause, if there is one, and resume the send queue with it: the record written then holds the
   * pause in `liftedPause`.
   */
  readonly liftPause?: boolean;
}

/** A record as written by {@link MessageStore.update}, with the outbox sequence numbers it added. */
export type UpdatedRecord = Omit<MessageRecord, 'history'> & {
  readonly outboxSeqs?: readonly number[];
  /**
   * The account pause this change lifted (`ChangeEffects.liftPause`; the send queue was resumed with it): release
   * the messages held for it with `releaseHeld`.
   */
  readonly liftedPause?: AccountPause;
};

/** How long a per-minute series lives after its last count. */
const SERIES_TTL_MS = 2 * 3600_000;

/** A count's arguments to `countSeries` (COUNT_SERIES and UPDATE_STATE): minute, duration ms or '', lifetime. */
function seriesArgs(durationMs: number | undefined, at: number): (string | number)[] {
  return [
    `${Math.floor(at / 60_000)}`,
    durationMs === undefined ? '' : Math.round(durationMs),
    SERIES_TTL_MS,
  ];
}

/** Filters of {@link MessageStore.list}. */
export interface ListFilter {
  readonly status?: MessageStatus;
  readonly channel?: Channel;
  /** Messages to this recipient (any number format, or an address-book name). */
  readonly recipient?: string;
  /** Created at or after (epoch ms). */
  readonly from?: number;
  /** Created before (epoch ms). */
  readonly to?: number;
  /** The `nextCursor` of the previous page. */
  readonly cursor?: string;
  /** @defaultValue 50 */
  readonly limit?: number;
}

/** One page of {@link MessageStore.list}, newest first. */
export interface ListPage {
  readonly items: readonly Omit<MessageRecord, 'history'>[];
  readonly nextCursor?: string;
}

/** Result of {@link MessageStore.cancel}. */
export type CancelOutcome =
  | { readonly outcome: 'canceled' }
  | { readonly outcome: 'not-found' }
  | { readonly outcome: 'too-late'; readonly status: MessageStatus };

/** One minute of a series. */
export interface SeriesPoint {
  readonly minute: string;
  readonly count: number;
  /** Mean duration of the counted events, when durations were recorded. */
  readonly meanMs: number | null;
}

/** Why and since when sending is paused for the account. */
export interface AccountPause {
  readonly code: number;
  readonly text: string;
  readonly since: string;
  /** When a worker lets one message through to see whether the account works again. */
  readonly probeAt: string;
  readonly messageId?: string;
}

const DAY = 24 * 3600 * 1000;
const PENDING_MARKER_MS = 30_000;

/** Index entries checked per round trip by `trimIndexes`. */
const TRIM_CHUNK = 500;

/** Messages in one create script call, at most: a few thousand keep Redis busy for well under a second. */
const MAX_MESSAGES_PER_CALL = 1_000;
/**
 * Creates go out once this many messages wait, before the turn ends. Under 50 concurrent single sends, groups of
 * a whole turn (~20 messages) made each turn wait for the last one's answer; groups of 12 kept the api's thread
 * busy and raised B1 from 7,988 to about 9,600 requests/s on the same machine (4: 8,958; 8: 9,400; 16: 9,561).
 */
const SEND_AT_MESSAGES = 12;

/** BullMQ's add commands, then the relay's body; BullMQ's keys come first in KEYS. */
let createScript: string | undefined;

/** UPDATE_STATE with BullMQ's add commands, for a change's jobs. */
let updateScript: string | undefined;

/** READ_FOR_SEND as defined on the store's connection (its two keys). */
interface ReadForSendCommand {
  relayReadForSend(record: string, pause: string): Promise<[(string | null)[], string | null]>;
}

/** The state-changing script as defined on the store's connection (number of keys first). */
interface UpdateCommand {
  relayUpdateState(numberOfKeys: number, keys: string[], args: unknown[]): Promise<unknown[]>;
}

/** The message-creating script as defined on the store's connection (number of keys first). */
interface CreateCommand {
  relayCreateMessages(numberOfKeys: number, keys: string[], args: unknown[]): Promise<[number, number]>;
}

/** One new message as a create call writes it (see CREATE_MESSAGES_BODY). */
interface MessageWrite {
  readonly id: string;
  /** The send job written with this message: its own, or its chunk's (on the chunk's first message only). */
  readonly add?: JobAdd;
  readonly record: string;
  /** The request as stored (JSON). */
  readonly request: string;
  readonly status: MessageStatus;
  readonly statusIndex: string;
  readonly channelIndex: string;
  readonly recipientIndexes: readonly string[];
  readonly files?: { readonly key: string; readonly json: string };
}

/** The create script's kind of a chunk's add: `addStandardJob` into the chunk queue (`bullmqAddPrelude(1, 1)`). */
const CHUNK_ADD_KIND = 3;

/** One caller's part of a create call. */
interface CreateWrite {
  readonly messages: readonly MessageWrite[];
  readonly answer?: { readonly key: string; readonly value: string };
}

/** Durable message records in Redis, shared by the api (create, read, cancel) and the worker (update). */
export class MessageStore {
  readonly keys: StoreKeys;
  readonly retentionMs: number;
  readonly #redis: Redis;
  readonly #queue: Queue<SendJobData>;
  readonly #idempotencyTtlMs: number;
  readonly #commits: GroupCommit<CreateWrite>;
  readonly #sendJobs: JobAddBuilder<SendJobData>;
  /** The queue of chunk jobs: the messages of one create call that are due now, {@link SEND_CHUNK_SIZE} per job. */
  readonly chunkQueue: Queue<SendJobData>;
  readonly #chunkJobs: JobAddBuilder<SendJobData>;
  /** BullMQ's keys to resume the send queue, for a change that lifts the account pause. */
  readonly #resumeKeys: readonly string[];
  readonly #hostEventsWanted: (request: MessageRequest) => boolean;

  constructor(options: MessageStoreOptions) {
    this.keys = storeKeys(options.prefix ?? 'ecall-relay');
    this.retentionMs = options.retentionMs ?? 30 * DAY;
    this.#idempotencyTtlMs = options.idempotencyTtlMs ?? DAY;
    this.#redis = options.redis;
    this.#queue = options.sendQueue;
    this.#hostEventsWanted = options.hostEventsWanted ?? (() => true);
    this.#sendJobs = new JobAddBuilder(this.#queue, 'send', SEND_JOB_OPTIONS);
    this.chunkQueue =
      options.chunkQueue ??
      new Queue<SendJobData>(QUEUE_NAMES.sendChunks, {
        connection: this.#redis,
        ...(this.#queue.opts.prefix !== undefined && { prefix: this.#queue.opts.prefix }),
      });
    this.#chunkJobs = new JobAddBuilder(this.chunkQueue, 'send', SEND_JOB_OPTIONS);
    this.#resumeKeys = resumeKeys(this.#queue);
    if (!('relayUpdateState' in this.#redis)) {
      updateScript ??= UPDATE_STATE(
        `${bullmqAddFunctions()}\n${bullmqResumeFunction()}`,
        this.#resumeKeys.length,
      );
      this.#redis.defineCommand('relayUpdateState', { lua: updateScript });
      this.#redis.defineCommand('relayClaimIdempotency', { numberOfKeys: 1, lua: CLAIM_IDEMPOTENCY });
      this.#redis.defineCommand('relayReleaseIdempotency', { numberOfKeys: 1, lua: RELEASE_IDEMPOTENCY });
    }
    if (!('relayReadForSend' in this.#redis)) {
      this.#redis.defineCommand('relayReadForSend', { numberOfKeys: 2, lua: READ_FOR_SEND });
    }
    if (!('relayCountSeries' in this.#redis)) {
      this.#redis.defineCommand('relayCountSeries', { numberOfKeys: 1, lua: COUNT_SERIES });
    }
    if (!('relayCreateMessages' in this.#redis)) {
      createScript ??= `${bullmqAddPrelude(1, 1)}\n${CREATE_MESSAGES_BODY}`;
      this.#redis.defineCommand('relayCreateMessages', { lua: createScript });
    }
    this.#commits = new GroupCommit<CreateWrite>({
      commit: (group) => this.#writeMessages(group),
      weight: (write) => write.messages.length,
      maxWeight: MAX_MESSAGES_PER_CALL,
      sendWeight: SEND_AT_MESSAGES,
    });
  }

  /**
   * Stores messages (request and initial status; their state and 'created' event are implied until the first
   * update), their index entries and attachment bodies, adds one send job each (job id = message id) and records
   * the idempotent answer, all in one script: either everything is written or the call throws, so an
   * acknowledged message always has its job and a failed call leaves nothing behind. Creates asked for in the
   * same event-loop turn share one script call (see {@link GroupCommit}).
   *
   * @throws Error when Redis does not answer or refuses any part of the script.
   */
  async create(
    messages: readonly NewMessage[],
    idempotency?: { readonly scope: string; readonly key: string; readonly answer: IdempotentAnswer },
  ): Promise<void> {
    // Everything that can throw is done before the write joins a group: a failure here is this caller's alone.
    const jobs = this.#sendJobsOf(messages);
    const write: CreateWrite = {
      messages: messages.map((message) => this.#messageWrite(message, jobs.get(message.id))),
      ...(idempotency && {
        answer: {
          key: this.keys.idempotency(idempotency.scope, idempotency.key),
          value: JSON.stringify({ done: true, ...idempotency.answer }),
        },
      }),
    };
    try {
      await this.#commits.run(write);
    } catch (error) {
      // A script that fails part-way keeps what it wrote before: undo this caller's part. When Redis did not
      // answer at all, the undo could not reach it either, and what was written is not known.
      if (ranAndFailed(error)) await this.#discard(messages, idempotency).catch(() => undefined);
      throw error;
    }
  }

  /**
   * Writes groups of creates in one script call; rejects when any part failed. The call names each distinct index
   * key once, in the order messages first use it, and a message refers to it by number (CREATE_MESSAGES_BODY).
   */
  async #writeMessages(group: readonly CreateWrite[]): Promise<void> {
    const indexKeys: string[] = [this.keys.all];
    const numbers = new Map<string, number>([[this.keys.all, 1]]);
    const number = (key: string): number => {
      let n = numbers.get(key);
      if (n === undefined) {
        n = indexKeys.push(key);
        numbers.set(key, n);
      }
      return n;
    };
    const ownKeys: string[] = [];
    const fields: LuaPackable[] = [];
    const answers: { key: string; value: string }[] = [];
    let messages = 0;
    for (const write of group) {
      for (const message of write.messages) {
        ownKeys.push(message.record);
        if (message.files) ownKeys.push(message.files.key);
        const { add } = message;
        fields.push(add?.kind ?? 0, add?.args.length ?? 0);
        for (const arg of add?.args ?? []) fields.push(arg);
        fields.push(message.id, message.request, message.status);
        fields.push(number(message.statusIndex), number(message.channelIndex));
        fields.push(message.files?.json ?? '', message.recipientIndexes.length);
        for (const key of message.recipientIndexes) fields.push(number(key));
      }
      messages += write.messages.length;
      if (write.answer) answers.push(write.answer);
    }
    const keys = [
      ...this.#sendJobs.commandKeys.flat(),
      ...(this.#chunkJobs.commandKeys[0] ?? []),
      ...indexKeys,
      ...ownKeys,
    ];
    const args: unknown[] = [this.retentionMs, indexKeys.length, messages, packForLua(fields)];
    for (const { key, value } of answers) {
      keys.push(key);
      args.push(value, this.#idempotencyTtlMs);
    }
    const [failedAt, code] = await (this.#redis as unknown as CreateCommand).relayCreateMessages(
      keys.length,
      keys,
      args,
    );
    if (failedAt) {
      throw new JobRefusedError(
        `BullMQ refused the send job of message ${failedAt} of ${messages} (code ${code})`,
      );
    }
  }

  /**
   * The send jobs of one caller's messages, by the id of the message that carries each: a message due now goes in a
   * chunk with the others due now (in order, {@link SEND_CHUNK_SIZE} per job) when there are several, so that a
   * batch costs Redis and the worker one BullMQ job per chunk instead of one per message; a scheduled message, or
   * the only one due now, has a job of its own.
   */
  #sendJobsOf(messages: readonly NewMessage[]): Map<string, JobAdd | undefined> {
    const jobs = new Map<string, JobAdd | undefined>();
    const dueNow = messages.filter((message) => !message.delayMs);
    for (const message of messages) {
      if (message.delayMs || dueNow.length === 1) {
        jobs.set(message.id, this.#sendJobs.build(message.id, { messageId: message.id }, message.delayMs));
      }
    }
    if (dueNow.length < 2) return jobs;
    for (let start = 0; start < dueNow.length; start += SEND_CHUNK_SIZE) {
      const ids = dueNow.slice(start, start + SEND_CHUNK_SIZE).map((message) => message.id);
      const first = ids[0] as string;
      for (const id of ids) jobs.set(id, undefined);
      // BullMQ's standard add, into the chunk queue: the create script's own kind for it.
      const add = this.#chunkJobs.build(chunkJobId(first), { messageIds: ids });
      jobs.set(first, { ...add, kind: CHUNK_ADD_KIND });
    }
    return jobs;
  }

  /**
   * One new message as CREATE_MESSAGES_BODY writes it: the send job it carries (see {@link #sendJobsOf}), its record
   * (request and initial status; see {@link parseRecord}), attachments and index entries.
   */
  #messageWrite(message: NewMessage, add: JobAdd | undefined): MessageWrite {
    const { id, request } = message;
    const k = this.keys;
    const status = initialStatus(message);
    return {
      id,
      ...(add && { add }),
      record: k.record(id),
      request: JSON.stringify(request),
      status,
      statusIndex: k.byStatus(status),
      channelIndex: k.byChannel(request.channel),
      recipientIndexes: [...new Set(request.to.map((address) => k.byRecipient(addressKey(address))))],
      ...(message.files?.length && { files: { key: k.files(id), json: JSON.stringify(message.files) } }),
    };
  }

  /** Appends a change's effects to UPDATE_STATE's keys and arguments (see its layout). */
  #effectsWrite(effects: ChangeEffects | undefined, keys: string[], args: unknown[]): void {
    const { jobs = [], count, liftPause = false } = effects ?? {};
    if (liftPause) keys.push(this.keys.accountPause, ...this.#resumeKeys);
    if (count) keys.push(this.keys.series(count.name));
    args.push(liftPause ? '1' : '0', ...(count ? seriesArgs(count.durationMs, Date.now()) : ['', '', '']));
    args.push(jobs.length);
    for (const job of jobs) {
      keys.push(...job.keys);
      args.push(job.kind, job.keys.length, job.args.length, job.args.map(binaryMark).join(''));
      for (const arg of job.args) args.push(typeof arg === 'string' ? arg : latin1Text(arg));
    }
  }

  async #discard(
    messages: readonly NewMessage[],
    idempotency?: { scope: string; key: string },
  ): Promise<void> {
    const k = this.keys;
    const pipeline = this.#redis.pipeline();
    // The answer must not outlive the messages it announces: a retry with the key would get a 202 for nothing.
    if (idempotency) pipeline.del(k.idempotency(idempotency.scope, idempotency.key));
    for (const { id, request, delayMs } of messages) {
      pipeline.del(k.record(id), k.history(id), k.files(id));
      pipeline.zrem(k.all, id);
      pipeline.zrem(k.byStatus(initialStatus({ id, request, ...(delayMs ? { delayMs } : {}) })), id);
      pipeline.zrem(k.byChannel(request.channel), id);
      for (const address of request.to) pipeline.zrem(k.byRecipient(addressKey(address)), id);
    }
    await pipeline.exec();
    // A message's own job, or the chunk it starts: removing a job that does not exist does nothing.
    await Promise.all(
      messages.flatMap(({ id }) => [this.#queue.remove(id), this.chunkQueue.remove(chunkJobId(id))]),
    );
  }

  /**
   * Adds message `id`'s own send job, held back `delayMs`: how a chunk's worker hands over a message that must be
   * retried, held or checked later. Does nothing when the message has a job already (a job id is its message id).
   */
  async enqueueSend(id: string, delayMs = 0): Promise<void> {
    await this.#queue.add(
      'send',
      { messageId: id },
      {
        ...SEND_JOB_OPTIONS,
        jobId: id,
        ...(delayMs > 0 && { delay: Math.round(delayMs) }),
      },
    );
  }

  /**
   * Claims an idempotency key for a request with `fingerprint` (a hash of its body). A pending marker holds the
   * key while the request is being stored; {@link create} replaces it with the answer.
   */
  async claimIdempotency(scope: string, key: string, fingerprint: string): Promise<IdempotencyClaim> {
    const marker = JSON.stringify({ pending: true, fingerprint });
    const raw = (await this.#command('relayClaimIdempotency', [
      this.keys.idempotency(scope, key),
      marker,
      PENDING_MARKER_MS,
    ])) as string | null;
    if (raw === null) return { kind: 'new' };
    const stored = JSON.parse(raw) as { pending?: boolean } & IdempotentAnswer;
    if (stored.fingerprint !== fingerprint) return { kind: 'mismatch' };
    if (stored.pending) return { kind: 'in-progress' };
    return { kind: 'replay', answer: { fingerprint, status: stored.status, body: stored.body } };
  }

  /** Frees a key claimed by {@link claimIdempotency} when the request was not stored after all. */
  async releaseIdempotency(scope: string, key: string, fingerprint: string): Promise<void> {
    const marker = JSON.stringify({ pending: true, fingerprint });
    await this.#command('relayReleaseIdempotency', [this.keys.idempotency(scope, key), marker]);
  }

  /** Reads one message with its history; undefined when unknown or expired. */
  async get(id: string): Promise<MessageRecord | undefined> {
    const [[, fields], [, history]] = (await this.#redis
      .multi()
      .hmget(this.keys.record(id), 'req', 'state', 'v')
      .lrange(this.keys.history(id), 0, -1)
      .exec()) as [[null, (string | null)[]], [null, string[]]];
    const record = parseRecord(id, fields);
    if (!record) return undefined;
    // A record as created has no history written yet: its one event is implied (see parseRecord).
    const events = record.version === 0 ? [createdEvent(record)] : history.map(parseEvent);
    return { ...record, history: events };
  }

  /** Whether message `id` exists (one EXISTS, nothing parsed): what the callback receiver asks of every callback. */
  async exists(id: string): Promise<boolean> {
    return (await this.#redis.exists(this.keys.record(id))) === 1;
  }

  /** Reads one message without its history (the worker's hot path). */
  async read(id: string): Promise<Omit<MessageRecord, 'history'> | undefined> {
    return parseRecord(id, await this.#redis.hmget(this.keys.record(id), 'req', 'state', 'v'));
  }

  /**
   * {@link read} and {@link accountPause} in one command: what the send worker needs before each send. The pause is
   * read even when the message is gone.
   */
  async readForSend(
    id: string,
  ): Promise<{ record: Omit<MessageRecord, 'history'> | undefined; pause: AccountPause | undefined }> {
    const [fields, pause] = await (this.#redis as unknown as ReadForSendCommand).relayReadForSend(
      this.keys.record(id),
      this.keys.accountPause,
    );
    return { record: parseRecord(id, fields), pause: parsePause(pause) };
  }

  /** The attempts to deliver this message's events to the host system, newest last. */
  deliveries(id: string): Promise<DeliveryAttempt[]> {
    return readDeliveries(this.#redis, this.keys, id);
  }

  /** Reads the attachment bodies of a fax. */
  async files(id: string): Promise<StoredFile[]> {
    const raw = await this.#redis.get(this.keys.files(id));
    return raw ? (JSON.parse(raw) as StoredFile[]) : [];
  }

  /**
   * Applies `change` to a message's state with optimistic concurrency: reads, calls `change`, and writes only
   * if nobody wrote in between (else reads again; `change` must be a pure function of the record).
   * `change` returns undefined for "nothing to do". Resolves to the record as written, or as read when
   * unchanged; undefined when the message does not exist.
   *
   * `current` is a record of this message the caller already holds (read, or returned by an earlier update):
   * the first round uses it instead of reading again, which saves the worker a round trip per step; when it
   * is stale the version check fails and the next round reads, so it can never apply a change to old state.
   *
   * @throws Error after 20 lost races in a row (a sign of a bug, not of load).
   */
  async update(
    id: string,
    change: (record: Omit<MessageRecord, 'history'>) => StateChange | undefined,
    current?: Omit<MessageRecord, 'history'>,
  ): Promise<UpdatedRecord | undefined> {
    const k = this.keys;
    for (let round = 0; round < 20; round++) {
      const held = round === 0 && current?.id === id;
      const record = held ? current : await this.read(id);
      if (!record) return undefined;
      const next = change(record);
      // "Nothing to do" decided on a held record is only trusted once confirmed on what Redis has now.
      if (!next) {
        if (held) continue;
        return record;
      }
      const hostEvents = this.#hostEventsWanted(record.request) ? (next.hostEvents ?? []) : [];
      // The first change of a record as created writes its implied 'created' event before its own.
      const events = record.version === 0 ? [createdEvent(record), ...next.events] : next.events;
      const keys = [
        k.record(id),
        k.history(id),
        k.byStatus(record.state.status),
        k.byStatus(next.state.status),
        k.outbox(id),
        k.outboxPending,
      ];
      // Attachments live as long as their message: a fax retried late must still find what it sends.
      const files = Boolean(record.request.files?.length);
      if (files) keys.push(k.files(id));
      const args: unknown[] = [
        record.version,
        JSON.stringify(next.state),
        id,
        this.retentionMs,
        Date.now(),
        events.length,
        hostEvents.length,
        files ? '1' : '0',
        ...events.map((event) => JSON.stringify(event)),
        ...hostEvents.map((event) => JSON.stringify(event)),
      ];
      this.#effectsWrite(next.effects, keys, args);
      const [version, firstSeq, lifted] = (await (this.#redis as unknown as UpdateCommand).relayUpdateState(
        keys.length,
        keys,
        args,
      )) as [number, number?, (string | number)?];
      if (version === 0) return undefined;
      if (version === -2) {
        throw new JobRefusedError(
          `message ${id}: BullMQ refused job ${firstSeq} of the change (code ${lifted})`,
        );
      }
      if (version > 0) {
        const seqs = firstSeq ? hostEvents.map((_, i) => firstSeq + i) : [];
        return {
          id,
          request: record.request,
          state: next.state,
          version,
          outboxSeqs: seqs,
          ...(typeof lifted === 'string' && { liftedPause: JSON.parse(lifted) as AccountPause }),
        };
      }
    }
    throw new Error(`message ${id}: too many concurrent updates`);
  }

  /** Lists messages newest first, by recipient, status, channel and creation time, with cursor paging. */
  async list(filter: ListFilter = {}): Promise<ListPage> {
    const k = this.keys;
    const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500);
    const index = filter.recipient
      ? k.byRecipient(addressKey(filter.recipient))
      : filter.status
        ? k.byStatus(filter.status)
        : filter.channel
          ? k.byChannel(filter.channel)
          : k.all;
    // The index answers one filter; the others are checked on the records read.
    const keep = (record: Omit<MessageRecord, 'history'>) =>
      (!filter.status || record.state.status === filter.status) &&
      (!filter.channel || record.request.channel === filter.channel);
    const filtered = [filter.recipient, filter.status, filter.channel].filter(Boolean).length > 1;
    const min = filter.from !== undefined ? `[${jobIdLowerBound(filter.from)}` : '-';
    let max = filter.cursor
      ? `(${filter.cursor}`
      : filter.to !== undefined
        ? `(${jobIdLowerBound(filter.to)}`
        : '+';
    const items: Omit<MessageRecord, 'history'>[] = [];
    // Bounded scan: a sparse filter returns a short page with a cursor rather than walking the whole index.
    for (let batchNo = 0; batchNo < 10 && items.length < limit; batchNo++) {
      const batchSize = filtered ? limit * 4 : limit - items.length;
      const ids = await this.#redis.zrange(index, max, min, 'BYLEX', 'REV', 'LIMIT', 0, batchSize);
      if (ids.length === 0) return { items };
      const pipeline = this.#redis.pipeline();
      for (const id of ids) pipeline.hmget(k.record(id), 'req', 'state', 'v');
      const rows = (await pipeline.exec()) ?? [];
      for (const [i, id] of ids.entries()) {
        const record = parseRecord(id, (rows[i]?.[1] as (string | null)[] | undefined) ?? []);
        if (!record) continue;
        if (filtered && !keep(record)) continue;
        items.push(record);
        if (items.length === limit) return { items, nextCursor: id };
      }
      const last = ids[ids.length - 1] as string;
      if (ids.length < batchSize) return { items };
      max = `(${last}`;
    }
    const last = items[items.length - 1];
    return last ? { items, nextCursor: last.id } : { items };
  }

  /**
   * Drops the index entries (all messages, status, channel and recipient) of messages whose record has expired,
   * and resolves to how many it dropped. A record lives `retentionMs` after its last change, which can come long
   * after its creation (a message scheduled weeks ahead, then tracked for days), so entries of messages created
   * before `beforeMs` are only candidates: each is dropped once its record is gone, and kept while it lives.
   * A recipient's index lives as long as its newest message, so the index of a number that gets a message every
   * day would otherwise keep every id it ever had: they are found with SCAN, a few hundred keys per round trip.
   */
  async trimIndexes(beforeMs: number): Promise<number> {
    const bound = `(${jobIdLowerBound(beforeMs)}`;
    const k = this.keys;
    let dropped = 0;
    for (const index of [k.all, ...MESSAGE_STATUSES.map(k.byStatus), ...CHANNELS.map(k.byChannel)]) {
      dropped += await this.#trimIndex(index, bound);
    }
    const match = `${globEscape(k.byRecipient(''))}*`;
    let cursor = '0';
    do {
      const [next, indexes] = await this.#redis.scan(
        cursor,
        'MATCH',
        match,
        'COUNT',
        TRIM_CHUNK,
        'TYPE',
        'zset',
      );
      for (const index of indexes) dropped += await this.#trimIndex(index, bound);
      cursor = next;
    } while (cursor !== '0');
    return dropped;
  }

  /** Drops the entries of `index` below `bound` (an exclusive BYLEX bound) whose record is gone. */
  async #trimIndex(index: string, bound: string): Promise<number> {
    let dropped = 0;
    let min = '-';
    for (;;) {
      const ids = await this.#redis.zrange(index, min, bound, 'BYLEX', 'LIMIT', 0, TRIM_CHUNK);
      if (ids.length === 0) break;
      const pipeline = this.#redis.pipeline();
      for (const id of ids) pipeline.exists(this.keys.record(id));
      const rows = (await pipeline.exec()) ?? [];
      // An id is never reused, so a record found gone stays gone: removing its entry cannot race a create.
      const gone = ids.filter((_, i) => rows[i]?.[1] === 0);
      if (gone.length > 0) dropped += await this.#redis.zrem(index, ...gone);
      if (ids.length < TRIM_CHUNK) break;
      min = `(${ids[ids.length - 1]}`;
    }
    return dropped;
  }

  /**
   * Cancels a message that has not gone to eCall yet and removes its send job. A worker that already holds
   * the job sees the canceled state and stops: the state change is the decision, the job removal a cleanup.
   */
  async cancel(id: string, source: HistoryEvent['source'] = 'api'): Promise<CancelOutcome> {
    let refused: MessageStatus | undefined;
    const record = await this.update(id, ({ state }) => {
      if (state.status === 'canceled') return undefined;
      if (!CANCELABLE_STATUSES.includes(state.status) || state.inFlight || state.attempts > 0) {
        refused = state.status;
        return undefined;
      }
      refused = undefined;
      const at = new Date().toISOString();
      return {
        state: { ...state, status: 'canceled', updatedAt: at, finalAt: at },
        events: [{ at, type: 'canceled', source, status: 'canceled' }],
      };
    });
    if (!record) return { outcome: 'not-found' };
    if (refused) return { outcome: 'too-late', status: refused };
    await this.#queue.remove(id).catch(() => 0);
    return { outcome: 'canceled' };
  }

  /** The current account pause, if sending is paused. */
  async accountPause(): Promise<AccountPause | undefined> {
    return parsePause(await this.#redis.get(this.keys.accountPause));
  }

  /** Pauses sending for the whole account (all workers) and records why. */
  async pauseAccount(pause: AccountPause): Promise<void> {
    await this.#redis.set(this.keys.accountPause, JSON.stringify(pause));
    await this.#queue.pause();
  }

  /** Lets queued messages flow again while keeping the pause record (a probe: the next answer decides). */
  async resumeQueue(): Promise<void> {
    await this.#queue.resume();
  }

  /**
   * Resumes sending, and sends the messages held for the pause at once: their jobs wait (delayed) until the
   * probe time otherwise, minutes after the account works again. Resolves to the pause that was lifted, if any.
   */
  async resumeAccount(): Promise<AccountPause | undefined> {
    const pause = await this.accountPause();
    await this.#redis.del(this.keys.accountPause);
    await this.#queue.resume();
    await this.releaseHeld();
    return pause;
  }

  /**
   * Moves the delayed send job of every `paused` message to the waiting list, so that the messages held for a
   * pause go at once instead of at the probe time, minutes later. Safe to call at any time.
   */
  async releaseHeld(): Promise<void> {
    let cursor = '0';
    do {
      // ZSCAN returns every member present from start to end, however many leave the index meanwhile.
      const [next, flat] = await this.#redis.zscan(this.keys.byStatus('paused'), cursor, 'COUNT', 500);
      cursor = next;
      // Members and scores alternate; the chunk's messages are released side by side.
      const ids = flat.filter((_, i) => i % 2 === 0);
      await Promise.all(ids.map((id) => this.#release(id)));
    } while (cursor !== '0');
  }

  async #release(id: string): Promise<void> {
    const job = await this.#queue.getJob(id);
    try {
      await job?.promote();
    } catch (error) {
      // BullMQ refuses a job that is not delayed (already taken by a worker, say): that one is on its way.
      if (await job?.isDelayed()) throw error;
    }
  }

  /**
   * Counts an occurrence in a per-minute series (kept two hours), optionally with a duration, so that the
   * dashboard can draw throughput and latency over the last hour without a metrics system.
   */
  async count(name: string, durationMs?: number, at: number = Date.now()): Promise<void> {
    await this.#command('relayCountSeries', [this.keys.series(name), ...seriesArgs(durationMs, at)]);
  }

  /** The last `minutes` of a series, oldest first: count and mean duration per minute. */
  async series(name: string, minutes = 60, at: number = Date.now()): Promise<SeriesPoint[]> {
    const last = Math.floor(at / 60_000);
    const fields = Array.from({ length: minutes }, (_, i) => last - minutes + 1 + i);
    const values = await this.#redis.hmget(
      this.keys.series(name),
      ...fields.flatMap((minute) => [`${minute}`, `${minute}:ms`]),
    );
    return fields.map((minute, i) => {
      const count = Number(values[2 * i] ?? 0);
      const totalMs = Number(values[2 * i + 1] ?? 0);
      return {
        minute: new Date(minute * 60_000).toISOString(),
        count,
        meanMs: count ? totalMs / count : null,
      };
    });
  }

  #command(name: string, args: (string | number)[]): Promise<unknown> {
    const fn = (this.#redis as unknown as Record<string, (...a: (string | number)[]) => Promise<unknown>>)[
      name
    ];
    if (!fn) throw new Error(`Redis command ${name} is not defined`);
    return fn.apply(this.#redis, args);
  }
}

/** BullMQ's add command answered with an error code inside the create script. */
class JobRefusedError extends Error {
  override readonly name = 'JobRefusedError';
}

/** How UPDATE_STATE is told which of a job's arguments are bytes ('b', sent as {@link latin1Text}) or text ('s'). */
const binaryMark = (arg: string | Uint8Array) => (typeof arg === 'string' ? 's' : 'b');

/**
 * Bytes as text of one character per byte, which the update script turns back into the bytes. ioredis writes a
 * command with a `Buffer` among its arguments piece by piece into a new buffer, which made a change with a
 * BullMQ job (the acceptance and its tracking job, whose packed arguments are bytes) cost the worker about twice
 * the CPU of the same command all in text: 34-43 against 18-25 µs in a side-by-side run of 40,000 commands.
 */
function latin1Text(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** `text` with the characters a SCAN MATCH pattern treats specially escaped, so that it matches only itself. */
function globEscape(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}

/** Whether Redis ran the create script and it failed part-way (an error reply, or BullMQ refused a job). */
function ranAndFailed(error: unknown): boolean {
  return error instanceof JobRefusedError || (error instanceof Error && error.name === 'ReplyError');
}

function initialStatus(message: NewMessage): MessageStatus {
  return message.delayMs ? 'scheduled' : 'queued';
}

function parseEvent(line: string): HistoryEvent {
  return JSON.parse(line) as HistoryEvent;
}

/**
 * A record from its hash fields. At version 0 (as created, never changed) `state` holds only the initial status,
 * and the state follows from the request: nothing sent, every recipient pending, since creation. Deriving it
 * instead of writing it saves the create script a state and a history list per message, the larger share of
 * Redis's own work per message after BullMQ's add (pnpm bench, B2). Records written before version 0 existed
 * start at version 1 with their state and 'created' event stored, and read as they always did.
 */
function parseRecord(
  id: string,
  fields: readonly (string | null)[],
): Omit<MessageRecord, 'history'> | undefined {
  const [req, state, v] = fields;
  if (!req || !state || !v) return undefined;
  const request = JSON.parse(req) as MessageRequest;
  const version = Number(v);
  return {
    id,
    request,
    state:
      version === 0 ? createdState(request, state as MessageStatus) : (JSON.parse(state) as MessageState),
    version,
  };
}

/** The account pause as stored, if there is one. */
function parsePause(raw: string | null): AccountPause | undefined {
  return raw ? (JSON.parse(raw) as AccountPause) : undefined;
}

/** The state of a message as created with `status` (queued or scheduled). */
function createdState(request: MessageRequest, status: MessageStatus): MessageState {
  const at = request.createdAt;
  return {
    status,
    updatedAt: at,
    attempts: 0,
    recipients: request.to.map((address) => ({ address, status: 'pending', updatedAt: at })),
    requestIds: [],
  };
}

/** The 'created' event of a record at version 0, which its first update writes to the history. */
function createdEvent(record: Omit<MessageRecord, 'history'>): HistoryEvent {
  return { at: record.request.createdAt, type: 'created', source: 'api', status: record.state.status };
}

/** Creates the message store. Nothing is read or written until a method is called. */
export function createMessageStore(options: MessageStoreOptions): MessageStore {
  return new MessageStore(options);
}
