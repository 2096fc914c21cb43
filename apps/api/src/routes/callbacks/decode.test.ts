import { describe, expect, it } from 'vitest';
import { decodeForm, decodeFormValue } from './decode.ts';

describe('callback parameter decoding', () => {
  it('reads the documented form: + for spaces, percent-encoded dots and colons', () => {
    expect(
      decodeForm('Function=Notification&ResultText=Message+delivered&TimeStamp=23%2E11%2E2026+10%3A15%3A00'),
    ).toEqual({
      Function: 'Notification',
      ResultText: 'Message delivered',
      TimeStamp: '23.11.2026 10:15:00',
    });
  });

  it('reads Windows-1252 percent-encoding (eCall replies)', () => {
    expect(decodeFormValue('Gr%FC%DFe+aus+Z%FCrich+%80')).toBe('Grüße aus Zürich €');
    expect(decodeFormValue('R%E9ponse+re%E7ue')).toBe('Réponse reçue');
  });

  it('reads UTF-8 percent-encoding', () => {
    expect(decodeFormValue('Gr%C3%BC%C3%9Fe+%E2%82%AC+%F0%9F%9A%92')).toBe('Grüße € 🚒');
  });

  it('keeps malformed escapes and ignores nameless pairs', () => {
    expect(decodeForm('a=100%&=x&&b=%zz')).toEqual({ a: '100%', b: '%zz' });
  });
});
