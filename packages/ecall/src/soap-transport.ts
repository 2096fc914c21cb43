import { randomUUID } from 'node:crypto';
import type { Agent as HttpAgent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import { type Client, createClientAsync } from 'soap';
import { type OperationName, type SoapVersion, WSDL_PATH } from './operations.ts';

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

/** Sends one operation at a time per call, safely shared by concurrent callers. */
export interface SoapTransport {
  exchange(
    operation: OperationName,
    args: object,
    call: { clientRequestId: string; signal: AbortSignal },
  ): Promise<SoapOutcome>;
}

type SoapCallback = (error: unknown, result: unknown) => void;
type SoapMethod = (args: object, cb: SoapCallback, options: object, headers: Record<string, string>) => void;
interface CapturedResponse {
  status?: unknown;
  headers?: Record<string, unknown>;
}

const PORTS = { '1.1': 'eCallSoap', '1.2': 'eCallSoap12' } as const satisfies Record<SoapVersion, string>;

/** Keeps the raw text of dates (a JS Date would be read in process-local time) and makes numbers numbers. */
const CUSTOM_DESERIALIZER = {
  dateTime: (text: string) => text,
  date: (text: string) => text,
  long: (text: string) => Number(text),
  double: (text: string) => Number(text),
};

function headerText(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first !== '' ? first : undefined;
}

/**
 * Creates the transport over node-soap. The WSDL is read from disk on the first exchange, once,
 * and never fetched. Each transport parses its own WSDL (`disableCache`): node-soap stores options
 * such as the SOAP 1.2 switch on the shared WSDL object, so two clients would otherwise race.
 */
export function createSoapTransport(config: {
  endpoint: string;
  soapVersion: SoapVersion;
  httpAgent: HttpAgent;
  httpsAgent: HttpsAgent;
}): SoapTransport {
  const pendingResponses = new Map<string, (response: CapturedResponse | undefined) => void>();
  let loading: Promise<Client> | undefined;

  function load(): Promise<Client> {
    loading ??= createClientAsync(
      WSDL_PATH,
      {
        disableCache: true,
        forceSoap12Headers: config.soapVersion === '1.2',
        escapeXML: false,
        preserveWhitespace: true,
        customDeserializer: CUSTOM_DESERIALIZER,
      },
      config.endpoint,
    ).then(
      (client) => {
        // lastResponseHeaders is shared by every caller; the per-exchange id routes headers instead.
        client.on(
          'response',
          (_body: unknown, response: CapturedResponse | undefined, exchangeId: string) => {
            pendingResponses.get(exchangeId)?.(response);
          },
        );
        return client;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  }

  function methodOf(client: Client, operation: OperationName): SoapMethod {
    const method: unknown = client.eCall?.[PORTS[config.soapVersion]]?.[operation];
    if (typeof method !== 'function')
      throw new Error(`WSDL has no ${operation} on ${PORTS[config.soapVersion]}`);
    return method as SoapMethod;
  }

  async function exchange(
    operation: OperationName,
    args: object,
    call: { clientRequestId: string; signal: AbortSignal },
  ): Promise<SoapOutcome> {
    const { signal } = call;
    if (signal.aborted) return { kind: 'aborted', dispatched: false };
    let dispatched = false;
    const exchangeId = randomUUID();
    let onAbort = (): void => {};
    const aborted = new Promise<SoapOutcome>((resolve) => {
      onAbort = () => resolve({ kind: 'aborted', dispatched });
      signal.addEventListener('abort', onAbort, { once: true });
    });
    const sent = load().then(
      (client) =>
        new Promise<SoapOutcome>((resolve) => {
          if (signal.aborted) return resolve({ kind: 'aborted', dispatched: false });
          let response: CapturedResponse | undefined;
          pendingResponses.set(exchangeId, (captured) => {
            response = captured;
          });
          const onDone: SoapCallback = (error, result) => {
            if (response === undefined || typeof response.status !== 'number') {
              return resolve({ kind: 'no-response', error });
            }
            const requestId = headerText(response.headers?.['x-f24-request-id']);
            resolve({ kind: 'response', status: response.status, requestId, result, error });
          };
          const options = {
            exchangeId,
            signal,
            httpAgent: config.httpAgent,
            httpsAgent: config.httpsAgent,
            maxRedirects: 0,
            maxBodyLength: Number.POSITIVE_INFINITY,
          };
          try {
            const method = methodOf(client, operation);
            dispatched = true;
            method(args, onDone, options, { 'x-f24-client-request-id': call.clientRequestId });
          } catch (error) {
            // node-soap builds the envelope synchronously; a throw here means nothing left the process.
            dispatched = false;
            resolve({ kind: 'local-failure', error, wsdl: false });
          }
        }),
      (error: unknown): SoapOutcome => ({ kind: 'local-failure', error, wsdl: true }),
    );
    try {
      return await Promise.race([sent, aborted]);
    } finally {
      signal.removeEventListener('abort', onAbort);
      pendingResponses.delete(exchangeId);
    }
  }

  return { exchange };
}
