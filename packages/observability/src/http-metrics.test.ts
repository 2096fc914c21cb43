import { Counter, Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { HTTP_DURATION_BUCKETS, HttpMetrics } from './http-metrics.ts';

/** Requests as [method, route, status, seconds], on bucket bounds, between them and above the last. */
const REQUESTS: [string, string, number, number][] = [
  ['POST', '/v1/sms', 202, 0.0004],
  ['POST', '/v1/sms', 202, 0.001],
  ['POST', '/v1/sms', 202, 0.0031],
  ['POST', '/v1/sms', 400, 0.002],
  ['POST', '/v1/sms', 503, 7.5],
  ['GET', '/v1/messages/:id', 200, 0.25],
  ['GET', '/v1/messages/:id', 404, 0.0009],
  ['GET', 'unmatched', 404, 0.00001],
];

/** The same two metrics made with prom-client's own classes, as the api had them. */
function promClientPair(registry: Registry) {
  const registers = [registry];
  return {
    requests: new Counter({
      name: 'relay_http_requests_total',
      help: 'API requests by method, route and status',
      labelNames: ['method', 'route', 'status'],
      registers,
    }),
    duration: new Histogram({
      name: 'relay_http_request_duration_seconds',
      help: 'API request duration',
      labelNames: ['method', 'route'],
      buckets: [...HTTP_DURATION_BUCKETS],
      registers,
    }),
  };
}

/** Exposition lines with each sample's labels in name order (Prometheus reads labels in any order). */
function normalised(text: string): string[] {
  return text.split('\n').map((line) => {
    const sample = /^(\w+)\{(.*)\} (\S+)$/.exec(line);
    if (!sample) return line;
    const labels = (sample[2] ?? '').match(/\w+="[^"]*"/g) ?? [];
    return `${sample[1]}{${labels.sort().join(',')}} ${sample[3]}`;
  });
}

describe('HttpMetrics', () => {
  it("prints what prom-client's Counter and Histogram print for the same requests", async () => {
    const ours = new Registry();
    const theirs = new Registry();
    for (const registry of [ours, theirs]) registry.setDefaultLabels({ app: 'api' });
    const http = new HttpMetrics(ours);
    const { requests, duration } = promClientPair(theirs);
    for (const [method, route, status, seconds] of REQUESTS) {
      http.record(method, route, status, seconds);
      requests.inc({ method, route, status: String(status) });
      duration.observe({ method, route }, seconds);
    }
    const text = await ours.metrics();
    expect(normalised(text)).toEqual(normalised(await theirs.metrics()));
    expect(text).toContain(
      'relay_http_requests_total{method="POST",route="/v1/sms",status="202",app="api"} 3',
    );
    expect(text).toContain(
      'relay_http_request_duration_seconds_bucket{le="0.005",method="POST",route="/v1/sms",app="api"} 4',
    );
  });

  it('starts from zero again when the registry is reset', async () => {
    const registry = new Registry();
    const http = new HttpMetrics(registry);
    http.record('POST', '/v1/sms', 202, 0.002);
    registry.resetMetrics();
    expect(await registry.metrics()).not.toContain('route="/v1/sms"');
    http.record('POST', '/v1/sms', 202, 0.002);
    expect(await registry.metrics()).toContain(
      'relay_http_requests_total{method="POST",route="/v1/sms",status="202"} 1',
    );
  });
});
