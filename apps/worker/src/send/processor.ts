import type { EcallClient, SendResult } from '@ecall-relay/ecall';
import { EcallError } from '@ecall-relay/ecall';
import {
  type HistoryEvent,
  type JobAdd,
  type MessageRecord,
  type MessageState,
  type MessageStore,
  SETTLED_STATUSES,
  type SendJobData,
  type StateChange,
  sendJobSchema,
  type UpdatedRecord,
} from '@ecall-relay/messages';
import type { RelayMetrics } from '@ecall-relay/observability';
import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import pRetry, { type Options as PRetryOptions } from 'p-retry';
import type { Logger } from '../logger.ts';
import { createCallSlots } from './call-slots.ts';
import { type CallbackTarget, type SendClient, submitToEcall } from './ecall-call.ts';
import { createBackoff, RetryLater } from './retry-later.ts';

type Record_ = Omit<MessageRecord, 'history'>;

/** Calls made within one attempt beyond the first, and their history events, written with the outcome. */
interface CallLog {
  readonly extra: number;
  readonly events: readonly HistoryEvent[];
}
const NO_CALLS: CallLog = { extra: 0, events: [] };

/** Dependencies of {@link createSendProcessor}. */
export interface SendProcessorDeps {
  readonly store: MessageStore;
  readonly client: SendClient & Pick<EcallClient, 'getState'>;
  readonly logger: Logger;
  /** Give up retrying this long after the message was due. @defaultValue 24 hours */
  readonly retryDeadlineMs?: number;
  /** After an account-level error, wait this long before letting one message try again. @defaultValue 5 minutes */
  readonly accountProbeIntervalMs?: number;
  /** After an ambiguous call, wait this long before asking eCall whether it got the job. @defaultValue 2_000 */
  readonly ambiguousGraceMs?: number;
  /** Immediate retries within one attempt for answers that certainly did not submit. @defaultValue 2 */
  readonly inCallRetries?: number;
  /** First delay between immediate retries. @defaultValue 250 */
  readonly inCallMinDelayMs?: number;
  /**
   * The job that follows an accepted message's delivery (its tracking job), added in the same atomic step as
   * the acceptance: no acceptance is ever written without it.
   */
  readonly followUpJob?: (record: Omit<MessageRecord, 'history'>) => JobAdd;
  /** Called with every record whose change wrote host events (to enqueue their webhook deliveries). */
  readonly publish?: (record: UpdatedRecord) => Promise<void>;
  /** The relay's callback URL for a message and its eCall field, when tracking by callback is on. */
  readonly callbackFor?: (id: string) => CallbackTarget | undefined;
  /**
   * At most this many submissions in flight toward eCall at once (the worker holds a few more jobs, whose Redis
   * steps then overlap the calls). @defaultValue no bound
   */
  readonly maxCallsInFlight?: number;
  /**
   * At most this many messages of chunk jobs in progress at once (read, claimed, sent or recorded), across all the
   * chunks the worker holds. @defaultValue 50
   */
  readonly maxChunkMessagesInHand?: number;
  /**
   * Send no message of a chunk here but hand each to a job of its own: set when the send queue's BullMQ limiter
   * paces the calls (ECALL_RATE_LIMIT_PER_SECOND), which counts jobs, so a chunk's 25 messages would pass it as
   * one. @defaultValue false
   */
  readonly handChunksOver?: boolean;
  /**
   * The delay before a chunk's message that failed is tried again in a job of its own, from its attempts so far
   * (the send queue's backoff strategy). @defaultValue exponential from 1 s with jitter
   */
  readonly backoff?: (attemptsMade: number, type?: string, error?: Error) => number;
  /** Prometheus metrics to count submissions, retries, pauses and latencies in. */
  readonly metrics?: RelayMetrics;
  readonly now?: () => number;
}

/**
 * How a send job ended. Account pauses and retries throw instead (BullMQ keeps the job). A chunk's messages each
 * end in their record ('chunk').
 */
export type SendOutcome = 'accepted' | 'skipped' | 'chunk';

