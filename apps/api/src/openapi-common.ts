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

const IDEMPOTENCY_KEY_DESCRIPTION =
  'Repeating a request with the same key (per user, kept 24 h) returns the first answer instead of sending again.';

/** The Idempotency-Key request header: up to 200 printable ASCII characters. */
export const idempotencyKeySchema = z
  .string()
  .max(200)
  .regex(/^[\x20-\x7e]+$/, 'Printable ASCII only');

/**
 * The Idempotency-Key header as an OpenAPI parameter of the send routes. It is documented here rather than
 * declared as a zod header schema, which would copy and parse every request's headers (about 5 % of the api's
 * CPU per `POST /v1/sms`, pnpm bench B1); {@link idempotencyKeyOf} checks it when it is sent.
 */
export const idempotencyKeyParameter = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: IDEMPOTENCY_KEY_DESCRIPTION,
  schema: { type: 'string', maxLength: 200, pattern: '^[\\x20-\\x7e]+$', example: 'order-4711-alarm' },
} as const;

/** Both accepted authentication schemes, as an OpenAPI security requirement. */
export const SECURITY = [{ basicAuth: [] }, { bearerAuth: [] }];
