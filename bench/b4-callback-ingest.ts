import { callbackUrlFor } from '@ecall-relay/messages';
import type { Bench } from './context.ts';
import { compareLoads, cpuText, type SideResult } from './lib/compare-load.ts';
import type { LoadSpec } from './lib/load.ts';
import { benchRecipient, benchStore, createMessages } from './lib/messages.ts';
import { figure } from './results.ts';

const BASE_TIME = Date.parse('2025-06-02T08:00:00Z');

/** eCall's notification query; the timestamp differs per request, so every callback is a new one to record. */
function notificationQuery(id: string, recipient: string, n: number): string {
  const stamp = new Date(BASE_TIME + n).toISOString().replace('T', '+').replace(/:/g, '%3A').slice(0, -1);
  return `Function=Notification&ResultCode=1&ResultText=Sent&Number=${recipient}&TimeStamp=${stamp}&JobID=${id}`;
}

/**
 * B4: eCall notification callbacks at the receiver (`GET /v1/callbacks/ecall/{id}/{sig}?...`, signed URLs of
 * stored messages) against a minimal hono endpoint that answers 200 after one `queue.add`.
 */
export const callbackIngest: Bench = async ({ services, redis, sizes, log, flush }) => {
  const [api, baseline] = await Promise.all([services.api(), services.baseline()]);
  const { store, queue } = benchStore(redis, api.prefix);
  const ids: string[] = [];
  await createMessages(store, sizes.callbackRecords, ids);
  await queue.close();
  const paths = ids.map((id) => new URL(callbackUrlFor(api.origin, api.callbackSecret, id)).pathname);
  let n = 0;
  const nextPath = () => {
    const k = n++ % ids.length;
    return `${paths[k]}?${notificationQuery(ids[k] ?? '', benchRecipient(k), n)}`;
  };
  const spec: Omit<LoadSpec, 'origin' | 'seconds'> = {
    method: 'GET',
    path: nextPath,
    connections: sizes.connections,
  };
  log(`B4: callbacks to ${ids.length} messages, relay and baseline, ${sizes.connections} connections`);
  // Redis is not emptied between rounds here: the records the callbacks point at must stay.
  const [relay, base] = (await compareLoads(
    [
      { name: 'relay', spec: { ...spec, origin: api.origin }, server: api.child },
      { name: 'baseline', spec: { ...spec, origin: baseline.origin }, server: baseline.child },
    ],
    {
      seconds: sizes.loadSeconds,
      warmupSeconds: sizes.warmupSeconds,
      between: async () => {},
      log: (line) => log(`B4 rounds (rate, p99, server CPU per callback): ${line}`),
    },
  )) as [SideResult, SideResult];
  await flush();
  const invalid = relay.failures > 0 || base.failures > 0;
  const failures = invalid ? `; FAILURES relay ${relay.failures}, baseline ${base.failures}` : '';
  return [
    figure({
      id: 'B4.callbacksPerSecond',
      label: 'B4 callback ingest, callbacks/s',
      unit: 'req/s',
      value: relay.requestsPerSecond,
      baseline: base.requestsPerSecond,
      // Chosen (the issue sets none): the receiver does two Redis round trips (record read, queue add) where
      // the baseline does one, so half the baseline's rate is what the extra round trip alone allows.
      goal: { kind: 'min-ratio', target: 0.5 },
      invalid,
      note: `baseline: hono endpoint answering 200 after one queue.add; server CPU per callback ${cpuText(relay)} / ${cpuText(base)}${failures}`,
    }),
    figure({
      id: 'B4.p99',
      label: 'B4 callback ingest, p99 latency',
      unit: 'ms',
      value: relay.p99Ms,
      baseline: base.p99Ms,
      note: `${sizes.connections} connections, worst round; no goal: at saturation p99 measures the queue`,
    }),
  ];
};
