import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { HttpMetrics } from './http-metrics.ts';

/** Latency buckets in seconds, from a fast local submission to a fax that takes hours. */
const LATENCY_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 4 * 3600, 24 * 3600];

/** The relay's Prometheus metrics, in one registry per process. */
export interface RelayMetrics {
  readonly registry: Registry;
  /** eCall Send* answers by operation and ResponseCode (and transport failures, code "transport"). */
  readonly submissions: Counter<'operation' | 'code' | 'result'>;
  /** Submissions that will be tried again, by reason (transient, ambiguous, transport). */
  readonly retries: Counter<'reason'>;
  readonly accountPauses: Counter<'code'>;
  readonly queueDepth: Gauge<'queue' | 'state'>;
  /** Send calls toward eCall in flight, and jobs waiting for a call slot (`WORKER_CONCURRENCY` bounds them). */
  readonly ecallCalls: Gauge<'state'>;
  readonly enqueueToAccepted: Histogram<string>;
  readonly acceptedToFinal: Histogram<'status'>;
  readonly callbacks: Counter<'kind'>;
  readonly polls: Counter<'result'>;
  readonly webhookDeliveries: Counter<'outcome'>;
  /** API requests: `relay_http_requests_total` and `relay_http_request_duration_seconds`. */
  readonly http: HttpMetrics;
}

/** Creates the metrics in a fresh registry, with Node's process metrics (memory, event loop, GC). */
export function createRelayMetrics(options: { app: string; defaults?: boolean }): RelayMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ app: options.app });
  if (options.defaults !== false) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    submissions: new Counter({
      name: 'relay_ecall_submissions_total',
      help: 'eCall Send* calls by operation, ResponseCode and classification',
      labelNames: ['operation', 'code', 'result'],
      registers,
    }),
    retries: new Counter({
      name: 'relay_retries_total',
      help: 'Submissions to be retried, by reason',
      labelNames: ['reason'],
      registers,
    }),
    accountPauses: new Counter({
      name: 'relay_account_pauses_total',
      help: 'Times sending was paused for an account-level eCall code',
      labelNames: ['code'],
      registers,
    }),
    queueDepth: new Gauge({
      name: 'relay_queue_jobs',
      help: 'Jobs per queue and state',
      labelNames: ['queue', 'state'],
      registers,
    }),
    ecallCalls: new Gauge({
      name: 'relay_ecall_calls',
      help: 'Send calls toward eCall in flight, and jobs waiting for a call slot',
      labelNames: ['state'],
      registers,
    }),
    enqueueToAccepted: new Histogram({
      name: 'relay_enqueue_to_accepted_seconds',
      help: 'From the 202 to eCall accepting the message',
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    acceptedToFinal: new Histogram({
      name: 'relay_accepted_to_final_seconds',
      help: 'From eCall accepting the message to its final status',
      labelNames: ['status'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    callbacks: new Counter({
      name: 'relay_callbacks_received_total',
      help: 'eCall callbacks received by kind',
      labelNames: ['kind'],
      registers,
    }),
    polls: new Counter({
      name: 'relay_polls_total',
      help: 'GetStateBasic polls by outcome',
      labelNames: ['result'],
      registers,
    }),
    webhookDeliveries: new Counter({
      name: 'relay_webhook_deliveries_total',
      help: 'Host webhook delivery attempts by outcome',
      labelNames: ['outcome'],
      registers,
    }),
    http: new HttpMetrics(registry),
  };
}

/** The states whose job counts are reported per queue. */
export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed', 'paused'] as const;

/** Anything that can count its jobs: a BullMQ Queue. */
export interface CountableQueue {
  readonly name: string;
  getJobCounts(...states: string[]): Promise<Record<string, number>>;
}

/** Refreshes the queue-depth gauge from Redis (call before serving /metrics). */
export async function refreshQueueDepths(
  metrics: RelayMetrics,
  queues: readonly CountableQueue[],
): Promise<void> {
  await Promise.all(
    queues.map(async (queue) => {
      const counts = await queue.getJobCounts(...QUEUE_STATES);
      for (const state of QUEUE_STATES)
        metrics.queueDepth.set({ queue: queue.name, state }, counts[state] ?? 0);
    }),
  );
}
