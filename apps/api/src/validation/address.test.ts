import { describe, expect, it } from 'vitest';
import { parseEmail, parseHttpUrl, parsePhone, parseRecipient } from './address.ts';

describe('parseRecipient', () => {
  it.each([
    ['+41 79 123 45 67', '0041791234567'],
    ['0041791234567', '0041791234567'],
    ['079/123.45.67', '0791234567'],
    ['(079) 123-45-67', '0791234567'],
    ['  +41791234567  ', '0041791234567'],
    ['074123456:1234', '074123456:1234'],
    ['+41 74 123 45 6:99', '004174123456:99'],
    ['Pikett Team', 'Pikett Team'],
    ['Müller_Hans-2.0', 'Müller_Hans-2.0'],
  ])('reads %j as %j', (raw, expected) => {
    expect(parseRecipient(raw, { pager: true })).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'Empty address'],
    ['+079 123', 'country code'],
    ['12', '3 to 20 digits'],
    ['1'.repeat(21), '3 to 20 digits'],
    ['a'.repeat(51), 'at most 50'],
    ['Team!', 'Not a phone number'],
    ['123 456 - 7 ...', undefined],
    ['ops@example.ch', 'Not a phone number'],
  ])('refuses %j', (raw, message) => {
    const parsed = parseRecipient(raw, { pager: true });
    if (message === undefined) {
      expect(parsed.ok).toBe(true);
      return;
    }
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(message);
  });

  it('refuses pager addresses where the channel has no pagers', () => {
    expect(parseRecipient('074123456:1234', { pager: false })).toEqual({
      ok: false,
      message: 'Pager addresses (number:code) are for SMS only',
    });
  });
});

describe('contact parsers', () => {
  it('normalises phone numbers and refuses letters', () => {
    expect(parsePhone('+41 (0)79 123 45 67')).toEqual({ ok: true, value: '0041791234567' });
    expect(parsePhone('079 abc').ok).toBe(false);
  });

  it('reads e-mail addresses but not lists of them', () => {
    expect(parseEmail(' ops@example.ch ')).toEqual({ ok: true, value: 'ops@example.ch' });
    expect(parseEmail('a@b.ch;c@d.ch').ok).toBe(false);
    expect(parseEmail('no-at.example.ch').ok).toBe(false);
  });

  it('accepts http(s) URLs only, without credentials or semicolons', () => {
    expect(parseHttpUrl('https://erp.example.ch/hook?x=1', 100).ok).toBe(true);
    expect(parseHttpUrl('ftp://erp.example.ch', 100).ok).toBe(false);
    expect(parseHttpUrl('https://user:pw@erp.example.ch', 100).ok).toBe(false);
    expect(parseHttpUrl('https://erp.example.ch/a;b', 100).ok).toBe(false);
    expect(parseHttpUrl(`https://erp.example.ch/${'a'.repeat(100)}`, 100).ok).toBe(false);
  });
});
