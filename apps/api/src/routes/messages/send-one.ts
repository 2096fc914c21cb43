import { type Channel, createJobId } from '@ecall-relay/messages';
import type { Context } from 'hono';
import type { AppEnv } from '../../deps.ts';
import { responseHeader } from '../../response-header.ts';
import type { RouteDeps } from '../context.ts';
import { idempotencyKeyOf, storeAccepted } from './accept.ts';
import { acceptedMessage, type SendFields, toNewMessage } from './new-message.ts';
import { type AcceptedMessage, acceptedSchema } from './schemas.ts';

// A module-level function, not a closure per request: tsx names every named closure it sees created.
const parseAccepted = (stored: unknown): AcceptedMessage => acceptedSchema.parse(stored);

/**
 * Stores one validated message and sets the headers of its 202 (Location; Idempotency-Replayed on a replay).
 * Resolves to the body once the message and its job are written.
 */
export async function sendOne(
  c: Context<AppEnv>,
  deps: RouteDeps,
  channel: Channel,
  fields: SendFields,
): Promise<AcceptedMessage> {
  const idempotencyKey = idempotencyKeyOf(c);
  const message = toNewMessage(channel, fields, {
    id: createJobId(),
    now: deps.now(),
    scheduleLeadMs: deps.scheduleLeadMs,
    user: c.get('user').name,
    idempotencyKey,
  });
  const { body, replayed } = await storeAccepted(c, {
    store: deps.store,
    logger: deps.logger,
    messages: [message],
    idempotencyKey,
    body: acceptedMessage(message),
    parseReplay: parseAccepted,
  });
  responseHeader(c, 'Location', body.links.self);
  if (replayed) responseHeader(c, 'Idempotency-Replayed', 'true');
  return body;
}
