import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookEvent } from '../payload.ts';

/** A webhook request as the host received it. */
export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** The exact body bytes, as a host must use them to verify the signature. */
  readonly rawBody: string;
  readonly event: WebhookEvent;
  /** 1 for the first request carrying this event id. */
  readonly nth: number;
  readonly receivedAt: number;
  /** Set when the answer was written. */
  answeredAt?: number;
  status?: number;
}

/** How the host answers one request; `delayMs` makes it a slow host. */
export interface Reply {
  readonly status: number;
  readonly body?: string;
  readonly delayMs?: number;
}

/** Decides the answer to each request. */
export type Responder = (request: ReceivedRequest) => Reply;

/** A local host system receiving webhooks over real HTTP on 127.0.0.1. */
export interface HostReceiver {
  readonly url: string;
  readonly requests: ReceivedRequest[];
  /** Requests answered 2xx for `messageId`, in the order they were received. */
  delivered(messageId: string): ReceivedRequest[];
  close(): Promise<void>;
}

/** Starts a receiver on a random port; answers 200 unless `respond` says otherwise. */
export async function startHostReceiver(respond: Responder = () => ({ status: 200 })): Promise<HostReceiver> {
  const requests: ReceivedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const event = JSON.parse(rawBody) as WebhookEvent;
      const nth = requests.filter((r) => r.event.id === event.id).length + 1;
      const request: ReceivedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        rawBody,
        event,
        nth,
        receivedAt: Date.now(),
      };
      requests.push(request);
      const reply = respond(request);
      const answer = () => {
        request.answeredAt = Date.now();
        request.status = reply.status;
        res.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.body ?? '');
      };
      if (!reply.delayMs) return answer();
      const timer = setTimeout(() => {
        timers.delete(timer);
        answer();
      }, reply.delayMs);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/ecall`,
    requests,
    delivered: (messageId) =>
      requests.filter((r) => r.event.messageId === messageId && r.status !== undefined && r.status < 300),
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Receivers started during a test, closed together after it (call `closeAll` in `afterEach`). */
export function hostReceivers(): {
  start: typeof startHostReceiver;
  closeAll(): Promise<void>;
} {
  const started: HostReceiver[] = [];
  return {
    async start(respond) {
      const receiver = await startHostReceiver(respond);
      started.push(receiver);
      return receiver;
    },
    async closeAll() {
      await Promise.all(started.splice(0).map((receiver) => receiver.close()));
    },
  };
}
