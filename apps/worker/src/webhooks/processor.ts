import {
  type HostEventDraft,
  type MessageStore,
  type WebhookDestination,
  type WebhookJobData,
  webhookJobSchema,
} from '@ecall-relay/messages';
import { DelayedError, type Job, type Queue, UnrecoverableError } from 'bullmq';
import type { Redis } from 'ioredis';
import { type Logger, silentLogger } from '../logger.ts';
import { createAttempter } from './attempt.ts';
import { createOrderGate } from './order-gate.ts';
import { createDeliveryProgress } from './progress.ts';
import { createRetryPolicy, type RetryPolicyOptions } from './retry-policy.ts';
import { resolveTarget, type WebhookTarget } from './target.ts';

/** Dependencies of {@link createWebhookProcessor}. */
export interface WebhookProcessorDeps extends RetryPolicyOptions {
  /** Supplies the key layout, the retention (TTL of the attempt log) and the records (for `callbackUrl`). */
  readonly store: MessageStore;
  readonly redis: Redis;
  /** The webhook queue: to wake the next event of a message and to re-add a lost one. */
  readonly queue: Queue<WebhookJobData>;
  /** HMAC key of the `X-Relay-Signature` header. */
  readonly secret: string;
  /** The host system's endpoint (destination `host`). */
  readonly hostUrl?: string | undefined;
  /** HTTP Basic credentials for `hostUrl` only; never sent to a message's own `callbackUrl`. */
  readonly username?: string | undefined;
  readonly password?: string | undefined;
  /** Limit of one request, answer included. @defaultValue 10_000 */
  readonly timeoutMs?: number | undefined;
  /** Shortest wait of an event parked behind its predecessor. @defaultValue 1_000 */
  readonly orderPollMs?: number | undefined;
  /** @defaultValue silentLogger */
  readonly logger?: Logger;
  readonly now?: () => number;
}

/** How a webhook job ended; retries and waits throw `DelayedError` instead (BullMQ keeps the job). */
export type WebhookJobOutcome = 'delivered' | 'rejected' | 'given-up' | 'skipped';

/**
 * Creates the BullMQ processor of the webhook queue: delivers one host event to one destination as a signed
 * JSON POST, in order per message and destination, and records every attempt for the API.
 *
 * @throws Error when `secret` is empty or `hostUrl` is not an absolute http(s) URL (the URL is not echoed).
 */
export function createWebhookProcessor(deps: WebhookProcessorDeps) {
  if (!deps.secret) throw new Error('the webhook secret is empty: every webhook request must be signed');
  const host = deps.hostUrl
    ? resolveTarget(deps.hostUrl, { username: deps.username, password: deps.password })
    : undefined;
  if (deps.hostUrl && !host) throw new Error('the host webhook URL is not an absolute http(s) URL');
  const { store, redis, queue, secret } = deps;
  const logger = deps.logger ?? silentLogger;
  const now = deps.now ?? Date.now;
  const progress = createDeliveryProgress(redis, store.keys, store.retentionMs);
  const gate = createOrderGate({
    queue,
    progress,
    now,
    ...(deps.orderPollMs && { pollMs: deps.orderPollMs }),
  });
  const attempt = createAttempter({
    progress,
    decide: createRetryPolicy(deps),
    secret,
    timeoutMs: deps.timeoutMs ?? 10_000,
    now,
  });

  async function targetOf(id: string, destination: WebhookDestination): Promise<WebhookTarget | 'unusable'> {
    if (destination === 'host') return host ?? 'unusable';
    const raw = (await store.read(id))?.request.callbackUrl;
    return (raw && resolveTarget(raw)) || 'unusable';
  }

  async function readEvent(id: string, seq: number): Promise<HostEventDraft | undefined> {
    const raw = await redis.hget(store.keys.outbox(id), String(seq));
    return raw ? (JSON.parse(raw) as HostEventDraft) : undefined;
  }

  return async function processWebhook(job: Job<WebhookJobData>, token?: string): Promise<WebhookJobOutcome> {
    const parsed = webhookJobSchema.safeParse(job.data);
    // Retrying a job that can never be read would only hold up the queue.
    if (!parsed.success) throw new UnrecoverableError(`invalid webhook job data: ${parsed.error.message}`);
    const data = parsed.data;
    const { messageId: id, seq, destination } = data;
    const done = await progress.done(id, destination);
    // A job added again after it finished (sweep, lost-job repair) must not deliver twice.
    if (done >= seq) return 'skipped';
    if (done < seq - 1) return gate.hold(job, data, token, done);
    const event = await readEvent(id, seq);
    if (!event) {
      // The message expired with its outbox: nothing left to send, and later events must not wait for it.
      logger.warn({ messageId: id, seq, destination }, 'host event no longer stored: skipped');
      await progress.record(id, destination, seq, undefined, true);
      await gate.handOff(data);
      return 'skipped';
    }
    const { entry, step } = await attempt(data, event, await targetOf(id, destination));
    await progress.record(id, destination, seq, entry, step.outcome !== 'retrying');
    const { url, status, outcome, error, faultMessage } = entry;
    const fields = {
      messageId: id,
      seq,
      destination,
      url,
      attempt: entry.attempt,
      status,
      error,
      faultMessage,
    };
    if (outcome === 'delivered' || outcome === 'retrying') logger.debug(fields, `webhook ${outcome}`);
    else logger.warn(fields, `webhook ${outcome}`);
    if (step.outcome === 'retrying') {
      await job.moveToDelayed(step.nextAttemptAt, token);
      throw new DelayedError();
    }
    await gate.handOff(data);
    return step.outcome;
  };
}
