import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEcallClient } from './client.ts';
import { EcallInputError, EcallTimeoutError, EcallTransportError } from './errors.ts';
import {
  type CaptureServer,
  closedPort,
  type Reply,
  startCaptureServer,
} from './test-support/capture-server.ts';
import { sendResponseBody, soapReply } from './test-support/soap-replies.ts';
import { waitFor } from './test-support/wait-for.ts';

let server: CaptureServer;
beforeAll(async () => {
  server = await startCaptureServer();
});
afterAll(() => server.close());

const account = { accountName: 'acme', accountPassword: 'pw' };
const sms = { address: '0041791234567', message: 'hi', jobId: 'job-1' };
const ok = soapReply('1.2', sendResponseBody('SendSMSBasic', 0, 'OK'));

async function failureOf(reply: Reply, timeoutMs = 5_000) {
  server.setReply(() => reply);
  const client = createEcallClient({ ...account, endpoint: server.endpoint, timeoutMs });
  const started = Date.now();
  const error = await client.sendSms(sms, { clientRequestId: 'cli-err' }).catch((e: unknown) => e);
  const elapsedMs = Date.now() - started;
  await client.close();
  return { error, elapsedMs };
}

describe('connection failures', () => {
  it('reports a refused connection as retryable and certainly not delivered', async () => {
    const port = await closedPort();
    const client = createEcallClient({ ...account, endpoint: `http://127.0.0.1:${port}/eCall.asmx` });
    const error = await client.sendSms(sms).catch((e: unknown) => e);
    await client.close();
    expect(error).toBeInstanceOf(EcallTransportError);
    expect(error).toMatchObject({
      code: 'ECONNREFUSED',
      retryable: true,
      ambiguous: false,
      operation: 'SendSMSBasic',
    });
  });

  it('reports a connection destroyed after the request was read as ambiguous', async () => {
    const { error } = await failureOf('destroy');
    expect(error).toBeInstanceOf(EcallTransportError);
    expect(error).toMatchObject({ retryable: true, ambiguous: true, clientRequestId: 'cli-err' });
  });

  it('reports a response cut off mid-body as ambiguous', async () => {
    const { error } = await failureOf('truncate');
    expect(error).toBeInstanceOf(EcallTransportError);
    expect(error).toMatchObject({ retryable: true, ambiguous: true });
  });

  it('gives up on a server that never answers with EcallTimeoutError soon after timeoutMs', async () => {
    const { error, elapsedMs } = await failureOf('hang', 300);
    expect(error).toBeInstanceOf(EcallTimeoutError);
    expect(error).toMatchObject({ code: 'TIMEOUT', retryable: true, ambiguous: true, timeoutMs: 300 });
    expect(elapsedMs).toBeGreaterThanOrEqual(290);
    expect(elapsedMs).toBeLessThan(300 + 2_000);
  });
});

describe('aborts, input and lifecycle', () => {
  it('rejects a call aborted by the caller while in flight as an ambiguous ABORTED transport error', async () => {
    server.setReply(() => 'hang');
    const client = createEcallClient({ ...account, endpoint: server.endpoint });
    const before = server.requests.length;
    const controller = new AbortController();
    const pending = client.sendSms(sms, { signal: controller.signal }).catch((e: unknown) => e);
    await waitFor(() => server.requests.length > before);
    controller.abort();
    const error = await pending;
    await client.close();
    expect(error).toBeInstanceOf(EcallTransportError);
    expect(error).toMatchObject({ code: 'ABORTED', ambiguous: true });
  });

  it('sends nothing for an already aborted signal and says so', async () => {
    const client = createEcallClient({ ...account, endpoint: server.endpoint });
    const before = server.requests.length;
    const error = await client.sendSms(sms, { signal: AbortSignal.abort() }).catch((e: unknown) => e);
    await client.close();
    expect(error).toMatchObject({ code: 'ABORTED', ambiguous: false });
    expect(server.requests.length).toBe(before);
  });

  it('refuses input XML cannot carry, naming the field and sending nothing', async () => {
    const client = createEcallClient({ ...account, endpoint: server.endpoint });
    const before = server.requests.length;
    const error = await client.sendSms({ ...sms, message: 'bell \u0007' }).catch((e: unknown) => e);
    const badId = await client.sendSms(sms, { clientRequestId: 'has space' }).catch((e: unknown) => e);
    await client.close();
    expect(error).toBeInstanceOf(EcallInputError);
    expect(error).toMatchObject({ code: 'INVALID_INPUT', retryable: false, ambiguous: false });
    expect((error as Error).message).toContain('Message contains U+0007');
    expect(badId).toBeInstanceOf(EcallInputError);
    expect(server.requests.length).toBe(before);
  });

  it('reuses one keep-alive connection for sequential calls', async () => {
    server.setReply(() => ok);
    const client = createEcallClient({ ...account, endpoint: server.endpoint });
    const before = server.requests.length;
    await client.sendSms(sms);
    await client.sendSms(sms);
    await client.close();
    const [first, second] = server.requests.slice(before);
    expect(first?.remotePort).toBeGreaterThan(0);
    expect(second?.remotePort).toBe(first?.remotePort);
  });

  it('close() waits for calls in flight, then refuses new ones without sending', async () => {
    let release: (reply: Reply) => void = () => {};
    server.setReply(() => new Promise<Reply>((resolve) => (release = resolve)));
    const client = createEcallClient({ ...account, endpoint: server.endpoint });
    const before = server.requests.length;
    const inFlight = client.sendSms(sms);
    await waitFor(() => server.requests.length > before);
    let closed = false;
    const closing = client.close().then(() => (closed = true));
    const refused = await client.sendSms(sms).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'CLIENT_CLOSED', ambiguous: false });
    expect(closed).toBe(false);
    release(ok);
    expect((await inFlight).code).toBe(0);
    await closing;
    expect(closed).toBe(true);
    expect(server.requests.length).toBe(before + 1);
  });

  it('rejects a malformed endpoint or timeout at creation', () => {
    expect(() => createEcallClient({ ...account, endpoint: 'not a url' })).toThrow(TypeError);
    expect(() => createEcallClient({ ...account, endpoint: 'ftp://example.test/' })).toThrow(TypeError);
    expect(() => createEcallClient({ ...account, timeoutMs: 0 })).toThrow(TypeError);
  });
});