/** What the processor does with a send job besides reading its data: hold it back (BullMQ's `moveToDelayed`). */
type HeldJob = Pick<Job<SendJobData>, 'moveToDelayed'>;

/** An eCall answer whose code says "try again": thrown inside p-retry. */
class TransientAnswer extends Error {
  constructor(readonly result: SendResult) {
    super(`eCall answered ${result.code} ${result.text}`);
  }
}

/**
 * Thrown inside a call slot instead of calling: eCall refused the account while this job waited for the slot.
 */
class HeldForAccount extends Error {
  constructor(readonly refusal: Refusal) {
    super(`eCall refused the account (${refusal.code} ${refusal.text}) while this message waited to be sent`);
  }
}

/** The last account-level answer this worker got, and until when it holds the jobs it had in hand. */
interface Refusal {
  readonly code: number;
  readonly text: string;
  readonly until: number;
}

/**
 * Creates the BullMQ processor that submits one message to eCall exactly once.
 *
 * The record's state is the source of truth: before a call the worker marks it `inFlight`; a later attempt
 * that finds that mark (a crash mid-call) or an `ambiguous` flag (a timeout or a connection lost after the
 * request was written) asks GetStateBasic for the JobID first and only sends again when eCall does not know
 * it. Transient answers are retried at once (p-retry) when they certainly did not submit, then durably with
 * BullMQ's backoff until the deadline; permanent answers reject the message; account-level answers pause
 * sending for the whole account.
 */
