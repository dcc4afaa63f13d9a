import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    env: { TZ: 'UTC' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Database files share one PostgreSQL server; each file gets its own schema, so files may run in parallel.
    pool: 'forks',
  },
});
