import type { Agent as HttpAgent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import type { ResponseClass } from '@ecall-relay/codes';
import type { OperationName, SoapVersion } from './operations.ts';

export type { ResponseClass } from '@ecall-relay/codes';

/** One structured log method, pino-compatible: `(fields, message)`. */
export type EcallLogFn = (obj: Record<string, unknown>, msg: string) => void;

/** The slice of a pino logger the client writes to. */
export interface EcallLogger {
  debug: EcallLogFn;
  info: EcallLogFn;
  warn: EcallLogFn;
}

/** Options of {@link createEcallClient}. */
export interface EcallClientOptions {
  /**
   * SOAP endpoint (`http:` or `https:`).
   * @defaultValue ECALL_ENDPOINT (`https://soap.ecall.ch/eCall.asmx`)
   */
  endpoint?: string;
  /** eCall account name. */
  accountName: string;
  /** eCall account password. Sent in every request body, never logged or put into errors. */
  accountPassword: string;
  /**
   * SOAP protocol version; eCall recommends 1.2.
   * @defaultValue '1.2'
   */
  soapVersion?: SoapVersion;
  /**
   * Deadline of a whole call (connect, send, wait, read), in milliseconds.
   * @defaultValue 15_000
   */
  timeoutMs?: number;
  /**
   * ResponseCodes treated as transient (retried), passed to `classifyResponse`; replaces the list.
   * @defaultValue TRANSIENT_RESPONSE_CODES of `@ecall-relay/codes` ([11403, 11999])
   */
  transientCodes?: readonly number[];
  /**
   * Receives one line per call and a warning per failure.
   * @defaultValue no logging
   */
  logger?: EcallLogger;
  /**
   * Agent for `http:` endpoints. Not destroyed by `close()`.
   * @defaultValue a keep-alive agent owned by the client
   */
  httpAgent?: HttpAgent;
  /**
   * Agent for `https:` endpoints. Not destroyed by `close()`.
   * @defaultValue a keep-alive agent owned by the client
   */
  httpsAgent?: HttpsAgent;
}

/** Per-call options. */
export interface CallOptions {
  /**
   * Sent as `x-f24-client-request-id`: 1-100 visible ASCII characters.
   * @defaultValue a random UUID
   */
  clientRequestId?: string;
  /**
   * Set when this call repeats one whose outcome was ambiguous; lets `11600` (already
   * transmitted) count as accepted.
   * @defaultValue false
   */
  afterAmbiguous?: boolean;
  /** Aborts the call; it then rejects with an {@link EcallTransportError} coded `ABORTED`. */
  signal?: AbortSignal;
}

/** SendSMSBasic input. `''` counts as unset, like `undefined`. */
export interface SendSmsInput {
  address: string;
  message: string;
  jobId?: string;
  smsCallback?: string;
  notification?: string;
  answer?: string;
  /** `yyyy-MM-dd HH:mm:ss`, Europe/Zurich local time: see `toEcallDateTime`. */
  sendDate?: string;
  msgType?: 'Flash';
  noLog?: boolean;
  alwaysNotification?: string;
}

/** SendFaxBasic input. */
export interface SendFaxBasicInput {
  address: string;
  message: string;
  jobId?: string;
  fromText?: string;
  subject?: string;
  sendDate?: string;
}

/** A fax attachment: `content` is raw bytes or a base64 string. */
export interface FaxFile {
  fileName: string;
  content: Uint8Array | string;
}

/** SendFax input. */
export interface SendFaxInput {
  address: string;
  message: string;
  jobId?: string;
  fromText?: string;
  faxHeaderId?: string;
  faxHeaderInfo?: string;
  subject?: string;
  sendDate?: string;
  files?: readonly FaxFile[];
  notification?: string;
  /** `Name;=Value;Name;=Value`, e.g. `MaxRetries;=3`. */
  tokenFields?: string;
}

/** SendVoiceBasic input. */
export interface SendVoiceInput {
  address: string;
  message: string;
  jobId?: string;
  msgLanguage?: 'DE' | 'FR' | 'IT' | 'EN';
  fromText?: string;
  sendDate?: string;
}

/** GetStateBasic input; without `address` eCall answers for the last job of that JobID. */
export interface GetStateInput {
  jobId: string;
  address?: string;
}

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

/** A typed eCall client; share one per account and process. */
export interface EcallClient {
  /** SendSMSBasic. @throws {@link EcallError} subclasses on transport, HTTP, fault or input failures. */
  sendSms(input: SendSmsInput, options?: CallOptions): Promise<SendResult>;
  /** SendFaxBasic. @throws {@link EcallError} subclasses. */
  sendFaxBasic(input: SendFaxBasicInput, options?: CallOptions): Promise<SendResult>;
  /** SendFax (with attachments). @throws {@link EcallError} subclasses. */
  sendFax(input: SendFaxInput, options?: CallOptions): Promise<SendResult>;
  /** SendVoiceBasic. @throws {@link EcallError} subclasses. */
  sendVoice(input: SendVoiceInput, options?: CallOptions): Promise<SendResult>;
  /** GetStateBasic. @throws {@link EcallError} subclasses. */
  getState(input: GetStateInput, options?: CallOptions): Promise<StateResult>;
  /** Waits for calls in flight, then releases the agents the client created. Idempotent. */
  close(): Promise<void>;
}
