import { defineConfig } from 'vitest/config';

// Service-backed suite: needs Redis on REDIS_URL (default redis://127.0.0.1:6379). Run by .ci/run.
export default defineConfig({
  test: {
    include: ['test/redis/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
