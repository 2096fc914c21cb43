import type { Context } from 'hono';
import type { AppEnv } from './deps.ts';

/**
 * Sets a header of the response a request gets. Served by `@hono/node-server`, it goes on Node's own response
 * (`setHeader`), whose `writeHead` merges it with the headers of the response the route returns (theirs win on
 * a clash). hono's `c.header` would give the response a WHATWG `Headers` object instead of a plain one, and its
 * checks, copies and sorted iteration cost about 5 µs per request, 4 % of a `POST /v1/sms` (pnpm bench B1).
 * Without a Node response (`app.request()` in tests) or once its headers are sent, `c.header` is used.
 */
export function responseHeader(c: Context<AppEnv>, name: string, value: string): void {
  const outgoing = c.env?.outgoing;
  if (outgoing && !outgoing.headersSent) outgoing.setHeader(name, value);
  else c.header(name, value);
}
