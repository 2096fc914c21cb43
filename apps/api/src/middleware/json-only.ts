import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps.ts';
import { ApiError } from '../errors.ts';

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** Answers 415 to a request body that is not JSON, before anything tries to parse it. */
export function jsonOnly(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (BODY_METHODS.has(c.req.method)) {
      const type = c.req.header('content-type');
      const mediaType = type?.split(';')[0]?.trim() ?? '';
      const hasBody = Number(c.req.header('content-length') ?? 0) > 0 || c.req.header('transfer-encoding');
      if (type ? !JSON_MEDIA_TYPE.test(mediaType) : hasBody) {
        throw new ApiError(415, 'Request bodies must be JSON (Content-Type: application/json).');
      }
    }
    await next();
  };
}
