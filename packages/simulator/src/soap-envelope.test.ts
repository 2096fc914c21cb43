import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from './simulator.ts';
import { startSimulator } from './simulator.ts';
import {
  call,
  children,
  codeOf,
  DEMO,
  envelope,
  field,
  post,
  soapHeaders,
  VERSIONS,
} from './test-helpers.ts';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(() => sim.close());

const SMS = children({ ...DEMO, Address: '0791234567', Message: 'Hi' });
const smsEnvelope = (version: '1.1' | '1.2'): string => envelope(version, 'SendSMSBasic', SMS);

describe('answers in the version of the request', () => {
  it('answers SOAP 1.1 with the 1.1 envelope and text/xml', async () => {
    const answer = await call(sim, '1.1', 'SendSMSBasic', { ...DEMO, Address: '0791234567', Message: 'Hi' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(answer.text).toContain(`xmlns:soap="${VERSIONS['1.1'].ns}"`);
    expect(answer.text).toContain(
      '<SendSMSBasicResponse xmlns="eCallWebservice"><SendSMSBasicResult><ResponseCode>0</ResponseCode>' +
        '<ResponseText>OK</ResponseText></SendSMSBasicResult></SendSMSBasicResponse>',
    );
  });
  it('answers SOAP 1.2 with the 1.2 envelope and application/soap+xml', async () => {
    const answer = await call(sim, '1.2', 'SendSMSBasic', { ...DEMO, Address: '0791234567', Message: 'Hi' });
    expect(answer.headers.get('content-type')).toBe('application/soap+xml; charset=utf-8');
    expect(answer.text).toContain(`xmlns:soap="${VERSIONS['1.2'].ns}"`);
    expect(codeOf(answer)).toBe(0);
  });
  it('accepts an unquoted SOAPAction (1.1) and a 1.2 request without action parameter', async () => {
    const unquoted = { 'content-type': VERSIONS['1.1'].type, soapaction: 'eCallWebservice/SendSMSBasic' };
    expect(codeOf(await post(sim, unquoted, smsEnvelope('1.1')))).toBe(0);
    expect(codeOf(await post(sim, { 'content-type': VERSIONS['1.2'].type }, smsEnvelope('1.2')))).toBe(0);
  });
  it('reads children with any prefix bound to eCallWebservice and decodes character references', async () => {
    const inner =
      '<e:AccountName>d&#101;m&#x6F;</e:AccountName><e:AccountPassword>demo</e:AccountPassword>' +
      '<e:Address>0791234567</e:Address><e:Message><![CDATA[a < b & c]]></e:Message>';
    const body =
      `<s:Envelope xmlns:s="${VERSIONS['1.2'].ns}" xmlns:e="eCallWebservice"><s:Header/><s:Body>` +
      `<e:SendSMSBasic>${inner}</e:SendSMSBasic></s:Body></s:Envelope>`;
    expect(codeOf(await post(sim, soapHeaders('1.2', 'SendSMSBasic'), body))).toBe(0);
  });
  it('ignores children in another namespace, as ASP.NET does (Address then missing: 11102)', async () => {
    const inner = `${children({ ...DEMO, Message: 'Hi' })}<Address xmlns="urn:other">0791234567</Address>`;
    const answer = await post(
      sim,
      soapHeaders('1.2', 'SendSMSBasic'),
      envelope('1.2', 'SendSMSBasic', inner),
    );
    expect(codeOf(answer)).toBe(11102);
  });
});

describe('protocol errors are SOAP faults with HTTP 500', () => {
  it('answers malformed XML with a 1.1 soap:Client fault', async () => {
    const answer = await post(sim, soapHeaders('1.1', 'SendSMSBasic'), '<s:Envelope><unclosed>');
    expect(answer.status).toBe(500);
    expect(answer.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(field(answer.text, 'faultcode')).toBe('soap:Client');
    expect(field(answer.text, 'faultstring')).toMatch(/unable to read request/);
  });
  it('answers malformed XML with a 1.2 Sender fault and an English Reason', async () => {
    const answer = await post(sim, soapHeaders('1.2', 'SendSMSBasic'), '<not xml');
    expect(answer.status).toBe(500);
    expect(answer.headers.get('content-type')).toBe('application/soap+xml; charset=utf-8');
    expect(answer.text).toContain('<soap:Code><soap:Value>soap:Sender</soap:Value></soap:Code>');
    expect(answer.text).toMatch(/<soap:Reason><soap:Text xml:lang="en">[^<]+<\/soap:Text><\/soap:Reason>/);
  });
  it('refuses a 1.1 request without SOAPAction', async () => {
    const answer = await post(sim, { 'content-type': VERSIONS['1.1'].type }, smsEnvelope('1.1'));
    expect(answer.status).toBe(500);
    expect(field(answer.text, 'faultcode')).toBe('soap:Client');
  });
  it('refuses an unknown SOAPAction and escapes it in the faultstring', async () => {
    const headers = { 'content-type': VERSIONS['1.1'].type, soapaction: '"eCallWebservice/<Evil&>"' };
    const answer = await post(sim, headers, smsEnvelope('1.1'));
    expect(answer.status).toBe(500);
    expect(answer.text).toContain('eCallWebservice/&lt;Evil&amp;&gt;');
    expect(answer.text).not.toContain('<Evil&>');
  });
  it.each(['1.1', '1.2'] as const)(
    'refuses an action that disagrees with the body element (SOAP %s)',
    async (version) => {
      const answer = await post(sim, soapHeaders(version, 'GetStateBasic'), smsEnvelope(version));
      expect(answer.status).toBe(500);
      expect(answer.text).toMatch(/does not match the body element/);
    },
  );
  it('refuses a wrapper element in a wrong namespace', async () => {
    const body = `<s:Envelope xmlns:s="${VERSIONS['1.2'].ns}"><s:Body><SendSMSBasic xmlns="http://eCallWebservice/">${SMS}</SendSMSBasic></s:Body></s:Envelope>`;
    const answer = await post(sim, soapHeaders('1.2', 'SendSMSBasic'), body);
    expect(answer.status).toBe(500);
    expect(answer.text).toContain('soap:Sender');
  });
  it('answers a 1.2 envelope sent as 1.1 with a VersionMismatch fault', async () => {
    const answer = await post(sim, soapHeaders('1.1', 'SendSMSBasic'), smsEnvelope('1.2'));
    expect(answer.status).toBe(500);
    expect(field(answer.text, 'faultcode')).toBe('soap:VersionMismatch');
  });
  it('answers an unsupported content type with 415', async () => {
    const answer = await post(sim, { 'content-type': 'application/json' }, '{}');
    expect(answer.status).toBe(415);
  });
  it('refuses a DOCTYPE (no entity expansion games)', async () => {
    const body = `<!DOCTYPE x [<!ENTITY a "b">]>${smsEnvelope('1.2').replace('<?xml version="1.0" encoding="utf-8"?>', '')}`;
    expect((await post(sim, soapHeaders('1.2', 'SendSMSBasic'), body)).status).toBe(500);
  });
});

describe('headers and WSDL', () => {
  it('puts a unique x-f24-request-id on every response and echoes x-f24-client-request-id', async () => {
    const headers = { ...soapHeaders('1.2', 'SendSMSBasic'), 'x-f24-client-request-id': 'client-42' };
    const ok = await post(sim, headers, smsEnvelope('1.2'));
    const fault = await post(sim, headers, '<broken');
    const wsdl = await fetch(sim.wsdlUrl);
    const control = await fetch(`${sim.url}/_sim/stats`);
    const ids = [ok, fault].map((a) => a.headers.get('x-f24-request-id'));
    ids.push(wsdl.headers.get('x-f24-request-id'), control.headers.get('x-f24-request-id'));
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(4);
    expect(ok.headers.get('x-f24-client-request-id')).toBe('client-42');
    expect(fault.headers.get('x-f24-client-request-id')).toBe('client-42');
  });
  it.each(['wsdl', 'WSDL'])('serves the WSDL at ?%s with both port addresses rewritten', async (query) => {
    const response = await fetch(`${sim.endpoint}?${query}`);
    const wsdl = await response.text();
    expect(response.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(wsdl).toContain(`<soap:address location="${sim.endpoint}" />`);
    expect(wsdl).toContain(`<soap12:address location="${sim.endpoint}" />`);
    expect(wsdl).not.toContain('location="https://soap.ecall.ch');
  });
});
