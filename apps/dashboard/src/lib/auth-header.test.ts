import { describe, expect, it } from 'vitest';
import { authorizationFor } from './auth-header.ts';

const decodeBasic = (header: string) => Buffer.from(header.replace(/^Basic /, ''), 'base64').toString('utf8');

describe('authorizationFor', () => {
  it('sends a name and password as HTTP Basic, UTF-8 encoded as the api decodes it', () => {
    const header = authorizationFor({ name: ' zoë ', secret: 'pä:ss word' });
    expect(header).toMatch(/^Basic [A-Za-z0-9+/]+=*$/);
    expect(decodeBasic(header)).toBe('zoë:pä:ss word');
  });

  it('sends a bare API key as Bearer', () => {
    expect(authorizationFor({ name: '', secret: 'k3y' })).toBe('Bearer k3y');
  });

  it('refuses an empty secret and a name with a colon', () => {
    expect(() => authorizationFor({ name: 'ops', secret: '' })).toThrow('password or API key');
    expect(() => authorizationFor({ name: 'a:b', secret: 'x' })).toThrow('colon');
  });
});
