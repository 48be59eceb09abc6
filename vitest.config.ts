import { defineConfig } from 'vitest/config';

// The default suite: no external services (memory / SQLite only). Redis-backed and browser tests have
// their own configs (npm run test:redis, npm run test:browser).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/redis/**', 'test/browser/**', 'test/docker/**', 'node_modules/**'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
