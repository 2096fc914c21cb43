/** One webhook request. */
export interface PostRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly timeoutMs: number;
}

/** What came back: a status with the start of the body, or an error when no answer arrived in time. */
export type PostResult =
  | { readonly kind: 'answer'; readonly status: number; readonly body: string; readonly headers: Headers }
  | { readonly kind: 'error'; readonly error: string };

/** Error bodies are read only this far: enough for a faultInfo, not enough for a hostile host to hurt us. */
const BODY_LIMIT = 16 * 1024;

/**
 * POSTs a webhook with `fetch`, the whole exchange (headers and body) bounded by `timeoutMs`. Redirects are not
 * followed: a 3xx is an answer like any other, and credentials never travel to a host nobody configured.
 * Never throws; errors carry no header values, so credentials cannot leak through them.
 */
export async function postWebhook(request: PostRequest): Promise<PostResult> {
  const signal = AbortSignal.timeout(request.timeoutMs);
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal,
    });
    const body = await readCapped(response, BODY_LIMIT);
    return { kind: 'answer', status: response.status, body, headers: response.headers };
  } catch (error) {
    return { kind: 'error', error: describe(error, request.timeoutMs) };
  }
}

async function readCapped(response: Response, limit: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Bounded by `limit` bytes: the loop ends at the end of the body or once enough was read.
  while (size < limit) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  if (size >= limit) await reader.cancel().catch(() => undefined);
  return Buffer.concat(chunks).subarray(0, limit).toString('utf8');
}

function describe(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `timeout: no complete answer within ${timeoutMs} ms`;
  }
  const cause =
    error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (cause && typeof cause.message === 'string' && cause.message)
    return `connection error: ${cause.message}`;
  if (cause && typeof cause.code === 'string') return `connection error: ${cause.code}`;
  return `request failed: ${error instanceof Error ? error.message : String(error)}`;
}
