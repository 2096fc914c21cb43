import { connect } from 'node:net';

/**
 * Tells whether a Redis server answers `PING` at `url` within `timeoutMs`.
 *
 * Speaks RESP over a bare socket so that it works before any client library is configured, and never throws.
 * Authentication (`redis://:password@host`) is sent first when the URL carries a password.
 */
export function pingRedis(url: string, timeoutMs = 1_000): Promise<boolean> {
  const target = new URL(url);
  const port = Number(target.port || 6379);
  const host = target.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1';
  const password = decodeURIComponent(target.password);
  const username = decodeURIComponent(target.username);
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    let buffer = '';
    const done = (ok: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.on('error', () => done(false));
    socket.on('connect', () => {
      const auth = password ? (username ? `AUTH ${username} ${password}\r\n` : `AUTH ${password}\r\n`) : '';
      socket.write(`${auth}PING\r\n`);
    });
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      if (buffer.includes('+PONG')) done(true);
      else if (buffer.startsWith('-')) done(false);
    });
  });
}
