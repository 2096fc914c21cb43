import type { Metric, Registry } from 'prom-client';

/** Duration buckets of API requests, in seconds. */
export const HTTP_DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5] as const;

const REQUESTS_NAME = 'relay_http_requests_total';
const DURATION_NAME = 'relay_http_request_duration_seconds';

/**
 * One method and route: its counts by status and its duration histogram (per bucket, not cumulative; a request
 * above the last bound is in none). Its count is the sum of its status counts.
 */
interface Series {
  readonly method: string;
  readonly route: string;
  readonly statuses: Map<number, number>;
  readonly buckets: number[];
  sum: number;
}

/** A value as prom-client's registry formats it. */
interface MetricValue {
  readonly value: number;
  readonly labels: Record<string, string | number>;
  readonly metricName?: string;
}

/**
 * The api's request count (`relay_http_requests_total`: method, route, status) and duration
 * (`relay_http_request_duration_seconds`: method, route) in the process's registry.
 *
 * Every API request records both, so {@link HttpMetrics.record} is one Map lookup and a few additions. prom-client's
 * own Counter and Histogram validate and hash the label set on each call (children from `labels()` too), which
 * cost a request about 4 % of the api's instructions (callgrind, `POST /v1/sms`). The figures are turned into
 * prom-client's values only when the registry is read, and print exactly as its Counter and Histogram would.
 */
export class HttpMetrics {
  readonly #series = new Map<string, Series>();

  /** Registers both metrics in `registry`. */
  constructor(registry: Registry) {
    const requests = () => this.#requestValues();
    const durations = () => this.#durationValues();
    registry.registerMetric(
      this.#metric(REQUESTS_NAME, 'API requests by method, route and status', 'counter', requests),
    );
    registry.registerMetric(this.#metric(DURATION_NAME, 'API request duration', 'histogram', durations));
  }

  /** Counts one request: `route` is the route's pattern (never the raw path), `seconds` its duration. */
  record(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${route}`;
    let series = this.#series.get(key);
    if (!series) {
      series = {
        method,
        route,
        statuses: new Map(),
        buckets: HTTP_DURATION_BUCKETS.map(() => 0),
        sum: 0,
      };
      this.#series.set(key, series);
    }
    series.statuses.set(status, (series.statuses.get(status) ?? 0) + 1);
    for (let i = 0; i < HTTP_DURATION_BUCKETS.length; i++) {
      if (seconds <= (HTTP_DURATION_BUCKETS[i] as number)) {
        series.buckets[i] = (series.buckets[i] ?? 0) + 1;
        break;
      }
    }
    series.sum += seconds;
  }

  #requestValues(): MetricValue[] {
    const values: MetricValue[] = [];
    for (const { method, route, statuses } of this.#series.values()) {
      for (const [status, count] of statuses) {
        values.push({ value: count, labels: { method, route, status: String(status) } });
      }
    }
    return values;
  }

  #durationValues(): MetricValue[] {
    const values: MetricValue[] = [];
    for (const { method, route, statuses, buckets, sum } of this.#series.values()) {
      let count = 0;
      for (const requests of statuses.values()) count += requests;
      let cumulative = 0;
      for (const [i, bound] of HTTP_DURATION_BUCKETS.entries()) {
        cumulative += buckets[i] ?? 0;
        values.push({
          value: cumulative,
          labels: { le: bound, method, route },
          metricName: `${DURATION_NAME}_bucket`,
        });
      }
      values.push(
        { value: count, labels: { le: '+Inf', method, route }, metricName: `${DURATION_NAME}_bucket` },
        { value: sum, labels: { method, route }, metricName: `${DURATION_NAME}_sum` },
        { value: count, labels: { method, route }, metricName: `${DURATION_NAME}_count` },
      );
    }
    return values;
  }

  /**
   * A metric as prom-client's registry reads one (`get` for the exposition and JSON, `reset`), in the shape its
   * Counter and Histogram give. The registry's type names only its own classes, hence the cast. Both metrics
   * share their series: resetting either resets both.
   */
  #metric(name: string, help: string, type: 'counter' | 'histogram', values: () => MetricValue[]): Metric {
    const metric = {
      name,
      help,
      type,
      aggregator: 'sum',
      get: async () => ({ name, help, type, aggregator: 'sum', values: values() }),
      reset: () => this.#series.clear(),
    };
    return metric as unknown as Metric;
  }
}
