import type { EcallLogger } from '../options.ts';

/** One recorded log call. */
export interface LogLine {
  level: 'debug' | 'info' | 'warn';
  obj: Record<string, unknown>;
  msg: string;
}

/** A logger that keeps every line, for asserting what is (and is not) logged. */
export function recordingLogger(): EcallLogger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  return {
    lines,
    debug: (obj, msg) => lines.push({ level: 'debug', obj, msg }),
    info: (obj, msg) => lines.push({ level: 'info', obj, msg }),
    warn: (obj, msg) => lines.push({ level: 'warn', obj, msg }),
  };
}
