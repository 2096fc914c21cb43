import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Binds `server` and resolves to the base URL clients can use (a wildcard host is reported as loopback).
 *
 * @throws Error when the port cannot be bound (EADDRINUSE, EACCES).
 */
export function listen(server: Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      const wildcard = address.address === '0.0.0.0' || address.address === '::';
      const shown = wildcard
        ? '127.0.0.1'
        : address.family === 'IPv6'
          ? `[${address.address}]`
          : address.address;
      resolve(`http://${shown}:${address.port}`);
    });
  });
}

/** Stops accepting connections, lets in-flight requests finish for up to `drainMs`, then cuts the rest. */
export async function closeServer(server: Server, drainMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const drain = setTimeout(() => server.closeAllConnections(), drainMs);
  await closed;
  clearTimeout(drain);
}
