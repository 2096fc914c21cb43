import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { EcallClient } from './ecall-client.ts';
import { EcallError, EcallTransportError } from './errors.ts';
import { ECALL_ENDPOINT, type OperationName } from './operations.ts';
import type { CallOptions, EcallClientOptions, EcallLogger } from './options.ts';
import type { StateResult } from './results.ts';
import { type CallSetup, runCall } from './run-call.ts';
import { createSoapTransport } from './soap-transport.ts';

const DEFAULT_TIMEOUT_MS = 15_000;
/**
 * Idle kept-alive connections are closed after this long, and a second before the server's own announced
 * `Keep-Alive: timeout` (Node's agent honours that hint only when it has a timeout of its own). Without it a
 * connection the server is closing for idleness can be picked for the next call, which then fails with
 * ECONNRESET after its request was written: an ambiguous failure the worker must check with GetStateBasic
 * before sending again, and one the bench's bare client loop died of after a pause between rounds.
 */
const IDLE_SOCKET_MS = 30_000;

function checkedEndpoint(endpoint: string): string {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new TypeError('eCall endpoint is not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError('eCall endpoint must be an http: or https: URL');
  }
  return url.href;
}

function logOutcome(
  logger: EcallLogger | undefined,
  operation: OperationName,
  input: object,
  outcome: { result: StateResult } | { error: unknown; durationMs: number },
): void {
  if (!logger) return;
  const jobId = (input as { jobId?: unknown }).jobId;
  if ('result' in outcome) {
    const { result } = outcome;
    const fields = {
      operation,
      jobId,
      code: result.code,
      classification: result.classification,
      clientRequestId: result.clientRequestId,
      requestId: result.requestId,
      durationMs: result.durationMs,
    };
    // A non-zero code is a business answer worth seeing at info; routine successes stay at debug.
    if (result.code === 0) logger.debug(fields, 'ecall call completed');
    else logger.info(fields, 'ecall call answered with a non-zero code');
    return;
  }
  const { error, durationMs } = outcome;
  const fields: Record<string, unknown> = { operation, jobId, durationMs };
  if (error instanceof EcallError) Object.assign(fields, error.toJSON());
  else fields.error = error instanceof Error ? error.name : typeof error;
  logger.warn(fields, 'ecall call failed');
}

/**
 * Creates an eCall client. Nothing is read or connected here: the shipped WSDL is loaded on the
 * first call and connections are opened per call (kept alive by default).
 * @throws TypeError when `endpoint` is not an http(s) URL or `timeoutMs` is not a positive number.
 */
export function createEcallClient(options: EcallClientOptions): EcallClient {
  const endpoint = checkedEndpoint(options.endpoint ?? ECALL_ENDPOINT);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
    throw new TypeError('timeoutMs must be a positive number');
  const httpAgent = options.httpAgent ?? new HttpAgent({ keepAlive: true, timeout: IDLE_SOCKET_MS });
  const httpsAgent = options.httpsAgent ?? new HttpsAgent({ keepAlive: true, timeout: IDLE_SOCKET_MS });
  // Agents passed in belong to the caller, who may share them; only ours are destroyed on close.
  const ownAgents = [
    httpAgent !== options.httpAgent && httpAgent,
    httpsAgent !== options.httpsAgent && httpsAgent,
  ];
  const soapVersion = options.soapVersion ?? '1.2';
  const setup: CallSetup = {
    transport: createSoapTransport({ endpoint, soapVersion, httpAgent, httpsAgent }),
    credentials: { accountName: options.accountName, accountPassword: options.accountPassword },
    soapVersion,
    timeoutMs,
    classifyOptions: options.transientCodes ? { transientCodes: options.transientCodes } : {},
  };
  const inFlight = new Set<Promise<unknown>>();
  let closed = false;

  async function call(
    operation: OperationName,
    input: object,
    callOptions?: CallOptions,
  ): Promise<StateResult> {
    const started = performance.now();
    if (closed) {
      const clientRequestId = callOptions?.clientRequestId ?? '';
      const context = { operation, clientRequestId, code: 'CLIENT_CLOSED' };
      throw new EcallTransportError(`eCall client is closed; ${operation} was not sent`, context, false);
    }
    const running = runCall(setup, operation, input, callOptions);
    inFlight.add(running);
    try {
      const result = await running;
      logOutcome(options.logger, operation, input, { result });
      return result;
    } catch (error) {
      logOutcome(options.logger, operation, input, {
        error,
        durationMs: Math.round(performance.now() - started),
      });
      throw error;
    } finally {
      inFlight.delete(running);
    }
  }

  return {
    sendSms: (input, callOptions) => call('SendSMSBasic', input, callOptions),
    sendFaxBasic: (input, callOptions) => call('SendFaxBasic', input, callOptions),
    sendFax: (input, callOptions) => call('SendFax', input, callOptions),
    sendVoice: (input, callOptions) => call('SendVoiceBasic', input, callOptions),
    getState: (input, callOptions) => call('GetStateBasic', input, callOptions),
    async close() {
      closed = true;
      // Every call is bounded by timeoutMs, so this wait is bounded too.
      await Promise.allSettled([...inFlight]);
      for (const agent of ownAgents) if (agent) agent.destroy();
    },
  };
}
