import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEcallClient } from './client.ts';
import { OPERATION_FIELDS, soapActionOf } from './operations.ts';
import { type CaptureServer, startCaptureServer } from './test-support/capture-server.ts';
import { GOLDEN_ACCOUNT, GOLDEN_CASES } from './test-support/golden-cases.ts';
import { sendResponseBody, soapReply, stateResponseBody } from './test-support/soap-replies.ts';

/**
 * Golden requests. Each fixture in ./fixtures is the hand-reviewed body the client must send.
 * Normalisation before comparing: whitespace between a `>` and the next `<` is removed (fixtures
 * are indented for reading) and the ends are trimmed. Nothing else: element text, attributes,
 * prefixes and order must match byte for byte.
 */
function normalise(xml: string): string {
  return xml.replace(/>\s+</g, '><').trim();
}

function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

let server: CaptureServer;
beforeAll(async () => {
  server = await startCaptureServer();
});
afterAll(() => server.close());

describe('requests on the wire', () => {
  for (const golden of GOLDEN_CASES) {
    it(`${golden.fixture}: body matches the fixture and headers carry SOAP ${golden.soapVersion} action`, async () => {
      server.setReply(() =>
        soapReply(
          golden.soapVersion,
          golden.operation === 'GetStateBasic'
            ? stateResponseBody(11910, 'Job not found')
            : sendResponseBody(golden.operation, 0, 'OK'),
        ),
      );
      const before = server.requests.length;
      const client = createEcallClient({
        ...GOLDEN_ACCOUNT,
        endpoint: server.endpoint,
        soapVersion: golden.soapVersion,
      });
      await golden.run(client, 'golden-req-0001');
      await client.close();

      const sent = server.requests[before];
      expect(server.requests.length).toBe(before + 1);
      expect(sent?.method).toBe('POST');
      expect(sent?.url).toBe('/eCall.asmx');
      expect(normalise(sent?.body ?? '')).toBe(normalise(fixture(golden.fixture)));
      expect(sent?.headers['x-f24-client-request-id']).toBe('golden-req-0001');
      const action = soapActionOf(golden.operation);
      if (golden.soapVersion === '1.2') {
        expect(sent?.headers['content-type']).toBe(`application/soap+xml; charset=utf-8; action="${action}"`);
        expect(sent?.headers.soapaction).toBeUndefined();
      } else {
        expect(sent?.headers['content-type']).toBe('text/xml; charset=utf-8');
        expect(sent?.headers.soapaction).toBe(`"${action}"`);
      }
    });
  }

  it('fixtures list their elements in OPERATION_FIELDS order under the eCallWebservice namespace', () => {
    for (const golden of GOLDEN_CASES) {
      const body = normalise(fixture(golden.fixture));
      expect(body).toContain(`<${golden.operation} xmlns="eCallWebservice">`);
      const wrapper =
        new RegExp(`<${golden.operation} [^>]*>(.*)</${golden.operation}>`).exec(body)?.[1] ?? '';
      // Top-level children only: drop the Attachment subtree of Files before reading names.
      const children = [
        ...wrapper.replace(/<Files>.*<\/Files>/, '<Files></Files>').matchAll(/<([A-Za-z]+)>/g),
      ].map((m) => m[1]);
      const order: readonly string[] = OPERATION_FIELDS[golden.operation];
      expect(children.length).toBeGreaterThanOrEqual(4);
      expect(children).toEqual(order.filter((name) => children.includes(name)));
    }
  });
});
