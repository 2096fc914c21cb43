import type { ResponseClass } from '@ecall-relay/codes';
import type { OperationName, SoapVersion } from './operations.ts';

export type { ResponseClass } from '@ecall-relay/codes';

/** Facts about one exchange with eCall. */
export interface CallMeta {
  /** eCall's `x-f24-request-id` of this very response (support asks for it). */
  requestId?: string;
  clientRequestId: string;
  durationMs: number;
  soapVersion: SoapVersion;
}

/** Outcome of an operation that reached eCall and got a ResponseCode. */
export interface SendResult extends CallMeta {
  operation: OperationName;
  code: number;
  text: string;
  classification: ResponseClass;
  /** Whether the code is in eCall's documented table. */
  known: boolean;
}

/** GetStateBasic's per-job answer. */
export interface JobState {
  jobId: string;
  address: string;
  jobType: number;
  sendState: number;
  errorState: number;
  pointsUsed: number;
  /** ISO 8601 UTC, or null while unfinished. */
  finishDate: string | null;
}

/** Outcome of GetStateBasic; `job` is present only when `code` is 0. */
export interface StateResult extends SendResult {
  job?: JobState;
}
