import { pino } from 'pino';
import type { LogLevel } from './config.ts';
import type { Logger } from './deps.ts';

/** Paths pino blanks out should anything ever log a request or a header bag. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'request.headers.authorization',
  'headers.authorization',
  'authorization',
  '*.password',
  'password',
];

/** The production logger: JSON lines on stdout, with Authorization headers and passwords redacted. */
export function createApiLogger(level: LogLevel): Logger {
  return pino({ level, name: 'ecall-relay-api', redact: { paths: REDACTED_PATHS, censor: '[redacted]' } });
}
