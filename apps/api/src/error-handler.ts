import type { z } from '@hono/zod-openapi';
import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv, Logger } from './deps.ts';
import { ApiError, type ErrorStatus, FAULT_CODES, faultBody, invalidRequest, unavailable } from './errors.ts';
import { isRedisUnavailable } from './redis-errors.ts';
import { fieldsOf } from './zod-fields.ts';

function isErrorStatus(status: number): status is ErrorStatus {
  return status in FAULT_CODES;
}

/** Maps anything thrown to an {@link ApiError}: hono's own exceptions keep their status, Redis outages are 503. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof HTTPException && isErrorStatus(error.status) && error.status !== 500) {
    if (error.status === 400) return invalidRequest(error.message || 'Bad request');
    if (error.status === 413) return new ApiError(413, 'The request body is too large.');
    if (error.status === 415)
      return new ApiError(415, 'Request bodies must be JSON (Content-Type: application/json).');
    return new ApiError(error.status, error.message || 'Request refused');
  }
  if (isRedisUnavailable(error)) return unavailable();
  return new ApiError(500, 'Internal error; the request may be retried.');
}

/** Renders an {@link ApiError} as its faultInfo response. */
export function renderError(c: Context<AppEnv>, error: ApiError): Response {
  const requestId = c.get('requestId') ?? 'unknown';
  return c.json(faultBody(error, requestId), error.status, error.headers);
}

/** The app's single onError: every failure leaves as a faultInfo body; internals are logged, never returned. */
export function errorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return (error, c) => {
    const apiError = toApiError(error);
    const requestId = c.get('requestId');
    if (apiError.status === 500) {
      const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
      logger.error({ requestId, err: { name, message, stack } }, 'internal error');
    } else if (apiError.status === 503) {
      logger.warn(
        { requestId, err: error instanceof Error ? error.message : String(error) },
        'redis unavailable',
      );
    }
    return renderError(c, apiError);
  };
}

/** zod-openapi's defaultHook: a failed validation becomes 400/3001 naming each field. */
export function validationHook(
  result: { target: string } & ({ success: true } | { success: false; error: z.ZodError }),
): void {
  if (!result.success) throw invalidFields(result.target, result.error);
}

/** The 400/3001 for a failed validation of `target` (json, query, param, header), naming each field. */
export function invalidFields(target: string, error: z.ZodError): ApiError {
  const prefix = target === 'json' ? [] : [target === 'param' ? 'path' : target];
  const fields = fieldsOf(error.issues, prefix);
  const summary =
    fields.length === 1 ? `Invalid field ${fields[0]?.path}` : `${fields.length} invalid fields`;
  return invalidRequest(`${summary}: see fields.`, fields);
}
