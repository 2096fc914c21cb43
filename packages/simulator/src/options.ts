import { normalizePhone } from './address.ts';
import type { Faults } from './faults.ts';

/** One eCall account the simulator knows. */
export interface SimAccount {
  readonly name: string;
  readonly password: string;
  /** Points available; sends that need more answer 11301. @defaultValue 1_000_000 */
  readonly points?: number;
}

/** Options of {@link startSimulator}. */
export interface SimulatorOptions {
  /** TCP port; 0 picks a free one. @defaultValue 4010 */
  port?: number;
  /** @defaultValue '127.0.0.1' */
  host?: string;
  /** @defaultValue [{ name: 'demo', password: 'demo', points: 1_000_000 }] */
  accounts?: readonly SimAccount[];
  /** Time between two SendStates of a recipient. @defaultValue 1000 */
  stepMs?: number;
  /** SMS long-message page limit; more pages answer 11204. @defaultValue 8 */
  maxPages?: number;
  /** Recipients per send (after address-book expansion); more answer 11104. @defaultValue 1000 */
  maxRecipients?: number;
  /** Address-book person/group name -> phone numbers. @defaultValue {} */
  addressBook?: Record<string, readonly string[]>;
  /** Recipients (normalised `0041...` form) matching this fail at their final state. @defaultValue /0{4}$/ */
  failAddresses?: RegExp;
  /** Faults active from the start (and after reset). @defaultValue no faults */
  faults?: Partial<Faults>;
  /** PRNG seed for the fault rates, for deterministic runs. @defaultValue a random seed */
  seed?: number;
  /** Receives one line per request and callback; never receives a password. @defaultValue no logging */
  logger?: (line: string) => void;
  /** GetStateBasic with ResponseCode != 0: JobResponse with default values, or no JobResponse. @defaultValue 'defaults' */
  emptyJobResponse?: 'defaults' | 'absent';
  /** How late a `slow` scripted fault answers (the job is stored first). @defaultValue 15_000 */
  slowMs?: number;
  /** Largest request body accepted; larger ones get HTTP 413. @defaultValue 80 MiB (10 attachments of 5 MB in base64) */
  maxBodyBytes?: number;
}

/** Options with every default applied and the address book normalised. */
export interface SimConfig {
  readonly port: number;
  readonly host: string;
  readonly accounts: ReadonlyMap<string, { readonly password: string; readonly points: number }>;
  readonly stepMs: number;
  readonly maxPages: number;
  readonly maxRecipients: number;
  readonly addressBook: ReadonlyMap<string, readonly string[]>;
  readonly failAddresses: RegExp;
  readonly faults: Partial<Faults>;
  readonly seed: number;
  readonly logger: (line: string) => void;
  readonly emptyJobResponse: 'defaults' | 'absent';
  readonly slowMs: number;
  readonly maxBodyBytes: number;
}

const positive = (name: string, value: number): number => {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a positive number`);
  return value;
};

/**
 * Applies defaults and checks the options.
 * @throws RangeError for a non-positive limit or an address-book entry that is not a phone number.
 */
export function resolveOptions(options: SimulatorOptions): SimConfig {
  const accounts = options.accounts ?? [{ name: 'demo', password: 'demo', points: 1_000_000 }];
  const addressBook = new Map<string, readonly string[]>();
  for (const [name, numbers] of Object.entries(options.addressBook ?? {})) {
    addressBook.set(
      name,
      numbers.map((number) => {
        const normalized = normalizePhone(number);
        if (normalized === undefined)
          throw new RangeError(`address book ${name}: not a phone number: ${number}`);
        return normalized;
      }),
    );
  }
  const fail = options.failAddresses ?? /0{4}$/;
  return {
    port: options.port ?? 4010,
    host: options.host ?? '127.0.0.1',
    accounts: new Map(accounts.map((a) => [a.name, { password: a.password, points: a.points ?? 1_000_000 }])),
    stepMs: positive('stepMs', options.stepMs ?? 1000),
    maxPages: positive('maxPages', options.maxPages ?? 8),
    maxRecipients: positive('maxRecipients', options.maxRecipients ?? 1000),
    addressBook,
    // A global or sticky RegExp keeps state between test() calls; a fresh copy without those flags does not.
    failAddresses: new RegExp(fail.source, fail.flags.replace(/[gy]/g, '')),
    faults: options.faults ?? {},
    seed: options.seed ?? Math.floor(Math.random() * 2 ** 32),
    logger: options.logger ?? (() => {}),
    emptyJobResponse: options.emptyJobResponse ?? 'defaults',
    slowMs: options.slowMs ?? 15_000,
    maxBodyBytes: options.maxBodyBytes ?? 80 * 1024 * 1024,
  };
}
