import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppEnv } from '../../deps.ts';
import { ApiError } from '../../errors.ts';
import { contentTypeOf } from './content-types.ts';
import { type DistFile, readDistFile } from './dist-files.ts';

/** Options of {@link uiRoutes}. */
export interface UiOptions {
  /** The dashboard's build output (`apps/dashboard/dist`). */
  readonly distDir: string;
}

/** The command that builds the dashboard, named when the build is missing. */
export const BUILD_UI_COMMAND = 'pnpm build:ui';

const IMMUTABLE = 'public, max-age=31536000, immutable';
// The SPA talks only to its own origin and runs no inline code; nothing may frame an admin console.
const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
} as const;

function send(c: Context<AppEnv>, path: string, file: DistFile, cacheControl: string): Response {
  const headers = {
    ...SECURITY_HEADERS,
    'Content-Type': contentTypeOf(path),
    'Cache-Control': cacheControl,
    ETag: file.etag,
  };
  if (c.req.header('if-none-match') === file.etag) return c.body(null, 304, headers);
  return c.body(file.body, 200, headers);
}

/**
 * Serves the built dashboard under `/ui`: files as they are, Vite's content-hashed `assets/` cached for a year,
 * and `index.html` (never cached) for every other path, so client routes like `/ui/messages/<id>` load the app.
 * No authentication here: the page holds no data, and every API call it makes is authenticated.
 *
 * @throws ApiError 503 naming the build command when the build is missing; 404 for a missing asset.
 */
export function uiRoutes(options: UiOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/ui', (c) => c.redirect('/ui/', 308));
  app.get('/ui/*', async (c) => {
    const relative = c.req.path.slice('/ui/'.length);
    if (relative.startsWith('assets/')) {
      const asset = await readDistFile(options.distDir, relative);
      // A stale page asking for an asset of an older build must not get HTML in place of its script.
      if (!asset) throw new ApiError(404, `No dashboard asset ${relative.slice(0, 200)}.`);
      return send(c, relative, asset, IMMUTABLE);
    }
    const file =
      relative && !relative.endsWith('/') ? await readDistFile(options.distDir, relative) : undefined;
    if (file) return send(c, relative, file, 'no-cache');
    const index = await readDistFile(options.distDir, 'index.html');
    if (!index) {
      throw new ApiError(
        503,
        `The dashboard is not built: run \`${BUILD_UI_COMMAND}\` in the repository (it writes apps/dashboard/dist), then reload.`,
      );
    }
    return send(c, 'index.html', index, 'no-cache');
  });
  return app;
}
