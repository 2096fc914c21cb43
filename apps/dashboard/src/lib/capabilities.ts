import { CANCELABLE_STATUSES } from '@ecall-relay/messages/browser';
import type { MessageStatus, Role } from './types.ts';

/** Statuses the api lets an admin retry (apps/api/src/routes/ops/retry-request.ts). */
export const RETRYABLE_STATUSES: readonly MessageStatus[] = [
  'failed',
  'rejected',
  'unconfirmed',
  'partially_delivered',
];

/** Statuses in which nothing reached eCall yet, so a cancel can still win. */
export { CANCELABLE_STATUSES };

/** Statuses after which nothing about the message changes any more (the detail page stops refreshing). */
export const FINAL_STATUSES: readonly MessageStatus[] = [
  'delivered',
  'partially_delivered',
  'failed',
  'rejected',
  'canceled',
  'unconfirmed',
];

/** What the signed-in user may do; the server checks again, this only decides which buttons to show. */
export interface Capabilities {
  readonly retry: boolean;
  readonly cancel: boolean;
  readonly resume: boolean;
}

/**
 * The dashboard's actions by role: acting takes admin. Cancel (DELETE) and retry (POST) also pass the api's
 * method rule, which asks for send, so a button only shows when the server will take the click.
 */
export function capabilitiesOf(roles: readonly Role[]): Capabilities {
  const admin = roles.includes('admin');
  const send = roles.includes('send');
  return { retry: admin && send, cancel: admin && send, resume: admin };
}

/** Which message actions apply to a message in `status` for a user with `caps`. */
export function messageActions(
  caps: Capabilities,
  status: MessageStatus,
): { readonly retry: boolean; readonly cancel: boolean } {
  return {
    retry: caps.retry && RETRYABLE_STATUSES.includes(status),
    cancel: caps.cancel && CANCELABLE_STATUSES.includes(status),
  };
}
