import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DASHBOARD_DIR = fileURLToPath(new URL('../', import.meta.url));
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

describe('the dashboard’s TSX', () => {
  // The root tsconfig checks only .ts files without the DOM; this runs the dashboard's own (DOM, Preact JSX).
  it('type-checks under the strict browser configuration', async () => {
    const output = await new Promise<string>((resolve) => {
      execFile(
        process.execPath,
        [TSC, '-p', 'tsconfig.json', '--noEmit', '--pretty', 'false'],
        { cwd: DASHBOARD_DIR, timeout: 60_000 },
        (_error, stdout, stderr) => resolve(`${stdout}${stderr}`),
      );
    });
    expect(output).toBe('');
  }, 60_000);
});
