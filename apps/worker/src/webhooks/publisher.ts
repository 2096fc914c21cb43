import type { MessageStore, WebhookDestination, WebhookJobData } from '@ecall-relay/messages';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { webhookJob } from './jobs.ts';

/** Dependencies of {@link createWebhookPublisher}. */
export interface WebhookPublisherDeps {
  /** Supplies the outbox keys and the records a sweep needs. */
  readonly store: MessageStore;
  /** The webhook queue (`QUEUE_NAMES.webhooks`). */
  readonly queue: Queue<WebhookJobData>;
  /** A connection to the same Redis (the pending-outbox set is plain Redis, not BullMQ). */
  readonly redis: Redis;
  /** The host system's endpoint; only whether one is configured matters here. */
  readonly hostUrl?: string | undefined;
}

/** What {@link WebhookPublisher.enqueue} needs of a message record. */
export interface PublishableRecord {
  readonly id: string;
  readonly request: { readonly callbackUrl?: string | undefined };
}

/** Turns host events waiting in the outbox into webhook jobs. */
export interface WebhookPublisher {
  /**
   * Adds one job per event and destination (`host` when an endpoint is configured, `message` when the record
   * has a `callbackUrl`), then takes the events off the pending set. Safe to repeat: job ids are deterministic.
   */
  enqueue(record: PublishableRecord, seqs: readonly number[]): Promise<void>;
  /**
   * Enqueues pending events older than `olderThanMs` (their worker died between the state change and
   * {@link WebhookPublisher.enqueue}); resolves to how many it took off the pending set, at most 1000 per call.
   */
  sweep(olderThanMs?: number): Promise<number>;
}

const SWEEP_BATCH = 1_000;

/** Creates the publisher. Nothing is read or written until a method is called. */
export function createWebhookPublisher(deps: WebhookPublisherDeps): WebhookPublisher {
  const { store, queue, redis } = deps;
  const pending = store.keys.outboxPending;

  async function enqueue(record: PublishableRecord, seqs: readonly number[]): Promise<void> {
    if (seqs.length === 0) return;
    const destinations: WebhookDestination[] = [];
    if (deps.hostUrl) destinations.push('host');
    if (record.request.callbackUrl) destinations.push('message');
    const jobs = seqs.flatMap((seq) =>
      destinations.map((destination) => webhookJob({ messageId: record.id, seq, destination })),
    );
    // Jobs first, then the pending entries: a crash in between leaves entries the sweep re-adds as no-ops.
    if (jobs.length) await queue.addBulk(jobs);
    await redis.zrem(pending, ...seqs.map((seq) => `${record.id}:${seq}`));
  }

  async function sweep(olderThanMs = 10_000): Promise<number> {
    const members = await redis.zrangebyscore(
      pending,
      '-inf',
      Date.now() - olderThanMs,
      'LIMIT',
      0,
      SWEEP_BATCH,
    );
    const byMessage = new Map<string, number[]>();
    const malformed: string[] = [];
    for (const member of members) {
      const cut = member.lastIndexOf(':');
      const seq = Number(member.slice(cut + 1));
      if (cut <= 0 || !Number.isInteger(seq) || seq < 1) malformed.push(member);
      else byMessage.set(member.slice(0, cut), [...(byMessage.get(member.slice(0, cut)) ?? []), seq]);
    }
    if (malformed.length) await redis.zrem(pending, ...malformed);
    for (const [id, seqs] of byMessage) {
      const record = await store.read(id);
      // An expired message has no events left to send.
      if (record) await enqueue(record, seqs);
      else await redis.zrem(pending, ...seqs.map((seq) => `${id}:${seq}`));
    }
    return members.length;
  }

  return { enqueue, sweep };
}
