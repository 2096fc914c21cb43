import type { Agent as HttpAgent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import type { SoapVersion } from './operations.ts';

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
