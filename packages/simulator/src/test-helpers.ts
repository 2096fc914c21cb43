import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Simulator } from './simulator.ts';

/** SOAP versions with the envelope namespace and content type a client must use. */
export const VERSIONS = {
  '1.1': { ns: 'http://schemas.xmlsoap.org/soap/envelope/', type: 'text/xml; charset=utf-8' },
  '1.2': { ns: 'http://www.w3.org/2003/05/soap-envelope', type: 'application/soap+xml; charset=utf-8' },
} as const;

/** '1.1' | '1.2' */
export type Version = keyof typeof VERSIONS;

const escapeText = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Raw request children in the eCall namespace (default namespace on the wrapper, as .NET clients write). */
export function children(fields: Readonly<Record<string, string | undefined>>): string {
  return Object.entries(fields)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `<${name}>${escapeText(value)}</${name}>`)
    .join('');
}

/** A full envelope around `<op xmlns="eCallWebservice">inner</op>`. */
export function envelope(version: Version, operation: string, inner: string): string {
  return (
    `<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="${VERSIONS[version].ns}"><s:Body>` +
    `<${operation} xmlns="eCallWebservice">${inner}</${operation}></s:Body></s:Envelope>`
  );
}

/** Headers of a correct request for this version and operation. */
export function soapHeaders(version: Version, operation: string): Record<string, string> {
  return version === '1.1'
    ? { 'content-type': VERSIONS[version].type, soapaction: `"eCallWebservice/${operation}"` }
    : { 'content-type': `${VERSIONS[version].type}; action="eCallWebservice/${operation}"` };
}

/** An HTTP answer, read completely. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/** POSTs a raw body to the simulator's endpoint. */
export async function post(sim: Simulator, headers: Record<string, string>, body: string): Promise<Answer> {
  const response = await fetch(sim.endpoint, { method: 'POST', headers, body });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** Calls an operation with the given children and returns the answer. */
export function call(
  sim: Simulator,
  version: Version,
  operation: string,
  fields: Readonly<Record<string, string | undefined>>,
): Promise<Answer> {
  return post(sim, soapHeaders(version, operation), envelope(version, operation, children(fields)));
}

/** The text of the first `<name>` element of an answer (undefined when absent). */
export function field(text: string, name: string): string | undefined {
  return new RegExp(`<${name}>([^<]*)</${name}>`).exec(text)?.[1];
}

/** The ResponseCode of an answer as a number (NaN when absent). */
export function codeOf(answer: Answer): number {
  return Number(field(answer.text, 'ResponseCode'));
}

/** The demo account's credentials. */
export const DEMO = { AccountName: 'demo', AccountPassword: 'demo' } as const;

/** Polls `probe` until it returns a value other than undefined, or throws after `timeoutMs`. */
export async function waitFor<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${String(timeoutMs)} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A local HTTP server recording every request line it gets, answering `status`. */
export interface Receiver {
  readonly url: string;
  readonly hits: { readonly method: string; readonly url: string }[];
  close(): Promise<void>;
}

/** Starts a callback receiver on 127.0.0.1 (random port). */
export async function startReceiver(status = 200): Promise<Receiver> {
  const hits: { method: string; url: string }[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    hits.push({ method: request.method ?? '', url: request.url ?? '' });
    response.writeHead(status).end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}/hook`,
    hits,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** GetStateBasic (SOAP 1.2, demo account): the ResponseCode and the raw answer. */
export async function getState(
  sim: Simulator,
  jobId: string | undefined,
  address?: string,
): Promise<{ code: number; text: string }> {
  const answer = await call(sim, '1.2', 'GetStateBasic', { ...DEMO, JobID: jobId, Address: address });
  return { code: codeOf(answer), text: answer.text };
}

/** Polls GetStateBasic until FinishDate is set, then returns the JobResponse fields. */
export function waitForFinalState(
  sim: Simulator,
  jobId: string,
  address?: string,
): Promise<Record<string, string | undefined>> {
  return waitFor(async () => {
    const { code, text } = await getState(sim, jobId, address);
    if (code !== 0 || field(text, 'FinishDate') === '0001-01-01T00:00:00') return undefined;
    const names = ['Address', 'JobType', 'SendState', 'ErrorState', 'PointsUsed', 'FinishDate'];
    return Object.fromEntries(names.map((name) => [name, field(text, name)]));
  });
}
