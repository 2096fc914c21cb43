import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps.ts';

/**
 * Enforces the body limit from a declared `Content-Length` without touching the body; a request without one
 * (chunked) goes to `streamLimit`, which counts bytes as they arrive. Node's HTTP parser never delivers more
 * than the declared length, so the header is authoritative. This check exists for speed: hono's `bodyLimit`
 * first reads `c.req.raw.body`, and that makes @hono/node-server build a full WHATWG Request (streams, abort
 * signal) for every request, about a fifth of the api's CPU per `POST /v1/sms` (see bench/, B1).
 *
 * @throws whatever `onTooLarge` throws, when the declared length is above `maxSize`.
 */
export function declaredBodyLimit(
  maxSize: number,
  onTooLarge: () => never,
  streamLimit: MiddlewareHandler<AppEnv>,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const declared = c.req.header('content-length');
    if (declared === undefined || c.req.header('transfer-encoding') !== undefined) {
      return streamLimit(c, next);
    }
    if (Number(declared) > maxSize) onTooLarge();
    await next();
  };
}
