import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEcallClient } from './client.ts';
import { type CaptureServer, type Reply, startCaptureServer } from './test-support/capture-server.ts';
import { sendResponseBody, soapReply } from './test-support/soap-replies.ts';
import { waitFor } from './test-support/wait-for.ts';

const CALLS = 50;

let server: CaptureServer;
beforeAll(async () => {
  server = await startCaptureServer();
});
afterAll(() => server.close());

describe('per-call request ids under concurrency', () => {
  it(`gives each of ${CALLS} concurrent calls the x-f24-request-id of its own response`, async () => {
    // Hold every answer until all requests have arrived, then release them in reverse order, so
    // responses interleave with requests and any shared "last response" state would be wrong.
    const releases: (() => void)[] = [];
    server.setReply(
      (request) =>
        new Promise<Reply>((resolve) => {
          const id = String(request.headers['x-f24-client-request-id']);
          releases.push(() =>
            resolve(soapReply('1.2', sendResponseBody('SendSMSBasic', 0, id), `srv-${id}`)),
          );
        }),
    );
    const client = createEcallClient({
      accountName: 'acme',
      accountPassword: 'pw',
      endpoint: server.endpoint,
    });
    const calls = Array.from({ length: CALLS }, (_, i) =>
      client.sendSms(
        { address: '0041791234567', message: `m${i}`, jobId: `job-${i}` },
        // Half pass their own id, half rely on the generated one.
        i % 2 === 0 ? { clientRequestId: `cli-${i}` } : {},
      ),
    );
    await waitFor(() => releases.length === CALLS);
    for (const release of releases.reverse()) release();
    const results = await Promise.all(calls);
    await client.close();

    const seen = new Set<string>();
    results.forEach((result, i) => {
      if (i % 2 === 0) expect(result.clientRequestId).toBe(`cli-${i}`);
      expect(result.text).toBe(result.clientRequestId);
      expect(result.requestId).toBe(`srv-${result.clientRequestId}`);
      seen.add(result.clientRequestId);
    });
    expect(seen.size).toBe(CALLS);
  });
});
