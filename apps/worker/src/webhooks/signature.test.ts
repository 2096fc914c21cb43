import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './signature.ts';

const SECRET = 'whsec-unit';
const BODY = '{"id":"01J:1","type":"message.accepted","seq":1}';
const NOW = 1_750_000_000_000;
const T = NOW / 1000;

describe('webhook signature', () => {
  it('matches the documented scheme: hex HMAC-SHA256 over "<t>.<raw body>"', async () => {
    const { createHmac } = await import('node:crypto');
    const expected = createHmac('sha256', SECRET).update(`${T}.${BODY}`).digest('hex');
    expect(signWebhook(SECRET, BODY, T)).toBe(`t=${T},v1=${expected}`);
  });

  it('verifies its own signature, for string and byte bodies', () => {
    const header = signWebhook(SECRET, BODY, T);
    expect(verifyWebhookSignature(SECRET, header, BODY, 300, NOW)).toBe(true);
    expect(verifyWebhookSignature(SECRET, header, Buffer.from(BODY), 300, NOW)).toBe(true);
  });

  it('refuses a tampered body, a wrong secret and a changed timestamp', () => {
    const header = signWebhook(SECRET, BODY, T);
    expect(verifyWebhookSignature(SECRET, header, BODY.replace('1}', '2}'), 300, NOW)).toBe(false);
    expect(verifyWebhookSignature('other', header, BODY, 300, NOW)).toBe(false);
    expect(verifyWebhookSignature(SECRET, header.replace(`t=${T}`, `t=${T + 1}`), BODY, 300, NOW)).toBe(
      false,
    );
  });

  it('refuses a signature older or newer than the tolerance', () => {
    const header = signWebhook(SECRET, BODY, T);
    expect(verifyWebhookSignature(SECRET, header, BODY, 300, NOW + 300_000)).toBe(true);
    expect(verifyWebhookSignature(SECRET, header, BODY, 300, NOW + 301_000)).toBe(false);
    expect(verifyWebhookSignature(SECRET, header, BODY, 300, NOW - 301_000)).toBe(false);
  });

  it('accepts any of several v1 values, for secret rotation', () => {
    const current = signWebhook(SECRET, BODY, T);
    const old = signWebhook('old-secret', BODY, T).split(',')[1];
    expect(
      verifyWebhookSignature(
        SECRET,
        `${current.split(',')[0]},${old},${current.split(',')[1]}`,
        BODY,
        300,
        NOW,
      ),
    ).toBe(true);
  });

  it('refuses missing and malformed headers and an empty secret', () => {
    const header = signWebhook(SECRET, BODY, T);
    for (const bad of [undefined, null, '', 'garbage', `t=${T}`, 'v1=abc', `t=x,${header.split(',')[1]}`]) {
      expect(verifyWebhookSignature(SECRET, bad, BODY, 300, NOW)).toBe(false);
    }
    expect(verifyWebhookSignature('', header, BODY, 300, NOW)).toBe(false);
  });
});
