import { randomUUID } from 'node:crypto';
import type { RelayMetrics } from '@ecall-relay/observability';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Logger } from '../deps.ts';
import { responseHeader } from '../response-header.ts';

/** Incoming ids are echoed only when short and plain, so they cannot inject anything into logs or headers. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** What {@link observe} reports to. */
export interface ObserveOptions {
  readonly logger: Logger;
  readonly metrics?: RelayMetrics | undefined;
}

/**
 * Observes every request, in one middleware since each one is a layer of hono's chain that every request pays:
 * - gives it an id (the caller's `x-request-id` when sane, else a UUID), on the context for logs and error
 *   bodies and echoed in the response header. The header is set before the route runs (`responseHeader`), so
 *   every response carries the id, errors included; it is not checked on the finished response, since reading
 *   `c.res.headers` makes @hono/node-server turn its light response into a full WHATWG one (pnpm bench, B1);
 * - counts it and its duration by method, route pattern (not the raw path: ids stay out) and status;
 * - logs one line: method, path (no query, no headers: they may carry secrets), status, time, user.
 */
export function observe({ logger, metrics }: ObserveOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header('x-request-id');
    const id = incoming && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    c.set('requestId', id);
    responseHeader(c, 'x-request-id', id);
    try {
      await next();
    } finally {
      if (metrics) {
        const route = c.req.routePath || 'unmatched';
        metrics.http.record(c.req.method, route, c.res.status, (performance.now() - started) / 1000);
      }
    }
    logger.info(
      {
        requestId: id,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
        user: c.get('user')?.name,
      },
      'request',
    );
  };
}
