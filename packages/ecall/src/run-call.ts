import { randomUUID } from 'node:crypto';
import { type ClassifyOptions, classifyResponse, describeResponse } from '@ecall-relay/codes';
import { EcallError, EcallInputError, EcallTimeoutError, EcallTransportError } from './errors.ts';
import { httpFailure, transportError } from './failure-errors.ts';
import type { OperationName, SoapVersion } from './operations.ts';
import type { CallOptions } from './options.ts';
import { buildRequestArgs, UnwritableInputError } from './request-fields.ts';
import { parseResponse } from './response-fields.ts';
import type { StateResult } from './results.ts';
import type { SoapOutcome, SoapTransport } from './soap-transport.ts';

/** Everything a call needs that does not change between calls. */
export interface CallSetup {
  transport: SoapTransport;
  credentials: { accountName: string; accountPassword: string };
  soapVersion: SoapVersion;
  timeoutMs: number;
  classifyOptions: Pick<ClassifyOptions, 'transientCodes'>;
}

/** What eCall accepts in `x-f24-client-request-id`: visible ASCII, at most 100 characters. */
const CLIENT_REQUEST_ID = /^[\x21-\x7E]{1,100}$/;

interface Attempt {
  operation: OperationName;
  clientRequestId: string;
  timeoutMs: number;
}

/** Aborts at the deadline or when the caller's signal fires, remembering which came first. */
async function exchangeWithin(setup: CallSetup, attempt: Attempt, args: object, signal?: AbortSignal) {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, attempt.timeoutMs);
  const onCallerAbort = (): void => controller.abort();
  signal?.addEventListener('abort', onCallerAbort, { once: true });
  if (signal?.aborted) controller.abort();
  try {
    const outcome = await setup.transport.exchange(attempt.operation, args, {
      clientRequestId: attempt.clientRequestId,
      signal: controller.signal,
    });
    return { outcome, timedOut };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onCallerAbort);
  }
}

function failureOf(outcome: Exclude<SoapOutcome, { kind: 'response' }>, timedOut: boolean, attempt: Attempt) {
  const context = { operation: attempt.operation, clientRequestId: attempt.clientRequestId };
  if (outcome.kind === 'no-response') return transportError(outcome.error, context);
  if (outcome.kind === 'aborted') {
    if (timedOut) return new EcallTimeoutError(context, attempt.timeoutMs);
    return new EcallTransportError(
      `eCall ${attempt.operation} was aborted by the caller`,
      { ...context, code: 'ABORTED' },
      outcome.dispatched,
    );
  }
  const reason = (outcome.error as { code?: unknown } | null)?.code;
  const detail = typeof reason === 'string' ? ` (${reason})` : '';
  const message = outcome.wsdl
    ? `eCall WSDL could not be loaded${detail}`
    : `eCall ${attempt.operation} request could not be built${detail}`;
  const code = outcome.wsdl ? 'WSDL_UNAVAILABLE' : 'REQUEST_BUILD_FAILED';
  return new EcallError(message, { ...context, code }, { retryable: false, ambiguous: false });
}

/**
 * Runs one operation end to end: validates, builds the body in WSDL order, exchanges within the
 * deadline, and turns the outcome into a classified result or a typed EcallError.
 * @throws EcallError (one of its subclasses) for every failure; nothing else escapes.
 */
export async function runCall(
  setup: CallSetup,
  operation: OperationName,
  input: object,
  options: CallOptions = {},
): Promise<StateResult> {
  const clientRequestId = options.clientRequestId ?? randomUUID();
  const attempt: Attempt = { operation, clientRequestId, timeoutMs: setup.timeoutMs };
  if (!CLIENT_REQUEST_ID.test(clientRequestId)) {
    throw new EcallInputError('clientRequestId must be 1-100 visible ASCII characters', attempt);
  }
  let args: object;
  try {
    args = buildRequestArgs(operation, setup.credentials, input);
  } catch (error) {
    // Only our own message is kept: a foreign error could quote the input.
    const message =
      error instanceof UnwritableInputError ? error.message : `${operation} input could not be encoded`;
    throw new EcallInputError(message, attempt);
  }
  const started = performance.now();
  const { outcome, timedOut } = await exchangeWithin(setup, attempt, args, options.signal);
  const durationMs = Math.round(performance.now() - started);
  if (outcome.kind !== 'response') throw failureOf(outcome, timedOut, attempt);

  const context = { operation, clientRequestId, requestId: outcome.requestId };
  const ok = outcome.status >= 200 && outcome.status < 300 && outcome.error == null;
  const parsed = ok ? parseResponse(operation, outcome.result) : undefined;
  if (!parsed) throw httpFailure(outcome.status, outcome.error, context, setup.credentials.accountPassword);

  const classification = classifyResponse(parsed.code, operation === 'GetStateBasic' ? 'state' : 'send', {
    ...setup.classifyOptions,
    ...(options.afterAmbiguous === undefined ? {} : { afterAmbiguous: options.afterAmbiguous }),
  });
  return {
    operation,
    code: parsed.code,
    text: parsed.text,
    classification,
    known: describeResponse(parsed.code).known,
    ...(parsed.job ? { job: parsed.job } : {}),
    ...(outcome.requestId === undefined ? {} : { requestId: outcome.requestId }),
    clientRequestId,
    durationMs,
    soapVersion: setup.soapVersion,
  };
}
