import type { EcallClient, StateResult } from '@ecall-relay/ecall';
import {
  applyObservation,
  expireTracking,
  isFinalRecipient,
  JOB_TYPE_OF,
  type MessageStore,
  SETTLED_STATUSES,
  type TrackJobData,
  trackJobSchema,
  type UpdatedRecord,
} from '@ecall-relay/messages';
import type { RelayMetrics } from '@ecall-relay/observability';
import { DelayedError, type Job } from 'bullmq';
import type { Logger } from '../logger.ts';
import { DEFAULT_POLL_SCHEDULE_MS, nextPollAt } from './schedule.ts';

/** Dependencies of {@link createTrackProcessor}. */
export interface TrackProcessorDeps {
  readonly store: MessageStore;
  readonly client: Pick<EcallClient, 'getState'>;
  readonly logger: Logger;
  /** Gaps between polls, the last repeating. @defaultValue 30 s, 1, 2, 5, 10, 30 min, then hourly */
  readonly schedule?: readonly number[];
  /** Tracking stops this long after the message was due; open recipients become `unconfirmed`. @defaultValue 72 h */
  readonly windowMs?: number;
  /** Called with every record whose change wrote host events (to enqueue their webhook deliveries). */
  readonly publish?: (record: UpdatedRecord) => Promise<void>;
  /** Prometheus metrics to count polls and final-state latency in. */
  readonly metrics?: RelayMetrics;
  readonly now?: () => number;
}

/** How a tracking job ended (a job that polls again later throws DelayedError instead). */
export type TrackOutcome = 'final' | 'expired' | 'gone';

/**
 * Creates the processor that follows an accepted message until every recipient has a final state: it asks
 * GetStateBasic (with Address when the message has several recipients), applies what eCall says through the
 * forward-only state machine, and reschedules itself on the poll schedule until the tracking window closes.
 * A callback promotes the job, so a hint from eCall is always followed by an authoritative poll.
 */
export function createTrackProcessor(deps: TrackProcessorDeps) {
  const { store, client, logger } = deps;
  const now = deps.now ?? Date.now;
  const schedule = deps.schedule ?? DEFAULT_POLL_SCHEDULE_MS;
  const windowMs = deps.windowMs ?? 72 * 3600_000;
  const publish = async (record: UpdatedRecord | undefined) => {
    if (record?.outboxSeqs?.length && deps.publish) await deps.publish(record);
    // Accepted-to-final latency for the dashboard, counted once: when the message leaves `accepted`.
    const written = Boolean(record?.outboxSeqs?.length);
    if (
      written &&
      record &&
      record.state.status !== 'accepted' &&
      record.state.finalAt &&
      record.state.acceptedAt
    ) {
      const ms = Date.parse(record.state.finalAt) - Date.parse(record.state.acceptedAt);
      deps.metrics?.acceptedToFinal.observe({ status: record.state.status }, ms / 1000);
      await store.count('final', ms).catch(() => undefined);
    }
  };

  async function pollRecipient(id: string, address: string | undefined): Promise<StateResult | undefined> {
    try {
      const result = await client.getState(address ? { jobId: id, address } : { jobId: id });
      deps.metrics?.polls.inc({ result: result.classification });
      return result;
    } catch (error) {
      deps.metrics?.polls.inc({ result: 'error' });
      logger.warn(
        { messageId: id, address, error: (error as Error).message },
        'GetStateBasic failed; next poll retries',
      );
      return undefined;
    }
  }

  return async function processTrack(job: Job<TrackJobData>, token?: string): Promise<TrackOutcome> {
    const { messageId: id } = trackJobSchema.parse(job.data);
    const record = await store.read(id);
    if (!record) return 'gone';
    const { request, state } = record;
    if (state.status !== 'accepted') {
      if (SETTLED_STATUSES.includes(state.status)) return 'final';
      // Not accepted yet (the send job is between eCall's answer and its record): look again shortly.
      await job.moveToDelayed(now() + (schedule[0] ?? 30_000), token);
      throw new DelayedError();
    }
    const start = Math.max(
      Date.parse(state.acceptedAt ?? state.updatedAt),
      Date.parse(request.sendAt ?? '') || 0,
    );
    const end = start + windowMs;
    if (now() >= end) {
      const at = new Date(now()).toISOString();
      await publish(
        await store.update(id, ({ state: s }) =>
          s.status === 'accepted' ? expireTracking(s, at) : undefined,
        ),
      );
      logger.info({ messageId: id }, 'tracking window closed: open recipients unconfirmed');
      return 'expired';
    }
    if (now() >= start) {
      const multi = state.recipients.length > 1;
      for (const recipient of state.recipients) {
        if (isFinalRecipient(recipient.status)) continue;
        const result = await pollRecipient(id, multi ? recipient.address : undefined);
        const jobState = result?.classification === 'accepted' ? result.job : undefined;
        if (!result || !jobState) continue;
        const observation = {
          source: 'poll' as const,
          at: new Date(now()).toISOString(),
          address: jobState.address || recipient.address,
          jobType: jobState.jobType || JOB_TYPE_OF[request.channel],
          sendState: jobState.sendState,
          errorState: jobState.errorState,
          pointsUsed: jobState.pointsUsed,
          finishDate: jobState.finishDate,
          ...(result.requestId && { requestId: result.requestId }),
        };
        const changed = await store.update(id, ({ state: s }) => applyObservation(s, observation));
        await publish(changed);
        logChange(logger, changed, 'poll', observation.requestId);
      }
      const after = await store.read(id);
      if (after?.state.status !== 'accepted') return 'final';
    }
    await job.moveToDelayed(Math.min(nextPollAt(start, now(), schedule), end), token);
    throw new DelayedError();
  };
}

/** One log line per written state change: message id, status, the recipients, eCall's request id. */
export function logChange(
  logger: Logger,
  record: UpdatedRecord | undefined,
  source: 'poll' | 'callback',
  requestId?: string,
): void {
  if (!record?.outboxSeqs?.length) return;
  logger.info(
    {
      messageId: record.id,
      status: record.state.status,
      recipients: record.state.recipients.map(
        (r) => `${r.address}=${r.status}${r.sendState !== undefined ? `/${r.sendState}` : ''}`,
      ),
      source,
      ...(requestId && { requestId }),
    },
    'delivery state changed',
  );
}
