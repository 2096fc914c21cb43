/** Where one webhook request goes, with the credentials kept apart from anything that gets recorded. */
export interface WebhookTarget {
  /** The URL to call, without user info (fetch refuses URLs that carry credentials). */
  readonly url: string;
  /** The URL as the attempt log shows it: no credentials, query string or fragment (they may hold tokens). */
  readonly shownUrl: string;
  /** `Basic ...` when credentials were configured or embedded in the URL. */
  readonly authorization?: string;
}

/** HTTP Basic credentials of an endpoint. */
export interface BasicCredentials {
  readonly username?: string | undefined;
  readonly password?: string | undefined;
}

/**
 * Reads an endpoint URL. Credentials come from `credentials` when given, else from the URL's user info;
 * either way they end up only in the Authorization header. Undefined when the URL is not absolute http(s).
 */
export function resolveTarget(raw: string, credentials: BasicCredentials = {}): WebhookTarget | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const explicit = Boolean(credentials.username || credentials.password);
  const username = explicit ? (credentials.username ?? '') : safeDecode(url.username);
  const password = explicit ? (credentials.password ?? '') : safeDecode(url.password);
  url.username = '';
  url.password = '';
  const shown = new URL(url.href);
  shown.search = '';
  shown.hash = '';
  const target = { url: url.href, shownUrl: shown.href };
  if (!username && !password) return target;
  const token = Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
  return { ...target, authorization: `Basic ${token}` };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The URL of a destination for the attempt log when it could not be read: never echo what might be secret. */
export const UNUSABLE_URL = '(unusable URL)';
