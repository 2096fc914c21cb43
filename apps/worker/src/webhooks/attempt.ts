import type { DeliveryAttempt, HostEventDraft, WebhookJobData } from '@ecall-relay/messages';
import { parseFaultInfo, retryAfterMs, verdictFor } from './host-answer.ts';
import { postWebhook } from './http-post.ts';
import { webhookEvent, webhookHeaders } from './payload.ts';
import type { DeliveryProgress } from './progress.ts';
import type { NextStep, RetryPolicy } from './retry-policy.ts';
import { UNUSABLE_URL, type WebhookTarget } from './target.ts';

/** Dependencies of {@link createAttempter}. */
export interface AttempterDeps {
  readonly progress: DeliveryProgress;
  readonly decide: RetryPolicy;
  readonly secret: string;
  readonly timeoutMs: number;
  readonly now: () => number;
}

/** One attempt as recorded, and what comes next. */
export interface AttemptResult {
  readonly entry: DeliveryAttempt;
  readonly step: NextStep;
}

/**
 * Creates the function that makes one attempt of one event at one destination: counts it, signs and POSTs the
 * body, reads the answer (status, faultInfo, Retry-After) and decides. Writes nothing but the attempt count;
 * the caller records the entry.
 */
export function createAttempter(deps: AttempterDeps) {
  const { progress, decide, secret, timeoutMs, now } = deps;
  return async (
    data: WebhookJobData,
    event: HostEventDraft,
    target: WebhookTarget | 'unusable',
  ): Promise<AttemptResult> => {
    const { messageId: id, seq, destination } = data;
    const started = now();
    const { attempt, sinceMs } = await progress.begin(id, destination, seq, started);
    const base = { seq, type: event.type, destination, attempt, at: new Date(started).toISOString() };
    if (target === 'unusable') {
      const what = destination === 'host' ? 'host webhook URL' : 'callbackUrl';
      const error = `no usable ${what} (an absolute http or https URL)`;
      return {
        entry: { ...base, url: UNUSABLE_URL, outcome: 'rejected', error, durationMs: 0 },
        step: { outcome: 'rejected' },
      };
    }
    const payload = webhookEvent(id, seq, event);
    const body = JSON.stringify(payload);
    const headers = webhookHeaders(payload, body, secret, started, target.authorization);
    const result = await postWebhook({ url: target.url, headers, body, timeoutMs });
    const ended = now();
    const answer = result.kind === 'answer' ? result : undefined;
    const fault = answer && answer.status >= 300 ? parseFaultInfo(answer.body) : undefined;
    const step = decide({
      verdict: answer ? verdictFor(answer.status) : 'retry',
      attempt,
      sinceMs,
      nowMs: ended,
      retryAfterMs: answer && retryAfterMs(answer.headers.get('retry-after'), ended),
    });
    const entry: DeliveryAttempt = {
      ...base,
      url: target.shownUrl,
      ...(answer ? { status: answer.status } : { error: result.kind === 'error' ? result.error : '' }),
      outcome: step.outcome,
      ...(fault?.errorCode !== undefined && { faultCode: fault.errorCode }),
      ...(fault?.message && { faultMessage: fault.message }),
      durationMs: ended - started,
      ...(step.outcome === 'retrying' && { nextAttemptAt: new Date(step.nextAttemptAt).toISOString() }),
    };
    return { entry, step };
  };
}
