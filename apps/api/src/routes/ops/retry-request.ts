import type { MessageRecord, MessageRequest, MessageStatus } from '@ecall-relay/messages';

/** Statuses from which an operator may send a message again: eCall refused it or it did not reach everyone. */
export const RETRYABLE_STATUSES = [
  'failed',
  'rejected',
  'unconfirmed',
  'partially_delivered',
] as const satisfies readonly MessageStatus[];

/** Whether a message in `status` may be retried. */
export function isRetryable(status: MessageStatus): boolean {
  return (RETRYABLE_STATUSES as readonly MessageStatus[]).includes(status);
}

/**
 * The request of the message that retries `old`: the same content, created now by `user`, pointing back with
 * `retryOf`, without the idempotency key (it belongs to the first request). Recipients that already have the
 * message are left out, so retrying a partial delivery does not send it twice to anyone.
 */
export function retryRequest(
  old: Pick<MessageRecord, 'id' | 'request' | 'state'>,
  at: Date,
  user: string,
): MessageRequest {
  const { idempotencyKey: _key, ...request } = old.request;
  const delivered = new Set(
    old.state.recipients.filter((r) => r.status === 'delivered').map((r) => r.address),
  );
  const to = request.to.filter((address) => !delivered.has(address));
  return {
    ...request,
    to: to.length > 0 ? to : request.to,
    createdAt: at.toISOString(),
    createdBy: user,
    retryOf: old.id,
  };
}
