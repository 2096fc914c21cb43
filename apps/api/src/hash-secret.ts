import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { hashSecret } from './auth/secret-hash.ts';

/**
 * Prints a `scrypt$N$r$p$salt$hash` line for a users file. The secret is read from stdin (not from the
 * command line, where it would land in shell history and `ps`); `--generate` makes a random one and prints
 * it first.
 *
 *   printf '%s' "$SECRET" | pnpm --filter @ecall-relay/api hash-secret
 *   pnpm --filter @ecall-relay/api hash-secret --generate
 */
async function main(): Promise<void> {
  let secret: string;
  if (process.argv.includes('--generate')) {
    secret = randomBytes(24).toString('base64url');
    process.stdout.write(`secret:     ${secret}\n`);
  } else {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    secret = Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '');
  }
  if (!secret) {
    process.stderr.write(
      'No secret on stdin. Usage: printf %s "$SECRET" | hash-secret  (or: hash-secret --generate)\n',
    );
    process.exit(2);
  }
  const hash = await hashSecret(secret);
  process.stdout.write(process.argv.includes('--generate') ? `secretHash: ${hash}\n` : `${hash}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