export function createSendProcessor(deps: SendProcessorDeps) {
  const { store, client, logger } = deps;
  const now = deps.now ?? Date.now;
  const retryDeadlineMs = deps.retryDeadlineMs ?? 24 * 3600_000;
  const probeIntervalMs = deps.accountProbeIntervalMs ?? 5 * 60_000;
  const graceMs = deps.ambiguousGraceMs ?? 2_000;
  // The ISO text of now, formatted once per millisecond: a busy worker asks several times per millisecond, and
  // toISOString is the costliest step of an event's timestamp.
  let isoAt = Number.NaN;
  let isoText = '';
  const iso = () => {
    const at = now();
    if (at !== isoAt) {
      isoAt = at;
      isoText = new Date(at).toISOString();
    }
    return isoText;
  };
  const gauge = deps.metrics?.ecallCalls;
  const slots =
    deps.maxCallsInFlight === undefined
      ? undefined
      : createCallSlots(
          deps.maxCallsInFlight,
          gauge &&
            ((running, waiting) => {
              gauge.set({ state: 'in_flight' }, running);
              gauge.set({ state: 'waiting' }, waiting);
            }),
        );

  const chunkSlots = createCallSlots(deps.maxChunkMessagesInHand ?? 50);
  const inCallRetries: PRetryOptions = {
    retries: deps.inCallRetries ?? 2,
    minTimeout: deps.inCallMinDelayMs ?? 250,
    maxTimeout: 2_000,
    randomize: true,
    shouldRetry: ({ error }) =>
      error instanceof TransientAnswer ||
      (error instanceof EcallError && error.retryable && !error.ambiguous),
  };
  const backoff = deps.backoff ?? createBackoff();

  /** Writes a state change; resolves to the new record, undefined when the change did not apply. */
  const change = async (id: string, fn: (record: Record_) => StateChange | undefined, current?: Record_) => {
    const record = await store.update(id, fn, current);
    if (record?.outboxSeqs?.length && deps.publish) await deps.publish(record);
    return record;
  };
  /**
   * {@link change} starting from the record this attempt last read or wrote: the store tries it first and only
   * reads when it is stale, which saves a Redis round trip per step of every send.
   */
  const changeFrom = (current: Record_, fn: (record: Record_) => StateChange | undefined) =>
    change(current.id, fn, current);

  /**
   * Account-level answers seen by this worker, and the last one. A job remembers the count when it reads the
   * account pause; if it has grown by the time the job gets a call slot, the job was already in hand when eCall
   * refused the account, so it is held without calling (its read said "not paused"; the pause may not even be
   * written yet). Jobs taken later read the pause from Redis, so an admin's resume is never overruled here.
   */
  let refusals = 0;
  let lastRefusal: Refusal | undefined;

  async function hold(job: HeldJob, token: string | undefined, until: number): Promise<never> {
    await job.moveToDelayed(until, token);
    throw new DelayedError();
  }

  async function pauseAccount(
    job: HeldJob,
    token: string | undefined,
    id: string,
    code: number,
    text: string,
    calls: CallLog = NO_CALLS,
  ): Promise<never> {
    metrics?.accountPauses.inc({ code: String(code) });
    const probeAt = now() + probeIntervalMs;
    await store.pauseAccount({
      code,
      text,
      since: iso(),
      probeAt: new Date(probeAt).toISOString(),
      messageId: id,
    });
    logger.error(
      { messageId: id, code, text, probeAt: new Date(probeAt).toISOString() },
      'eCall refused the account: sending is paused for every message until an admin resumes it or the probe succeeds',
    );
    await markPaused(id, calls, { code, text }, true);
    return hold(job, token, probeAt);
  }

  /**
   * Records that a message is held for a paused account, its claim released. `answered`: the refusal was the
   * answer to this message's own call (it becomes its last code); otherwise `detail` says why it was not sent.
   */
  async function markPaused(
    id: string,
    calls: CallLog,
    refusal: { readonly code: number; readonly text: string },
    answered: boolean,
    detail?: string,
  ): Promise<void> {
    const at = iso();
    await change(id, ({ state }) =>
      SETTLED_STATUSES.includes(state.status)
        ? undefined
        : {
            state: withoutInFlight(state, {
              status: 'paused',
              attempts: state.attempts + calls.extra,
              updatedAt: at,
              ...(answered && { lastCode: refusal.code, lastText: refusal.text }),
            }),
            events: [
              ...calls.events,
              {
                at,
                type: 'paused',
                source: 'worker',
                status: 'paused',
                ...refusal,
                ...(detail && { detail }),
              },
            ],
          },
    );
  }

  async function markAccepted(
    record: Record_,
    result: SendResult,
    how: 'submitted' | 'found',
    calls = NO_CALLS,
  ) {
    const id = record.id;
    const at = iso();
    const waitedMs = now() - Date.parse(record.request.createdAt);
    const followUp = deps.followUpJob?.(record);
    // One atomic step: the acceptance, its tracking job, its count, and (eCall took a message, so the account
    // works) the account pause lifted, so that nobody sees the acceptance while the pause still stands.
    const accepted = await store.update(
      id,
      ({ state }) => {
        if (SETTLED_STATUSES.includes(state.status)) return undefined;
        const event: HistoryEvent = resultEvent(result, at);
        event.type = 'accepted';
        event.status = 'accepted';
        event.detail =
          how === 'found' ? 'GetStateBasic found the job of an earlier, unanswered submission' : '';
        return {
          state: withoutInFlight(state, resultFields(state, result), {
            attempts: state.attempts + calls.extra,
            status: 'accepted',
            ambiguous: false,
            updatedAt: at,
            acceptedAt: at,
          }),
          events: calls.events.length ? [...calls.events, event] : [event],
          hostEvents: [
            {
              type: 'message.accepted',
              occurredAt: at,
              data: { code: result.code, text: result.text, requestId: result.requestId },
            },
          ],
          effects: {
            jobs: followUp ? [followUp] : [],
            count: { name: 'accepted', durationMs: waitedMs },
            liftPause: true,
          },
        };
      },
      record,
    );
    if (accepted?.liftedPause) {
      await store.releaseHeld();
      logger.warn(
        { messageId: id, pausedSince: accepted.liftedPause.since },
        'eCall accepts the account again: sending resumed',
      );
    }
    metrics?.enqueueToAccepted.observe(waitedMs / 1000);
    if (accepted?.outboxSeqs?.length && deps.publish) afterwards(deps.publish(accepted), id);
    logger.info(
      { messageId: id, code: result.code, requestId: result.requestId, how },
      'message accepted by eCall',
    );
  }

  async function fail(
    id: string,
    status: 'rejected' | 'failed',
    code: number | undefined,
    text: string,
    calls = NO_CALLS,
  ): Promise<never> {
    const at = iso();
    await change(id, ({ state }) => {
      if (SETTLED_STATUSES.includes(state.status)) return undefined;
      return {
        state: withoutInFlight(state, {
          attempts: state.attempts + calls.extra,
          status,
          updatedAt: at,
          finalAt: at,
          ...(code !== undefined && { lastCode: code }),
          lastText: text,
          recipients: state.recipients.map((r) => ({ ...r, status: 'failed', updatedAt: at })),
        }),
        events: [
          ...calls.events,
          { at, type: status, source: 'worker', status, ...(code !== undefined && { code }), text },
        ],
        hostEvents: [{ type: `message.${status}`, occurredAt: at, data: { code, text } }],
      };
    });
    logger.warn({ messageId: id, code, text, status }, `message ${status}`);
    throw new UnrecoverableError(`${status}: ${code ?? ''} ${text}`.trim());
  }

  /** After an ambiguous or interrupted call: does eCall already have this JobID? */
  async function priorSubmissionFound(job: HeldJob, token: string | undefined, record: Record_) {
    const id = record.id;
    const since = Date.parse(record.state.inFlight?.startedAt ?? record.state.updatedAt);
    const wait = since + graceMs - now();
    if (wait > 0) throw new RetryLater('waiting before checking an ambiguous submission', wait);
    const result = await client.getState(
      { jobId: id },
      { clientRequestId: `${id}.check${record.state.attempts}` },
    );
    await change(id, ({ state }) => ({
      state: withResult(state, result),
      events: [{ ...resultEvent(result, iso()), type: 'checked', source: 'worker', detail: 'GetStateBasic' }],
    }));
    switch (result.classification) {
      case 'accepted':
      case 'pending':
        await markAccepted(record, result, 'found');
        return true;
      case 'not-found':
        return false;
      case 'account':
        return pauseAccount(job, token, id, result.code, result.text);
      default:
        throw new RetryLater(`GetStateBasic answered ${result.code} ${result.text}`);
    }
  }

  /**
   * Writes a send does not wait for, since nothing the job decides depends on them and a crash before they land
   * loses nothing that matters: the webhook jobs of events already in the outbox (the sweeper enqueues those
   * again). Kept so that shutdown can wait for them.
   */
  const followUps = new Set<Promise<void>>();
  function afterwards(work: Promise<unknown>, id: string): void {
    const tracked: Promise<void> = work
      .then(
        () => undefined,
        (error: unknown) =>
          logger.warn(
            { messageId: id, error: describeError(error) },
            'follow-up write after acceptance failed',
          ),
      )
      .finally(() => followUps.delete(tracked));
    followUps.add(tracked);
  }

  const metrics = deps.metrics;
  async function countCall(call: Promise<SendResult>): Promise<SendResult> {
    try {
      const result = await call;
      metrics?.submissions.inc({
        operation: result.operation,
        code: String(result.code),
        result: result.classification,
      });
      return result;
    } catch (error) {
      const operation = error instanceof EcallError ? error.operation : 'unknown';
      metrics?.submissions.inc({ operation, code: 'transport', result: 'transport' });
      throw error;
    }
  }

  /**
   * Set by `stopTaking` (or from the start by `handChunksOver`): chunks hand the messages they have not started over
   * instead of sending them.
   */
  let stopping = deps.handChunksOver ?? false;

  return Object.assign(processSend, {
    /**
     * Starts no new message of a chunk from now on (a worker shutting down): each is handed to a job of its own,
     * which a worker takes later, so that the chunk completes once the messages already started are done.
     */
    stopTaking(): void {
      stopping = true;
    },
    /** Resolves once the follow-up writes of finished sends have landed (call after the worker closed). */
    async idle(): Promise<void> {
      while (followUps.size > 0) await Promise.all(followUps);
    },
  });

  async function processSend(job: Job<SendJobData>, token?: string): Promise<SendOutcome> {
    const data = sendJobSchema.parse(job.data);
    if ('messageIds' in data) return processChunk(data.messageIds);
    return sendMessage(data.messageId, job, token);
  }

  /**
   * A chunk: the messages of one create call, sent side by side (at most `maxChunkMessagesInHand` of all chunks at
   * once). The chunk sends only messages that were never tried (version 0) and hands every other one to a job of
   * its own (`enqueueSend`): a message that must be retried or held, and, when the chunk runs again after a crash,
   * every message the first run touched, which its own job then checks with eCall before sending as usual. The
   * chunk completes once each of its messages is recorded or handed over; when a hand-over fails, the chunk fails
   * and runs again later. Once `stopTaking` was called, the messages not started yet are handed over at once.
   */
  async function processChunk(ids: readonly string[]): Promise<SendOutcome> {
    const results = await Promise.allSettled(
      ids.map((id) => chunkSlots.run(() => (stopping ? store.enqueueSend(id) : sendFromChunk(id)))),
    );
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    return 'chunk';
  }

  async function sendFromChunk(id: string): Promise<void> {
    const handOver = (delayMs: number) => store.enqueueSend(id, delayMs);
    // Holding the message back (an account pause) becomes its own job, held back as long.
    const asJob: HeldJob = { moveToDelayed: async (until: number) => handOver(Math.max(0, until - now())) };
    try {
      await sendMessage(id, asJob, undefined, handOver);
    } catch (error) {
      // Held (handed over) or ended for good (rejected or failed, in its record): nothing left to do.
      if (error instanceof DelayedError || error instanceof UnrecoverableError) return;
      const attempts = (await store.read(id))?.state.attempts ?? 1;
      await handOver(backoff(Math.max(1, attempts), 'relay', error instanceof Error ? error : undefined));
    }
  }

  /**
   * Sends message `id` of `job`. `handOver` is set when the job is a chunk: a message some attempt already
   * touched is then handed to a job of its own instead of being sent here.
   */
  async function sendMessage(
    id: string,
    job: HeldJob,
    token: string | undefined,
    handOver?: (delayMs: number) => Promise<void>,
  ): Promise<SendOutcome> {
    const refusalsSeen = refusals;
    // One command: the pause is read even when the record turns out settled.
    const { record, pause } = await store.readForSend(id);
    if (!record) {
      logger.warn(
        { messageId: id },
        'send job without a message record (expired or deleted): nothing to send',
      );
      return 'skipped';
    }
    if (SETTLED_STATUSES.includes(record.state.status)) return 'skipped';
    if (handOver && record.version > 0) {
      await handOver(0);
      return 'skipped';
    }

    if (pause && Date.parse(pause.probeAt) > now()) {
      if (record.state.status !== 'paused') {
        await change(id, ({ state }) => ({
          state: changed(state, { status: 'paused', updatedAt: iso() }),
          events: [{ at: iso(), type: 'paused', source: 'worker', status: 'paused', code: pause.code }],
        }));
      }
      return hold(job, token, Date.parse(pause.probeAt));
    }

    const dueAt = Math.max(
      Date.parse(record.request.createdAt),
      Date.parse(record.request.sendAt ?? '') || 0,
    );
    if (now() > dueAt + retryDeadlineMs) {
      return fail(id, 'failed', record.state.lastCode, record.state.lastText ?? 'retry deadline passed');
    }

    const mayHaveReachedEcall = Boolean(record.state.inFlight || record.state.ambiguous);
    if (mayHaveReachedEcall && (await priorSubmissionFound(job, token, record))) return 'accepted';

    // Claim: from here a crash leaves `inFlight` behind, and the next attempt checks before it sends. Only from
    // the attempt this run read: when another run claimed meanwhile (a job run twice at once, its lock lost; a
    // chunk run again meeting the message's own job), this run's compare-and-set loses and it stops here, since
    // claiming again on the other's claim would send the message a second time.
    let attempt = record.state.attempts;
    let mine = false;
    const claimed = await changeFrom(record, ({ state }) => {
      mine = false;
      if (SETTLED_STATUSES.includes(state.status)) return undefined;
      const seen = record.state;
      if (
        state.attempts !== seen.attempts ||
        state.inFlight?.clientRequestId !== seen.inFlight?.clientRequestId
      ) {
        return undefined;
      }
      mine = true;
      attempt = state.attempts + 1;
      const at = iso();
      return {
        state: changed(state, {
          status: 'submitting',
          attempts: attempt,
          ambiguous: false,
          updatedAt: at,
          submittedAt: state.submittedAt ?? at,
          inFlight: { attempt, startedAt: at, clientRequestId: `${id}.${attempt}` },
        }),
        events: [{ at, type: 'submitting', source: 'worker', status: 'submitting', attempt }],
      };
    });
    if (!mine || claimed?.state.status !== 'submitting') return 'skipped';

    const files = record.request.files?.length ? await store.files(id) : [];
    const callback = deps.callbackFor?.(id);
    let calls = 0;
    const callEvents: HistoryEvent[] = [];
    // Set once eCall has taken the message: from then on a failure must never lead to sending it again.
    let acceptedByEcall = false;
    try {
      const result = await withInCallRetries(async () => {
        const call = async () => {
          if (refusals !== refusalsSeen && lastRefusal) throw new HeldForAccount(lastRefusal);
          calls++;
          const answer = await submitToEcall(client, {
            jobId: id,
            request: record.request,
            files,
            ...(callback && { callback }),
            clientRequestId: `${id}.${attempt}${calls > 1 ? `.${calls}` : ''}`,
            afterAmbiguous: mayHaveReachedEcall,
          });
          // Noted inside the slot: the job it passes to runs before this one learns the answer.
          if (answer.classification === 'account') {
            refusals++;
            lastRefusal = { code: answer.code, text: answer.text, until: now() + probeIntervalMs };
          }
          return answer;
        };
        const answer = await countCall(slots ? slots.run(call) : call());
        if (answer.classification === 'transient') {
          callEvents.push({ ...resultEvent(answer, iso()), type: 'transient', attempt });
          throw new TransientAnswer(answer);
        }
        return answer;
      }, inCallRetries);
      const log: CallLog = { extra: calls - 1, events: callEvents };
      switch (result.classification) {
        case 'accepted':
          acceptedByEcall = true;
          // The claim's record is the latest this attempt wrote: the acceptance applies to it without a read.
          await markAccepted(claimed, result, 'submitted', log);
          return 'accepted';
        case 'account':
          return pauseAccount(job, token, id, result.code, result.text, log);
        default:
          return fail(id, 'rejected', result.code, result.text, log);
      }
    } catch (error) {
      if (error instanceof DelayedError || error instanceof UnrecoverableError) throw error;
      if (error instanceof HeldForAccount) {
        return holdUnsent(job, token, id, error.refusal, { extra: calls - 1, events: callEvents });
      }
      return retryLater(id, { extra: Math.max(0, calls - 1), events: callEvents }, error, acceptedByEcall);
    }
  }

  /**
   * Takes back the claim of a job that was not sent because eCall refused the account meanwhile (`calls.extra`
   * is -1 when it made no call at all), and holds it like every message of a paused account.
   */
  async function holdUnsent(
    job: HeldJob,
    token: string | undefined,
    id: string,
    refusal: Refusal,
    calls: CallLog,
  ): Promise<never> {
    await markPaused(
      id,
      calls,
      refusal,
      false,
      'eCall refused the account while this message waited for a call slot: not sent',
    );
    logger.warn(
      { messageId: id, code: refusal.code },
      'held without calling eCall: the account was refused while the message waited',
    );
    return hold(job, token, refusal.until);
  }

  /**
   * A failure worth retrying: remember whether eCall may have the job, then let BullMQ back off. When eCall
   * is known to have it (`acceptedByEcall`: recording the acceptance failed), the message is flagged like an
   * ambiguous call, so the next attempt finds the job with GetStateBasic instead of sending it again.
   */
  async function retryLater(
    id: string,
    calls: CallLog,
    error: unknown,
    acceptedByEcall = false,
  ): Promise<never> {
    const at = iso();
    const transient = error instanceof TransientAnswer ? error.result : undefined;
    const ecallError = error instanceof EcallError ? error : undefined;
    const ambiguous = acceptedByEcall || (ecallError?.ambiguous ?? false);
    const text = acceptedByEcall
      ? `eCall accepted the message, but the acceptance could not be recorded: ${describeError(error)}`
      : transient
        ? `${transient.code} ${transient.text}`
        : describeError(error);
    await change(id, ({ state }) =>
      SETTLED_STATUSES.includes(state.status)
        ? undefined
        : {
            state: withoutInFlight(state, transient ? resultFields(state, transient) : {}, {
              status: 'retrying',
              attempts: state.attempts + calls.extra,
              ambiguous: state.ambiguous || ambiguous,
              updatedAt: at,
              lastError: text,
            }),
            events: [
              ...calls.events,
              {
                at,
                type: 'retrying',
                source: 'worker',
                status: 'retrying',
                ...(transient && { code: transient.code, text: transient.text }),
                ...(ecallError?.requestId && { requestId: ecallError.requestId }),
                ...(ecallError && { clientRequestId: ecallError.clientRequestId }),
                detail: acceptedByEcall
                  ? `${text} (checking with GetStateBasic before anything is sent again)`
                  : ambiguous
                    ? `${text} (may have reached eCall: checking before resending)`
                    : text,
              },
            ],
          },
    );
    metrics?.retries.inc({ reason: transient ? 'transient' : ambiguous ? 'ambiguous' : 'transport' });
    logger.warn({ messageId: id, error: text, ambiguous }, 'submission failed, will retry');
    throw ambiguous ? new RetryLater(text, graceMs) : error instanceof Error ? error : new Error(text);
  }
}

