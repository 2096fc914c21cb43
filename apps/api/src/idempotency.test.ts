import { describe, expect, it } from 'vitest';
import { canonicalJson, requestFingerprint } from './idempotency.ts';

describe('request fingerprints', () => {
  it('ignore key order at every level but not array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
    expect(requestFingerprint('POST', '/v1/sms', { to: 'x', text: 'y' })).toBe(
      requestFingerprint('POST', '/v1/sms', { text: 'y', to: 'x' }),
    );
    expect(requestFingerprint('POST', '/v1/sms', { to: ['a', 'b'] })).not.toBe(
      requestFingerprint('POST', '/v1/sms', { to: ['b', 'a'] }),
    );
  });

  it('differ by method and path', () => {
    const body = { to: 'x', text: 'y' };
    expect(requestFingerprint('POST', '/v1/sms', body)).not.toBe(requestFingerprint('POST', '/v1/fax', body));
  });
});
