/** What the simulator does to one send request, chosen by the fault script or the fault rates. */
export type FaultKind =
  | 'ok'
  | '11403'
  | '11999'
  | 'drop'
  | 'accept-then-drop'
  | 'http500'
  | 'http503'
  | 'slow';

/** Every {@link FaultKind}, for validation. */
export const FAULT_KINDS: readonly FaultKind[] = [
  'ok',
  '11403',
  '11999',
  'drop',
  'accept-then-drop',
  'http500',
  'http503',
  'slow',
];

/** Faults injected into send operations (GetStateBasic only sees `latencyMs` and `refuseConnections`). */
export interface Faults {
  /** Probability per send request of answering 11403 (nothing stored). @defaultValue 0 */
  rate11403: number;
  /** Probability per send request of answering 11999 (nothing stored). @defaultValue 0 */
  rate11999: number;
  /** Extra delay before every SOAP answer. @defaultValue 0 */
  latencyMs: number;
  /** Probability of destroying the socket before processing (nothing stored). @defaultValue 0 */
  dropRate: number;
  /** Probability of storing the job, counting it accepted, then destroying the socket unanswered. @defaultValue 0 */
  acceptThenDropRate: number;
  /** Probability of a bare HTTP 500 without SOAP body (nothing stored). @defaultValue 0 */
  http500Rate: number;
  /** Probability of a bare HTTP 503 without SOAP body (nothing stored). @defaultValue 0 */
  http503Rate: number;
  /** Outage: every new connection is destroyed at once. @defaultValue false */
  refuseConnections: boolean;
  /** Consumed one per send request, before the rates. @defaultValue [] */
  script: FaultKind[];
}

/** No faults at all. */
export const NO_FAULTS: Readonly<Faults> = Object.freeze({
  rate11403: 0,
  rate11999: 0,
  latencyMs: 0,
  dropRate: 0,
  acceptThenDropRate: 0,
  http500Rate: 0,
  http503Rate: 0,
  refuseConnections: false,
  script: [],
});

const RATE_FIELDS = [
  'rate11403',
  'rate11999',
  'dropRate',
  'acceptThenDropRate',
  'http500Rate',
  'http503Rate',
] as const;

/** The rate bands in the order one random draw is compared against them. */
export const RATE_BANDS: readonly (readonly [(typeof RATE_FIELDS)[number], FaultKind])[] = [
  ['rate11403', '11403'],
  ['rate11999', '11999'],
  ['dropRate', 'drop'],
  ['acceptThenDropRate', 'accept-then-drop'],
  ['http500Rate', 'http500'],
  ['http503Rate', 'http503'],
];

const MAX_LATENCY_MS = 600_000;

/** Thrown by {@link parseFaultsPatch} for a field that is unknown or out of range. */
export class FaultsValidationError extends Error {
  override readonly name = 'FaultsValidationError';
}

/**
 * Validates a JSON patch of {@link Faults} (from PUT /_sim/faults or setFaults).
 * @throws FaultsValidationError naming the first bad field.
 */
export function parseFaultsPatch(input: unknown): Partial<Faults> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new FaultsValidationError('faults patch must be a JSON object');
  }
  const patch: Partial<Faults> = {};
  for (const [key, value] of Object.entries(input)) {
    if ((RATE_FIELDS as readonly string[]).includes(key)) {
      if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
        throw new FaultsValidationError(`${key} must be a number between 0 and 1`);
      }
      patch[key as (typeof RATE_FIELDS)[number]] = value;
    } else if (key === 'latencyMs') {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_LATENCY_MS) {
        throw new FaultsValidationError(`latencyMs must be a number between 0 and ${String(MAX_LATENCY_MS)}`);
      }
      patch.latencyMs = value;
    } else if (key === 'refuseConnections') {
      if (typeof value !== 'boolean') throw new FaultsValidationError('refuseConnections must be a boolean');
      patch.refuseConnections = value;
    } else if (key === 'script') {
      if (
        !Array.isArray(value) ||
        !value.every((kind) => (FAULT_KINDS as readonly unknown[]).includes(kind))
      ) {
        throw new FaultsValidationError(`script must be an array of ${FAULT_KINDS.join(', ')}`);
      }
      patch.script = [...(value as FaultKind[])];
    } else {
      throw new FaultsValidationError(`unknown fault field: ${key.slice(0, 60)}`);
    }
  }
  return patch;
}
