import type { SoapInProgress } from './in-progress.ts';

/** Counters of everything the simulator saw. */
export interface SimCounters {
  /** Send requests with a valid SOAP envelope, whatever their outcome (faults included). */
  submissions: number;
  /** Sends whose job was stored: answered 0 or 11912, duplicates and accept-then-drop included. */
  accepted: number;
  /** Sends answered with any other ResponseCode, injected 11403 / 11999 included. */
  rejected: number;
  /** Accepted sends that reused a JobID of the same account. */
  duplicates: number;
  /** GetStateBasic requests with a valid SOAP envelope. */
  stateQueries: number;
  /** Send outcomes by ResponseCode (the code decided, even when accept-then-drop never sent it). */
  byCode: Record<string, number>;
  /** Injected faults by kind, plus `refused` connections. */
  faultsInjected: Record<string, number>;
  /** Notification and answer callbacks answered 2xx by their receiver. */
  notificationsSent: number;
  /** Callbacks that failed (connection error, timeout, non-2xx, queue full). */
  notificationsFailed: number;
  /** Jobs stored (duplicates and jobs without JobID included). */
  jobs: number;
  /** Valid SOAP requests by `<Operation>@<SOAP version>`, e.g. `SendSMSBasic@1.2`. */
  byOperation: Record<string, number>;
  /** SOAP faults answered (malformed XML, bad SOAPAction, wrong namespace...). */
  protocolFaults: number;
}

/** What GET /_sim/stats returns: the counters, and the SOAP requests in progress at once (`InProgressCounter`). */
export interface SimStats extends SimCounters {
  soapInProgress: SoapInProgress;
}

const FAULT_COUNTERS = [
  '11403',
  '11999',
  'drop',
  'accept-then-drop',
  'http500',
  'http503',
  'slow',
  'refused',
];

/** Fresh counters; fault kinds start at 0 so the JSON shape is stable. */
export function createStats(): SimCounters {
  return {
    submissions: 0,
    accepted: 0,
    rejected: 0,
    duplicates: 0,
    stateQueries: 0,
    byCode: {},
    faultsInjected: Object.fromEntries(FAULT_COUNTERS.map((kind) => [kind, 0])),
    notificationsSent: 0,
    notificationsFailed: 0,
    jobs: 0,
    byOperation: {},
    protocolFaults: 0,
  };
}

/** Adds one to a keyed counter. */
export function bump(counters: Record<string, number>, key: string): void {
  counters[key] = (counters[key] ?? 0) + 1;
}
