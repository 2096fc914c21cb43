// The vocabulary of messages: plain constants, no dependencies, safe for the browser bundle too.

/** The three eCall channels the relay sends on. */
export const CHANNELS = ['sms', 'fax', 'voice'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Lifecycle of a message. */
export const MESSAGE_STATUSES = [
  'queued',
  'scheduled',
  'submitting',
  'retrying',
  'paused',
  'accepted',
  'delivered',
  'partially_delivered',
  'failed',
  'rejected',
  'canceled',
  'unconfirmed',
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** Statuses after which the worker never calls eCall for the message again. */
export const SETTLED_STATUSES: readonly MessageStatus[] = [
  'accepted',
  'delivered',
  'partially_delivered',
  'failed',
  'rejected',
  'canceled',
  'unconfirmed',
];

/** Statuses in which a message can still be canceled: nothing has gone to eCall. */
export const CANCELABLE_STATUSES: readonly MessageStatus[] = ['queued', 'scheduled', 'retrying', 'paused'];

/** Per-recipient delivery state; it only ever moves forward. */
export const RECIPIENT_STATUSES = ['pending', 'sent', 'delivered', 'failed', 'unconfirmed'] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];
