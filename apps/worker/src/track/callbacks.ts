import { classifySendState } from '@ecall-relay/codes';
import { parseEcallTimestamp } from '@ecall-relay/ecall';
import {
  applyObservation,
  type CallbackJobData,
  callbackJobSchema,
  type HistoryEvent,
  JOB_TYPE_OF,
  type MessageStore,
  type Reply,
  type TrackJobData,
  type UpdatedRecord,
} from '@ecall-relay/messages';
import type { Job, Queue } from 'bullmq';
import type { Logger } from '../logger.ts';
import { logChange } from './processor.ts';

/** Dependencies of {@link createCallbackProcessor}. */
export interface CallbackProcessorDeps {
  readonly store: MessageStore;
  readonly trackQueue: Queue<TrackJobData>;
  readonly logger: Logger;
  readonly publish?: (record: UpdatedRecord) => Promise<void>;
}

const MAX_REPLIES = 100;

/**
 * Creates the processor of eCall callbacks. A callback is a hint: its raw parameters are kept in the history,
 * a `ResultCode` that is a SendState of the message's job type is applied, and the tracking job is promoted
 * so that an authoritative GetStateBasic follows at once. `Function=Answer` stores the reply on the message
 * and publishes `message.reply`.
 */
export function createCallbackProcessor(deps: CallbackProcessorDeps) {
  const { store, logger } = deps;
  const publish = async (record: UpdatedRecord | undefined) => {
    if (record?.outboxSeqs?.length && deps.publish) await deps.publish(record);
  };

  return async function processCallback(
    job: Job<CallbackJobData>,
  ): Promise<'reply' | 'notification' | 'gone'> {
    const { messageId: id, params, receivedAt } = callbackJobSchema.parse(job.data);
    const at = parseEcallTimestamp(params.TimeStamp ?? '') ?? receivedAt;
    if ((params.Function ?? '').toLowerCase() === 'answer') {
      const reply: Reply = {
        from: params.AddressFrom ?? '',
        to: params.AddressTo ?? '',
        text: params.Message ?? '',
        at,
        receivedAt,
      };
      const record = await store.update(id, ({ state }) => {
        // A repeated delivery of the same reply changes nothing.
        if (state.replies?.some((r) => r.from === reply.from && r.at === reply.at && r.text === reply.text))
          return undefined;
        return {
          state: {
            ...state,
            replies: [...(state.replies ?? []), reply].slice(-MAX_REPLIES),
            updatedAt: receivedAt,
          },
          events: [
            { at: receivedAt, type: 'reply', source: 'callback', address: reply.from, detail: reply.text },
          ],
          hostEvents: [{ type: 'message.reply', occurredAt: receivedAt, data: { reply } }],
        };
      });
      if (!record) return 'gone';
      await publish(record);
      logger.info({ messageId: id, from: reply.from }, 'reply received');
      return 'reply';
    }

    const code = Number(params.ResultCode);
    const raw: HistoryEvent = {
      at: receivedAt,
      type: 'callback',
      source: 'callback',
      ...(params.Number && { address: params.Number }),
      ...(Number.isFinite(code) && { code }),
      ...(params.ResultText && { text: params.ResultText }),
      detail: new URLSearchParams(params).toString(),
    };
    const record = await store.update(id, ({ request, state }) => {
      const jobType = JOB_TYPE_OF[request.channel];
      const understood = Number.isInteger(code) && classifySendState(jobType, code).known;
      const applied = understood
        ? applyObservation(state, {
            source: 'callback',
            at,
            jobType,
            sendState: code,
            ...(params.Number && { address: params.Number }),
          })
        : undefined;
      const event = { ...raw, detail: `${understood ? 'applied' : 'recorded'}: ${raw.detail}` };
      return applied
        ? { state: applied.state, events: [event, ...applied.events], hostEvents: applied.hostEvents }
        : { state, events: [event] };
    });
    if (!record) return 'gone';
    await publish(record);
    logChange(logger, record, 'callback');
    const tracking = await deps.trackQueue.getJob(id);
    if (tracking && (await tracking.isDelayed())) await tracking.promote().catch(() => undefined);
    return 'notification';
  };
}
