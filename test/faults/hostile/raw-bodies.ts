import { INVALID_UTF8 } from './strings.ts';
import { type HostileContext, type HostileRequest, jsonPost, SEND_PATHS, validBody } from './types.ts';

/** JSON that does not parse: cut short, JavaScript-isms, two documents, deep nesting, garbage. */
export function brokenJson(ctx: HostileContext): HostileRequest {
  const { prng } = ctx;
  const path = prng.pick(SEND_PATHS);
  const json = JSON.stringify(validBody(path));
  const nesting = () => '['.repeat(prng.int(10_000, 200_000));
  const garbage = () =>
    Array.from({ length: prng.int(1, 300) }, () => String.fromCharCode(prng.int(33, 126)));
  const text = prng.pick<() => string>([
    () => json.slice(0, prng.int(0, json.length - 1)),
    () => `${json.slice(0, -1)},}`,
    () => json.replaceAll('"', "'"),
    () => `{/* comment */${json.slice(1)}`,
    () => '{"to":"0041791234567","text":NaN}',
    () => '{to:"0041791234567",text:"x"}',
    () => '{"to":"0041791234567" "text":"x"}',
    () => `${json}}`,
    () => `${json}${json}`,
    () => `\uFEFF${json.slice(0, -2)}`,
    () => '{"to":}',
    () => 'undefined',
    nesting,
    () => `{"}${garbage().join('')}`,
  ])();
  return jsonPost('broken-json', ctx, path, Buffer.from(text));
}

/** Well-formed JSON whose strings carry bytes that are not UTF-8. */
export function invalidUtf8(ctx: HostileContext): HostileRequest {
  const { prng } = ctx;
  const path = prng.pick(SEND_PATHS);
  const json = JSON.stringify(validBody(path));
  // Inside a string value: the text (where a lenient decoder would store U+FFFD) or the first address.
  const anchor = prng.pick(['"text":"', '"to":"']);
  const at = json.indexOf(anchor) + anchor.length;
  const bytes = Buffer.from(prng.pick(INVALID_UTF8));
  const body = Buffer.concat([Buffer.from(json.slice(0, at)), bytes, Buffer.from(json.slice(at))]);
  return jsonPost('invalid-utf8', ctx, path, body);
}

/** Bodies above the api's limit, with Content-Length or chunked (so the limit must count what arrives). */
export function oversizedBody(ctx: HostileContext): HostileRequest {
  const { prng } = ctx;
  const size = ctx.bodyLimitBytes + prng.int(1, Math.floor(ctx.bodyLimitBytes / 2));
  const body = Buffer.from(JSON.stringify({ to: '0041791234567', text: 'x'.repeat(size) }));
  return { ...jsonPost('oversized-body', ctx, prng.pick(SEND_PATHS), body), chunked: prng.chance(0.5) };
}

const NOT_JSON = [
  'text/plain',
  'application/xml',
  'text/xml; charset=utf-8',
  'application/soap+xml; charset=utf-8; action="eCallWebservice/SendSMSBasic"',
  'multipart/form-data; boundary=x',
  'application/x-www-form-urlencoded',
  'text/json',
  'application/jsonx',
  'application/javascript',
  'json',
  '*/*',
  'application/json/../xml',
] as const;

/** Valid bodies (JSON, SOAP or a form) under content types that are not JSON, or none at all. */
export function contentType(ctx: HostileContext): HostileRequest {
  const { prng } = ctx;
  const path = prng.pick(SEND_PATHS);
  const body = prng.pick([
    () => JSON.stringify(validBody(path)),
    () => 'to=0041791234567&text=Pump+3+stopped',
    () =>
      '<soap12:Envelope xmlns:soap12="http://www.w3.org/2003/05/soap-envelope"><soap12:Body>' +
      '<SendSMSBasic xmlns="eCallWebservice"><Address>0041791234567</Address><Message>x</Message>' +
      '</SendSMSBasic></soap12:Body></soap12:Envelope>',
  ])();
  const request = jsonPost('content-type', ctx, path, Buffer.from(body));
  const { 'content-type': _json, ...headers } = request.headers;
  return {
    ...request,
    headers: prng.chance(0.15) ? headers : { ...headers, 'content-type': prng.pick(NOT_JSON) },
  };
}
