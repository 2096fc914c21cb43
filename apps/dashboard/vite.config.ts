import { defineConfig } from 'vite';

// The api serves the build at /ui (apps/api/src/routes/ui); `pnpm dev` proxies the JSON API to a local api.
export default defineConfig({
  base: '/ui/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  server: { proxy: { '/v1': 'http://127.0.0.1:3000' } },
});
