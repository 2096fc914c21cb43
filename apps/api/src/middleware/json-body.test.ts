import { afterAll, describe, expect, it } from 'vitest';
import type { FaultBody } from '../errors.ts';
import { AUTH, createHarness, servedHarness } from '../testing/harness.ts';
import { isJsonMediaType } from './json-body.ts';

describe('isJsonMediaType', () => {
  it.each([
    'application/json',
    'Application/JSON',
    'application/json; charset=utf-8',
    ' application/json ;charset=UTF-8',
    'application/problem+json',
    'application/vnd.acme.v1+json;q=1',
  ])('takes %j', (type) => expect(isJsonMediaType(type)).toBe(true));

  it.each([
    '',
    'text/plain',
    'application/jsonp',
    'application/json-seq',
    'application/x-www-form-urlencoded; json',
    'text/json',
    'application/+json',
    'multipart/form-data; boundary=application/json',
  ])('refuses %j', (type) => expect(isJsonMediaType(type)).toBe(false));
});

const json = (prefix: string, bad: number[], suffix: string) =>
  Buffer.concat([Buffer.from(prefix), Buffer.from(bad), Buffer.from(suffix)]);

describe('request bodies that are not valid UTF-8', () => {
  const h = createHarness();
  afterAll(() => h.close());

  it.each([
    ['a stray 0xFF in the text', json('{"to":"0791234567","text":"ab', [0xff], 'c"}')],
    ['an overlong encoding of /', json('{"to":"0791234567","text":"a', [0xc0, 0xaf], '"}')],
    ['a UTF-16 surrogate encoded as UTF-8', json('{"to":"0791234567","text":"a', [0xed, 0xa0, 0x80], '"}')],
    ['a sequence cut short', json('{"to":"0791234567","text":"a', [0xe2, 0x82], '"}')],
  ])('are refused with 400 and nothing stored: %s', async (_name, body) => {
    const res = await h.app.request('/v1/sms', {
      method: 'POST',
      headers: { ...AUTH.ops, 'content-type': 'application/json' },
      body,
    });
    expect(res.status).toBe(400);
    const fault = ((await res.json()) as FaultBody).faultInfo;
    expect(fault.errorCode).toBe(3001);
    expect(fault.message).toMatch(/UTF-8/);
    expect(await h.counts()).toEqual({ messages: 0, jobs: 0 });
  });

  it('still accepts multi-byte text that is valid UTF-8', async () => {
    const res = await h.post('/v1/sms', { to: '0791234567', text: 'Grüezi € 😀' });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    expect((await h.store.read(id))?.request.text).toBe('Grüezi € 😀');
  });
});

describe('request bodies over a real HTTP connection (Content-Length, no WHATWG body read)', () => {
  const { h, url } = servedHarness();
  const post = (body: Buffer) =>
    fetch(`${url()}/v1/sms`, {
      method: 'POST',
      headers: { ...AUTH.ops, 'content-type': 'application/json', 'content-length': String(body.length) },
      body,
    });

  it('refuses bytes that are not UTF-8 with 400, storing nothing', async () => {
    const res = await post(json('{"to":"0791234567","text":"ab', [0xff], 'c"}'));
    expect(res.status).toBe(400);
    expect(((await res.json()) as FaultBody).faultInfo.message).toMatch(/UTF-8/);
    expect(await h.counts()).toEqual({ messages: 0, jobs: 0 });
  });

  it('accepts a leading byte order mark, as Request.json() does, and keeps the text intact', async () => {
    const res = await post(json('', [0xef, 0xbb, 0xbf], '{"to":"0791234567","text":"Grüezi"}'));
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    expect((await h.store.read(id))?.request.text).toBe('Grüezi');
  });

  it('still answers broken JSON with a 400 faultInfo', async () => {
    const res = await post(Buffer.from('{"to":"0791234567","text":'));
    expect(res.status).toBe(400);
    expect(((await res.json()) as FaultBody).faultInfo).toBeDefined();
  });
});
