import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EcallHttpError, EcallSoapFaultError } from './errors.ts';
import type { SoapVersion } from './operations.ts';
import { type CaptureServer, type Reply, startCaptureServer } from './test-support/capture-server.ts';
import { envelope, faultReply } from './test-support/soap-replies.ts';
import { withReply } from './test-support/with-reply.ts';

let server: CaptureServer;
beforeAll(async () => {
  server = await startCaptureServer();
});
afterAll(() => server.close());

const sms = { address: '0041791234567', message: 'hi', jobId: 'job-1' };

describe('answers without a result', () => {
  it.each<[SoapVersion, string]>([
    ['1.2', 'soap:Sender'],
    ['1.1', 'soap:Client'],
  ])('turns a SOAP %s fault into EcallSoapFaultError', async (version, code) => {
    const reply = faultReply(
      version,
      code,
      'Server did not recognize the value of HTTP Header SOAPAction: x.',
    );
    const error = await withReply(server, reply, (c) => c.sendSms(sms), { soapVersion: version }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EcallSoapFaultError);
    expect(error).toMatchObject({ status: 500, faultcode: code, retryable: false, ambiguous: false });
    expect(error).toMatchObject({ code: 'SOAP_FAULT', requestId: 'srv-fault-1', operation: 'SendSMSBasic' });
    expect((error as EcallSoapFaultError).faultstring).toContain('did not recognize the value');
  });

  it.each<[string, Reply, { status: number; retryable: boolean; ambiguous: boolean; code: string }]>([
    [
      '503 with an empty body',
      { status: 503 },
      { status: 503, retryable: true, ambiguous: false, code: 'HTTP_503' },
    ],
    [
      '429 with an empty body',
      { status: 429 },
      { status: 429, retryable: true, ambiguous: false, code: 'HTTP_429' },
    ],
    [
      '500 with an HTML body',
      {
        status: 500,
        headers: { 'content-type': 'text/html' },
        body: '<html><body><h1>Runtime Error</h1></body></html>',
      },
      { status: 500, retryable: true, ambiguous: true, code: 'HTTP_500' },
    ],
    [
      '502 with a malformed HTML body',
      { status: 502, body: '<html><body>Bad gateway<br></body></html>' },
      { status: 502, retryable: true, ambiguous: true, code: 'HTTP_502' },
    ],
    [
      '404 with text',
      { status: 404, body: 'Not Found' },
      { status: 404, retryable: false, ambiguous: false, code: 'HTTP_404' },
    ],
    [
      '200 with an HTML body',
      { status: 200, body: '<html><body>captive portal</body></html>' },
      { status: 200, retryable: true, ambiguous: true, code: 'BAD_RESPONSE' },
    ],
    [
      '200 with an envelope lacking the result',
      { status: 200, body: envelope('1.2', '<SendSMSBasicResponse xmlns="eCallWebservice" />') },
      { status: 200, retryable: true, ambiguous: true, code: 'BAD_RESPONSE' },
    ],
  ])('turns %s into EcallHttpError', async (_label, reply, expected) => {
    const error = await withReply(server, reply, (c) => c.sendSms(sms)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EcallHttpError);
    expect(error).toMatchObject(expected);
  });
});
