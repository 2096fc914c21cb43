import type { HostEventDraft, HostEventType } from '@ecall-relay/messages';
import { SIGNATURE_HEADER, signWebhook } from './signature.ts';

/**
 * The JSON body of every webhook request. `id` (`<messageId>:<seq>`) is the same on every attempt and for
 * every destination: hosts use it to drop a repeated delivery. `seq` counts the message's events from 1 and
 * arrives in order per message and destination.
 */
export interface WebhookEvent {
  readonly id: string;
  readonly type: HostEventType;
  /** When the change happened (ISO 8601), not when it was delivered. */
  readonly occurredAt: string;
  readonly messageId: string;
  readonly seq: number;
  /** Event details (recipient address, eCall codes, reply text...), as the worker recorded them. */
  readonly data: Record<string, unknown>;
}

/** Builds the body of host event `seq` of message `messageId` from its outbox entry. */
export function webhookEvent(messageId: string, seq: number, draft: HostEventDraft): WebhookEvent {
  return {
    id: `${messageId}:${seq}`,
    type: draft.type,
    occurredAt: draft.occurredAt,
    messageId,
    seq,
    data: draft.data,
  };
}

/** The request headers of one attempt; the signature is made afresh so its timestamp is the attempt's. */
export function webhookHeaders(
  event: WebhookEvent,
  rawBody: string,
  secret: string,
  nowMs: number,
  authorization?: string,
): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    'User-Agent': 'ecall-relay',
    'X-Relay-Event': event.type,
    'X-Relay-Delivery': event.id,
    [SIGNATURE_HEADER]: signWebhook(secret, rawBody, Math.floor(nowMs / 1000)),
    ...(authorization && { Authorization: authorization }),
  };
}
