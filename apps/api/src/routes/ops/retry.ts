import { createJobId, type MessageRecord, type StoredFile } from '@ecall-relay/messages';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../deps.ts';
import { ApiError } from '../../errors.ts';
import { errorResponses, SECURITY } from '../../openapi-common.ts';
import { messageIdParamsSchema } from '../messages/schemas.ts';
import type { OpsDeps } from './deps.ts';
import { requireRole } from './require-role.ts';
import { isRetryable, RETRYABLE_STATUSES, retryRequest } from './retry-request.ts';
import { retriedSchema } from './schemas.ts';

/** Rounds of read-check-mark before giving up on a message that keeps changing under us. */
const MAX_ROUNDS = 5;

const notFound = (id: string) => new ApiError(404, `No message ${id} (unknown or past retention).`);

/** Refuses a retry the message's state does not allow; resolves to the attachment bodies to carry over. */
async function checkRetryable(deps: OpsDeps, old: MessageRecord): Promise<StoredFile[]> {
  if (!isRetryable(old.state.status)) {
    throw new ApiError(
      409,
      `Message ${old.id} is ${old.state.status}; only ${RETRYABLE_STATUSES.join(', ')} messages can be retried.`,
    );
  }
  const previous = old.history.findLast((event) => event.type === 'retried' && event.detail);
  // A mark whose new message does not exist is what a failed create leaves behind: retrying again is fine.
  if (previous?.detail && (await deps.store.read(previous.detail))) {
    throw new ApiError(409, `Message ${old.id} was already retried as ${previous.detail}.`);
  }
  const expected = old.request.files?.length ?? 0;
  const files = expected > 0 ? await deps.store.files(old.id) : [];
  if (files.length !== expected) {
    throw new ApiError(409, `The attachments of message ${old.id} are no longer stored; send it anew.`);
  }
  return files;
}

/**
 * `POST /v1/messages/{id}/retry` (role admin, besides send): sends a failed, rejected, unconfirmed or partially
 * delivered message again as a NEW message (new id, hence a new eCall JobID, with `retryOf`), and marks the old
 * one with a `retried` history event naming the new id. The mark is a compare-and-set on the version read, so
 * two operators clicking at once create one retry, not two.
 */
export function registerRetry(app: OpenAPIHono<AppEnv>, deps: OpsDeps): void {
  const route = createRoute({
    method: 'post',
    path: '/messages/{id}/retry',
    tags: ['messages'],
    summary: 'Retry a message',
    description: `Admins only. Allowed for ${RETRYABLE_STATUSES.join(', ')} messages, once per message.`,
    security: SECURITY,
    middleware: [requireRole('admin')] as const,
    request: { params: messageIdParamsSchema },
    responses: {
      202: {
        description: 'The new message is stored and queued.',
        content: { 'application/json': { schema: retriedSchema } },
      },
      ...errorResponses(400, 401, 403, 404, 409, 415, 500, 503),
    },
  });
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const user = c.get('user').name;
    const now = deps.now ?? (() => new Date());
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const old = await deps.store.get(id);
      if (!old) throw notFound(id);
      const files = await checkRetryable(deps, old);
      const newId = createJobId();
      const at = now();
      let stale = false;
      const marked = await deps.store.update(id, (record) => {
        stale = record.version !== old.version;
        if (stale) return undefined;
        return {
          state: record.state,
          events: [{ at: at.toISOString(), type: 'retried', source: 'admin', detail: newId }],
        };
      });
      if (!marked) throw notFound(id);
      if (stale) continue;
      const request = retryRequest(old, at, user);
      await deps.store.create([{ id: newId, request, ...(files.length > 0 ? { files } : {}) }]);
      deps.logger?.info(
        { requestId: c.get('requestId'), messageId: newId, retryOf: id, user },
        'message retried by admin',
      );
      return c.json({ id: newId, status: 'queued' as const, retryOf: id }, 202);
    }
    throw new ApiError(409, `Message ${id} is changing right now; try again in a moment.`);
  });
}
