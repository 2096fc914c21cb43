import type { OperationName } from './operations.ts';

/** Where and how a call failed; every eCall error carries this, and never a credential. */
export interface EcallErrorContext {
  operation: OperationName;
  clientRequestId: string;
  /** eCall's `x-f24-request-id`, when a response arrived. */
  requestId?: string | undefined;
  /** Machine-readable reason, e.g. `ECONNREFUSED`, `TIMEOUT`, `HTTP_503`, `SOAP_FAULT`. */
  code: string;
}

/**
 * Base of every error the client throws. `retryable` says whether trying again may succeed;
 * `ambiguous` says eCall may have received (and acted on) the request, so a send must be checked
 * with GetStateBasic before it is repeated. Messages are built here, never copied from the HTTP
 * layer, whose errors hold the request body and with it the password.
 */
export class EcallError extends Error {
  override readonly name: string = 'EcallError';
  readonly retryable: boolean;
  readonly ambiguous: boolean;
  readonly operation: OperationName;
  readonly clientRequestId: string;
  readonly requestId: string | undefined;
  readonly code: string;

  constructor(
    message: string,
    context: EcallErrorContext,
    flags: { retryable: boolean; ambiguous: boolean },
  ) {
    super(message);
    this.retryable = flags.retryable;
    this.ambiguous = flags.ambiguous;
    this.operation = context.operation;
    this.clientRequestId = context.clientRequestId;
    this.requestId = context.requestId;
    this.code = context.code;
  }

  /** Plain data for structured logs and job records. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      code: this.code,
      retryable: this.retryable,
      ambiguous: this.ambiguous,
      operation: this.operation,
      clientRequestId: this.clientRequestId,
      requestId: this.requestId,
    };
  }
}

/** The connection failed. `ambiguous` is false only when the request cannot have reached eCall. */
export class EcallTransportError extends EcallError {
  override readonly name = 'EcallTransportError';
  constructor(message: string, context: EcallErrorContext, ambiguous: boolean) {
    super(message, context, { retryable: true, ambiguous });
  }
}

/** No answer within `timeoutMs`: eCall may still process the request. */
export class EcallTimeoutError extends EcallError {
  override readonly name = 'EcallTimeoutError';
  readonly timeoutMs: number;
  constructor(context: Omit<EcallErrorContext, 'code'>, timeoutMs: number) {
    super(
      `eCall ${context.operation} got no answer within ${timeoutMs} ms`,
      { ...context, code: 'TIMEOUT' },
      {
        retryable: true,
        ambiguous: true,
      },
    );
    this.timeoutMs = timeoutMs;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), timeoutMs: this.timeoutMs };
  }
}

/** An HTTP status without a usable SOAP answer (proxy pages, overload, empty bodies). */
export class EcallHttpError extends EcallError {
  override readonly name = 'EcallHttpError';
  readonly status: number;
  constructor(
    message: string,
    context: EcallErrorContext,
    status: number,
    flags: { retryable: boolean; ambiguous: boolean },
  ) {
    super(message, context, flags);
    this.status = status;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status };
  }
}

/** eCall rejected the request at protocol level (bad SOAPAction, malformed XML): resending cannot help. */
export class EcallSoapFaultError extends EcallError {
  override readonly name = 'EcallSoapFaultError';
  readonly status: number;
  readonly faultcode: string;
  readonly faultstring: string;
  constructor(
    context: Omit<EcallErrorContext, 'code'>,
    status: number,
    faultcode: string,
    faultstring: string,
  ) {
    super(
      `eCall ${context.operation} SOAP fault ${faultcode}: ${faultstring}`,
      { ...context, code: 'SOAP_FAULT' },
      {
        retryable: false,
        ambiguous: false,
      },
    );
    this.status = status;
    this.faultcode = faultcode;
    this.faultstring = faultstring;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      status: this.status,
      faultcode: this.faultcode,
      faultstring: this.faultstring,
    };
  }
}

/** The call was refused before anything was sent: the input cannot be put on the wire as given. */
export class EcallInputError extends EcallError {
  override readonly name = 'EcallInputError';
  constructor(message: string, context: Omit<EcallErrorContext, 'code'>) {
    super(message, { ...context, code: 'INVALID_INPUT' }, { retryable: false, ambiguous: false });
  }
}
