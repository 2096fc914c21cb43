import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { callbackUrlLength, ECALL_NOTIFICATION_LIMIT } from '@ecall-relay/messages';
import { z } from '@hono/zod-openapi';
import { parseApiKeys } from './auth/api-keys.ts';
import type { UserDirectory } from './auth/user.ts';
import { createUserDirectory, type UserEntry } from './auth/user-directory.ts';
import { parseUsersFile } from './auth/users-file.ts';

/** Log levels pino knows. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
/** One of {@link LOG_LEVELS}. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The api's configuration, read from the environment by {@link loadApiConfig}. */
export interface ApiConfig {
  readonly port: number;
  readonly host: string;
  readonly redisUrl: string;
  /** Prefix of every Redis key: message store and BullMQ queue alike (the worker must use the same). */
  readonly keyPrefix: string;
  /** The users; secrets stay inside the directory, so logging the config cannot leak them. */
  readonly users: UserDirectory;
  readonly bodyLimitBytes: number;
  readonly retentionDays: number;
  readonly idempotencyTtlHours: number;
  readonly scheduleLeadMs: number;
  readonly logLevel: LogLevel;
  /** eCall callbacks: the api's public URL and the secret that signs callback URLs (shared with the worker). */
  readonly callbacks?: { readonly baseUrl: string; readonly secret: string };
  /** Where the dashboard's build is (served at /ui). */
  readonly uiDistDir: string;
  /** The worker sends to the eCall simulator: the dashboard says so. */
  readonly demo: boolean;
}

/** A configuration that cannot be used; the message lists every bad variable. */
/** The dashboard's build in this repository (apps/dashboard/dist). */
export const DEFAULT_UI_DIST_DIR = fileURLToPath(new URL('../../dashboard/dist', import.meta.url));

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const int = (min: number, max: number) =>
  z.coerce
    .number({ error: `an integer from ${min} to ${max}` })
    .int(`an integer from ${min} to ${max}`)
    .min(min, `at least ${min}`)
    .max(max, `at most ${max}`);

const envSchema = z.object({
  PORT: int(0, 65_535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  REDIS_URL: z
    .string()
    .refine((v) => /^rediss?:\/\/[^\s]+$/.test(v), 'a redis:// or rediss:// URL')
    .default('redis://127.0.0.1:6379'),
  KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, _ . - (1-64)')
    .default('ecall-relay'),
  RELAY_API_KEYS: z.string().optional(),
  RELAY_USERS_FILE: z.string().optional(),
  BODY_LIMIT_BYTES: int(1024, 1024 ** 3).default(80 * 1024 * 1024),
  RETENTION_DAYS: int(1, 3650).default(30),
  IDEMPOTENCY_TTL_HOURS: int(1, 24 * 365).default(24),
  SCHEDULE_LEAD_MS: int(0, 24 * 3600 * 1000).default(5 * 60 * 1000),
  PUBLIC_BASE_URL: z
    .string()
    .refine(
      (v) => /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(v),
      'an http(s) URL without query, e.g. https://relay.example.ch',
    )
    .optional(),
  CALLBACK_SECRET: z.string().min(16, 'at least 16 characters').optional(),
  UI_DIST_DIR: z.string().min(1).optional(),
  RELAY_DEMO: z.enum(['true', 'false', '1', '0']).optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `one of ${LOG_LEVELS.join(', ')}` }).default('info'),
});

function loadUsers(keys: string | undefined, file: string | undefined): UserEntry[] {
  if (keys && file) throw new Error('RELAY_API_KEYS and RELAY_USERS_FILE: set only one');
  if (keys) {
    try {
      return parseApiKeys(keys);
    } catch (error) {
      throw new Error(`RELAY_API_KEYS: ${(error as Error).message}`);
    }
  }
  if (!file)
    throw new Error('RELAY_API_KEYS or RELAY_USERS_FILE: one is required (users who may call the api)');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `RELAY_USERS_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  try {
    return parseUsersFile(text);
  } catch (error) {
    throw new Error(`RELAY_USERS_FILE ${file}: ${(error as Error).message}`);
  }
}

/**
 * Reads the api's configuration from `env` (empty values count as unset); the users file is read here too,
 * so that every configuration problem shows at start.
 *
 * @throws ConfigError listing each bad variable with what it must be (values holding secrets are never quoted).
 */
export function loadApiConfig(env: Readonly<Record<string, string | undefined>>): ApiConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const problems: string[] = [];
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.')}: ${issue.message}`);
  }
  let users: UserDirectory | undefined;
  try {
    users = createUserDirectory(loadUsers(present.RELAY_API_KEYS, present.RELAY_USERS_FILE));
  } catch (error) {
    problems.push((error as Error).message);
  }
  const base = parsed.success ? parsed.data.PUBLIC_BASE_URL : undefined;
  if (base && !present.CALLBACK_SECRET) {
    problems.push('CALLBACK_SECRET: required when PUBLIC_BASE_URL is set (the same value as the worker)');
  }
  if (base && callbackUrlLength(base) > ECALL_NOTIFICATION_LIMIT - 10) {
    problems.push(
      `PUBLIC_BASE_URL: too long, callback URLs (${callbackUrlLength(base)} characters) must leave room in eCall's ${ECALL_NOTIFICATION_LIMIT}-character notification field`,
    );
  }
  if (!parsed.success || !users || problems.length > 0) {
    throw new ConfigError(`Invalid api configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  const v = parsed.data;
  return {
    port: v.PORT,
    host: v.HOST,
    redisUrl: v.REDIS_URL,
    keyPrefix: v.KEY_PREFIX,
    users,
    bodyLimitBytes: v.BODY_LIMIT_BYTES,
    retentionDays: v.RETENTION_DAYS,
    idempotencyTtlHours: v.IDEMPOTENCY_TTL_HOURS,
    scheduleLeadMs: v.SCHEDULE_LEAD_MS,
    logLevel: v.LOG_LEVEL,
    uiDistDir: v.UI_DIST_DIR ?? DEFAULT_UI_DIST_DIR,
    demo: v.RELAY_DEMO === 'true' || v.RELAY_DEMO === '1',
    ...(v.PUBLIC_BASE_URL &&
      v.CALLBACK_SECRET && { callbacks: { baseUrl: v.PUBLIC_BASE_URL, secret: v.CALLBACK_SECRET } }),
  };
}
