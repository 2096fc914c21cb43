import autocannon from 'autocannon';

/** One HTTP load run. */
export interface LoadSpec {
  /** Origin, e.g. `http://127.0.0.1:3000`. */
  readonly origin: string;
  readonly method: 'GET' | 'POST';
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** A fixed path, or a function giving the path of each request (to vary ids and queries). */
  readonly path: string | (() => string);
  readonly connections: number;
  readonly seconds: number;
}

/** What a load run measured. */
export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly total: number;
  /** Non-2xx answers, connection errors and timeouts: a run with any is not a valid measurement. */
  readonly failures: number;
}

/** The `q` quantile (0..1) of ascending `sorted` by the nearest-rank method; 0 when there is none. */
export function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}

/**
 * Runs autocannon in this process against `spec` and keeps the figures the report needs. Latencies are taken
 * from every 2xx response at full resolution: autocannon's own histogram counts whole milliseconds, so on
 * loopback a median under 1 ms read as 0 and no ratio could be formed with it.
 */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const { path } = spec;
  let times = new Float64Array(1 << 16);
  let count = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.origin,
        connections: spec.connections,
        duration: spec.seconds,
        method: spec.method,
        headers: { ...spec.headers },
        ...(spec.body !== undefined && { body: spec.body }),
        requests: [
          typeof path === 'string'
            ? { path }
            : {
                setupRequest: (request) => {
                  request.path = path();
                  return request;
                },
              },
        ],
      },
      (error: unknown, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode < 200 || statusCode > 299) return;
      if (count === times.length) {
        const grown = new Float64Array(times.length * 2);
        grown.set(times);
        times = grown;
      }
      times[count++] = responseTime;
    });
  });
  const sorted = times.subarray(0, count).sort();
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: quantile(sorted, 0.5),
    p99Ms: quantile(sorted, 0.99),
    total: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
