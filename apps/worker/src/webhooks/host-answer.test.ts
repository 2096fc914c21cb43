import { describe, expect, it } from 'vitest';
import { parseFaultInfo, retryAfterMs, verdictFor } from './host-answer.ts';

describe('reading host answers', () => {
  it('treats 2xx as delivered', () => {
    for (const status of [200, 201, 202, 204, 299]) expect(verdictFor(status)).toBe('delivered');
  });

  it('resends after 5xx, 408 and 429', () => {
    for (const status of [500, 502, 503, 504, 408, 429]) expect(verdictFor(status)).toBe('retry');
  });

  it('does not resend after 400, other 4xx, or redirects', () => {
    for (const status of [400, 401, 403, 404, 406, 410, 413, 415, 422, 301, 302, 307]) {
      expect(verdictFor(status)).toBe('rejected');
    }
  });

  it('reads a JSON faultInfo, wrapped or bare', () => {
    expect(parseFaultInfo('{"faultInfo":{"errorCode":3001,"message":"order 42 is unknown"}}')).toEqual({
      errorCode: 3001,
      message: 'order 42 is unknown',
    });
    expect(parseFaultInfo('{"errorCode":"3000","message":"database down"}')).toEqual({
      errorCode: 3000,
      message: 'database down',
    });
  });

  it('reads an XML faultInfo without a namespace and unescapes its message', () => {
    const xml =
      '<?xml version="1.0"?><faultInfo><errorCode>3001</errorCode><message>a &lt; b &amp; c</message></faultInfo>';
    expect(parseFaultInfo(xml)).toEqual({ errorCode: 3001, message: 'a < b & c' });
  });

  it('finds no faultInfo in empty, unrelated or broken bodies', () => {
    for (const body of ['', '   ', 'Bad Request', '{"error":"x"}', '{broken', '[1,2]', '<html>400</html>']) {
      expect(parseFaultInfo(body)).toBeUndefined();
    }
  });

  it('cuts a long fault message to 500 characters', () => {
    const message = 'x'.repeat(2_000);
    expect(parseFaultInfo(JSON.stringify({ faultInfo: { message } }))?.message).toHaveLength(500);
  });

  it('reads Retry-After in seconds or as an HTTP date', () => {
    const now = Date.parse('2025-06-01T10:00:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Sun, 01 Jun 2025 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Sun, 01 Jun 2025 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
  });
});
