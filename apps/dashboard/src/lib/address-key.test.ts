import { addressKey as storeAddressKey } from '@ecall-relay/messages';
import { describe, expect, it } from 'vitest';
import { addressKey } from './address-key.ts';

describe('addressKey', () => {
  it.each([
    '079 123 45 67',
    '+41791234567',
    '0041791234567',
    '074123456:1234',
    'Pikett-Team',
    ' 044/123.45.67 ',
  ])('matches the store index for %s', (address) => {
    expect(addressKey(address)).toBe(storeAddressKey(address));
  });

  it('puts the national and international forms of a number together', () => {
    expect(addressKey('079 123 45 67')).toBe(addressKey('+41 79 123 45 67'));
  });
});
