import { normalizeAddress } from './address.ts';
import { checkCredentials } from './credentials.ts';
import { recipientStateAt } from './job-state.ts';
import type { SimContext } from './sim-context.ts';
import type { JobResponseFields } from './soap-response.ts';
import { toZurichDateTime, UNFINISHED_DATE } from './zurich-time.ts';

/** GetStateBasic's ResponseCode and, when it is 0, the JobResponse. */
export interface StateOutcome {
  readonly code: number;
  readonly job: JobResponseFields | undefined;
}

/** The JobResponse eCall may send along a non-zero ResponseCode: every field at its default. */
export const EMPTY_JOB_RESPONSE: JobResponseFields = {
  jobId: '',
  address: '',
  jobType: 0,
  sendState: 0,
  errorState: 0,
  pointsUsed: 0,
  finishDate: UNFINISHED_DATE,
};

/**
 * Answers GetStateBasic: 11911 without JobID, 11910 for an unknown JobID or an Address not in the
 * job, 11912 while the job waits for its SendDate. JobID + Address picks that recipient of the last job
 * with that JobID; JobID alone picks the last recipient of the last job.
 */
export function handleGetState(
  context: SimContext,
  fields: ReadonlyMap<string, string>,
  now: number,
): StateOutcome {
  context.stats.stateQueries += 1;
  const denied = checkCredentials(context.config, fields.get('AccountName'), fields.get('AccountPassword'));
  if (denied !== undefined) return { code: denied, job: undefined };
  const jobId = fields.get('JobID') ?? '';
  if (jobId === '') return { code: 11911, job: undefined };
  const job = context.jobs.last(fields.get('AccountName') ?? '', jobId);
  if (job === undefined) return { code: 11910, job: undefined };
  const address = fields.get('Address')?.trim() ?? '';
  let index = job.recipients.length - 1;
  if (address !== '') {
    const wanted = normalizeAddress(address);
    index = job.recipients.findIndex((recipient) => recipient.address === wanted);
    if (index < 0) return { code: 11910, job: undefined };
  }
  const recipient = job.recipients[index];
  const state = recipientStateAt(job, index, now, context.timeline);
  if (recipient === undefined || !state.started) return { code: 11912, job: undefined };
  return {
    code: 0,
    job: {
      jobId,
      address: recipient.address,
      jobType: job.jobType,
      sendState: state.sendState,
      errorState: state.errorState,
      pointsUsed: state.pointsUsed,
      finishDate: state.finishedAt === undefined ? UNFINISHED_DATE : toZurichDateTime(state.finishedAt),
    },
  };
}
