/**
 * What an HTTP status from the host means for the event: `delivered`, `rejected` (resending the same body
 * cannot help), or `retry` (resending later may succeed).
 */
export type AnswerVerdict = 'delivered' | 'rejected' | 'retry';

/** Statuses below 500 that still mean "try again later". */
const RETRYABLE_4XX: readonly number[] = [408, 429];

/**
 * Reads a host's status like SPEC section 5: 2xx done; 5xx, 408 and 429 resend later; 400 and every other
 * status (other 4xx such as 401, 403, 404, 410, 413, and 1xx/3xx because redirects are not followed) are
 * answers that resending the same request would get again, so they are recorded and not resent.
 */
export function verdictFor(status: number): AnswerVerdict {
  if (status >= 200 && status < 300) return 'delivered';
  if (status >= 500 || RETRYABLE_4XX.includes(status)) return 'retry';
  return 'rejected';
}

/** The host's `faultInfo` element (SPEC section 5), as far as it could be read. */
export interface FaultInfo {
  readonly errorCode?: number;
  readonly message?: string;
}

const MAX_FAULT_MESSAGE = 500;

/**
 * Extracts `faultInfo` from an error body: JSON `{"faultInfo": {"errorCode", "message"}}` (or the bare inner
 * object) or XML `<faultInfo><errorCode/><message/></faultInfo>`, without a namespace as the seed requires.
 * Undefined when the body carries neither; the message is cut to 500 characters.
 */
export function parseFaultInfo(body: string): FaultInfo | undefined {
  const text = body.trim();
  if (!text) return undefined;
  if (text.startsWith('{')) {
    try {
      const parsed = JSON.parse(text) as unknown;
      return faultFrom(isObject(parsed) && isObject(parsed.faultInfo) ? parsed.faultInfo : parsed);
    } catch {
      return undefined;
    }
  }
  const xml = /<faultInfo[\s>][\s\S]*?<\/faultInfo>/.exec(text)?.[0];
  if (!xml) return undefined;
  const code = /<errorCode>\s*(-?\d+)\s*<\/errorCode>/.exec(xml)?.[1];
  const message = /<message>([\s\S]*?)<\/message>/.exec(xml)?.[1];
  return faultFrom({
    errorCode: code === undefined ? undefined : Number(code),
    message: unescapeXml(message),
  });
}

function faultFrom(value: unknown): FaultInfo | undefined {
  if (!isObject(value)) return undefined;
  const code = typeof value.errorCode === 'string' ? Number(value.errorCode) : value.errorCode;
  const message = typeof value.message === 'string' ? value.message.slice(0, MAX_FAULT_MESSAGE) : undefined;
  const fault = {
    ...(typeof code === 'number' && Number.isFinite(code) && { errorCode: code }),
    ...(message && { message }),
  };
  return Object.keys(fault).length ? fault : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unescapeXml(value: string | undefined): string | undefined {
  return value
    ?.replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** A `Retry-After` header (seconds or an HTTP date) as milliseconds from `nowMs`; undefined when absent or bad. */
export function retryAfterMs(value: string | null, nowMs: number): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