/**
 * Runs `attempt` once and hands it to p-retry only when that first run fails: p-retry then takes the failure as its
 * own first attempt, so which errors are retried, how often and after which delays stay exactly p-retry's. The
 * usual send, answered at the first call, so skips p-retry's per-call setup (a few percent of the worker's CPU
 * per message, pnpm bench B3).
 */
async function withInCallRetries<T>(attempt: () => Promise<T>, options: PRetryOptions): Promise<T> {
  let firstFailure: unknown;
  try {
    return await attempt();
  } catch (error) {
    firstFailure = error;
  }
  return pRetry((attemptNumber) => (attemptNumber === 1 ? Promise.reject(firstFailure) : attempt()), options);
}

/**
 * A copy of `state` with `changes`: what `{ ...state, ...changes }` means, without its cost. On Node 20, V8 gives
 * an object spread followed by properties its source lacks a map of its own, at about 0.8 µs per such property,
 * and JSON of the result is slower too; Object.assign onto a fresh object keeps to shared maps. The claim's state
 * took 2.6 µs as a spread and 0.15 µs this way (one process, 300,000 states), on every message sent.
 */
function changed(state: MessageState, ...changes: Partial<MessageState>[]): MessageState {
  return Object.assign({}, state, ...changes);
}

/**
 * {@link changed} without the claim (`inFlight`). Copied key by key: rest destructuring (`{ inFlight, ...rest }`)
 * took V8 about 4.5 µs and a spread then `delete` 1.4 µs, with slower JSON, against 0.4 µs this way.
 */
function withoutInFlight(state: MessageState, ...changes: Partial<MessageState>[]): MessageState {
  const source = state as unknown as Readonly<Record<string, unknown>>;
  const copy: Record<string, unknown> = {};
  for (const key in source) if (key !== 'inFlight') copy[key] = source[key];
  return Object.assign(copy, ...changes) as unknown as MessageState;
}

function withResult(state: MessageState, result: SendResult): MessageState {
  return changed(state, resultFields(state, result));
}

/** The fields of a state that an eCall answer sets. */
function resultFields(state: MessageState, result: SendResult) {
  const requestIds = result.requestId ? [...state.requestIds, result.requestId].slice(-20) : state.requestIds;
  return { lastCode: result.code, lastText: result.text, requestIds, operation: result.operation };
}

function resultEvent(result: SendResult, at: string): HistoryEvent {
  return {
    at,
    type: 'answer',
    source: 'worker',
    code: result.code,
    text: result.text,
    clientRequestId: result.clientRequestId,
    ...(result.requestId && { requestId: result.requestId }),
  };
}

function describeError(error: unknown): string {
  if (error instanceof EcallError) return `${error.name} ${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
