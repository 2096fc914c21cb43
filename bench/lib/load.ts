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

/** Runs autocannon in this process against `spec` and keeps the figures the report needs. */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const { path } = spec;
  const result = await autocannon({
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
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
