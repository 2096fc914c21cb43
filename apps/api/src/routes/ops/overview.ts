import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Queue } from 'bullmq';
import type { AppEnv } from '../../deps.ts';
import { errorResponses, SECURITY } from '../../openapi-common.ts';
import type { OpsDeps } from './deps.ts';
import { overviewSchema } from './schemas.ts';

/** Minutes of throughput and latency the overview carries. */
const SERIES_MINUTES = 60;

async function depthOf(queue: Queue) {
  const [counts, paused] = await Promise.all([
    queue.getJobCounts('waiting', 'paused', 'prioritized', 'active', 'delayed', 'failed'),
    queue.isPaused(),
  ]);
  const n = (type: string) => counts[type] ?? 0;
  // Jobs of a paused queue may sit in bullmq's `paused` list, prioritized ones in their own set: all wait.
  return {
    waiting: n('waiting') + n('paused') + n('prioritized'),
    active: n('active'),
    delayed: n('delayed'),
    failed: n('failed'),
    paused,
  };
}

/** `GET /v1/ops/overview` (role read): queue depths, account pause, demo flag and the last hour's series. */
export function registerOverview(app: OpenAPIHono<AppEnv>, deps: OpsDeps): void {
  const route = createRoute({
    method: 'get',
    path: '/ops/overview',
    tags: ['operations'],
    summary: 'Operations overview',
    description: 'What the dashboard health page shows; one call, so operators see one consistent moment.',
    security: SECURITY,
    responses: {
      200: { description: 'The overview.', content: { 'application/json': { schema: overviewSchema } } },
      ...errorResponses(401, 403, 500, 503),
    },
  });
  app.openapi(route, async (c) => {
    const names = Object.keys(deps.queues);
    const [depths, accountPause, accepted, final] = await Promise.all([
      Promise.all(names.map((name) => depthOf(deps.queues[name] as Queue))),
      deps.store.accountPause(),
      deps.store.series('accepted', SERIES_MINUTES),
      deps.store.series('final', SERIES_MINUTES),
    ]);
    const queues = Object.fromEntries(names.map((name, i) => [name, depths[i] as (typeof depths)[number]]));
    return c.json(
      {
        queues,
        accountPause: accountPause ?? null,
        demo: deps.demo,
        series: { accepted: [...accepted], final: [...final] },
      },
      200,
    );
  });
}
