/** Connection-level error codes of Node sockets. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** Messages of ioredis (and BullMQ on top of it) when the server cannot be reached or did not answer. */
const UNREACHABLE = [
  /enableOfflineQueue/,
  /Connection is closed/i,
  /Command timed out/i,
  /max retries per request/i,
  /Stream isn't writeable/i,
];

/** Redis replies that mean "temporarily unable", not "your command is wrong". */
const TEMPORARY_REPLY = /^(LOADING|BUSY|MASTERDOWN|TRYAGAIN|CLUSTERDOWN|OOM|MISCONF|READONLY|NOREPLICAS)\b/;

/** Tells whether an error means Redis is unreachable or temporarily unable (a 503), not a bug (a 500). */
export function isRedisUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && SOCKET_CODES.has(code)) return true;
  if (error.name === 'MaxRetriesPerRequestError') return true;
  if (error.name === 'ReplyError') return TEMPORARY_REPLY.test(error.message);
  return UNREACHABLE.some((pattern) => pattern.test(error.message));
}
