import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type ControlTarget, handleControl } from './control-api.ts';
import { BodyTooLargeError, type Delays, readBody, send, sendJson } from './http-utils.ts';
import type { SimContext } from './sim-context.ts';
import { answerFault, answerSoap, type Exchange } from './soap-endpoint.ts';
import { readSoapRequest } from './soap-request.ts';
import { bump } from './stats.ts';

/** What the HTTP server serves besides the shared state. */
export interface ServerParts {
  readonly context: SimContext;
  readonly control: ControlTarget;
  readonly delays: Delays;
  /** The WSDL with this simulator's endpoint in it (known once listening). */
  readonly wsdl: () => string;
}

const ENDPOINT_PATH = '/ecall.asmx';
const MAX_CLIENT_REQUEST_ID = 100;

/** Creates the simulator's HTTP server (not listening yet). */
export function createSimServer(parts: ServerParts): Server {
  const server = createServer((request, response) => {
    handle(parts, request, response).catch((error: unknown) => {
      parts.context.config.logger(
        `internal error: ${error instanceof Error ? error.message : String(error)}`,
      );
      if (!response.headersSent) sendJson(response, 500, { error: 'internal simulator error' });
      else response.destroy();
    });
  });
  server.on('connection', (socket) => {
    if (parts.context.faults.refuseConnections) {
      bump(parts.context.stats.faultsInjected, 'refused');
      socket.destroy();
    }
  });
  return server;
}

async function handle(parts: ServerParts, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const requestId = randomUUID();
  response.setHeader('x-f24-request-id', requestId);
  const clientId = request.headers['x-f24-client-request-id'];
  if (typeof clientId === 'string')
    response.setHeader('x-f24-client-request-id', clientId.slice(0, MAX_CLIENT_REQUEST_ID));
  const url = new URL(request.url ?? '/', 'http://simulator');
  const path = url.pathname;
  if (path.startsWith('/_sim/')) return handleControl(parts.control, request, response, path);
  if (path.toLowerCase() !== ENDPOINT_PATH) return sendJson(response, 404, { error: `nothing at ${path}` });
  if (request.method === 'GET') {
    const wantsWsdl = [...url.searchParams.keys()].some((key) => key.toLowerCase() === 'wsdl');
    if (wantsWsdl) return send(response, 200, 'text/xml; charset=utf-8', parts.wsdl());
    return send(response, 200, 'text/html; charset=utf-8', SERVICE_PAGE);
  }
  if (request.method !== 'POST')
    return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed');
  // In progress from here until the answer is sent or the connection drops ('close' follows 'finish' too).
  response.once('close', parts.context.inProgress.begin());
  let body: Buffer;
  try {
    body = await readBody(request, parts.context.config.maxBodyBytes);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    response.setHeader('connection', 'close');
    return send(response, 413, 'text/plain; charset=utf-8', error.message);
  }
  const soapAction = request.headers.soapaction;
  const exchange: Exchange = { request, response, requestId, delays: parts.delays };
  const parsed = readSoapRequest(
    request.headers['content-type'],
    typeof soapAction === 'string' ? soapAction : undefined,
    body,
  );
  if (!parsed.ok)
    return answerFault(
      parts.context,
      exchange,
      parsed.version,
      parsed.status,
      parsed.faultCode,
      parsed.message,
    );
  return answerSoap(parts.context, exchange, parsed);
}

const SERVICE_PAGE =
  '<html><body><h1>eCall simulator</h1><p>Operations: SendSMSBasic, SendFaxBasic, SendFax, SendVoiceBasic, ' +
  'GetStateBasic. The WSDL is at <a href="eCall.asmx?wsdl">eCall.asmx?wsdl</a>.</p></body></html>';
