import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FaultBody } from '../../errors.ts';
import { createHarness } from '../../testing/harness.ts';
import { uiRoutes } from './index.ts';

const INDEX =
  '<!doctype html><title>ecall-relay</title><script type="module" src="/ui/assets/app-Ab12.js"></script>';

describe('uiRoutes', () => {
  const root = mkdtempSync(join(tmpdir(), 'ui-routes-'));
  const dist = join(root, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), INDEX);
  writeFileSync(join(dist, 'assets', 'app-Ab12.js'), 'console.log(1)');
  writeFileSync(join(dist, 'assets', 'app-Cd34.css'), 'body{}');
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(root, 'secret.txt'), 'not for the web');
  const h = createHarness();
  h.app.route('/', uiRoutes({ distDir: dist }));
  const missing = createHarness();
  missing.app.route('/', uiRoutes({ distDir: join(root, 'nowhere') }));
  afterAll(async () => {
    await Promise.all([h.close(), missing.close()]);
    rmSync(root, { recursive: true, force: true });
  });
  const get = (path: string, headers: Record<string, string> = {}) => h.app.request(path, { headers });

  it('redirects /ui to /ui/ and answers the app shell there, never cached, with a strict CSP', async () => {
    const redirect = await get('/ui');
    expect(redirect.status).toBe(308);
    expect(redirect.headers.get('location')).toBe('/ui/');
    const res = await get('/ui/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe(INDEX);
  });

  it.each(['/ui/messages/01KAQ3R5Z8N6Y2W4T7V9X1B3C5', '/ui/health', '/ui/messages/'])(
    'answers index.html for the client route %s',
    async (path) => {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(INDEX);
    },
  );

  it('serves hashed assets with their content type and a year of immutable caching', async () => {
    const js = await get('/ui/assets/app-Ab12.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await js.text()).toBe('console.log(1)');
    expect((await get('/ui/assets/app-Cd34.css')).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
    const icon = await get('/ui/favicon.svg');
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers 404 for a missing asset instead of the app shell', async () => {
    const res = await get('/ui/assets/app-Old1.js');
    expect(res.status).toBe(404);
    expect(((await res.json()) as FaultBody).faultInfo.errorCode).toBe(3404);
  });

  it('answers 304 when the browser already has the file', async () => {
    const first = await get('/ui/');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/"/);
    const again = await get('/ui/', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it.each(['/ui/assets/..%2f..%2fsecret.txt', '/ui/..%2fsecret.txt', '/ui/%2e%2e/secret.txt'])(
    'never serves a file outside the build (%s)',
    async (path) => {
      const res = await get(path);
      expect(await res.text()).not.toContain('not for the web');
    },
  );

  it('answers 503 naming the build command when the build is missing', async () => {
    const res = await missing.app.request('/ui/');
    expect(res.status).toBe(503);
    const body = (await res.json()) as FaultBody;
    expect(body.faultInfo.errorCode).toBe(3503);
    expect(body.faultInfo.message).toContain('pnpm build:ui');
  });

  it('needs no credentials (every API call the page makes is authenticated)', async () => {
    expect((await get('/ui/health')).status).toBe(200);
  });
});
