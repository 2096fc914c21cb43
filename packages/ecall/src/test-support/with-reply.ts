import { createEcallClient } from '../client.ts';
import type { EcallClient } from '../ecall-client.ts';
import type { EcallClientOptions } from '../options.ts';
import type { CaptureServer, Reply } from './capture-server.ts';

/** Answers the next calls with `reply`, runs `run` on a fresh client, and closes the client. */
export async function withReply<T>(
  server: CaptureServer,
  reply: Reply,
  run: (client: EcallClient) => Promise<T>,
  options: Partial<EcallClientOptions> = {},
): Promise<T> {
  server.setReply(() => reply);
  const client = createEcallClient({
    accountName: 'acme',
    accountPassword: 'pw',
    endpoint: server.endpoint,
    ...options,
  });
  try {
    return await run(client);
  } finally {
    await client.close();
  }
}
