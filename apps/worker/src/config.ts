import { callbackUrlLength, ECALL_NOTIFICATION_LIMIT } from '@ecall-relay/messages';
import { z } from 'zod';
import { parseSchedule } from './track/schedule.ts';

const csvNumbers = z
  .string()
  .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, 'a comma-separated list of numbers, e.g. 11403,11999')
  .transform((value) => value.split(',').map((part) => Number(part.trim())));

const ms = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** Environment variables of the worker, with their defaults. */
export const workerEnvSchema = z.object({
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  KEY_PREFIX: z
    .string()
    .regex(/^[\w.-]+$/)
    .default('ecall-relay'),
  ECALL_ENDPOINT: z.string().url().default('https://soap.ecall.ch/eCall.asmx'),
  ECALL_ACCOUNT_NAME: z.string().min(1),
  ECALL_ACCOUNT_PASSWORD: z.string().min(1),
  ECALL_SOAP_VERSION: z.enum(['1.1', '1.2']).default('1.2'),
  ECALL_TIMEOUT_MS: ms(15_000),
  ECALL_TRANSIENT_CODES: csvNumbers.optional(),
  /** Submissions in flight toward eCall at the same time (the worker holds a quarter more jobs). */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(20),
  /** At most this many eCall submissions per second across all workers (unset: no limit). */
  ECALL_RATE_LIMIT_PER_SECOND: z.coerce.number().int().positive().optional(),
  /** First delay of the durable exponential backoff (doubles per attempt, with jitter, up to RETRY_MAX_MS). */
  RETRY_BASE_MS: ms(1_000),
  RETRY_MAX_MS: ms(10 * 60_000),
  RETRY_DEADLINE_HOURS: z.coerce.number().positive().default(24),
  ACCOUNT_PROBE_INTERVAL_MS: ms(5 * 60_000),
  AMBIGUOUS_GRACE_MS: ms(2_000),
  RETENTION_DAYS: z.coerce.number().positive().default(30),
  /** How long a job stays locked by a worker that stopped answering before another takes it. */
  LOCK_DURATION_MS: ms(30_000),
  STALLED_INTERVAL_MS: ms(15_000),
  SHUTDOWN_TIMEOUT_MS: ms(30_000),
  /** Public base URL of the api, for eCall's notification callbacks (unset: tracking by polling only). */
  PUBLIC_BASE_URL: z.string().url().optional(),
  /** Secret for signing callback URLs; required with PUBLIC_BASE_URL, shared with the api. */
  CALLBACK_SECRET: z.string().min(16, 'at least 16 characters').optional(),
  /** Which eCall field carries the callback URL. */
  CALLBACK_FIELD: z.enum(['AlwaysNotification', 'Notification', 'none']).default('AlwaysNotification'),
  /** Gaps between GetStateBasic polls, the last repeating. */
  TRACK_SCHEDULE: z
    .string()
    .default('30s,1m,2m,5m,10m,30m,1h')
    .transform((text, ctx) => {
      try {
        return parseSchedule(text);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  TRACKING_WINDOW_HOURS: z.coerce.number().positive().default(72),
  /** GetStateBasic calls per second across all workers. */
  POLL_RATE_PER_SECOND: z.coerce.number().int().positive().default(20),
  TRACK_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(10),
  /** The host system's endpoint for result events (unset: only messages with their own callbackUrl get events). */
  HOST_WEBHOOK_URL: z.string().url().optional(),
  HOST_WEBHOOK_USERNAME: z.string().optional(),
  HOST_WEBHOOK_PASSWORD: z.string().optional(),
  /** HMAC-SHA256 key of X-Relay-Signature; without it a random key is used and hosts cannot verify. */
  HOST_WEBHOOK_SECRET: z.string().min(16, 'at least 16 characters').optional(),
  HOST_WEBHOOK_TIMEOUT_MS: ms(10_000),
  HOST_WEBHOOK_RETRY_HOURS: z.coerce.number().positive().default(24),
  /** Port of the worker's /metrics and /healthz endpoint (0: none). */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  METRICS_HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** The worker's configuration. */
export type WorkerConfig = z.infer<typeof workerEnvSchema>;

/**
 * Reads the worker's configuration from `env` (the only place that reads the environment).
 *
 * @throws Error listing every bad or missing variable, one per line.
 */
export function loadWorkerConfig(env: Record<string, string | undefined> = process.env): WorkerConfig {
  const parsed = workerEnvSchema
    .refine((c) => !c.PUBLIC_BASE_URL || c.CALLBACK_FIELD === 'none' || c.CALLBACK_SECRET, {
      path: ['CALLBACK_SECRET'],
      message: 'required when PUBLIC_BASE_URL is set (the same value as the api)',
    })
    .refine((c) => !c.PUBLIC_BASE_URL || callbackUrlLength(c.PUBLIC_BASE_URL) <= ECALL_NOTIFICATION_LIMIT, {
      path: ['PUBLIC_BASE_URL'],
      message: `too long: callback URLs must fit eCall's ${ECALL_NOTIFICATION_LIMIT} characters`,
    })
    .safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`invalid worker configuration:\n${lines.join('\n')}`);
}
