import { Agent, request } from 'node:http';
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
