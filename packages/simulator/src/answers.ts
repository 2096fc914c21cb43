import { normalizeAddress } from './address.ts';
import { appendQuery, buildQuery } from './callback-query.ts';
import type { SimJob } from './job-store.ts';
import type { SimContext } from './sim-context.ts';
import { toNotificationTimestamp } from './zurich-time.ts';

/** An SMS reply as a recipient would send it. */
export interface SmsReply {
  readonly from: string;
  readonly message: string;
}

/** How many Answer callbacks reached a receiver and how many failed. */
export interface AnswerDelivery {
  readonly delivered: number;
  readonly failed: number;
}

/**
 * Calls every notification URL of `job` (Notification and AlwaysNotification, each once) with
 * `Function=Answer`, percent-encoded in Windows-1252 as eCall does, and waits for the calls to finish.
 */
export async function deliverAnswer(
  context: SimContext,
  job: SimJob,
  reply: SmsReply,
  now: number,
): Promise<AnswerDelivery> {
  const query = buildQuery(
    [
      ['Function', 'Answer'],
      ['AddressTo', job.answerTo],
      ['AddressFrom', normalizeAddress(reply.from)],
      ['Message', reply.message],
      ['TimeStamp', toNotificationTimestamp(now)],
      ['JobID', job.jobId ?? ''],
    ],
    'windows-1252',
  );
  const urls = [...new Set([...job.notifyUrls, ...job.alwaysUrls])];
  const results = await Promise.all(urls.map((url) => context.notifier.send(appendQuery(url, query))));
  const delivered = results.filter(Boolean).length;
  return { delivered, failed: results.length - delivered };
}
