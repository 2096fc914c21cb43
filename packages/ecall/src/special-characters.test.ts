import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEcallClient } from './client.ts';
import type { EcallClient } from './ecall-client.ts';
import { type CaptureServer, startCaptureServer } from './test-support/capture-server.ts';
import { soapReply } from './test-support/soap-replies.ts';

// An XML parser independent of node-soap reads what arrived, so both directions are checked.
const parser = new XMLParser({
  removeNSPrefix: true,
  trimValues: false,
  parseTagValue: false,
  ignoreAttributes: true,
  htmlEntities: true,
});

function escapeForReply(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');
}

let server: CaptureServer;
let client: EcallClient;
const received: string[] = [];

beforeAll(async () => {
  server = await startCaptureServer((request) => {
    const message = String(parser.parse(request.body).Envelope.Body.SendSMSBasic.Message);
    received.push(message);
    return soapReply(
      '1.2',
      '<SendSMSBasicResponse xmlns="eCallWebservice"><SendSMSBasicResult><ResponseCode>0</ResponseCode>' +
        `<ResponseText>${escapeForReply(message)}</ResponseText></SendSMSBasicResult></SendSMSBasicResponse>`,
    );
  });
  client = createEcallClient({ accountName: 'acme', accountPassword: 'pw', endpoint: server.endpoint });
});
afterAll(async () => {
  await client.close();
  await server.close();
});

describe('text round trip through eCall', () => {
  it.each([
    ['markup characters', `a < b > c & d ' e " f`],
    ['text that looks like CDATA', '<![CDATA[ not a section ]]>'],
    ['a lone CDATA terminator', 'x ]]> y'],
    ['already escaped entities', '&amp; &lt; &#x41;'],
    ['accented letters', 'äöü éèà ÄÖÜ ç ß'],
    ['emoji, including a joined sequence', 'Alarm 🚨🔥 👩‍🚒'],
    ['CR LF, tabs and edge spaces', '  line 1\r\nline 2\tend  '],
  ])('keeps %s intact in both directions', async (_label, message) => {
    const before = received.length;
    const result = await client.sendSms({ address: '0041791234567', message });
    expect(received[before]).toBe(message);
    expect(result.text).toBe(message);
  });

  it('never writes a raw CDATA section onto the wire', async () => {
    const before = server.requests.length;
    await client.sendSms({ address: '0041791234567', message: '<![CDATA[ x ]]>' });
    expect(server.requests[before]?.body).not.toContain('<![CDATA[');
    expect(server.requests[before]?.body).toContain('<Message>&lt;![CDATA[ x ]]&gt;</Message>');
  });
});
