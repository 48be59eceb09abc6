import { defineConfig } from 'vitest/config';

// Replays the Dockerfile's build and start steps on a clean copy of the repo (npm ci --omit=dev: slow).
export default defineConfig({
  test: { include: ['test/docker/**/*.test.ts'], testTimeout: 600_000, hookTimeout: 300_000, pool: 'forks' },
});
