/** One structured log method, pino-compatible: `(fields, message)`. */
export type LogFn = (obj: Record<string, unknown>, msg: string) => void;

/** The slice of a pino logger the worker writes to. */
export interface Logger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
}

/** A logger that drops everything (tests, embedding). */
export const silentLogger: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
