import { randomUUID } from 'node:crypto';
import type { Agent as HttpAgent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import type { OperationName, SoapVersion } from './operations.ts';
import {
  type CapturedResponse,
  type LoadedSoapClient,
  loadSoapClient,
  type SoapCallback,
} from './soap-client.ts';

/** How one exchange ended, before any interpretation. */
export type SoapOutcome =
  /** An HTTP response arrived; `result` is node-soap's parsed body, `error` its complaint if any. */
  | { kind: 'response'; status: number; requestId: string | undefined; result: unknown; error: unknown }
  /** No HTTP response: the connection failed. `error` is the raw HTTP-layer error. */
  | { kind: 'no-response'; error: unknown }
  /** `signal` fired first; `dispatched` tells whether the request had been handed to the socket layer. */
  | { kind: 'aborted'; dispatched: boolean }
  /** Nothing was sent: the WSDL could not be loaded or node-soap refused to build the request. */
  | { kind: 'local-failure'; error: unknown; wsdl: boolean };

/** Exchanges one request per call; safe to share between concurrent callers. */
export interface SoapTransport {
  exchange(
    operation: OperationName,
    args: object,
    call: { clientRequestId: string; signal: AbortSignal },
  ): Promise<SoapOutcome>;
}

function headerText(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first !== '' ? first : undefined;
}

/** Creates the transport; the WSDL is parsed on the first exchange, once (a failed load is retried). */
export function createSoapTransport(config: {
  endpoint: string;
  soapVersion: SoapVersion;
  httpAgent: HttpAgent;
  httpsAgent: HttpsAgent;
}): SoapTransport {
  let loading: Promise<LoadedSoapClient> | undefined;
  const load = (): Promise<LoadedSoapClient> => {
    loading ??= loadSoapClient(config.endpoint, config.soapVersion).catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };

  function send(
    soap: LoadedSoapClient,
    operation: OperationName,
    args: object,
    call: { clientRequestId: string; signal: AbortSignal; exchangeId: string },
    markDispatched: () => void,
  ): Promise<SoapOutcome> {
    return new Promise<SoapOutcome>((resolve) => {
      if (call.signal.aborted) return resolve({ kind: 'aborted', dispatched: false });
      let response: CapturedResponse | undefined;
      const unregister = soap.onResponse(call.exchangeId, (captured) => {
        response = captured;
      });
      const done: SoapCallback = (error, result) => {
        unregister();
        if (response === undefined || typeof response.status !== 'number') {
          return resolve({ kind: 'no-response', error });
        }
        const requestId = headerText(response.headers?.['x-f24-request-id']);
        resolve({ kind: 'response', status: response.status, requestId, result, error });
      };
      const options = {
        exchangeId: call.exchangeId,
        signal: call.signal,
        httpAgent: config.httpAgent,
        httpsAgent: config.httpsAgent,
        maxRedirects: 0,
        maxBodyLength: Number.POSITIVE_INFINITY,
      };
      try {
        const method = soap.method(operation);
        markDispatched();
        method(args, done, options, { 'x-f24-client-request-id': call.clientRequestId });
      } catch (error) {
        // node-soap builds the envelope and request synchronously: a throw means nothing was sent.
        unregister();
        resolve({ kind: 'local-failure', error, wsdl: false });
      }
    });
  }

  async function exchange(
    operation: OperationName,
    args: object,
    call: { clientRequestId: string; signal: AbortSignal },
  ): Promise<SoapOutcome> {
    const { signal } = call;
    if (signal.aborted) return { kind: 'aborted', dispatched: false };
    let dispatched = false;
    let onAbort = (): void => {};
    const aborted = new Promise<SoapOutcome>((resolve) => {
      onAbort = () => resolve({ kind: 'aborted', dispatched });
      signal.addEventListener('abort', onAbort, { once: true });
    });
    const routed = { ...call, exchangeId: randomUUID() };
    const sent = load().then(
      (soap) => send(soap, operation, args, routed, () => (dispatched = true)),
      (error: unknown): SoapOutcome => ({ kind: 'local-failure', error, wsdl: true }),
    );
    try {
      return await Promise.race([sent, aborted]);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  return { exchange };
}
