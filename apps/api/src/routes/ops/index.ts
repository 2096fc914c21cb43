import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../deps.ts';
import { validationHook } from '../../error-handler.ts';
import type { OpsDeps } from './deps.ts';
import { registerOverview } from './overview.ts';
import { registerRetry } from './retry.ts';
import { registerSession } from './session.ts';

export type { OpsDeps } from './deps.ts';
export { RETRYABLE_STATUSES } from './retry-request.ts';

/**
 * The operations routes the dashboard uses, to be mounted at `/` behind the app's `/v1/*` authentication:
 * `GET /v1/ops/overview` and `GET /v1/ops/session` (role read), `POST /v1/messages/{id}/retry` (admin and
 * send).
 */
export function opsRoutes(deps: OpsDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const v1 = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  registerOverview(v1, deps);
  registerSession(v1, deps);
  registerRetry(v1, deps);
  app.route('/v1', v1);
  return app;
}
