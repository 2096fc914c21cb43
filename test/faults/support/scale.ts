/** The two sizes of the fault suite: `full` (the figures in the README) and `ci` (a shortened run). */
export const FAULT_SCALES = ['full', 'ci'] as const;
/** One of {@link FAULT_SCALES}. */
export type FaultScale = (typeof FAULT_SCALES)[number];

/**
 * Reads `FAULTS_SCALE` (default `full`).
 * @throws Error for any other value, so a typo never silently runs the long suite.
 */
export function faultScale(value: string | undefined = process.env.FAULTS_SCALE): FaultScale {
  const scale = value === undefined || value === '' ? 'full' : value;
  if (!(FAULT_SCALES as readonly string[]).includes(scale)) {
    throw new Error(`FAULTS_SCALE must be one of ${FAULT_SCALES.join(', ')} (got ${scale.slice(0, 20)})`);
  }
  return scale as FaultScale;
}

/** Picks the value of the current scale. */
export function byScale<T>(values: Record<FaultScale, T>, scale: FaultScale = faultScale()): T {
  return values[scale];
}
