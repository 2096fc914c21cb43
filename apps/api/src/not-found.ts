import type { Hono, NotFoundHandler } from 'hono';
import type { AppEnv } from './deps.ts';
import { renderError } from './error-handler.ts';
import { ApiError } from './errors.ts';

function pattern(routePath: string): RegExp {
  const source = routePath
    .split('/')
    .map((part) =>
      part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${source}$`);
}

/**
 * 404 for unknown paths and 405 (with `Allow`) for a known path asked with another method; hono itself only
 * knows 404.
 */
export function notFoundHandler(app: Hono<AppEnv>): NotFoundHandler<AppEnv> {
  return (c) => {
    const methods = new Set<string>();
    for (const route of app.routes) {
      if (route.method !== 'ALL' && pattern(route.path).test(c.req.path)) methods.add(route.method);
    }
    if (methods.size > 0) {
      if (methods.has('GET')) methods.add('HEAD');
      const allow = [...methods].join(', ');
      return renderError(
        c,
        new ApiError(405, `Method ${c.req.method} is not allowed here (allowed: ${allow}).`, {
          headers: { Allow: allow },
        }),
      );
    }
    return renderError(c, new ApiError(404, `No route ${c.req.method} ${c.req.path.slice(0, 200)}.`));
  };
}
