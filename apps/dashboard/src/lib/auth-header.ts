/** What the sign-in form collects. */
export interface SignIn {
  /** The api user's name; empty for an API key. */
  readonly name: string;
  /** The user's password, or the API key when `name` is empty. */
  readonly secret: string;
}

function base64Utf8(text: string): string {
  // btoa takes Latin-1 only; the api decodes Basic credentials as UTF-8, so encode the bytes first.
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * The Authorization header for a sign-in: HTTP Basic with a name, Bearer for a bare API key — the same
 * credentials the JSON API takes, so the dashboard has no login of its own.
 *
 * @throws Error when the secret is empty or the name contains a colon (Basic cannot carry it).
 */
export function authorizationFor(signIn: SignIn): string {
  const name = signIn.name.trim();
  if (!signIn.secret) throw new Error('Enter a password or API key.');
  if (!name) return `Bearer ${signIn.secret}`;
  if (name.includes(':')) throw new Error('A user name cannot contain a colon.');
  return `Basic ${base64Utf8(`${name}:${signIn.secret}`)}`;
}
