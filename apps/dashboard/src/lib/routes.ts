/** The dashboard's pages, by path below its base (`/ui/`). */
export type Route =
  | { readonly page: 'messages' }
  | { readonly page: 'message'; readonly id: string }
  | { readonly page: 'health' }
  | { readonly page: 'not-found' };

const MESSAGE_PATH = /^messages\/([0-9A-Za-z_-]{1,50})\/?$/;

/** The page for a path below the base, e.g. `messages/01K...` (no leading slash). */
export function routeOf(path: string): Route {
  const clean = path.replace(/^\/+/, '');
  if (clean === '' || clean === 'messages' || clean === 'messages/') return { page: 'messages' };
  if (clean === 'health' || clean === 'health/') return { page: 'health' };
  const match = MESSAGE_PATH.exec(clean);
  return match?.[1] ? { page: 'message', id: match[1] } : { page: 'not-found' };
}

/** The path below the base of a message's page. */
export function messagePath(id: string): string {
  return `messages/${encodeURIComponent(id)}`;
}
