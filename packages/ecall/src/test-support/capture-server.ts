import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request exactly as it arrived. */
export interface CapturedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Client port of the connection; equal ports on sequential requests mean a reused socket. */
  remotePort: number;
}

/**
 * What the server does with a request: answer; `destroy` the connection after reading it; answer
 * 200 with half an envelope and then destroy (`truncate`); or never answer (`hang`).
 */
export type Reply =
  | { status?: number; headers?: Record<string, string>; body?: string }
  | 'destroy'
  | 'truncate'
  | 'hang';

/** Decides the reply; may wait (e.g. to release answers in a chosen order). */
export type ReplyFn = (request: CapturedRequest) => Reply | Promise<Reply>;

/** A local HTTP server on 127.0.0.1 that records requests and answers as told. */
export interface CaptureServer {
  endpoint: string;
  requests: CapturedRequest[];
  setReply(fn: ReplyFn): void;
  close(): Promise<void>;
}

/** Starts a capture server on a random port; it answers an empty 200 until told otherwise. */
export async function startCaptureServer(reply: ReplyFn = () => ({ status: 200 })): Promise<CaptureServer> {
  const requests: CapturedRequest[] = [];
  let current = reply;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const captured: CapturedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        remotePort: req.socket.remotePort ?? 0,
      };
      requests.push(captured);
      const answer = await current(captured);
      if (answer === 'destroy') return req.socket.destroy();
      if (answer === 'hang') return;
      if (answer === 'truncate') {
        res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8', 'content-length': '4000' });
        res.write('<?xml version="1.0" encoding="utf-8"?><soap:Envelope', () => req.socket.destroy());
        return;
      }
      res.writeHead(answer.status ?? 200, answer.headers ?? {});
      res.end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/eCall.asmx`,
    requests,
    setReply(fn) {
      current = fn;
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port nothing listens on: bound once to learn a free number, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
