import { describeErrorState, describeSendState } from '@ecall-relay/codes';
import type { SoapVersion } from '@ecall-relay/ecall';
import { historyAt, recipientStateAt, type Timeline } from './job-state.ts';
import type { SendOperation, SimJob } from './job-store.ts';

/** One recipient of a simulated job, as the control API shows it. */
export interface SimRecipientView {
  /** International form, as GetStateBasic returns it. */
  readonly address: string;
  readonly sendState: number;
  readonly sendStateText: string;
  readonly errorState: number;
  readonly errorStateText: string;
  readonly final: boolean;
  readonly pointsUsed: number;
  /** ISO 8601 (UTC) instant of the final state, once final. */
  readonly finishedAt: string | undefined;
  /** Every SendState entered so far, with its ISO 8601 (UTC) instant. */
  readonly history: readonly { readonly state: number; readonly errorState: number; readonly at: string }[];
  /** Notification callbacks for this recipient that reached a receiver. */
  readonly notificationsSent: number;
}

/** One job stored under a JobID (an account may reuse a JobID: duplicates are separate jobs). */
export interface SimJobRecord {
  readonly account: string;
  readonly operation: SendOperation;
  /** The SOAP version the job was submitted in. */
  readonly soapVersion: SoapVersion;
  readonly jobType: number;
  readonly duplicate: boolean;
  readonly submittedAt: string;
  /** When the first SendState was (or will be) entered: the SendDate of a scheduled job. */
  readonly startAt: string;
  readonly scheduled: boolean;
  readonly recipients: readonly SimRecipientView[];
}

/** Everything the simulator holds for one JobID (GET /_sim/jobs/{jobId} returns exactly this). */
export interface SimJobView {
  readonly jobId: string;
  /** In submission order, across accounts. */
  readonly jobs: readonly SimJobRecord[];
}

const iso = (epochMs: number): string => new Date(epochMs).toISOString();

/** Builds the view of the jobs stored under one JobID at instant `now`. */
export function buildJobView(
  jobId: string,
  jobs: readonly SimJob[],
  now: number,
  timeline: Timeline,
): SimJobView {
  return {
    jobId,
    jobs: jobs.map((job) => ({
      account: job.account,
      operation: job.operation,
      soapVersion: job.soapVersion,
      jobType: job.jobType,
      duplicate: job.duplicate,
      submittedAt: iso(job.submittedAt),
      startAt: iso(job.startAt),
      scheduled: job.startAt > job.submittedAt,
      recipients: job.recipients.map((recipient, index) => {
        const state = recipientStateAt(job, index, now, timeline);
        return {
          address: recipient.address,
          sendState: state.sendState,
          sendStateText: state.started
            ? describeSendState(job.jobType, state.sendState).en
            : 'Scheduled, not started',
          errorState: state.errorState,
          errorStateText:
            state.errorState === 0 ? 'None' : describeErrorState(job.jobType, state.errorState).en,
          final: state.final,
          pointsUsed: state.pointsUsed,
          finishedAt: state.finishedAt === undefined ? undefined : iso(state.finishedAt),
          history: historyAt(job, index, now, timeline).map((entry) => ({ ...entry, at: iso(entry.at) })),
          notificationsSent: job.notificationsSent?.[index] ?? 0,
        };
      }),
    })),
  };
}
