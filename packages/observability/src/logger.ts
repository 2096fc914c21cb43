import pino, { type Logger, type LoggerOptions } from 'pino';

/**
 * Paths pino replaces with `[redacted]` wherever they appear in a log line: credentials of the eCall account,
 * API users and the host webhook, however a caller happened to name them.
 */
export const REDACT_PATHS = [
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'req.headers.authorization',
  'password',
  '*.password',
  'accountPassword',
  '*.accountPassword',
  'AccountPassword',
  '*.AccountPassword',
  'secret',
  '*.secret',
  'ECALL_ACCOUNT_PASSWORD',
  '*.ECALL_ACCOUNT_PASSWORD',
  'CALLBACK_SECRET',
  '*.CALLBACK_SECRET',
  'HOST_WEBHOOK_PASSWORD',
  '*.HOST_WEBHOOK_PASSWORD',
  'HOST_WEBHOOK_SECRET',
  '*.HOST_WEBHOOK_SECRET',
  'RELAY_API_KEYS',
  '*.RELAY_API_KEYS',
];

/** Options of {@link createLogger}. */
export interface CreateLoggerOptions {
  /** The process ('api', 'worker', 'relay'), in every line as `name`. */
  readonly name: string;
  /** @defaultValue 'info' */
  readonly level?: string;
  /** Where lines go. @defaultValue stdout */
  readonly destination?: pino.DestinationStream;
}

/**
 * A JSON logger (pino): one object per line with `time` as ISO 8601, `level` as a word, and every credential
 * path in {@link REDACT_PATHS} replaced, so that a secret that reaches a log call still never reaches the log.
 */
export function createLogger(options: CreateLoggerOptions): Logger {
  const config: LoggerOptions = {
    name: options.name,
    level: options.level ?? 'info',
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  };
  return options.destination ? pino(config, options.destination) : pino(config);
}
