import type { RelayMetrics } from '@ecall-relay/observability';
import type { MiddlewareHandler } from 'hono';

/** Counts every request and its duration by method, route pattern (not raw path: ids stay out) and status. */
export function httpMetrics(metrics: RelayMetrics): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const route = c.req.routePath || 'unmatched';
      metrics.httpRequests.inc({ method: c.req.method, route, status: String(c.res.status) });
      metrics.httpDuration.observe({ method: c.req.method, route }, (performance.now() - started) / 1000);
    }
  };
}
