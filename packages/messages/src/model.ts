import { z } from 'zod';
import { CHANNELS, type MessageStatus, type RecipientStatus } from './statuses.ts';

/** Fax TokenFields options. */
export const faxOptionsSchema = z.strictObject({
  callingNumber: z.string().optional(),
  maxRetries: z.number().int().min(0).max(9).optional(),
  retryIntervalMinutes: z.number().int().min(0).max(99).optional(),
  noCoversheet: z.boolean().optional(),
});
export type FaxOptions = z.infer<typeof faxOptionsSchema>;

/**
 * What the relay keeps of an accepted request: everything needed to call eCall, without secrets and without
 * attachment bodies (those live in their own key). Parsed again by the worker before every use.
 */
export const messageRequestSchema = z.strictObject({
  channel: z.enum(CHANNELS),
  to: z.array(z.string().min(1)).min(1),
  text: z.string(),
  /** SMS: SMSCallback. Fax and voice: FromText. */
  from: z.string().optional(),
  /** The instant requested by the caller (ISO 8601 with zone). */
  sendAt: z.string().optional(),
  /** eCall's SendDate for `sendAt`, Europe/Zurich local time. */
  sendDate: z.string().optional(),
  flash: z.boolean().optional(),
  answerTo: z.string().optional(),
  noLog: z.boolean().optional(),
  /** The caller's own notification addresses (mobile numbers, e-mail addresses, URLs). */
  notify: z.array(z.string()).optional(),
  subject: z.string().optional(),
  headerId: z.string().optional(),
  headerInfo: z.string().optional(),
  files: z.array(z.strictObject({ fileName: z.string(), size: z.number().int().nonnegative() })).optional(),
  faxOptions: faxOptionsSchema.optional(),
  language: z.enum(['DE', 'FR', 'IT', 'EN']).optional(),
  callbackUrl: z.string().optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  createdAt: z.string(),
  createdBy: z.string().optional(),
  idempotencyKey: z.string().optional(),
  /** The message this one re-sends (a retry of a failed message gets a new id, hence a new eCall JobID). */
  retryOf: z.string().optional(),
});
export type MessageRequest = z.infer<typeof messageRequestSchema>;

/** An attachment body, stored apart from the record. */
export interface StoredFile {
  readonly fileName: string;
  readonly contentBase64: string;
}

/** One recipient of a message and where it stands. */
export interface RecipientState {
  address: string;
  status: RecipientStatus;
  sendState?: number;
  errorState?: number;
  pointsUsed?: number;
  finishDate?: string | null;
  updatedAt: string;
}

/** The worker's marker for a call to eCall that may be under way; a crash leaves it behind. */
export interface InFlight {
  attempt: number;
  startedAt: string;
  clientRequestId: string;
}

/** The mutable part of a message record. */
export interface MessageState {
  status: MessageStatus;
  updatedAt: string;
  /** Submissions made to eCall (calls of a Send operation). */
  attempts: number;
  recipients: RecipientState[];
  inFlight?: InFlight;
  /** A previous call may have reached eCall: ask GetStateBasic before sending again. */
  ambiguous?: boolean;
  lastCode?: number;
  lastText?: string;
  lastError?: string;
  /** eCall's x-f24-request-id of the latest calls, newest last (support asks for them). */
  requestIds: string[];
  operation?: string;
  submittedAt?: string;
  acceptedAt?: string;
  finalAt?: string;
  nextAttemptAt?: string;
  /** Replies to an SMS (eCall `Function=Answer` callbacks), oldest first, at most 100. */
  replies?: Reply[];
}

/** A reply a recipient sent to an SMS. */
export interface Reply {
  from: string;
  to: string;
  text: string;
  /** eCall's TimeStamp as an ISO instant (or the receive time when eCall sent none). */
  at: string;
  receivedAt: string;
}

/** Where a history event came from. */
export type EventSource = 'api' | 'worker' | 'callback' | 'poll' | 'admin';

/** One entry of a message's history: append-only, timestamped. */
export interface HistoryEvent {
  at: string;
  type: string;
  source: EventSource;
  status?: MessageStatus;
  address?: string;
  recipientStatus?: RecipientStatus;
  code?: number;
  text?: string;
  requestId?: string;
  clientRequestId?: string;
  attempt?: number;
  sendState?: number;
  errorState?: number;
  /** eCall PointsUsed and FinishDate (ISO instant) when eCall reported them. */
  pointsUsed?: number;
  finishDate?: string;
  detail?: string;
}

/** A whole message as the store returns it. */
export interface MessageRecord {
  id: string;
  request: MessageRequest;
  state: MessageState;
  version: number;
  history: HistoryEvent[];
}

/** Kinds of events published to the host system. */
export const HOST_EVENT_TYPES = [
  'message.accepted',
  'message.rejected',
  'message.failed',
  'recipient.sent',
  'recipient.delivered',
  'recipient.failed',
  'recipient.unconfirmed',
  'message.reply',
] as const;
export type HostEventType = (typeof HOST_EVENT_TYPES)[number];

/** An event for the host as the worker writes it; the outbox gives it its sequence number. */
export interface HostEventDraft {
  readonly type: HostEventType;
  readonly occurredAt: string;
  readonly data: Record<string, unknown>;
}
