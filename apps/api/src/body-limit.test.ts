import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { AUTH, servedHarness } from './testing/harness.ts';

/** One POST on `agent`: the status and Connection header, or the network error. */
function post(url: string, agent: Agent, body: Buffer, chunked = false) {
  return new Promise<{ status: number; connection: string } | { error: string }>((resolve) => {
    const headers: Record<string, string> = { ...AUTH.ops, 'content-type': 'application/json' };
    if (!chunked) headers['content-length'] = String(body.length);
    const req = request(`${url}/v1/sms`, { method: 'POST', agent, headers }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, connection: String(res.headers.connection ?? '') }),
      );
    });
    req.on('error', (error) => resolve({ error: error.message }));
    if (chunked) for (let at = 0; at < body.length; at += 16_384) req.write(body.subarray(at, at + 16_384));
    req.end(chunked ? undefined : body);
  });
}

describe('a body above the limit, over a real keep-alive connection', () => {
  const { url } = servedHarness({ bodyLimitBytes: 64 * 1024 });

  const tooLarge = Buffer.from(JSON.stringify({ to: '0791234567', text: 'x'.repeat(1_000_000) }));
  const valid = Buffer.from(JSON.stringify({ to: '0791234567', text: 'next one' }));

  it.each([
    ['with Content-Length', false],
    ['chunked', true],
  ])(
    'answers 413 with Connection: close, so the next request on that client succeeds (%s)',
    async (_name, chunked) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      try {
        expect(await post(url(), agent, tooLarge, chunked)).toEqual({ status: 413, connection: 'close' });
        expect(await post(url(), agent, valid)).toMatchObject({ status: 202 });
      } finally {
        agent.destroy();
      }
    },
  );
});

/**
 * Sends the head and the first `sent` bytes of an upload on a raw connection, reads the answer, then keeps
 * sending `more` bytes as a client still busy with its body would, and closes. Resolves to the answer's status
 * line and the error the connection ended with, if any (a reset when the server closed while bytes came in).
 */
function slowUpload(url: string, chunked: boolean) {
  const { hostname, port } = new URL(url);
  const first = Buffer.alloc(256 * 1024, 'x');
  const more = Buffer.alloc(1024 * 1024, 'x');
  const frame = (data: Buffer) => (chunked ? [`${data.length.toString(16)}\r\n`, data, '\r\n'] : [data]);
  return new Promise<{ statusLine: string; error?: string }>((resolve) => {
    let received = '';
    let error: string | undefined;
    const socket = connect({ host: hostname, port: Number(port), allowHalfOpen: true }, () => {
      const length = chunked ? 'transfer-encoding: chunked' : `content-length: ${10 * 1024 * 1024}`;
      socket.write(
        `POST /v1/sms HTTP/1.1\r\nhost: ${hostname}\r\nauthorization: ${AUTH.ops.authorization}\r\n` +
          `content-type: application/json\r\n${length}\r\n\r\n`,
      );
      for (const part of frame(first)) socket.write(part);
    });
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
    });
    // The server has answered and closed its side: go on sending the body, then close ours.
    socket.on('end', () => {
      for (const part of frame(more)) socket.write(part);
      if (chunked) socket.end('0\r\n\r\n');
      else socket.end();
    });
    socket.on('error', (e) => {
      error = e.message;
    });
    socket.on('close', () => {
      const statusLine = received.split('\r\n')[0] ?? '';
      resolve(error ? { statusLine, error } : { statusLine });
    });
  });
}

describe('an upload refused while the client is still sending it', () => {
  const { url } = servedHarness({ bodyLimitBytes: 64 * 1024 });

  it.each([
    ['with Content-Length', false],
    ['chunked', true],
  ])(
    'takes the rest of the body after the 413, so the client is not reset before reading it (%s)',
    async (_name, chunked) => {
      expect(await slowUpload(url(), chunked)).toEqual({ statusLine: 'HTTP/1.1 413 Payload Too Large' });
    },
  );
});
