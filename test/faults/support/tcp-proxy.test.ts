import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../support/wait.ts';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.ts';

describe('the outage proxy', () => {
  let server: Server;
  let proxy: TcpProxy;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.end('pong'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxy = await startTcpProxy((server.address() as AddressInfo).port, { record: true });
  });
  afterAll(async () => {
    agent.destroy();
    await proxy.close();
    await new Promise((resolve) => server.close(resolve));
  });

  const post = (body: string) =>
    new Promise<string>((resolve, reject) => {
      const req = request(`${proxy.url}/x`, { method: 'POST', agent }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        res.on('end', () => resolve(text));
      });
      req.on('error', reject);
      req.end(body);
    });
  const freeSockets = () => Object.values(agent.freeSockets).flat().length;

  it('forwards requests and records what the client sent', async () => {
    expect(await post('hello proxy')).toBe('pong');
    expect(Buffer.concat(proxy.recorded()).toString()).toContain('hello proxy');
  });

  it('ends open keep-alive connections on cut, so the next request needs a new connection', async () => {
    await post('warm');
    const before = proxy.connections();
    await post('reuses the kept-alive connection');
    expect(proxy.connections()).toBe(before);
    await waitFor(() => freeSockets() === 1, { what: 'a kept-alive socket' });
    proxy.cut();
    await waitFor(() => freeSockets() === 0, { what: 'the agent to see the cut' });
    expect(await post('after the cut')).toBe('pong');
    expect(proxy.connections()).toBe(before + 1);
  });
});
