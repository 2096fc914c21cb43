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

  it('decodes escapes between runs of plain text, at either end and after a stray %', () => {
    expect(decodeFormValue('%41bc+d%2Ee%3A')).toBe('Abc d.e:');
    expect(decodeFormValue('%%41%4')).toBe('%A%4');
    expect(decodeFormValue('Z\u00fcrich+%E2%82%AC+\u{1F692}')).toBe('Z\u00fcrich \u20ac \u{1F692}');
  });

  it('gives the same bytes as decoding one character at a time, for any mix of escapes and text', () => {
    // The character-by-character decoder this one replaced, kept as the reference (BMP text only).
    const reference = (value: string): string => {
      const bytes: number[] = [];
      const text = value.replace(/\+/g, ' ');
      for (let i = 0; i < text.length; i++) {
        const hex = text.slice(i + 1, i + 3);
        if (text[i] === '%' && /^[0-9a-fA-F]{2}$/.test(hex)) {
          bytes.push(Number.parseInt(hex, 16));
          i += 2;
        } else bytes.push(...Buffer.from(text[i] as string, 'utf8'));
      }
      return Buffer.from(bytes).toString('latin1');
    };
    const alphabet = ['a', 'Z', '0', '9', 'F', 'g', '%', '+', ' ', '.', '\u00fc', '\u20ac'];
    let seed = 7;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed;
    };
    for (let n = 0; n < 2_000; n++) {
      const value = Array.from({ length: next() % 12 }, () => alphabet[next() % alphabet.length]).join('');
      const expected = reference(value);
      const actual = decodeFormValue(value);
      // Same bytes in, same decoding out: compare through the decoder's own choice of character set.
      expect(actual, JSON.stringify(value)).toBe(decodeFormValue(escapeBytes(expected)));
    }
  });
});

/** Percent-escapes every byte of a latin1-held byte string, so that decodeFormValue sees exactly those bytes. */
function escapeBytes(bytes: string): string {
  return Array.from(bytes, (char) => `%${char.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');
}
