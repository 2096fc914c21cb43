import { callbackUrlFor } from '@ecall-relay/messages';
import type { Prng } from '../support/prng.ts';
import { XML_INJECTIONS } from './strings.ts';
import { type HostileContext, type HostileRequest, jsonPost, SEND_PATHS, validBody } from './types.ts';

const GARBAGE_QUERIES = [
  '?%%%',
  '?a=%ZZ&b=%',
  '?Function=Notification&ResultCode=8&ResultText=Sent+OK&Number=0041791234567&TimeStamp=23%2E11%2E2025+14%3A05%3A09',
  '?Function=Answer&AddressFrom=0791234567&Message=%E9%80%FF%FE',
  '?JobID=../../etc/passwd',
  '?%00=%00&Function=%00',
  '?Function=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  `?${'x=1&'.repeat(1_000)}`,
  '?ResultCode=-1&ResultCode=99999999999999999999',
  '',
] as const;

/** A well-formed message id (26 characters of Crockford base32) that no message has: drawn, so runs repeat. */
function unknownId(prng: Prng): string {
  return `01${Array.from({ length: 24 }, () => prng.pick([...'0123456789ABCDEFGHJKMNPQRSTVWXYZ'])).join('')}`;
}

/**
 * eCall callbacks nobody signed: unknown ids with random or well-formed signatures, signatures of the wrong
 * length, ids full of injection, garbage query strings and form bodies. None may be recorded.
 */
export function forgedCallback(ctx: HostileContext): HostileRequest {
  const { prng } = ctx;
  const unknown = unknownId(prng);
  const randomSig = () =>
    Array.from({ length: prng.int(0, 40) }, () => prng.pick([...'abcXYZ019-_'])).join('') || 'x';
  const [id, sig] = prng.pick<() => [string, string]>([
    () => [unknown, randomSig()],
    // Signed with the real secret, but no such message: the receiver must check the store too.
    () => [unknown, callbackUrlFor('http://x', ctx.callbackSecret, unknown).split('/').pop() ?? ''],
    () => [encodeURIComponent(prng.pick(XML_INJECTIONS)), randomSig()],
    () => ['..%2F..%2Fetc%2Fpasswd', randomSig()],
  ])();
  const method = prng.pick(['GET', 'POST']);
  const path = `/v1/callbacks/ecall/${id}/${sig}${prng.pick(GARBAGE_QUERIES)}`;
  if (method === 'GET') return { category: 'forged-callback', method, path, headers: {} };
  const form = prng.pick([
    'Function=Notification&ResultCode=8&JobID=x',
    '%%%&&&===',
    'Message=%E9%80'.repeat(prng.int(1, 3_000)),
  ]);
  const type = prng.pick(['application/x-www-form-urlencoded', 'text/plain', 'application/json']);
  return {
    category: 'forged-callback',
    method,
    path,
    headers: { 'content-type': type },
    body: Buffer.from(form),
  };
}

/** Valid sends with missing, malformed, wrong or insufficient credentials. */
export function badAuth(ctx: HostileContext): HostileRequest {
  const { prng } = ctx;
  const path = prng.pick(SEND_PATHS);
  const request = jsonPost('bad-auth', ctx, path, validBody(path));
  const basic = (value: string) => `Basic ${Buffer.from(value).toString('base64')}`;
  const authorization = prng.pick([
    undefined,
    'Bearer wrong-key',
    'Bearer ',
    'Basic !!!',
    basic('ops:wrong'),
    basic('nobody'),
    `Bearer ${'a'.repeat(5_000)}`,
    'Digest username="ops"',
    `Bearer ${prng.pick(XML_INJECTIONS)}`,
    // The right user without the send role: 403.
    ctx.readerAuth,
  ]);
  const { authorization: _valid, ...headers } = request.headers;
  return { ...request, headers: authorization === undefined ? headers : { ...headers, authorization } };
}

/** Wrong methods and routes, bad list queries, bad Idempotency-Keys on otherwise valid sends. */
export function badRoute(ctx: HostileContext): HostileRequest {
  const { prng } = ctx;
  const headers = { authorization: ctx.auth };
  return prng.pick<() => HostileRequest>([
    () => ({
      category: 'bad-route',
      method: prng.pick(['PUT', 'PATCH', 'DELETE']),
      path: prng.pick(SEND_PATHS),
      headers,
    }),
    () =>
      jsonPost(
        'bad-route',
        ctx,
        prng.pick(['/v1/unknown', '/v1/SMS', '/v1/sms/extra', '/v2/sms']),
        validBody('/v1/sms'),
      ),
    () => ({
      category: 'bad-route',
      method: 'GET',
      path: `/v1/messages?${prng.pick(['limit=abc', 'limit=-1', 'limit=0', 'limit=100000', 'limit=1e3', 'status=bogus', 'channel=pager', 'from=yesterday', 'to=2025-13-45T99:00:00Z'])}`,
      headers,
    }),
    () => ({
      category: 'bad-route',
      method: prng.pick(['GET', 'DELETE']),
      path: `/v1/messages/${unknownId(prng)}`,
      headers,
    }),
    () => {
      const key = prng.pick(['k'.repeat(prng.int(201, 2_000)), 'tab\there', 'grüezi', '']);
      return jsonPost('bad-route', ctx, '/v1/sms', validBody('/v1/sms'), { 'idempotency-key': key });
    },
  ])();
}
