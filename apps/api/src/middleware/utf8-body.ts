import { isUtf8 } from 'node:buffer';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps.ts';
import { invalidRequest } from '../errors.ts';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
const UTF8 = new TextDecoder('utf-8');

/**
 * Whether the request has a body, from its headers when they tell: reading `c.req.raw.body` makes
 * @hono/node-server build a whole WHATWG Request (streams, abort signal), a large share of a request's cost.
 */
function hasBody(contentLength: string | undefined, c: Context<AppEnv>): boolean {
  if (contentLength !== undefined) return Number(contentLength) > 0;
  return c.req.header('transfer-encoding') !== undefined || c.req.raw.body !== null;
}

/**
 * Answers 400 to a request body that is not valid UTF-8. JSON travels as UTF-8 (RFC 8259, section 8.1), and
 * decoding bad bytes would silently turn them into U+FFFD: the relay would store and send a text the caller
 * never wrote. Mount it after the body limit, so it never buffers more than the limit allows; the bytes it
 * reads stay cached for the JSON parser.
 */
export function utf8Body(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (BODY_METHODS.has(c.req.method) && hasBody(c.req.header('content-length'), c)) {
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (!isUtf8(bytes)) throw invalidRequest('The request body is not valid UTF-8.');
      // hono's json() parses its cached text; without one it wraps the bytes in a new Response to decode them.
      // TextDecoder drops a BOM, as that path did. (hono types the cache by body kind but stores promises.)
      c.req.bodyCache.text = Promise.resolve(UTF8.decode(bytes)) as unknown as string;
    }
    await next();
  };
}
