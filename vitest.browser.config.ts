import { defineConfig } from 'vitest/config';

// End-to-end tests in headless Chromium (Debian's chromium + playwright-core). Run by .ci/run.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
