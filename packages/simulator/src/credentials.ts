import { timingSafeEqual } from 'node:crypto';
import type { SimConfig } from './options.ts';

/** Checks AccountName / AccountPassword: unknown account 11300, wrong password 11001, else undefined. */
export function checkCredentials(
  config: SimConfig,
  name: string | undefined,
  password: string | undefined,
): 11300 | 11001 | undefined {
  const account = name === undefined ? undefined : config.accounts.get(name);
  if (account === undefined) return 11300;
  const given = Buffer.from(password ?? '', 'utf8');
  const expected = Buffer.from(account.password, 'utf8');
  // Constant-time, so the simulator does not teach clients a habit real services punish.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 11001;
  return undefined;
}
