import { type CountableQueue, type RelayMetrics, refreshQueueDepths } from '@ecall-relay/observability';
import { Hono } from 'hono';
import type { AppEnv, HealthReport } from '../deps.ts';
import { ApiError } from '../errors.ts';

/** What the probes need. */
export interface ProbeDeps {
  readonly ready?: () => Promise<HealthReport>;
  readonly metrics?: RelayMetrics;
  readonly queues?: readonly CountableQueue[];
}

/**
 * `GET /healthz`: the process answers (liveness). `GET /readyz`: it can do its job, i.e. Redis answers and a
 * worker has sent a heartbeat recently (readiness; 503 naming what is down). `GET /metrics`: Prometheus text.
 * No auth: meant for the orchestrator and Prometheus on the internal network (do not expose them publicly).
 */
export function probeRoutes(deps: ProbeDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    const report = deps.ready ? await deps.ready() : { ok: true, checks: {} };
    if (!report.ok) {
      const down = Object.entries(report.checks).filter(([, state]) => state === 'down');
      throw new ApiError(503, `Not ready: ${down.map(([name]) => name).join(', ')} down.`, {
        headers: { 'Retry-After': '5' },
      });
    }
    return c.json({ status: 'ok', checks: report.checks });
  });
  const metrics = deps.metrics;
  if (metrics) {
    app.get('/metrics', async (c) => {
      await refreshQueueDepths(metrics, deps.queues ?? []).catch(() => undefined);
      return c.body(await metrics.registry.metrics(), 200, { 'content-type': metrics.registry.contentType });
    });
  }
  return app;
}
