import { addressKey } from '@ecall-relay/messages/browser';
import type { HistoryEvent, Message, RecipientView } from './types.ts';

/** An event in a recipient's timeline; `shared` events concern the whole message (submission, answers). */
export interface TimelineEntry {
  readonly event: HistoryEvent;
  readonly shared: boolean;
}

/** One recipient with every event that concerns it, in history order. */
export interface RecipientTimeline {
  readonly recipient: RecipientView;
  readonly entries: readonly TimelineEntry[];
}

/** A reply to an SMS. */
export interface Reply {
  readonly from: string;
  readonly text: string;
  readonly at: string;
}

/** A message's history arranged for the detail page. */
export interface Timelines {
  readonly recipients: readonly RecipientTimeline[];
  /** Events naming an address that is none of the recipients (one of several group members, say). */
  readonly unmatched: readonly HistoryEvent[];
  /** SMS replies, oldest first. */
  readonly replies: readonly Reply[];
}

/**
 * Splits a message's history by recipient: each recipient's timeline holds its own events plus the
 * message-wide ones (created, submitting, eCall's answers with their request ids), in the order they were
 * recorded. With a single recipient, events eCall reports under another number (an expanded address-book
 * entry) are its own too, as the tracker counts them.
 */
export function buildTimelines(message: Pick<Message, 'recipients' | 'history' | 'replies'>): Timelines {
  const history = message.history ?? [];
  const keys = message.recipients.map((r) => addressKey(r.address));
  const lists: TimelineEntry[][] = message.recipients.map(() => []);
  const unmatched: HistoryEvent[] = [];
  const fromHistory: Reply[] = [];
  for (const event of history) {
    if (event.type === 'reply') {
      fromHistory.push({ from: event.address ?? '', text: event.detail ?? '', at: event.at });
      continue;
    }
    if (event.address === undefined) {
      for (const list of lists) list.push({ event, shared: true });
      continue;
    }
    const found = keys.indexOf(addressKey(event.address));
    const list = lists[found >= 0 ? found : keys.length === 1 ? 0 : -1];
    if (list) list.push({ event, shared: false });
    else unmatched.push(event);
  }
  return {
    recipients: message.recipients.map((recipient, i) => ({ recipient, entries: lists[i] ?? [] })),
    unmatched,
    replies: message.replies?.length ? message.replies : fromHistory,
  };
}

/** The message this one was retried as, from the old message's `retried` history event. */
export function retriedAs(history: readonly HistoryEvent[] | undefined): string | undefined {
  return history?.findLast((e) => e.type === 'retried')?.detail;
}

/** The message this one retries (the request's `retryOf`, which the view lists among the options). */
export function retryOf(message: Pick<Message, 'options'>): string | undefined {
  const value = message.options.retryOf;
  return typeof value === 'string' ? value : undefined;
}

/** The eCall request ids (x-f24-request-id) of a message: the view's latest ones plus any in its history. */
export function requestIdsOf(message: Pick<Message, 'requestIds' | 'history'>): string[] {
  const ids = [...message.requestIds];
  for (const event of message.history ?? []) {
    if (event.requestId && !ids.includes(event.requestId)) ids.push(event.requestId);
  }
  return ids;
}
