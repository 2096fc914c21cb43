import type { OpenAPIHono, RouteConfig, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../deps.ts';
import { invalidFields } from '../error-handler.ts';
import { isJsonMediaType } from '../middleware/json-body.ts';

/**
 * Mounts `route`, an OpenAPI route with a JSON body, with a handler that receives the body validated by
 * `schema` and parsed synchronously. @hono/zod-openapi's validator parses with zod's `safeParseAsync`, which
 * skips the object parsers zod 4 compiles (they run only in synchronous parses), and validation is the
 * largest piece of a send's own work in the api's profile (pnpm bench, B1). It also saves the route two layers
 * of middleware (zod-openapi's media-type gate, which jsonBody already is, and its validator). The route goes into the OpenAPI document as
 * `app.openapi()` puts it, and bad bodies get the same 400s. Only for schemas without async checks: a
 * synchronous parse of one throws (a 500, which the route's tests would show).
 */
export function jsonRoute<S extends z.ZodType>(
  app: OpenAPIHono<AppEnv>,
  route: RouteConfig,
  schema: S,
  handler: (c: Context<AppEnv>, body: z.output<S>) => Promise<Response>,
): void {
  app.openAPIRegistry.registerPath(route);
  app.on(route.method.toUpperCase(), route.path.replaceAll(/\/{(.+?)}/g, '/:$1'), async (c) => {
    const parsed = schema.safeParse(await readJson(c));
    if (!parsed.success) throw invalidFields('json', parsed.error);
    return handler(c, parsed.data);
  });
}

/** The body as JSON, as hono's validator reads it: `{}` when it is not declared JSON, 400 when malformed. */
async function readJson(c: Context<AppEnv>): Promise<unknown> {
  const type = c.req.header('content-type');
  if (!type || !isJsonMediaType(type)) return {};
  try {
    return await c.req.json();
  } catch {
    throw new HTTPException(400, { message: 'Malformed JSON in request body' });
  }
}
