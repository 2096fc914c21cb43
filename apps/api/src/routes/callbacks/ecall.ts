import { createHash } from 'node:crypto';
import { type CallbackJobData, type MessageStore, verifyCallbackSignature } from '@ecall-relay/messages';
import type { RelayMetrics } from '@ecall-relay/observability';
import type { Queue } from 'bullmq';
import { Hono } from 'hono';
import type { AppEnv, Logger } from '../../deps.ts';
import { ApiError } from '../../errors.ts';
import { decodeForm } from './decode.ts';

/** What the eCall callback receiver needs. */
export interface CallbackDeps {
  /** The store the receiver checks a callback's message id in. */
  readonly store: Pick<MessageStore, 'exists'>;
  /** Where raw callbacks are recorded for the worker. */
  readonly queue: Queue<CallbackJobData>;
  /** The secret that signed the callback URLs (`CALLBACK_SECRET`, shared with the worker). */
  readonly secret: string;
  readonly logger: Logger;
  readonly now: () => Date;
  /** Counts callbacks by kind (notification, answer, rejected). */
  readonly metrics?: RelayMetrics;
}

/** The receiver's path; the `{sig}` segment is an HMAC of the id, see `callbackUrlFor`. */
export const CALLBACK_PATH = '/v1/callbacks/ecall/:id/:sig';

const MAX_BODY = 16 * 1024;

/**
 * eCall's notification callbacks (`Function=Notification` and `Function=Answer`), GET with a query or POST with
 * a form body, UTF-8 or Windows-1252. Not behind API auth (eCall cannot authenticate): the URL's signature is
 * the credential. A valid callback is recorded durably as a job on the callbacks queue and answered 200 at once;
 * an exact repeat maps to the same job id and changes nothing.
 */
export function ecallCallbackRoutes(deps: CallbackDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.on(['GET', 'POST'], CALLBACK_PATH, async (c) => {
    const { id, sig } = c.req.param();
    if (!verifyCallbackSignature(deps.secret, id, sig) || !(await deps.store.exists(id))) {
      deps.metrics?.callbacks.inc({ kind: 'rejected' });
      throw new ApiError(404, 'not found');
    }
    const url = new URL(c.req.url);
    let raw = url.search.slice(1);
    if (c.req.method === 'POST') {
      const body = await c.req.text();
      if (body.length > MAX_BODY) throw new ApiError(413, `callback body above ${MAX_BODY} bytes`);
      raw = [raw, body].filter(Boolean).join('&');
    }
    const params = decodeForm(raw);
    const fingerprint = createHash('sha256').update(raw).digest('base64url').slice(0, 22);
    const data: CallbackJobData = {
      messageId: id,
      receivedAt: deps.now().toISOString(),
      method: c.req.method === 'POST' ? 'POST' : 'GET',
      params,
    };
    await deps.queue.add('callback', data, {
      jobId: `${id}.${fingerprint}`,
      attempts: 10,
      backoff: { type: 'exponential', delay: 1_000 },
      removeOnComplete: { age: 7 * 24 * 3600 },
      removeOnFail: { age: 7 * 24 * 3600 },
    });
    deps.metrics?.callbacks.inc({ kind: (params.Function ?? 'unknown').toLowerCase().slice(0, 20) });
    deps.logger.info(
      { messageId: id, function: params.Function, resultCode: params.ResultCode },
      'eCall callback recorded',
    );
    return c.text('OK', 200);
  });
  return app;
}
