import { describe, expect, it } from 'vitest';
import { normalizeAddress, normalizePhone, parseAddressList } from './address.ts';

const rules = {
  addressBook: new Map([['Team', ['0041791111111', '0041792222222']]]),
  maxRecipients: 3,
  allowPagers: true,
};

describe('normalizePhone', () => {
  it.each([
    ['0791234567', '0041791234567'],
    ['079 123 45 67', '0041791234567'],
    ['+41 79 123-45-67', '0041791234567'],
    ['0041.79.123.45.67', '0041791234567'],
    ['044/123 45 67', '0041441234567'],
    ['+49 151 2345678', '00491512345678'],
  ])('%s -> %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });
  it.each(['12345', '+41 79 abc', '0041 12345678901234567', 'hans@example.ch', ''])('refuses %j', (input) => {
    expect(normalizePhone(input)).toBeUndefined();
  });
});

describe('parseAddressList', () => {
  it('expands address-book names and normalises pagers', () => {
    const result = parseAddressList('Team; 074 123 456:1234', rules);
    expect(result).toEqual({
      ok: true,
      recipients: [
        { address: '0041791111111', pager: false },
        { address: '0041792222222', pager: false },
        { address: '004174123456:1234', pager: true },
      ],
    });
  });
  it('answers 11102 for nothing, 11100 for garbage, 11104 for too many', () => {
    expect(parseAddressList(';;', rules)).toEqual({ ok: false, code: 11102 });
    expect(parseAddressList('0791234567;???', rules)).toEqual({ ok: false, code: 11100 });
    expect(parseAddressList('Team;0793333333;0794444444', rules)).toEqual({ ok: false, code: 11104 });
  });
  it('refuses pagers where they are not allowed', () => {
    expect(parseAddressList('074123456:1234', { ...rules, allowPagers: false })).toEqual({
      ok: false,
      code: 11100,
    });
  });
});

describe('normalizeAddress', () => {
  it('normalises numbers and pagers and leaves anything else trimmed', () => {
    expect(normalizeAddress(' +41791234567 ')).toBe('0041791234567');
    expect(normalizeAddress('074123456:99')).toBe('004174123456:99');
    expect(normalizeAddress(' Team ')).toBe('Team');
  });
});
