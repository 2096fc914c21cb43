import { defineConfig } from 'vitest/config';

/**
 * The fault-injection suite (`pnpm test:faults`, `FAULTS_SCALE=full|ci`): long, CPU-heavy runs kept out of
 * `pnpm test`. Files run one after another so their figures are not skewed by each other.
 */
export default defineConfig({
  test: {
    include: ['test/faults/**/*.faults.ts'],
    testTimeout: 30 * 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
    globalSetup: ['test/global-setup.ts'],
  },
});
