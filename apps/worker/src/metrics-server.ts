import { createServer, type Server } from 'node:http';
import { type CountableQueue, type RelayMetrics, refreshQueueDepths } from '@ecall-relay/observability';

/** A running metrics endpoint. */
export interface MetricsServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves `GET /metrics` (Prometheus text, queue depths refreshed per scrape) and `GET /healthz` for the worker,
 * which has no other HTTP surface.
 */
export async function startMetricsServer(
  metrics: RelayMetrics,
  queues: readonly CountableQueue[],
  options: { port: number; host: string },
): Promise<MetricsServer> {
  const server: Server = createServer(async (req, res) => {
    if (req.method === 'GET' && req.url === '/metrics') {
      try {
        await refreshQueueDepths(metrics, queues);
        res.writeHead(200, { 'content-type': metrics.registry.contentType });
        res.end(await metrics.registry.metrics());
      } catch (error) {
        res.writeHead(503, { 'content-type': 'text/plain' });
        res.end(`metrics unavailable: ${(error as Error).message}`);
      }
      return;
    }
    if (req.method === 'GET' && req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":"ok"}');
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
