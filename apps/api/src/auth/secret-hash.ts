import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt cost parameters of new hashes (OWASP's minimum for scrypt: N=2^17 is stronger but slower). */
export const SCRYPT_DEFAULTS = { N: 16_384, r: 8, p: 1, keyLength: 32, saltLength: 16 } as const;

/** The parts of a `scrypt$N$r$p$salt$hash` string. */
export interface ParsedHash {
  readonly N: number;
  readonly r: number;
  readonly p: number;
  readonly salt: Buffer;
  readonly hash: Buffer;
}

function derive(secret: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function scryptOptions(N: number, r: number, p: number): ScryptOptions {
  // Node's default maxmem (32 MiB) refuses N=32768, r=8; allow what the parameters need.
  return { N, r, p, maxmem: 256 * N * r + 1024 * 1024 };
}

/** Parses `scrypt$N$r$p$salt$hash` (salt and hash in base64); undefined when malformed. */
export function parseSecretHash(value: string): ParsedHash | undefined {
  const parts = value.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const [salt, hash] = parts.slice(4).map((part) => Buffer.from(part, 'base64')) as [Buffer, Buffer];
  const powerOfTwo = Number.isInteger(N) && N > 1 && (N & (N - 1)) === 0;
  const sane = powerOfTwo && N <= 2 ** 20 && Number.isInteger(r) && r >= 1 && r <= 32;
  if (!sane || !Number.isInteger(p) || p < 1 || p > 16 || salt.length < 8 || hash.length < 16)
    return undefined;
  return { N, r, p, salt, hash };
}

/** Hashes a secret for a users file: `scrypt$N$r$p$salt$hash`. */
export async function hashSecret(secret: string): Promise<string> {
  const { N, r, p, keyLength, saltLength } = SCRYPT_DEFAULTS;
  const salt = randomBytes(saltLength);
  const hash = await derive(secret, salt, keyLength, scryptOptions(N, r, p));
  return ['scrypt', N, r, p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** Checks a secret against a parsed hash in constant time. */
export async function verifySecretHash(secret: string, parsed: ParsedHash): Promise<boolean> {
  const key = await derive(
    secret,
    parsed.salt,
    parsed.hash.length,
    scryptOptions(parsed.N, parsed.r, parsed.p),
  );
  return timingSafeEqual(key, parsed.hash);
}
