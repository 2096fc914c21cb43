import { z } from '@hono/zod-openapi';

/** Why and since when sending is paused for the eCall account. */
export const pauseSchema = z
  .object({
    code: z
      .number()
      .int()
      .openapi({ description: 'The account-level eCall ResponseCode (11001, 11300, 11301, 11303).' }),
    text: z.string(),
    since: z.string(),
    probeAt: z
      .string()
      .openapi({ description: 'When a worker next lets one message through to test the account.' }),
    messageId: z.string().optional(),
  })
  .openapi('AccountPause');

/** `GET /v1/admin/account`. */
export const accountSchema = z
  .object({ paused: z.boolean(), pause: pauseSchema.optional() })
  .openapi('AccountState');

/** `POST /v1/admin/account/resume`. */
export const resumedSchema = z
  .object({
    paused: z.literal(false),
    resumed: pauseSchema.nullable().openapi({ description: 'The pause that was lifted, if any.' }),
  })
  .openapi('AccountResumed');
