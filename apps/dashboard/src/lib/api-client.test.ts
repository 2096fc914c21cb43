import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiFailure, createApiClient } from './api-client.ts';

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly authorization: string | undefined;
}

describe('createApiClient over real HTTP', () => {
  const seen: Seen[] = [];
  let server: Server;
  let baseUrl = '';
  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization });
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.url === '/v1/ops/session')
        return json(200, { user: { name: 'ops', roles: ['read'] }, demo: true });
      if (req.url?.startsWith('/v1/messages?')) return json(200, { items: [] });
      if (req.url === '/v1/messages/X1/retry') {
        return json(409, {
          faultInfo: { errorCode: 3409, message: 'Message X1 is queued', requestId: 'r-1' },
        });
      }
      if (req.url === '/v1/admin/account/resume') return json(200, { paused: false, resumed: null });
      res.writeHead(502);
      res.end('<html>bad gateway</html>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const client = () => createApiClient({ authorization: 'Bearer k3y', baseUrl });

  it('sends the credentials with every call and reads the JSON answer', async () => {
    expect(await client().session()).toEqual({ user: { name: 'ops', roles: ['read'] }, demo: true });
    await client().listMessages({ limit: 25, status: 'failed' });
    await client().resumeAccount();
    expect(seen.slice(-3)).toEqual([
      { method: 'GET', url: '/v1/ops/session', authorization: 'Bearer k3y' },
      { method: 'GET', url: '/v1/messages?status=failed&limit=25', authorization: 'Bearer k3y' },
      { method: 'POST', url: '/v1/admin/account/resume', authorization: 'Bearer k3y' },
    ]);
  });

  it('turns a faultInfo answer into an ApiFailure with its message, code and request id', async () => {
    const error = await client()
      .retryMessage('X1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiFailure);
    expect(error).toMatchObject({
      status: 409,
      errorCode: 3409,
      requestId: 'r-1',
      message: 'Message X1 is queued',
    });
  });

  it('reports an answer without faultInfo by its status', async () => {
    const error = await client()
      .getMessage('nope')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, message: expect.stringContaining('502') });
  });

  it('reports an unreachable api as status 0', async () => {
    const dead = createApiClient({ authorization: 'Bearer k3y', baseUrl: 'http://127.0.0.1:1' });
    await expect(dead.overview()).rejects.toMatchObject({ status: 0 });
  });
});
