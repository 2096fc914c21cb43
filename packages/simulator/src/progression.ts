/** eCall JobTypes the simulator produces: 1 SMS/pager, 5 voice, 6 fax. */
export const JOB_TYPES = { sms: 1, voice: 5, fax: 6 } as const;

/** A JobType the simulator produces. */
export type SimJobType = (typeof JOB_TYPES)[keyof typeof JOB_TYPES];

/** How a recipient ends: delivered, failed (failAddresses), or failed as a duplicate JobID. */
export type RecipientOutcome = 'delivered' | 'failed' | 'duplicate';

/** A SendState with the ErrorState that goes with it (0 when there is none). */
export interface StatePair {
  readonly sendState: number;
  readonly errorState: number;
}

interface Path {
  /** SendStates one step apart; the last one is replaced by the outcome's final state. */
  readonly steps: readonly number[];
  readonly final: Record<RecipientOutcome, StatePair>;
}

// Voice has no ErrorState table in the annex (its failures are SendStates), so voice failures carry 0.
const PATHS: Record<SimJobType, Path> = {
  1: {
    steps: [0, 1, 9, 8],
    final: {
      delivered: { sendState: 8, errorState: 0 },
      failed: { sendState: 2, errorState: 5509 },
      duplicate: { sendState: 2, errorState: 5512 },
    },
  },
  5: {
    steps: [30, 31, 38, 33],
    final: {
      delivered: { sendState: 33, errorState: 0 },
      failed: { sendState: 39, errorState: 0 },
      duplicate: { sendState: 39, errorState: 0 },
    },
  },
  6: {
    steps: [101, 201, 202, 301, 401, 402, 501, 41],
    final: {
      delivered: { sendState: 41, errorState: 0 },
      failed: { sendState: 42, errorState: 6006 },
      duplicate: { sendState: 42, errorState: 6000 },
    },
  },
};

/** Number of states a recipient of this job type goes through, the final one included. */
export function stepCount(jobType: SimJobType): number {
  return PATHS[jobType].steps.length;
}

/** The state at step `index` (clamped to the path) for a recipient heading to `outcome`. */
export function stateAtStep(jobType: SimJobType, outcome: RecipientOutcome, index: number): StatePair {
  const path = PATHS[jobType];
  const last = path.steps.length - 1;
  if (index >= last) return path.final[outcome];
  return { sendState: path.steps[Math.max(0, index)] ?? 0, errorState: 0 };
}
