import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createEcallClient } from './client.ts';
import { envelope, sendResponseBody } from './test-support/soap-replies.ts';
import { waitFor } from './test-support/wait-for.ts';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

describe('kept-alive connections', () => {
  it("closes an idle connection before the server's announced keep-alive timeout, so none is reused as it closes", async () => {
    let closedByClient = 0;
    server = createServer((_req, res) => {
      // The server announces 2 s but would keep the connection a minute: only the client can close it early.
      res.writeHead(200, {
        'content-type': 'application/soap+xml; charset=utf-8',
        'keep-alive': 'timeout=2',
      });
      res.end(envelope('1.2', sendResponseBody('SendSMSBasic', 0, 'ok')));
    });
    server.keepAliveTimeout = 60_000;
    server.on('connection', (socket) => socket.on('end', () => closedByClient++));
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const client = createEcallClient({
      accountName: 'acme',
      accountPassword: 'pw',
      endpoint: `http://127.0.0.1:${port}/eCall.asmx`,
    });
    const started = Date.now();
    const result = await client.sendSms({ address: '0041791234567', message: 'hi', jobId: 'ka-1' });
    expect(result.code).toBe(0);
    await waitFor(() => closedByClient === 1, 5_000);
    // Node's agent closes a second before the hint: after about 1 s, well before the server's minute.
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    await client.close();
  });
});
