import { isUtf8 } from 'node:buffer';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps.ts';
import { invalidRequest } from '../errors.ts';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Answers 400 to a request body that is not valid UTF-8. JSON travels as UTF-8 (RFC 8259, section 8.1), and
 * decoding bad bytes would silently turn them into U+FFFD: the relay would store and send a text the caller
 * never wrote. Mount it after the body limit, so it never buffers more than the limit allows; the bytes it
 * reads stay cached for the JSON parser.
 */
export function utf8Body(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (BODY_METHODS.has(c.req.method) && c.req.raw.body) {
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (!isUtf8(bytes)) throw invalidRequest('The request body is not valid UTF-8.');
    }
    await next();
  };
}
