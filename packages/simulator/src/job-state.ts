import type { SimJob } from './job-store.ts';
import { type RecipientOutcome, type StatePair, stateAtStep, stepCount } from './progression.ts';

/** Where one recipient of a job stands at a given instant. */
export interface RecipientState extends StatePair {
  /** False while the job waits for its SendDate. */
  readonly started: boolean;
  readonly final: boolean;
  /** Index of the current step (0 = first SendState), -1 before the start. */
  readonly step: number;
  /** Points, only once final (eCall fills PointsUsed at the end). */
  readonly pointsUsed: number;
  /** When the final state was entered, once final. */
  readonly finishedAt: number | undefined;
}

/** Timing and failure rules shared by every derived state. */
export interface Timeline {
  readonly stepMs: number;
  /** Recipients whose address matches fail at the end. Must not be a global or sticky RegExp. */
  readonly failAddresses: RegExp;
}

/** How a recipient of this job ends. */
export function outcomeOf(job: SimJob, index: number, timeline: Timeline): RecipientOutcome {
  if (job.duplicate) return 'duplicate';
  const address = job.recipients[index]?.address ?? '';
  return timeline.failAddresses.test(address) ? 'failed' : 'delivered';
}

/** The step a job is at: -1 before its start, then one more every stepMs, up to the final step. */
export function stepAt(job: SimJob, now: number, timeline: Timeline): number {
  if (now < job.startAt) return -1;
  const step = Math.floor((now - job.startAt) / timeline.stepMs);
  return Math.min(step, stepCount(job.jobType) - 1);
}

/** When step `step` of this job is (or was) entered. */
export function stepTime(job: SimJob, step: number, timeline: Timeline): number {
  return job.startAt + step * timeline.stepMs;
}

/** Derives the state of recipient `index` of `job` at `now`. */
export function recipientStateAt(
  job: SimJob,
  index: number,
  now: number,
  timeline: Timeline,
): RecipientState {
  const step = stepAt(job, now, timeline);
  if (step < 0) {
    return {
      started: false,
      final: false,
      step,
      sendState: 0,
      errorState: 0,
      pointsUsed: 0,
      finishedAt: undefined,
    };
  }
  const pair = stateAtStep(job.jobType, outcomeOf(job, index, timeline), step);
  const final = step === stepCount(job.jobType) - 1;
  return {
    started: true,
    final,
    step,
    ...pair,
    pointsUsed: final ? job.pointsPerRecipient : 0,
    finishedAt: final ? stepTime(job, step, timeline) : undefined,
  };
}

/** Every state recipient `index` entered up to `now`, with the instant it was entered. */
export function historyAt(
  job: SimJob,
  index: number,
  now: number,
  timeline: Timeline,
): { readonly state: number; readonly errorState: number; readonly at: number }[] {
  const last = stepAt(job, now, timeline);
  const outcome = outcomeOf(job, index, timeline);
  const history = [];
  for (let step = 0; step <= last; step += 1) {
    const pair = stateAtStep(job.jobType, outcome, step);
    history.push({ state: pair.sendState, errorState: pair.errorState, at: stepTime(job, step, timeline) });
  }
  return history;
}
