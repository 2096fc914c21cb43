import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Logger } from '../deps.ts';

/** Logs one line per request: method, path (no query, no headers: they may carry secrets), status, time. */
export function accessLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    logger.info(
      {
        requestId: c.get('requestId'),
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
