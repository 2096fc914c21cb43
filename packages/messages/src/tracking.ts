import { classifySendState, describeErrorState, describeSendState } from '@ecall-relay/codes';
import { addressKey } from './address-key.ts';
import type { EventSource, HistoryEvent, HostEventDraft, MessageState, RecipientState } from './model.ts';
import type { Channel, MessageStatus, RecipientStatus } from './statuses.ts';

/** eCall JobType per channel. */
export const JOB_TYPE_OF: Record<Channel, number> = { sms: 1, voice: 5, fax: 6 };

// Forward-only: a recipient moves to a higher rank or not at all; final states never change.
const RANK: Record<RecipientStatus, number> = {
  pending: 0,
  sent: 1,
  delivered: 2,
  failed: 2,
  unconfirmed: 2,
};

/** True for a recipient status that no later observation may change. */
export function isFinalRecipient(status: RecipientStatus): boolean {
  return RANK[status] === 2;
}

/** What eCall said about one recipient, from a GetStateBasic answer or a notification callback. */
export interface Observation {
  readonly source: Extract<EventSource, 'poll' | 'callback'>;
  readonly at: string;
  /** The recipient's number as eCall reports it (`0041...`); absent when eCall did not say. */
  readonly address?: string;
  readonly jobType: number;
  readonly sendState: number;
  readonly errorState?: number;
  readonly pointsUsed?: number;
  readonly finishDate?: string | null;
  readonly requestId?: string;
}

/** A change to apply with `MessageStore.update`. */
export interface TrackingChange {
  readonly state: MessageState;
  readonly events: HistoryEvent[];
  readonly hostEvents: HostEventDraft[];
}

function findRecipient(recipients: readonly RecipientState[], address: string | undefined): number {
  if (address) {
    const key = addressKey(address);
    const index = recipients.findIndex((r) => addressKey(r.address) === key);
    if (index >= 0) return index;
  }
  // eCall names a number the request did not (an address-book group expanded): with one recipient it is that one.
  return recipients.length === 1 ? 0 : -1;
}

/** The message status its recipients imply once none is pending any more; undefined while some are. */
export function deriveMessageStatus(recipients: readonly RecipientState[]): MessageStatus | undefined {
  if (!recipients.every((r) => isFinalRecipient(r.status))) return undefined;
  const delivered = recipients.filter((r) => r.status === 'delivered').length;
  if (delivered === recipients.length) return 'delivered';
  if (delivered > 0) return 'partially_delivered';
  return recipients.some((r) => r.status === 'failed') ? 'failed' : 'unconfirmed';
}

const HOST_EVENT_OF: Partial<Record<RecipientStatus, HostEventDraft['type']>> = {
  sent: 'recipient.sent',
  delivered: 'recipient.delivered',
  failed: 'recipient.failed',
  unconfirmed: 'recipient.unconfirmed',
};

function withRecipient(
  state: MessageState,
  index: number,
  next: RecipientState,
  event: HistoryEvent,
  at: string,
): TrackingChange {
  const recipients = state.recipients.map((r, i) => (i === index ? next : r));
  const derived = deriveMessageStatus(recipients);
  const status = derived ?? state.status;
  const events = [event];
  const hostEvents: HostEventDraft[] = [];
  const prev = state.recipients[index];
  const hostType = prev?.status !== next.status ? HOST_EVENT_OF[next.status] : undefined;
  if (hostType) hostEvents.push({ type: hostType, occurredAt: at, data: { recipient: next } });
  if (derived && derived !== state.status) {
    events.push({ at, type: 'final', source: event.source, status: derived });
  }
  return {
    state: { ...state, recipients, status, updatedAt: at, ...(derived && !state.finalAt && { finalAt: at }) },
    events,
    hostEvents,
  };
}

/**
 * Applies one observation to a message's state. Returns undefined when it changes nothing: unknown
 * recipient, a state not ahead of the one known (duplicates, out-of-order callbacks), or a final recipient.
 */
export function applyObservation(state: MessageState, observation: Observation): TrackingChange | undefined {
  const index = findRecipient(state.recipients, observation.address);
  const current = state.recipients[index];
  if (!current || isFinalRecipient(current.status)) return undefined;
  const verdict = classifySendState(observation.jobType, observation.sendState, observation.errorState);
  const status: RecipientStatus = verdict.outcome;
  const advances = RANK[status] > RANK[current.status];
  const sameRankNews = RANK[status] === RANK[current.status] && observation.sendState !== current.sendState;
  if (!advances && !sameRankNews) return undefined;
  const at = observation.at;
  const next: RecipientState = {
    ...current,
    status: advances ? status : current.status,
    sendState: observation.sendState,
    ...(observation.errorState !== undefined &&
      observation.errorState !== 0 && { errorState: observation.errorState }),
    ...(observation.pointsUsed !== undefined && { pointsUsed: observation.pointsUsed }),
    ...(observation.finishDate !== undefined && { finishDate: observation.finishDate }),
    updatedAt: at,
  };
  const event: HistoryEvent = {
    at,
    type: advances ? `recipient.${next.status}` : 'recipient.progress',
    source: observation.source,
    address: current.address,
    recipientStatus: next.status,
    sendState: observation.sendState,
    text: describeSendState(observation.jobType, observation.sendState).en,
    ...(observation.errorState && {
      errorState: observation.errorState,
      detail: describeErrorState(observation.jobType, observation.errorState).en,
    }),
    ...(observation.pointsUsed && { pointsUsed: observation.pointsUsed }),
    ...(observation.finishDate && { finishDate: observation.finishDate }),
    ...(observation.requestId && { requestId: observation.requestId }),
  };
  return withRecipient(state, index, next, event, at);
}

/** Marks every recipient still open as `unconfirmed` (the tracking window closed without a final state). */
export function expireTracking(
  state: MessageState,
  at: string,
  source: EventSource = 'poll',
): TrackingChange | undefined {
  if (state.recipients.every((r) => isFinalRecipient(r.status))) return undefined;
  let change: TrackingChange = { state, events: [], hostEvents: [] };
  for (const [index, recipient] of state.recipients.entries()) {
    if (isFinalRecipient(recipient.status)) continue;
    const next: RecipientState = { ...recipient, status: 'unconfirmed', updatedAt: at };
    const event: HistoryEvent = {
      at,
      type: 'recipient.unconfirmed',
      source,
      address: recipient.address,
      recipientStatus: 'unconfirmed',
      detail: 'tracking window closed without a final state from eCall',
    };
    const step = withRecipient(change.state, index, next, event, at);
    change = {
      state: step.state,
      events: [...change.events, ...step.events],
      hostEvents: [...change.hostEvents, ...step.hostEvents],
    };
  }
  return change;
}
