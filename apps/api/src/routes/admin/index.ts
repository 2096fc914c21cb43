import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../deps.ts';
import { validationHook } from '../../error-handler.ts';
import type { RouteDeps } from '../context.ts';
import { registerAccount } from './account.ts';
import { registerResume } from './resume.ts';

/** The admin resource, mounted under `/v1/admin` (role `admin`). */
export function adminRoutes(deps: RouteDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  registerAccount(app, deps);
  registerResume(app, deps);
  return app;
}
