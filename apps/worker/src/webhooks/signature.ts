import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header that carries the signature of a webhook request. */
export const SIGNATURE_HEADER = 'X-Relay-Signature';

const SCHEME = 'v1';

function hmacHex(secret: string, timestampSec: number, rawBody: string | Uint8Array): string {
  return createHmac('sha256', secret).update(`${timestampSec}.`).update(rawBody).digest('hex');
}

/**
 * Signs a webhook body the way Stripe does: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`.
 * Covering the timestamp lets receivers refuse replays of an old, captured request.
 */
export function signWebhook(secret: string, rawBody: string | Uint8Array, timestampSec: number): string {
  return `t=${timestampSec},${SCHEME}=${hmacHex(secret, timestampSec, rawBody)}`;
}

/**
 * Checks an `X-Relay-Signature` header against the raw request body (the exact bytes received, before any
 * JSON parsing). True when one `v1` value matches and `t` lies within `toleranceSec` of `nowMs`; false for a
 * missing, malformed, stale or wrong signature. Several `v1` values are accepted, for secret rotation.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | null | undefined,
  rawBody: string | Uint8Array,
  toleranceSec = 300,
  nowMs: number = Date.now(),
): boolean {
  if (!header || !secret) return false;
  let timestamp: number | undefined;
  const candidates: string[] = [];
  for (const part of header.split(',').slice(0, 16)) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && value && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === SCHEME && value && /^[0-9a-f]{64}$/.test(value)) candidates.push(value);
  }
  if (timestamp === undefined || candidates.length === 0) return false;
  if (Math.abs(nowMs / 1000 - timestamp) > toleranceSec) return false;
  const expected = Buffer.from(hmacHex(secret, timestamp, rawBody), 'hex');
  // Constant-time comparison: a timing side channel would let an attacker guess the signature byte by byte.
  return candidates.some((candidate) => timingSafeEqual(Buffer.from(candidate, 'hex'), expected));
}
