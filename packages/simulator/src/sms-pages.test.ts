import { describe, expect, it } from 'vitest';
import { smsEncodingOf, smsPageCount } from './sms-pages.ts';

describe('smsPageCount', () => {
  it('fits 160 GSM-7 characters in one page and 153 per page beyond', () => {
    expect(smsPageCount('a'.repeat(160))).toBe(1);
    expect(smsPageCount('a'.repeat(161))).toBe(2);
    expect(smsPageCount('a'.repeat(306))).toBe(2);
    expect(smsPageCount('a'.repeat(307))).toBe(3);
  });
  it('counts extension characters (€, [, ]) as two septets', () => {
    expect(smsEncodingOf('Preis: 5€ [netto]')).toBe('gsm');
    expect(smsPageCount('€'.repeat(80))).toBe(1);
    expect(smsPageCount('€'.repeat(81))).toBe(2);
  });
  it('never splits an escape pair across two parts', () => {
    // 152 septets then a 2-septet character: it moves to the second part.
    expect(smsPageCount(`${'a'.repeat(152)}€${'a'.repeat(152)}`)).toBe(3);
  });
  it('switches to UCS-2 (70 single / 67 per page) for any non-GSM character', () => {
    expect(smsEncodingOf('Grüezi ç')).toBe('ucs2');
    expect(smsPageCount(`ç${'a'.repeat(69)}`)).toBe(1);
    expect(smsPageCount(`ç${'a'.repeat(70)}`)).toBe(2);
    expect(smsPageCount(`ç${'a'.repeat(133)}`)).toBe(2);
    expect(smsPageCount(`ç${'a'.repeat(134)}`)).toBe(3);
  });
  it('counts an emoji as two UTF-16 units', () => {
    expect(smsPageCount('😀'.repeat(35))).toBe(1);
    expect(smsPageCount('😀'.repeat(36))).toBe(2);
  });
});
