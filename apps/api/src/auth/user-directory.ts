import { hash, randomBytes, timingSafeEqual } from 'node:crypto';
import { parseAuthorization } from './credentials.ts';
import { hashSecret, type ParsedHash, parseSecretHash, verifySecretHash } from './secret-hash.ts';
import { type Role, USER_NAME_PATTERN, type User, type UserDirectory } from './user.ts';

/** A configured user: a plain secret (RELAY_API_KEYS) or a scrypt hash (RELAY_USERS_FILE). */
export type UserEntry =
  | { readonly name: string; readonly roles: readonly Role[]; readonly secret: string }
  | { readonly name: string; readonly roles: readonly Role[]; readonly secretHash: string };

type Check = (secret: string) => Promise<boolean>;

interface Known {
  readonly user: User;
  readonly check: Check;
  readonly hashed: boolean;
}

const CACHE_LIMIT = 1_000;

// One-shot hashing: no Hash object per request (this runs for every authenticated request).
const digest = (value: string): Buffer => hash('sha256', value, 'buffer');

function plainCheck(expected: string): Check {
  const want = digest(expected);
  // Comparing digests keeps the comparison constant-time even when the lengths differ.
  return async (secret) => timingSafeEqual(digest(secret), want);
}

function hashedCheck(parsed: ParsedHash): Check {
  return (secret) => verifySecretHash(secret, parsed);
}

/**
 * Builds the directory that authenticates `Authorization: Bearer <secret>` and `Basic name:secret`.
 * Comparisons are constant-time; successful scrypt verifications are remembered by a digest of the presented
 * credentials so a hashed users file does not cost one scrypt per request.
 *
 * @throws Error naming the entry (never its secret) when a name is invalid or repeated, a hash is malformed,
 * or two users share a secret (a Bearer token must identify one user).
 */
export function createUserDirectory(entries: readonly UserEntry[]): UserDirectory {
  const known = new Map<string, Known>();
  const plainSecrets = new Set<string>();
  for (const [index, entry] of entries.entries()) {
    const where = `user ${index + 1}`;
    if (!USER_NAME_PATTERN.test(entry.name))
      throw new Error(`${where}: invalid name (use A-Z a-z 0-9 _ . @ -)`);
    if (known.has(entry.name)) throw new Error(`${where}: the name ${entry.name} is used twice`);
    if (entry.roles.length === 0) throw new Error(`${where} (${entry.name}): no roles`);
    let check: Check;
    const hashed = !('secret' in entry);
    if ('secret' in entry) {
      if (!entry.secret) throw new Error(`${where} (${entry.name}): empty secret`);
      if (plainSecrets.has(entry.secret))
        throw new Error(`${where} (${entry.name}): secret shared with another user`);
      plainSecrets.add(entry.secret);
      check = plainCheck(entry.secret);
    } else {
      const parsed = parseSecretHash(entry.secretHash);
      if (!parsed) throw new Error(`${where} (${entry.name}): secretHash is not scrypt$N$r$p$salt$hash`);
      check = hashedCheck(parsed);
    }
    known.set(entry.name, { user: { name: entry.name, roles: [...entry.roles] }, check, hashed });
  }
  return new CachedDirectory(known);
}

class CachedDirectory implements UserDirectory {
  readonly #known: ReadonlyMap<string, Known>;
  readonly #verified = new Map<string, User>();
  #decoy: Promise<Check> | undefined;

  constructor(known: ReadonlyMap<string, Known>) {
    this.#known = known;
  }

  get size(): number {
    return this.#known.size;
  }

  async authenticate(header: string | undefined): Promise<User | undefined> {
    const credentials = parseAuthorization(header);
    if (!credentials) return undefined;
    const name = credentials.scheme === 'basic' ? credentials.name : '';
    const cacheKey = hash('sha256', `${credentials.scheme}\0${name}\0${credentials.secret}`, 'base64');
    const cached = this.#verified.get(cacheKey);
    if (cached) return cached;
    const user =
      credentials.scheme === 'basic'
        ? await this.#basic(credentials.name, credentials.secret)
        : await this.#bearer(credentials.secret);
    if (user) this.#remember(cacheKey, user);
    return user;
  }

  async #basic(name: string, secret: string): Promise<User | undefined> {
    const entry = this.#known.get(name);
    // An unknown name still pays for one check, so response times do not reveal which names exist.
    const ok = await (entry ? entry.check(secret) : (await this.#decoyCheck())(secret));
    return entry && ok ? entry.user : undefined;
  }

  async #bearer(secret: string): Promise<User | undefined> {
    // Every entry is checked (no early exit) so the time taken does not depend on which one matches.
    const results = await Promise.all(
      [...this.#known.values()].map(async (k) => ((await k.check(secret)) ? k : undefined)),
    );
    return results.find((k) => k !== undefined)?.user;
  }

  #decoyCheck(): Promise<Check> {
    const anyHashed = [...this.#known.values()].some((k) => k.hashed);
    this.#decoy ??= anyHashed
      ? hashSecret(randomBytes(16).toString('hex')).then((h) => hashedCheck(parseSecretHash(h) as ParsedHash))
      : Promise.resolve(plainCheck(randomBytes(16).toString('hex')));
    return this.#decoy;
  }

  #remember(key: string, user: User): void {
    if (this.#verified.size >= CACHE_LIMIT) {
      const oldest = this.#verified.keys().next();
      if (!oldest.done) this.#verified.delete(oldest.value);
    }
    this.#verified.set(key, user);
  }
}
