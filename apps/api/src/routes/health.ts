import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv, HealthReport } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { errorResponses } from '../openapi-common.ts';

const healthSchema = z
  .object({ status: z.literal('ok'), checks: z.record(z.string(), z.enum(['up', 'down'])) })
  .openapi('Health');

/** `GET /health` (no auth, for load balancers): 200 when every dependency answers, else 503. */
export function registerHealth(app: OpenAPIHono<AppEnv>, health?: () => Promise<HealthReport>): void {
  const route = createRoute({
    method: 'get',
    path: '/health',
    tags: ['operations'],
    summary: 'Health check',
    security: [],
    responses: {
      200: { description: 'Healthy.', content: { 'application/json': { schema: healthSchema } } },
      ...errorResponses(503),
    },
  });
  app.openapi(route, async (c) => {
    const report = health ? await health() : { ok: true, checks: {} };
    if (!report.ok) {
      const down = Object.entries(report.checks)
        .filter(([, state]) => state === 'down')
        .map(([name]) => name);
      throw new ApiError(503, `Unhealthy: ${down.join(', ') || 'unknown'} down.`, {
        headers: { 'Retry-After': '5' },
      });
    }
    return c.json({ status: 'ok' as const, checks: { ...report.checks } }, 200);
  });
}
