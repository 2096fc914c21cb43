import type { MessageStore, NewMessage } from '@ecall-relay/messages';
import type { Context } from 'hono';
import type { AppEnv, Logger } from '../../deps.ts';
import { validationHook } from '../../error-handler.ts';
import { ApiError } from '../../errors.ts';
import { requestFingerprint } from '../../idempotency.ts';
import { idempotencyKeySchema } from '../../openapi-common.ts';

/** How {@link storeAccepted} stores and answers. */
export interface AcceptOptions<B> {
  readonly store: MessageStore;
  readonly logger: Logger;
  readonly messages: readonly NewMessage[];
  /** The request's Idempotency-Key (`idempotencyKeyOf`), already read for the messages' records. */
  readonly idempotencyKey: string | undefined;
  /** The 202 body for these messages. */
  readonly body: B;
  /** Re-reads a stored first answer (replays must have the same shape as fresh answers). */
  readonly parseReplay: (body: unknown) => B;
}

/** The answer to give: a fresh one, or the first one for a repeated Idempotency-Key. */
export interface Accepted<B> {
  readonly body: B;
  readonly replayed: boolean;
}

/**
 * The request's Idempotency-Key, when it sent one.
 *
 * @throws ApiError 400 naming `header.Idempotency-Key` when it is longer than 200 characters or not printable ASCII.
 */
export function idempotencyKeyOf(c: Context<AppEnv>): string | undefined {
  const key = c.req.header('idempotency-key');
  if (key === undefined) return undefined;
  const checked = idempotencyKeySchema.safeParse(key);
  if (!checked.success) {
    for (const issue of checked.error.issues) issue.path.unshift('Idempotency-Key');
    validationHook({ target: 'header', success: false, error: checked.error });
  }
  return key;
}

/**
 * Stores accepted messages (record and job together) and resolves only once they are written, honouring the
 * Idempotency-Key header scoped to the caller: a replay returns the first answer, another body under the same
 * key is a 422, a twin still in flight a 409. A claim is released when storing fails, so a retry can succeed.
 *
 * @throws ApiError 409/422 for idempotency conflicts; whatever the store throws (mapped to 503/500 by onError).
 */
export async function storeAccepted<B>(c: Context<AppEnv>, options: AcceptOptions<B>): Promise<Accepted<B>> {
  const { store, messages, body, idempotencyKey: key } = options;
  if (!key) {
    await store.create(messages);
    return { body, replayed: false };
  }
  const scope = c.get('user').name;
  const fingerprint = requestFingerprint(c.req.method, c.req.path, await c.req.json());
  const claim = await store.claimIdempotency(scope, key, fingerprint);
  if (claim.kind === 'replay') return { body: options.parseReplay(claim.answer.body), replayed: true };
  if (claim.kind === 'mismatch') {
    throw new ApiError(422, 'This Idempotency-Key was already used with a different request.');
  }
  if (claim.kind === 'in-progress') {
    throw new ApiError(409, 'A request with this Idempotency-Key is still being processed; retry shortly.');
  }
  try {
    await store.create(messages, { scope, key, answer: { fingerprint, status: 202, body } });
  } catch (error) {
    // Not awaited: when Redis is down this would only delay the 503; the claim expires on its own anyway.
    store.releaseIdempotency(scope, key, fingerprint).catch((releaseError: unknown) => {
      options.logger.warn(
        {
          requestId: c.get('requestId'),
          err: releaseError instanceof Error ? releaseError.message : String(releaseError),
        },
        'could not release an idempotency claim',
      );
    });
    throw error;
  }
  return { body, replayed: false };
}
