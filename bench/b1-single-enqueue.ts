import type { Bench } from './context.ts';
import { type LoadSpec, warmThenMeasure } from './lib/load.ts';
import { benchText } from './lib/messages.ts';
import { figure } from './results.ts';

/**
 * B1: `POST /v1/sms` under load (autocannon in this process, api in its own) against a minimal hono endpoint
 * that only calls `queue.add` on the same Redis (its own process too). The worker is not running.
 */
export const singleEnqueue: Bench = async ({ services, sizes, log, flush }) => {
  const [api, baselineOrigin] = await Promise.all([services.api(), services.baseline()]);
  const spec: Omit<LoadSpec, 'origin'> = {
    method: 'POST',
    path: '/v1/sms',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ to: '+41 79 123 45 67', text: benchText(1) }),
    connections: sizes.connections,
    seconds: sizes.loadSeconds,
  };
  log(`B1 relay: ${sizes.connections} connections, ${sizes.loadSeconds} s`);
  const relay = await warmThenMeasure(
    { ...spec, origin: api.origin, headers: { ...spec.headers, authorization: `Bearer ${api.apiKey}` } },
    sizes.warmupSeconds,
  );
  await flush();
  log('B1 baseline: hono + queue.add');
  const base = await warmThenMeasure({ ...spec, origin: baselineOrigin }, sizes.warmupSeconds);
  await flush();
  const invalid = relay.failures > 0 || base.failures > 0;
  const note =
    `baseline: hono endpoint doing only queue.add; ${relay.total} / ${base.total} requests` +
    (invalid ? `; FAILURES relay ${relay.failures}, baseline ${base.failures}` : '');
  return [
    figure({
      id: 'B1.requestsPerSecond',
      label: 'B1 single enqueue, requests/s',
      unit: 'req/s',
      value: relay.requestsPerSecond,
      baseline: base.requestsPerSecond,
      goal: { kind: 'min-ratio', target: 0.6 },
      invalid,
      note,
    }),
    figure({
      id: 'B1.p50',
      label: 'B1 single enqueue, p50 latency',
      unit: 'ms',
      value: relay.p50Ms,
      baseline: base.p50Ms,
      note: `${sizes.connections} connections`,
    }),
    figure({
      id: 'B1.p99',
      label: 'B1 single enqueue, p99 latency',
      unit: 'ms',
      value: relay.p99Ms,
      baseline: base.p99Ms,
      goal: { kind: 'max-value', target: 20 },
      invalid,
      note: `${sizes.connections} connections`,
    }),
  ];
};
