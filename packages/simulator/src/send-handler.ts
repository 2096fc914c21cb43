import type { SoapVersion } from '@ecall-relay/ecall';
import type { Attachment } from './attachments.ts';
import { httpUrlsOf } from './callback-query.ts';
import type { SendOperation, SimJob } from './job-store.ts';
import { scheduleNotifications } from './notifications.ts';
import { validateSend } from './send-validation.ts';
import type { SimContext } from './sim-context.ts';
import { bump } from './stats.ts';

/** A send as the SOAP layer hands it over. */
export interface SendInput {
  readonly version: SoapVersion;
  readonly operation: SendOperation;
  readonly fields: ReadonlyMap<string, string>;
  readonly files: readonly Attachment[] | undefined;
}

/** The ResponseCode of a send and the job it stored, if any. */
export interface SendOutcome {
  readonly code: number;
  readonly job: SimJob | undefined;
}

/**
 * Validates, charges and stores a send. A future SendDate answers 11912 (scheduled) with the job stored;
 * a JobID the account already used is accepted again but marked duplicate. Rejections store nothing.
 */
export function handleSend(context: SimContext, input: SendInput, now: number): SendOutcome {
  const { stats } = context;
  const plan = validateSend(context.config, input.operation, input.fields, input.files, now);
  if (typeof plan === 'number') return count(context, plan, undefined);
  const cost = plan.pointsPerRecipient * plan.recipients.length;
  const balance = context.points.get(plan.account) ?? 0;
  if (balance < cost) return count(context, 11301, undefined);
  context.points.set(plan.account, balance - cost);
  const duplicate = plan.jobId !== undefined && context.jobs.has(plan.account, plan.jobId);
  const notifyUrls = httpUrlsOf(input.fields.get('Notification'));
  const alwaysUrls = httpUrlsOf(input.fields.get('AlwaysNotification'));
  const job: SimJob = {
    seq: context.nextSeq++,
    account: plan.account,
    jobId: plan.jobId,
    operation: input.operation,
    soapVersion: input.version,
    jobType: plan.jobType,
    submittedAt: now,
    startAt: plan.startAt,
    recipients: plan.recipients,
    duplicate,
    pointsPerRecipient: plan.pointsPerRecipient,
    notifyUrls,
    alwaysUrls,
    answerTo: input.fields.get('Answer') || input.fields.get('SMSCallback') || plan.account,
    notificationsSent: notifyUrls.length + alwaysUrls.length > 0 ? plan.recipients.map(() => 0) : undefined,
  };
  context.jobs.add(job);
  stats.jobs = context.jobs.size;
  if (duplicate) stats.duplicates += 1;
  scheduleNotifications(context, job);
  return count(context, plan.startAt > now ? 11912 : 0, job);
}

function count(context: SimContext, code: number, job: SimJob | undefined): SendOutcome {
  if (job === undefined) context.stats.rejected += 1;
  else context.stats.accepted += 1;
  bump(context.stats.byCode, String(code));
  return { code, job };
}

/** Counts a send answered by an injected ResponseCode (11403 / 11999): rejected, nothing stored. */
export function countInjectedCode(context: SimContext, code: number): void {
  count(context, code, undefined);
}
