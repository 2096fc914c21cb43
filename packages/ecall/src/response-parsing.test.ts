import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaptureServer, startCaptureServer } from './test-support/capture-server.ts';
import { jobResponse, sendResponseBody, soapReply, stateResponseBody } from './test-support/soap-replies.ts';
import { withReply } from './test-support/with-reply.ts';

let server: CaptureServer;
beforeAll(async () => {
  server = await startCaptureServer();
});
afterAll(() => server.close());

const sms = { address: '0041791234567', message: 'hi', jobId: 'job-1' };
const fullJob = {
  jobId: 'job-1',
  address: '0041791234567',
  jobType: 1,
  sendState: 8,
  errorState: 0,
  pointsUsed: 1,
  finishDate: '2025-07-15T14:05:00',
};

describe('send answers', () => {
  it('returns ResponseCode 0 as accepted with the request id of the response', async () => {
    const result = await withReply(
      server,
      soapReply('1.2', sendResponseBody('SendSMSBasic', 0, 'OK'), 'srv-42'),
      (c) => c.sendSms(sms, { clientRequestId: 'cli-1' }),
    );
    expect(result).toMatchObject({
      operation: 'SendSMSBasic',
      code: 0,
      text: 'OK',
      classification: 'accepted',
    });
    expect(result).toMatchObject({
      known: true,
      requestId: 'srv-42',
      clientRequestId: 'cli-1',
      soapVersion: '1.2',
    });
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('returns an HTTP 200 business error as a classified result instead of throwing', async () => {
    const reply = soapReply('1.2', sendResponseBody('SendSMSBasic', 11001, 'Access denied'));
    const result = await withReply(server, reply, (c) => c.sendSms(sms));
    expect(result).toMatchObject({
      code: 11001,
      text: 'Access denied',
      classification: 'account',
      known: true,
    });
  });

  it('marks a code missing from the tables as unknown and permanent', async () => {
    const result = await withReply(
      server,
      soapReply('1.2', sendResponseBody('SendVoiceBasic', 12345, 'New')),
      (c) => c.sendVoice(sms),
    );
    expect(result).toMatchObject({ code: 12345, classification: 'permanent', known: false });
  });

  it('classifies 11600 as accepted only for a call that follows an ambiguous one', async () => {
    const reply = soapReply('1.2', sendResponseBody('SendSMSBasic', 11600, 'Already transmitted'));
    expect((await withReply(server, reply, (c) => c.sendSms(sms))).classification).toBe('permanent');
    expect(
      (await withReply(server, reply, (c) => c.sendSms(sms, { afterAmbiguous: true }))).classification,
    ).toBe('accepted');
  });

  it('uses the transientCodes given to the client', async () => {
    const reply = soapReply('1.2', sendResponseBody('SendFaxBasic', 11102, 'Address missing'));
    const result = await withReply(server, reply, (c) => c.sendFaxBasic(sms), { transientCodes: [11102] });
    expect(result.classification).toBe('transient');
  });

  it('keeps leading and trailing spaces of ResponseText', async () => {
    const result = await withReply(
      server,
      soapReply('1.1', sendResponseBody('SendFax', 0, '  padded  ')),
      (c) => c.sendFax(sms),
      { soapVersion: '1.1' },
    );
    expect(result.text).toBe('  padded  ');
  });

  it('reads numbers from an envelope that uses another prefix', async () => {
    const body =
      '<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body>' +
      sendResponseBody('SendSMSBasic', 11403, 'Disturbed') +
      '</env:Body></env:Envelope>';
    const result = await withReply(server, { status: 200, body }, (c) => c.sendSms(sms));
    expect(result).toMatchObject({ code: 11403, classification: 'transient' });
  });
});

describe('GetStateBasic answers', () => {
  it('maps a full JobResponse, converting FinishDate from Zurich time to UTC', async () => {
    const reply = soapReply('1.2', stateResponseBody(0, 'OK', jobResponse(fullJob)));
    const result = await withReply(server, reply, (c) => c.getState({ jobId: 'job-1' }));
    expect(result).toMatchObject({ code: 0, classification: 'accepted' });
    expect(result.job).toEqual({ ...fullJob, finishDate: '2025-07-15T12:05:00.000Z' });
  });

  it('keeps fractional PointsUsed and reads 0001-01-01T00:00:00 as not finished', async () => {
    const job = {
      ...fullJob,
      jobType: 6,
      sendState: 101,
      pointsUsed: 1.5,
      finishDate: '0001-01-01T00:00:00',
    };
    const reply = soapReply('1.1', stateResponseBody(0, 'OK', jobResponse(job)));
    const result = await withReply(server, reply, (c) => c.getState({ jobId: 'job-1' }), {
      soapVersion: '1.1',
    });
    expect(result.job).toEqual({ ...job, finishDate: null });
  });

  it('has no job when JobResponse is absent (11910)', async () => {
    const reply = soapReply('1.2', stateResponseBody(11910, 'Job not found'));
    const result = await withReply(server, reply, (c) => c.getState({ jobId: 'nope' }));
    expect(result).toMatchObject({ code: 11910, classification: 'not-found' });
    expect(result.job).toBeUndefined();
    expect('job' in result).toBe(false);
  });

  it('has no job when JobResponse is present with defaults and the code is not 0', async () => {
    const defaults = jobResponse({
      ...fullJob,
      jobId: '',
      address: '',
      jobType: 0,
      sendState: 0,
      pointsUsed: 0,
      finishDate: '0001-01-01T00:00:00',
    });
    const reply = soapReply('1.2', stateResponseBody(11910, 'Job not found', defaults));
    const result = await withReply(server, reply, (c) => c.getState({ jobId: 'nope' }));
    expect(result.code).toBe(11910);
    expect(result.job).toBeUndefined();
  });
});
