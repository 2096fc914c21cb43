import pino, { type Logger, type LoggerOptions } from 'pino';

/**
 * Field names whose values are credentials, however a caller spelled them and wherever they sit in a log line:
 * the eCall account's password, API keys, the callback and webhook secrets, Authorization headers (matched on
 * the end of the name, case-insensitively: `accountPassword`, `ECALL_ACCOUNT_PASSWORD`, `x-api-key`).
 */
export const SECRET_FIELD = /(password|secret|authorization|api[-_]?keys?)$/i;

const CENSOR = '[redacted]';
/** How deep a log line is searched: deeper than any object the relay logs, bounded for a hostile one. */
const MAX_DEPTH = 8;

/**
 * `value` with every {@link SECRET_FIELD} replaced by `[redacted]`, at any depth (up to {@link MAX_DEPTH}, beyond
 * which nested objects are dropped rather than searched), in arrays and in errors too; an object met a second time
 * is written as `[Circular]`. Objects without secrets are
 * returned as they are; the others are copied, never changed in place, since they belong to the caller. An error
 * stays an error (same prototype, message and stack), so pino still serialises it as one.
 */
export function redactSecrets(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = redactSecrets(value[i], depth + 1, seen);
      if (item !== value[i]) {
        copy ??= value.slice();
        copy[i] = item;
      }
    }
    return copy ?? value;
  }
  if (!isPlain(value) && !(value instanceof Error)) return value;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(value)) {
    const field = (value as Record<string, unknown>)[key];
    const next =
      SECRET_FIELD.test(key) && field !== undefined ? CENSOR : redactSecrets(field, depth + 1, seen);
    if (next !== field) {
      copy ??= cloneShallow(value);
      copy[key] = next;
    }
  }
  return copy ?? value;
}

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function cloneShallow(value: object): Record<string, unknown> {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(value)), value) as Record<string, unknown>;
  if (value instanceof Error) {
    copy.message = value.message;
    copy.stack = value.stack;
  }
  return copy;
}

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
 * field ({@link SECRET_FIELD}) replaced in the line's fields and a child logger's bindings, at any depth, so that
 * a secret handed to a log call by mistake still never reaches the log. A secret inside a string (a message, a
 * URL) is not recognised: the relay never puts one there.
 */
export function createLogger(options: CreateLoggerOptions): Logger {
  const config: LoggerOptions = {
    name: options.name,
    level: options.level ?? 'info',
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      log: (object) => redactSecrets(object) as Record<string, unknown>,
    },
  };
  const logger = options.destination ? pino(config, options.destination) : pino(config);
  // pino gives child bindings no formatter of ours; a child is made from its parent, so every descendant
  // inherits this `child`.
  const child = logger.child;
  logger.child = function (this: Logger, bindings, childOptions) {
    return child.call(this, redactSecrets(bindings) as typeof bindings, childOptions);
  } as Logger['child'];
  return logger;
}
