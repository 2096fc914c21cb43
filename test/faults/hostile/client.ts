import { Agent, request } from 'node:http';
import type { HostileRequest } from './types.ts';

/** The api's answer to one request, or why there was none. */
export type HostileAnswer =
  | { readonly status: number; readonly contentType: string; readonly body: string; readonly ms: number }
  | { readonly error: string; readonly ms: number };

const MAX_KEPT_BODY = 64 * 1024;

/**
 * Sends one request byte for byte (raw target, no normalisation) and reads at most 64 KiB of the answer.
 * Bounded by `timeoutMs`. An answer that arrives before the server closes an oversized upload counts.
 */
export function sendHostile(baseUrl: string, req: HostileRequest, agent: Agent, timeoutMs = 15_000) {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  return new Promise<HostileAnswer>((resolve) => {
    let settled = false;
    const settle = (answer: HostileAnswer) => {
      if (!settled) resolve(answer);
      settled = true;
    };
    const headers: Record<string, string> = { ...req.headers };
    if (req.body && !req.chunked) headers['content-length'] = String(req.body.length);
    const url = new URL(baseUrl);
    const outgoing = request(
      {
        host: url.hostname,
        port: url.port,
        method: req.method,
        path: req.path,
        headers,
        agent,
        timeout: timeoutMs,
      },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => {
          if (body.length < MAX_KEPT_BODY) body += chunk.toString();
        });
        const done = () =>
          settle({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body,
            ms: ms(),
          });
        res.on('end', done);
        res.on('close', done);
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    outgoing.on('error', (error) => settle({ error: error.message, ms: ms() }));
    if (req.body && req.chunked) {
      // Several writes without Content-Length: Node sends them chunked.
      const step = 64 * 1024;
      for (let at = 0; at < req.body.length; at += step) outgoing.write(req.body.subarray(at, at + step));
      outgoing.end();
    } else {
      outgoing.end(req.body);
    }
  });
}

/** Runs `count` requests from `next` with `concurrency` in flight, handing each answer to `onAnswer`. */
export async function runHostile(
  baseUrl: string,
  count: number,
  next: () => HostileRequest,
  onAnswer: (req: HostileRequest, answer: HostileAnswer) => void,
  concurrency = 16,
): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  let issued = 0;
  const lane = async () => {
    while (issued < count) {
      issued++;
      const req = next();
      onAnswer(req, await sendHostile(baseUrl, req, agent));
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, lane));
  } finally {
    agent.destroy();
  }
}
