import { type Client, createClientAsync } from 'soap';
import { type OperationName, type SoapVersion, WSDL_PATH } from './operations.ts';

/** node-soap's callback for one operation: error first, then the parsed `<Op>Response`. */
export type SoapCallback = (error: unknown, result: unknown) => void;

/** One operation method of a node-soap port, called with per-call options and HTTP headers. */
export type SoapMethod = (
  args: object,
  callback: SoapCallback,
  options: object,
  headers: Record<string, string>,
) => void;

/** The slice of an axios response node-soap hands to its `response` event. */
export interface CapturedResponse {
  status?: unknown;
  headers?: Record<string, unknown>;
}

/** A node-soap client bound to one port, plus the per-exchange response routing. */
export interface LoadedSoapClient {
  method(operation: OperationName): SoapMethod;
  /** Registers the receiver of the HTTP response of the exchange `exchangeId`; returns the unregister. */
  onResponse(exchangeId: string, receive: (response: CapturedResponse | undefined) => void): () => void;
}

const PORTS = { '1.1': 'eCallSoap', '1.2': 'eCallSoap12' } as const satisfies Record<SoapVersion, string>;

/** Keeps the raw text of dates (a JS Date would be read in process-local time) and makes numbers numbers. */
const CUSTOM_DESERIALIZER = {
  dateTime: (text: string) => text,
  date: (text: string) => text,
  long: (text: string) => Number(text),
  double: (text: string) => Number(text),
};

/**
 * Parses the shipped WSDL into a node-soap client for `soapVersion`. Each call parses its own copy
 * (`disableCache`): node-soap keeps options such as the SOAP 1.2 switch on the WSDL object, which
 * its cache would share between clients of different versions.
 * @throws the file system or parse error when the WSDL cannot be read.
 */
export async function loadSoapClient(endpoint: string, soapVersion: SoapVersion): Promise<LoadedSoapClient> {
  const client: Client = await createClientAsync(
    WSDL_PATH,
    {
      disableCache: true,
      forceSoap12Headers: soapVersion === '1.2',
      // The client escapes text itself: node-soap passes CDATA-shaped values through raw.
      escapeXML: false,
      preserveWhitespace: true,
      customDeserializer: CUSTOM_DESERIALIZER,
    },
    endpoint,
  );
  const receivers = new Map<string, (response: CapturedResponse | undefined) => void>();
  // client.lastResponseHeaders is shared by every concurrent caller; routing by exchange id is not.
  client.on('response', (_body: unknown, response: CapturedResponse | undefined, exchangeId: string) => {
    receivers.get(exchangeId)?.(response);
  });
  const port = PORTS[soapVersion];
  return {
    method(operation) {
      const method: unknown = client.eCall?.[port]?.[operation];
      if (typeof method !== 'function') throw new Error(`WSDL has no ${operation} on port ${port}`);
      return method as SoapMethod;
    },
    onResponse(exchangeId, receive) {
      receivers.set(exchangeId, receive);
      return () => receivers.delete(exchangeId);
    },
  };
}
