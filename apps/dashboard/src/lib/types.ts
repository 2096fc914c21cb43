/** The JSON the dashboard reads from the api (a subset of its OpenAPI schemas, checked in contract.test.ts). */

export {
  CHANNELS,
  type Channel,
  MESSAGE_STATUSES,
  type MessageStatus,
} from '@ecall-relay/messages/browser';

import type { Channel, MessageStatus } from '@ecall-relay/messages/browser';

/** The api's roles. */
export type Role = 'send' | 'read' | 'admin';

/** One entry of a message's history. */
export interface HistoryEvent {
  readonly at: string;
  readonly type: string;
  readonly source: 'api' | 'worker' | 'callback' | 'poll' | 'admin';
  readonly status?: MessageStatus | undefined;
  readonly address?: string | undefined;
  readonly recipientStatus?: string | undefined;
  readonly code?: number | undefined;
  readonly text?: string | undefined;
  readonly requestId?: string | undefined;
  readonly clientRequestId?: string | undefined;
  readonly attempt?: number | undefined;
  readonly sendState?: number | undefined;
  readonly errorState?: number | undefined;
  readonly detail?: string | undefined;
}

/** A recipient of a message and where it stands. */
export interface RecipientView {
  readonly address: string;
  readonly status: string;
  readonly updatedAt: string;
  readonly sendState?: number | undefined;
  readonly sendStateText?: string | undefined;
  readonly errorState?: number | undefined;
  readonly errorStateText?: string | undefined;
  readonly pointsUsed?: number | undefined;
  readonly finishDate?: string | null | undefined;
}

/** A reply to an SMS, when the view carries replies. */
export interface ReplyView {
  readonly from: string;
  readonly text: string;
  readonly at: string;
}

/** A webhook delivery attempt to the host system, when the view carries them. */
export interface DeliveryView {
  readonly seq: number;
  readonly type: string;
  readonly destination: string;
  readonly url: string;
  readonly attempt: number;
  readonly at: string;
  readonly status?: number | undefined;
  readonly outcome: string;
  readonly error?: string | undefined;
  readonly faultMessage?: string | undefined;
  readonly durationMs: number;
}

/** `GET /v1/messages/{id}` (history only there) and the items of `GET /v1/messages`. */
export interface Message {
  readonly id: string;
  readonly channel: Channel;
  readonly status: MessageStatus;
  readonly to: readonly string[];
  readonly text: string;
  readonly options: Readonly<Record<string, unknown>>;
  readonly recipients: readonly RecipientView[];
  readonly attempts: number;
  readonly lastCode?: number | undefined;
  readonly lastText?: string | undefined;
  readonly lastDescription?: string | undefined;
  readonly requestIds: readonly string[];
  readonly history?: readonly HistoryEvent[] | undefined;
  readonly createdAt: string;
  readonly createdBy?: string | undefined;
  readonly updatedAt: string;
  readonly submittedAt?: string | undefined;
  readonly acceptedAt?: string | undefined;
  readonly finalAt?: string | undefined;
  readonly nextAttemptAt?: string | undefined;
  readonly metadata?: Readonly<Record<string, unknown>> | undefined;
  readonly replies?: readonly ReplyView[] | undefined;
  readonly deliveries?: readonly DeliveryView[] | undefined;
}

/** One page of `GET /v1/messages`. */
export interface MessagePage {
  readonly items: readonly Message[];
  readonly nextCursor?: string | undefined;
}

/** `POST /v1/messages/{id}/retry`. */
export interface Retried {
  readonly id: string;
  readonly status: MessageStatus;
  readonly retryOf: string;
}
