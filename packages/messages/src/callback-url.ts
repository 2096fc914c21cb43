import { createHmac, timingSafeEqual } from 'node:crypto';

const SIGNATURE_LENGTH = 16;
const PATH = '/v1/callbacks/ecall';

/** eCall's limit for Notification / AlwaysNotification. */
export const ECALL_NOTIFICATION_LIMIT = 100;

function signatureOf(secret: string, id: string): string {
  return createHmac('sha256', secret)
    .update(`ecall-callback:${id}`)
    .digest('base64url')
    .slice(0, SIGNATURE_LENGTH);
}

/**
 * The per-message URL eCall calls back: `{baseUrl}/v1/callbacks/ecall/{id}/{sig}`, where `sig` is an HMAC of the
 * id under a server secret, so that a URL can be neither forged nor reused for another message.
 */
export function callbackUrlFor(baseUrl: string, secret: string, id: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${PATH}/${id}/${signatureOf(secret, id)}`;
}

/** True when `sig` is the signature of `id` under `secret` (constant-time). */
export function verifyCallbackSignature(secret: string, id: string, sig: string): boolean {
  const expected = Buffer.from(signatureOf(secret, id));
  const given = Buffer.from(sig);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** How many characters a callback URL under `baseUrl` takes (ids are 26 characters). */
export function callbackUrlLength(baseUrl: string): number {
  return callbackUrlFor(baseUrl, 'x', '0'.repeat(26)).length;
}
