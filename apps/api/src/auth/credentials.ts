/** Credentials presented in an Authorization header. */
export type Credentials =
  | { readonly scheme: 'bearer'; readonly secret: string }
  | { readonly scheme: 'basic'; readonly name: string; readonly secret: string };

const MAX_HEADER_LENGTH = 4096;

/** Reads `Bearer <secret>` or `Basic base64(name:secret)`; undefined for anything else. */
export function parseAuthorization(header: string | undefined): Credentials | undefined {
  if (!header || header.length > MAX_HEADER_LENGTH) return undefined;
  const match = /^(\S+)\s+(\S+)\s*$/.exec(header.trim());
  if (!match) return undefined;
  const scheme = (match[1] ?? '').toLowerCase();
  const value = match[2] ?? '';
  if (scheme === 'bearer') return { scheme: 'bearer', secret: value };
  if (scheme !== 'basic' || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return undefined;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  const secret = decoded.slice(colon + 1);
  return secret ? { scheme: 'basic', name: decoded.slice(0, colon), secret } : undefined;
}
