import { connect, createServer, type Socket } from 'node:net';

/** A loopback TCP proxy in front of a server, able to cut every connection at once. */
export interface TcpProxy {
  readonly port: number;
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Connections accepted so far. */
  connections(): number;
  /**
   * Destroys every open connection, both sides. The simulator's `refuseConnections` only refuses new
   * connections; a real outage also ends the keep-alive connections a client holds, and this does that.
   */
  cut(): void;
  /** What clients sent, one buffer per connection, when started with `record`. */
  recorded(): Buffer[];
  close(): Promise<void>;
}

/** Options of {@link startTcpProxy}. */
export interface TcpProxyOptions {
  /** Keep the bytes clients send (up to `recordLimitBytes` in all). @defaultValue false */
  readonly record?: boolean;
  /** @defaultValue 4 MiB */
  readonly recordLimitBytes?: number;
}

/** Starts a proxy on 127.0.0.1 (random port) that forwards every connection to `targetPort` on loopback. */
export async function startTcpProxy(targetPort: number, options: TcpProxyOptions = {}): Promise<TcpProxy> {
  const open = new Set<Socket>();
  const recordings: Buffer[][] = [];
  const limit = options.recordLimitBytes ?? 4 * 1024 * 1024;
  let recordedBytes = 0;
  let accepted = 0;
  const server = createServer((client) => {
    accepted++;
    const upstream = connect(targetPort, '127.0.0.1');
    const chunks: Buffer[] = [];
    if (options.record) recordings.push(chunks);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      // Either side failing ends both: the client must see the outage, not a half-open connection.
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (chunk: Buffer) => {
      if (options.record && recordedBytes + chunk.length <= limit) {
        chunks.push(chunk);
        recordedBytes += chunk.length;
      }
    });
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const cut = () => {
    for (const socket of open) socket.destroy();
  };
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    connections: () => accepted,
    cut,
    recorded: () => recordings.map((chunks) => Buffer.concat(chunks)),
    close: () =>
      new Promise<void>((resolve) => {
        cut();
        server.close(() => resolve());
      }),
  };
}
