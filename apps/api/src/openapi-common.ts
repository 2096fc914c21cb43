import { z } from '@hono/zod-openapi';
import { type ErrorStatus, FAULT_CODES } from './errors.ts';

/** The faultInfo body of every non-2xx answer, as documented in the OpenAPI description. */
export const faultSchema = z
  .object({
    faultInfo: z.object({
      errorCode: z.number().int().openapi({
        description: '3001 invalid request, 3000 internal error, else 3 + HTTP status (3401, 3404, ...).',
      }),
      message: z.string(),
      requestId: z.string().openapi({ description: 'Also in the x-request-id header; quote it to support.' }),
      fields: z
        .array(
          z.object({ path: z.string().openapi({ example: 'attachments.2.fileName' }), message: z.string() }),
        )
        .optional(),
    }),
  })
  .openapi('Fault');

const DESCRIPTIONS: Record<ErrorStatus, string> = {
  400: 'Invalid request (errorCode 3001); `fields` names each offending field.',
  401: 'Missing or invalid credentials.',
  403: 'The user lacks the role this request needs.',
  404: 'Unknown message or route.',
  405: 'Method not allowed on this path.',
  409: 'Conflict: the message was already submitted, or the same Idempotency-Key is still in flight.',
  413: 'Request body above the configured limit.',
  415: 'Request body is not JSON.',
  422: 'The Idempotency-Key was used with a different request.',
  500: 'Internal error (errorCode 3000); the request may be retried.',
  503: 'The message store is unreachable; retry after the Retry-After seconds.',
};

/** OpenAPI response entries for the given error statuses, all with the faultInfo body. */
export function errorResponses<const S extends ErrorStatus>(...statuses: S[]) {
  const entries = statuses.map((status) => [
    status,
    {
      description: `${DESCRIPTIONS[status]} (faultInfo ${FAULT_CODES[status]})`,
      content: { 'application/json': { schema: faultSchema } },
    },
  ]);
  return Object.fromEntries(entries) as Record<
    S,
    { description: string; content: { 'application/json': { schema: typeof faultSchema } } }
  >;
}

/** The Idempotency-Key request header. */
export const idempotencyHeadersSchema = z.object({
  'Idempotency-Key': z
    .string()
    .max(200)
    .regex(/^[\x20-\x7e]+$/, 'Printable ASCII only')
    .optional()
    .openapi({
      description:
        'Repeating a request with the same key (per user, kept 24 h) returns the first answer instead of sending again.',
      example: 'order-4711-alarm',
    }),
});

/** Both accepted authentication schemes, as an OpenAPI security requirement. */
export const SECURITY = [{ basicAuth: [] }, { bearerAuth: [] }];
