import type { Channel, MessageStatus } from './statuses.ts';

/**
 * Redis key layout of the message store. All ids sort by creation time, so the indexes are sorted sets with
 * score 0 ordered by member (BYLEX): a time range is an id range and a cursor is the last id seen.
 */
export function storeKeys(prefix: string) {
  return {
    record: (id: string) => `${prefix}:msg:${id}`,
    history: (id: string) => `${prefix}:msg:${id}:history`,
    files: (id: string) => `${prefix}:msg:${id}:files`,
    /** Host events of a message by sequence number (the webhook outbox). */
    outbox: (id: string) => `${prefix}:msg:${id}:outbox`,
    /** Webhook delivery progress and attempts of a message. */
    deliveries: (id: string) => `${prefix}:msg:${id}:deliveries`,
    /** `id:seq` of host events whose delivery jobs may not exist yet, scored by creation time. */
    outboxPending: `${prefix}:outbox:pending`,
    all: `${prefix}:idx:all`,
    byStatus: (status: MessageStatus) => `${prefix}:idx:status:${status}`,
    byChannel: (channel: Channel) => `${prefix}:idx:channel:${channel}`,
    /** Messages to one recipient (by `addressKey`), for search. */
    byRecipient: (key: string) => `${prefix}:idx:rcpt:${key}`,
    /** Per-minute counters and latency sums of one series (see `MessageStore.count`). */
    series: (name: string) => `${prefix}:series:${name}`,
    idempotency: (scope: string, key: string) => `${prefix}:idem:${scope}:${key}`,
    accountPause: `${prefix}:account:pause`,
  };
}

/** The key builder returned by {@link storeKeys}. */
export type StoreKeys = ReturnType<typeof storeKeys>;
