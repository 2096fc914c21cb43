import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadApiConfig } from '../config.ts';
import type { FaultBody } from '../errors.ts';
import { AUTH, createHarness } from '../testing/harness.ts';
import { hashSecret } from './secret-hash.ts';

const basic = (name: string, secret: string) => ({
  authorization: `Basic ${Buffer.from(`${name}:${secret}`).toString('base64')}`,
});
const sms = { to: '0791234567', text: 'x' };

describe('authentication and roles', () => {
  const h = createHarness();
  afterAll(() => h.close());

  it.each([
    ['no credentials', {}],
    ['a wrong API key', { authorization: 'Bearer nope' }],
    ['a wrong Basic password', basic('ops', 'nope')],
    ['an unknown Basic user', basic('mallory', 's3cret')],
    ['another user’s secret under Basic', basic('reader', 's3cret')],
    ['an unsupported scheme', { authorization: 'Digest s3cret' }],
  ])('answers 401 with a challenge for %s', async (_label, headers) => {
    const res = await h.get('/v1/messages', headers);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Basic realm="ecall-relay", Bearer');
    expect(((await res.json()) as FaultBody).faultInfo.errorCode).toBe(3401);
  });

  it('accepts Basic and Bearer for the same user', async () => {
    expect((await h.get('/v1/messages', basic('ops', 's3cret'))).status).toBe(200);
    expect((await h.get('/v1/messages', AUTH.ops)).status).toBe(200);
  });

  it.each([
    ['reader', 'GET', '/v1/messages', 200],
    ['reader', 'POST', '/v1/sms', 403],
    ['reader', 'DELETE', '/v1/messages/01ZZZZZZZZZZZZZZZZZZZZZZZZ', 403],
    ['reader', 'GET', '/v1/admin/account', 403],
    ['sender', 'POST', '/v1/sms', 202],
    ['sender', 'GET', '/v1/messages', 403],
    ['sender', 'DELETE', '/v1/messages/01ZZZZZZZZZZZZZZZZZZZZZZZZ', 404],
    ['sender', 'POST', '/v1/admin/account/resume', 403],
    ['boss', 'GET', '/v1/admin/account', 200],
    ['boss', 'POST', '/v1/admin/account/resume', 200],
    ['boss', 'GET', '/v1/messages', 403],
    ['ops', 'GET', '/v1/admin/account', 200],
  ] as const)('%s: %s %s answers %i', async (user, method, path, status) => {
    const res = await h.app.request(path, {
      method,
      headers: { ...AUTH[user], ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
      ...(path === '/v1/sms' ? { body: JSON.stringify(sms) } : {}),
    });
    expect(res.status).toBe(status);
    if (status === 403) expect(((await res.json()) as FaultBody).faultInfo.errorCode).toBe(3403);
  });

  it('leaves health and the API description open', async () => {
    expect((await h.get('/health', {})).status).toBe(200);
    expect((await h.get('/openapi.json', {})).status).toBe(200);
  });
});

describe('a hashed users file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'api-users-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('authenticates its users by Basic and Bearer, and refuses wrong secrets', async () => {
    const file = join(dir, 'users.json');
    writeFileSync(
      file,
      JSON.stringify([
        { name: 'erp', roles: ['send', 'read'], secretHash: await hashSecret('erp-secret') },
        { name: 'audit', roles: 'read', secretHash: await hashSecret('audit-secret') },
      ]),
    );
    const { users } = loadApiConfig({ RELAY_USERS_FILE: file });
    const h = createHarness({ users });
    try {
      expect((await h.post('/v1/sms', sms, basic('erp', 'erp-secret'))).status).toBe(202);
      expect((await h.get('/v1/messages', { authorization: 'Bearer audit-secret' })).status).toBe(200);
      expect((await h.post('/v1/sms', sms, { authorization: 'Bearer audit-secret' })).status).toBe(403);
      expect((await h.get('/v1/messages', basic('erp', 'audit-secret'))).status).toBe(401);
      expect((await h.get('/v1/messages', { authorization: 'Bearer erp-secret!' })).status).toBe(401);
    } finally {
      await h.close();
    }
  });
});
