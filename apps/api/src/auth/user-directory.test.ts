import { describe, expect, it } from 'vitest';
import { parseApiKeys } from './api-keys.ts';
import { parseAuthorization } from './credentials.ts';
import { hashSecret, parseSecretHash } from './secret-hash.ts';
import { requiredRole } from './user.ts';
import { createUserDirectory } from './user-directory.ts';
import { parseUsersFile } from './users-file.ts';

const basic = (name: string, secret: string) =>
  `Basic ${Buffer.from(`${name}:${secret}`).toString('base64')}`;

describe('parseApiKeys', () => {
  it('reads name:roles:secret entries, secrets may contain colons', () => {
    expect(parseApiKeys('ops:send+read+admin:s3cret, ro:read:a:b:c')).toEqual([
      { name: 'ops', roles: ['send', 'read', 'admin'], secret: 's3cret' },
      { name: 'ro', roles: ['read'], secret: 'a:b:c' },
    ]);
  });

  it.each([
    ['ops:send', 'entry 1 is not name:roles:secret'],
    ['ops:send+fly:topsecret', 'entry 1 (ops): roles must be'],
    ['ops:read:', 'entry 1 (ops): empty secret'],
    [' , ', 'no entries'],
  ])('refuses %j without quoting the secret', (value, message) => {
    expect(() => parseApiKeys(value)).toThrow(message);
    try {
      parseApiKeys(value);
    } catch (error) {
      expect((error as Error).message).not.toContain('topsecret');
    }
  });
});

describe('parseAuthorization', () => {
  it('reads Bearer and Basic, case-insensitively', () => {
    expect(parseAuthorization('Bearer abc')).toEqual({ scheme: 'bearer', secret: 'abc' });
    expect(parseAuthorization('bearer abc')).toEqual({ scheme: 'bearer', secret: 'abc' });
    expect(parseAuthorization(basic('ops', 'pa:ss'))).toEqual({
      scheme: 'basic',
      name: 'ops',
      secret: 'pa:ss',
    });
  });

  it.each([
    undefined,
    '',
    'Bearer',
    'Digest abc',
    'Basic !!!',
    basic('', 'x'),
    basic('ops', ''),
    'Bearer a b',
  ])('refuses %j', (header) => {
    expect(parseAuthorization(header)).toBeUndefined();
  });
});

describe('requiredRole', () => {
  it('asks admin for admin paths, read for GET, send for the rest', () => {
    expect(requiredRole('GET', '/v1/admin/account')).toBe('admin');
    expect(requiredRole('POST', '/v1/admin/account/resume')).toBe('admin');
    expect(requiredRole('GET', '/v1/messages')).toBe('read');
    expect(requiredRole('POST', '/v1/sms')).toBe('send');
    expect(requiredRole('DELETE', '/v1/messages/x')).toBe('send');
    expect(requiredRole('GET', '/v1/administrator')).toBe('read');
  });
});

describe('createUserDirectory', () => {
  it('authenticates plain secrets by Bearer and Basic, and nothing else', async () => {
    const users = createUserDirectory(parseApiKeys('ops:send+read:s3cret,ro:read:r3ad'));
    expect(await users.authenticate('Bearer s3cret')).toEqual({ name: 'ops', roles: ['send', 'read'] });
    expect(await users.authenticate('Bearer r3ad')).toEqual({ name: 'ro', roles: ['read'] });
    expect(await users.authenticate(basic('ops', 's3cret'))).toEqual({
      name: 'ops',
      roles: ['send', 'read'],
    });
    expect(await users.authenticate(basic('ro', 's3cret'))).toBeUndefined();
    expect(await users.authenticate(basic('nobody', 's3cret'))).toBeUndefined();
    expect(await users.authenticate('Bearer s3cre')).toBeUndefined();
    expect(await users.authenticate(undefined)).toBeUndefined();
    expect(users.size).toBe(2);
  });

  it('authenticates scrypt-hashed secrets, again from its cache', async () => {
    const users = createUserDirectory([
      { name: 'ops', roles: ['admin'], secretHash: await hashSecret('pw-1') },
    ]);
    expect(await users.authenticate(basic('ops', 'pw-1'))).toEqual({ name: 'ops', roles: ['admin'] });
    expect(await users.authenticate(basic('ops', 'pw-1'))).toEqual({ name: 'ops', roles: ['admin'] });
    expect(await users.authenticate('Bearer pw-1')).toEqual({ name: 'ops', roles: ['admin'] });
    expect(await users.authenticate(basic('ops', 'pw-2'))).toBeUndefined();
    expect(await users.authenticate(basic('eve', 'pw-1'))).toBeUndefined();
  });

  it('refuses repeated names, shared secrets, bad names and malformed hashes without quoting secrets', () => {
    expect(() => createUserDirectory(parseApiKeys('a:read:x1,a:send:x2'))).toThrow(
      'the name a is used twice',
    );
    expect(() => createUserDirectory(parseApiKeys('a:read:same,b:send:same'))).toThrow('secret shared');
    expect(() => createUserDirectory(parseApiKeys('a b:read:x'))).toThrow('invalid name');
    expect(() =>
      createUserDirectory([{ name: 'a', roles: ['read'], secretHash: 'scrypt$1$2$3$x$y' }]),
    ).toThrow('secretHash is not scrypt');
    expect(() => createUserDirectory(parseApiKeys('a:read:same,b:send:same'))).not.toThrow(/same/);
  });
});

describe('secret hashes and users files', () => {
  it('makes scrypt$N$r$p$salt$hash strings that parse back', async () => {
    const hash = await hashSecret('pw');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(parseSecretHash(hash)?.hash).toHaveLength(32);
    expect(hash).not.toBe(await hashSecret('pw'));
  });

  it('reads users files with role lists or +-joined roles and names the broken entry', () => {
    const file = JSON.stringify([
      { name: 'a', roles: ['send', 'read'], secretHash: 'scrypt$x' },
      { name: 'b', roles: 'admin+read', secretHash: 'scrypt$y' },
    ]);
    expect(parseUsersFile(file).map((u) => u.roles)).toEqual([
      ['send', 'read'],
      ['admin', 'read'],
    ]);
    expect(() => parseUsersFile('{')).toThrow('not valid JSON');
    expect(() =>
      parseUsersFile(JSON.stringify([{ name: 'a', roles: ['x'], secretHash: 'scrypt$' }])),
    ).toThrow('at 0.roles');
    expect(() =>
      parseUsersFile(JSON.stringify([{ name: 'a', roles: 'fly', secretHash: 'scrypt$' }])),
    ).toThrow('entry 1 (a): unknown role');
  });
});
