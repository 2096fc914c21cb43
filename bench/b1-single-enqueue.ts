import type { Bench } from './context.ts';
import { compareLoads, cpuText, type SideResult } from './lib/compare-load.ts';
import type { LoadSpec } from './lib/load.ts';
import { benchText } from './lib/messages.ts';
import { figure } from './results.ts';

/**
 * B1: `POST /v1/sms` under load (autocannon in this process, api in its own) against a minimal hono endpoint
 * that only calls `queue.add` on the same Redis (its own process too). The worker is not running. A third side,
 * the floor, does the relay's durable write (MessageStore.create) behind that minimal endpoint: what storing a
 * message costs by itself, apart from the api's authentication, validation and middlewares.
 */
export const singleEnqueue: Bench = async ({ services, sizes, log, flush }) => {
  const [api, baseline] = await Promise.all([services.api(), services.baseline()]);
  const spec: Omit<LoadSpec, 'origin' | 'seconds'> = {
    method: 'POST',
    path: '/v1/sms',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ to: '+41 79 123 45 67', text: benchText(1) }),
    connections: sizes.connections,
  };
  log(
    `B1: relay and baseline (hono + queue.add), ${sizes.connections} connections, ${sizes.loadSeconds} s each`,
  );
  const [relay, base, floor] = (await compareLoads(
    [
      {
        name: 'relay',
        spec: {
          ...spec,
          origin: api.origin,
          headers: { ...spec.headers, authorization: `Bearer ${api.apiKey}` },
        },
        server: api.child,
      },
      { name: 'baseline', spec: { ...spec, origin: baseline.origin }, server: baseline.child },
      {
        name: 'floor',
        spec: { ...spec, origin: baseline.origin, path: '/floor/sms' },
        server: baseline.child,
      },
    ],
    {
      seconds: sizes.loadSeconds,
      warmupSeconds: sizes.warmupSeconds,
      between: flush,
      log: (line) => log(`B1 rounds (rate, p99, server CPU per request): ${line}`),
    },
  )) as [SideResult, SideResult, SideResult];
  const invalid = relay.failures > 0 || base.failures > 0 || floor.failures > 0;
  const note =
    `baseline: hono endpoint doing only queue.add; ${relay.total} / ${base.total} requests; ` +
    `server CPU per request ${cpuText(relay)} / ${cpuText(base)}` +
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
      id: 'B1.floorRequestsPerSecond',
      label: 'B1 floor: the store write alone, requests/s',
      unit: 'req/s',
      value: floor.requestsPerSecond,
      baseline: base.requestsPerSecond,
      invalid,
      note: `hono + MessageStore.create (record, history, indexes, send job), no auth, validation or middlewares; server CPU per request ${cpuText(floor)}`,
    }),
    figure({
      id: 'B1.p50',
      label: 'B1 single enqueue, p50 latency',
      unit: 'ms',
      value: relay.p50Ms,
      baseline: base.p50Ms,
      note: `${sizes.connections} connections; request-weighted mean of the rounds' medians`,
    }),
    figure({
      id: 'B1.p99',
      label: 'B1 single enqueue, p99 latency',
      unit: 'ms',
      value: relay.p99Ms,
      baseline: base.p99Ms,
      goal: { kind: 'max-value', target: 20 },
      invalid,
      note: `${sizes.connections} connections; worst round`,
    }),
  ];
};
