import type { Redis } from 'ioredis';
import type { StoreKeys } from './keys.ts';
import type { HostEventType } from './model.ts';
import type { WebhookDestination } from './queues.ts';

/**
 * How one webhook attempt ended: `delivered` (2xx), `retrying` (5xx, 408, 429, timeout or connection error,
 * another attempt is scheduled), `rejected` (400 or another answer that resending cannot fix), `given-up`
 * (still failing when the retry window closed).
 */
export const DELIVERY_OUTCOMES = ['delivered', 'retrying', 'rejected', 'given-up'] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

/** One attempt to deliver a host event, as kept for the API's message view. */
export interface DeliveryAttempt {
  /** The event's sequence number within its message. */
  readonly seq: number;
  readonly type: HostEventType;
  readonly destination: WebhookDestination;
  /** The endpoint, without credentials, query string or fragment. */
  readonly url: string;
  /** 1 for the first attempt of this event at this destination. */
  readonly attempt: number;
  /** When the attempt started (ISO 8601). */
  readonly at: string;
  /** The host's HTTP status, when it answered. */
  readonly status?: number;
  readonly outcome: DeliveryOutcome;
  /** Why no answer counted: a timeout, a connection error, an unusable URL. */
  readonly error?: string;
  /** `faultInfo.errorCode` of the host's answer, when it sent one. */
  readonly faultCode?: number;
  /** `faultInfo.message` of the host's answer, when it sent one. */
  readonly faultMessage?: string;
  readonly durationMs: number;
  /** When the next attempt is due (outcome `retrying`). */
  readonly nextAttemptAt?: string;
}

/** Attempts kept per message; older ones are dropped first. */
export const DELIVERY_LOG_LIMIT = 200;

/** Redis key of a message's attempt list (a LIST, oldest first, trimmed to {@link DELIVERY_LOG_LIMIT}). */
export function deliveryLogKey(keys: StoreKeys, id: string): string {
  return `${keys.deliveries(id)}:log`;
}

/** Reads the webhook attempts of a message, newest last; empty when there were none or they expired. */
export async function readDeliveries(
  redis: Pick<Redis, 'lrange'>,
  keys: StoreKeys,
  id: string,
): Promise<DeliveryAttempt[]> {
  const lines = await redis.lrange(deliveryLogKey(keys, id), 0, -1);
  return lines.flatMap((line) => {
    try {
      return [JSON.parse(line) as DeliveryAttempt];
    } catch {
      // One damaged entry must not hide the others from the API.
      return [];
    }
  });
}
