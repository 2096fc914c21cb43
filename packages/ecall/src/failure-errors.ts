import {
  type EcallErrorContext,
  EcallHttpError,
  EcallSoapFaultError,
  EcallTransportError,
} from './errors.ts';
import { findSoapFault } from './soap-fault.ts';

type Context = Omit<EcallErrorContext, 'code'>;

/** Connect-phase failures: the request bytes cannot have reached eCall. */
const NOT_DELIVERED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPROTO',
]);
/** Certificate and handshake failures happen before TLS carries a single request byte. */
const TLS_HANDSHAKE =
  /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$)/;

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const { code } = error as { code: unknown };
  return typeof code === 'string' && code !== '' ? code : undefined;
}

/**
 * Turns a failed connection into an EcallTransportError. Only errors known to precede sending
 * are unambiguous; everything else (ECONNRESET, EPIPE, "socket hang up", an aborted response,
 * anything unrecognised) may have reached eCall, so the caller must check before resending.
 */
export function transportError(error: unknown, context: Context): EcallTransportError {
  const code = errorCode(error) ?? 'UNKNOWN';
  const notDelivered = NOT_DELIVERED.has(code) || TLS_HANDSHAKE.test(code);
  const what = notDelivered ? 'could not connect' : 'lost the connection';
  return new EcallTransportError(
    `eCall ${context.operation} ${what} (${code})`,
    { ...context, code },
    !notDelivered,
  );
}

function replace(text: string, secret: string): string {
  return secret === '' ? text : text.split(secret).join('***');
}

/**
 * Maps an HTTP response that did not yield a result: a SOAP fault (any status) is a protocol
 * rejection; otherwise the status decides. 503/429/408 say the request was not processed; 500,
 * 502, 504 and other 5xx without a SOAP body leave it open; 2xx without a readable answer too
 * (eCall may have acted on it); the remaining statuses are the caller's to fix.
 */
export function httpFailure(
  status: number,
  soapError: unknown,
  context: Context,
  secret: string,
): EcallSoapFaultError | EcallHttpError {
  const fault = findSoapFault(soapError);
  if (fault) {
    return new EcallSoapFaultError(
      context,
      status,
      replace(fault.faultcode, secret),
      replace(fault.faultstring, secret),
    );
  }
  const ctx = { ...context, code: `HTTP_${status}` };
  if (status >= 200 && status < 300) {
    return new EcallHttpError(
      `eCall ${context.operation} answered HTTP ${status} without a readable result`,
      {
        ...context,
        code: 'BAD_RESPONSE',
      },
      status,
      { retryable: true, ambiguous: true },
    );
  }
  const message = `eCall ${context.operation} answered HTTP ${status} without a SOAP answer`;
  if (status === 503 || status === 429 || status === 408) {
    return new EcallHttpError(message, ctx, status, { retryable: true, ambiguous: false });
  }
  if (status >= 500) return new EcallHttpError(message, ctx, status, { retryable: true, ambiguous: true });
  return new EcallHttpError(message, ctx, status, { retryable: false, ambiguous: false });
}
