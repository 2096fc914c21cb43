import { fromEcallDateTime } from './date-time.ts';
import type { OperationName } from './operations.ts';
import type { JobState } from './results.ts';

/** The readable part of an operation's answer. */
export interface ParsedResponse {
  code: number;
  text: string;
  job?: JobState;
}

type Tree = Record<string, unknown>;

function isTree(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** node-soap yields numbers when it matched the schema and strings when it did not: accept both. */
function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** Element text; an empty element comes back as null or `{}` depending on the schema match. */
function toText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (isTree(value) && typeof value.$value === 'string') return value.$value;
  return '';
}

function toDateText(value: unknown): string {
  // A Date appears only if the dateTime deserializer was bypassed; its local-time reading is wrong.
  return value instanceof Date ? '' : toText(value);
}

function parseCodeAndText(response: unknown): Omit<ParsedResponse, 'job'> | undefined {
  if (!isTree(response)) return undefined;
  const code = toNumber(response.ResponseCode);
  if (code === undefined) return undefined;
  return { code, text: toText(response.ResponseText) };
}

function parseJob(job: unknown): JobState | undefined {
  if (!isTree(job)) return undefined;
  return {
    jobId: toText(job.JobID),
    address: toText(job.Address),
    jobType: toNumber(job.JobType) ?? 0,
    sendState: toNumber(job.SendState) ?? 0,
    errorState: toNumber(job.ErrorState) ?? 0,
    pointsUsed: toNumber(job.PointsUsed) ?? 0,
    finishDate: fromEcallDateTime(toDateText(job.FinishDate)),
  };
}

/**
 * Reads `<Op>Result` out of node-soap's response object. Returns undefined when the answer has no
 * ResponseCode, which eCall always sends. A JobResponse is reported only with code 0: eCall sends
 * it absent or filled with defaults otherwise, and defaults must not pass for a job.
 */
export function parseResponse(operation: OperationName, body: unknown): ParsedResponse | undefined {
  if (!isTree(body)) return undefined;
  const result = body[`${operation}Result`];
  if (operation !== 'GetStateBasic') return parseCodeAndText(result);
  if (!isTree(result)) return undefined;
  const parsed = parseCodeAndText(result.ServiceResponse);
  if (parsed?.code !== 0) return parsed;
  const job = parseJob(result.JobResponse);
  return job ? { ...parsed, job } : parsed;
}
