import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashSecret } from './auth/secret-hash.ts';
import { ConfigError, loadApiConfig } from './config.ts';

const keys = { RELAY_API_KEYS: 'ops:send+read+admin:s3cret' };

function problems(env: Record<string, string | undefined>): string {
  try {
    loadApiConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadApiConfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'api-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('applies the documented defaults', () => {
    const config = loadApiConfig(keys);
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      redisUrl: 'redis://127.0.0.1:6379',
      keyPrefix: 'ecall-relay',
      bodyLimitBytes: 80 * 1024 * 1024,
      retentionDays: 30,
      idempotencyTtlHours: 24,
      scheduleLeadMs: 300_000,
      logLevel: 'info',
    });
    expect(config.users.size).toBe(1);
  });

  it('reads every variable and treats empty ones as unset', () => {
    const config = loadApiConfig({
      ...keys,
      PORT: '8080',
      HOST: '127.0.0.1',
      REDIS_URL: 'redis://:pw@redis:6379/2',
      KEY_PREFIX: 'relay-test',
      BODY_LIMIT_BYTES: '1048576',
      RETENTION_DAYS: '7',
      IDEMPOTENCY_TTL_HOURS: '48',
      SCHEDULE_LEAD_MS: '60000',
      LOG_LEVEL: 'debug',
      RELAY_USERS_FILE: '',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      keyPrefix: 'relay-test',
      retentionDays: 7,
    });
    expect(config).toMatchObject({
      bodyLimitBytes: 1_048_576,
      idempotencyTtlHours: 48,
      scheduleLeadMs: 60_000,
      logLevel: 'debug',
    });
  });

  it('names each bad variable in one error', () => {
    const message = problems({
      ...keys,
      PORT: 'eighty',
      RETENTION_DAYS: '0',
      LOG_LEVEL: 'loud',
      REDIS_URL: 'http://x',
      KEY_PREFIX: 'a b',
    });
    for (const name of ['PORT', 'RETENTION_DAYS', 'LOG_LEVEL', 'REDIS_URL', 'KEY_PREFIX'])
      expect(message).toContain(`${name}:`);
  });

  it('requires exactly one source of users and never quotes a secret', () => {
    expect(problems({})).toContain('RELAY_API_KEYS or RELAY_USERS_FILE: one is required');
    expect(problems({ ...keys, RELAY_USERS_FILE: '/x' })).toContain('set only one');
    const bad = problems({ RELAY_API_KEYS: 'ops:send+fly:hunter2' });
    expect(bad).toContain('RELAY_API_KEYS: entry 1 (ops): roles');
    expect(bad).not.toContain('hunter2');
    expect(JSON.stringify(loadApiConfig(keys))).not.toContain('s3cret');
  });

  it('reads a users file and reports an unreadable or broken one', async () => {
    const file = join(dir, 'users.json');
    writeFileSync(
      file,
      JSON.stringify([{ name: 'erp', roles: ['send'], secretHash: await hashSecret('x') }]),
    );
    expect(loadApiConfig({ RELAY_USERS_FILE: file }).users.size).toBe(1);
    expect(problems({ RELAY_USERS_FILE: join(dir, 'missing.json') })).toContain('cannot read');
    writeFileSync(file, '[{"name":"erp"}]');
    expect(problems({ RELAY_USERS_FILE: file })).toContain('must be [{ name, roles, secretHash }]');
  });
});
