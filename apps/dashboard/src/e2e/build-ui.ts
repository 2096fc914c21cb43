import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const DASHBOARD_DIR = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Builds the dashboard from its current sources into a fresh temporary folder, so the browser test never
 * runs against a stale `dist`.
 */
export async function buildUi(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'dashboard-dist-'));
  await build({
    root: DASHBOARD_DIR,
    configFile: join(DASHBOARD_DIR, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}
