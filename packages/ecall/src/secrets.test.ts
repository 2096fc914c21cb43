import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEcallClient } from './client.ts';
import {
  type EcallError,
  EcallHttpError,
  EcallInputError,
  EcallSoapFaultError,
  EcallTimeoutError,
  EcallTransportError,
} from './errors.ts';
import {
  type CaptureServer,
  closedPort,
  type Reply,
  startCaptureServer,
} from './test-support/capture-server.ts';
import { recordingLogger } from './test-support/recording-logger.ts';
import { faultReply, sendResponseBody, soapReply } from './test-support/soap-replies.ts';

const PASSWORD = 'S3cr3t-Pa55w0rd!';
const account = { accountName: 'acme', accountPassword: PASSWORD };
const sms = { address: '0041791234567', message: 'hi', jobId: 'job-1' };

let server: CaptureServer;
beforeAll(async () => {
  server = await startCaptureServer();
});
afterAll(() => server.close());

function expectNoPassword(value: unknown): void {
  expect(JSON.stringify(value)).not.toContain(PASSWORD);
  expect(inspect(value, { depth: 10, showHidden: true })).not.toContain(PASSWORD);
  if (value instanceof Error) expect(value.stack ?? '').not.toContain(PASSWORD);
}

async function failWith(reply: Reply | 'refused', extra: { timeoutMs?: number; message?: string } = {}) {
  const logger = recordingLogger();
  const endpoint =
    reply === 'refused' ? `http://127.0.0.1:${await closedPort()}/eCall.asmx` : server.endpoint;
  if (reply !== 'refused') server.setReply(() => reply);
  const client = createEcallClient({ ...account, endpoint, logger, timeoutMs: extra.timeoutMs ?? 5_000 });
  const error = await client
    .sendSms({ ...sms, message: extra.message ?? sms.message })
    .catch((e: unknown) => e);
  await client.close();
  return { error, logger };
}

describe('the account password never leaks', () => {
  it.each<[string, () => ReturnType<typeof failWith>, new (...args: never[]) => EcallError]>([
    ['refused connection', () => failWith('refused'), EcallTransportError],
    ['destroyed connection', () => failWith('destroy'), EcallTransportError],
    ['timeout', () => failWith('hang', { timeoutMs: 200 }), EcallTimeoutError],
    ['HTTP 503', () => failWith({ status: 503 }), EcallHttpError],
    [
      'HTTP 500 echoing the request',
      () => failWith({ status: 500, body: `<html>${PASSWORD}</html>` }),
      EcallHttpError,
    ],
    [
      'SOAP fault quoting the password',
      () => failWith(faultReply('1.2', 'soap:Sender', `bad ${PASSWORD}`)),
      EcallSoapFaultError,
    ],
    ['unwritable input', () => failWith({ status: 200 }, { message: '\u0000' }), EcallInputError],
  ])('from a %s: error JSON, inspect, stack and log lines are clean', async (_label, run, kind) => {
    const { error, logger } = await run();
    expect(error).toBeInstanceOf(kind);
    expectNoPassword(error);
    expect(logger.lines.some((line) => line.level === 'warn')).toBe(true);
    expectNoPassword(logger.lines);
  });

  it('redacts the password inside a fault string but keeps the rest', async () => {
    const { error } = await failWith(faultReply('1.1', 'soap:Client', `Bad value ${PASSWORD} here`));
    expect((error as EcallSoapFaultError).faultstring).toBe('Bad value *** here');
  });

  it('logs a successful call at debug and a business error at info, with ids but no password', async () => {
    const logger = recordingLogger();
    const client = createEcallClient({ ...account, endpoint: server.endpoint, logger });
    server.setReply(() => soapReply('1.2', sendResponseBody('SendSMSBasic', 0, 'OK'), 'srv-ok'));
    await client.sendSms(sms, { clientRequestId: 'cli-ok' });
    server.setReply(() =>
      soapReply('1.2', sendResponseBody('SendSMSBasic', 11102, 'Address missing'), 'srv-bad'),
    );
    await client.sendSms(sms, { clientRequestId: 'cli-bad' });
    await client.close();

    expect(logger.lines.map((line) => line.level)).toEqual(['debug', 'info']);
    expect(logger.lines[0]?.obj).toMatchObject({
      operation: 'SendSMSBasic',
      jobId: 'job-1',
      code: 0,
      clientRequestId: 'cli-ok',
      requestId: 'srv-ok',
    });
    expect(logger.lines[0]?.obj.durationMs).toEqual(expect.any(Number));
    expect(logger.lines[1]?.obj).toMatchObject({
      code: 11102,
      clientRequestId: 'cli-bad',
      requestId: 'srv-bad',
    });
    expectNoPassword(logger.lines);
    expectNoPassword(client);
  });
});
