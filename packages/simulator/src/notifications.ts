import { describeSendState } from '@ecall-relay/codes';
import { appendQuery, buildQuery } from './callback-query.ts';
import { outcomeOf, stepTime } from './job-state.ts';
import type { SimJob } from './job-store.ts';
import { stateAtStep, stepCount } from './progression.ts';
import type { SimContext } from './sim-context.ts';
import { toNotificationTimestamp } from './zurich-time.ts';

/**
 * Plans the HTTP notifications of a job with one scheduler event at a time: every step when it has
 * AlwaysNotification URLs, only the final step otherwise, and nothing at all for jobs without URLs.
 */
export function scheduleNotifications(context: SimContext, job: SimJob): void {
  if (job.notificationsSent === undefined) return;
  scheduleStep(context, job, job.alwaysUrls.length > 0 ? 0 : stepCount(job.jobType) - 1);
}

function scheduleStep(context: SimContext, job: SimJob, step: number): void {
  context.scheduler.schedule(stepTime(job, step, context.timeline), () => runStep(context, job, step));
}

function runStep(context: SimContext, job: SimJob, step: number): void {
  const final = step === stepCount(job.jobType) - 1;
  const at = stepTime(job, step, context.timeline);
  // AlwaysNotification on every state, Notification at the final one; a URL in both is called once.
  const urls = final ? [...new Set([...job.alwaysUrls, ...job.notifyUrls])] : job.alwaysUrls;
  if (urls.length > 0) {
    job.recipients.forEach((recipient, index) => {
      const { sendState } = stateAtStep(job.jobType, outcomeOf(job, index, context.timeline), step);
      // ResultCode carries the SendState: a simulator choice, eCall does not document its value set.
      const query = buildQuery(
        [
          ['Function', 'Notification'],
          ['ResultCode', String(sendState)],
          ['ResultText', describeSendState(job.jobType, sendState).en],
          ['Number', recipient.address],
          ['TimeStamp', toNotificationTimestamp(at)],
          ['JobID', job.jobId ?? ''],
        ],
        'utf-8',
      );
      for (const url of urls) {
        void context.notifier.send(appendQuery(url, query)).then((ok) => {
          if (ok && job.notificationsSent !== undefined) {
            job.notificationsSent[index] = (job.notificationsSent[index] ?? 0) + 1;
          }
        });
      }
    });
  }
  if (!final) scheduleStep(context, job, step + 1);
}
