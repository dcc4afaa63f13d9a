import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    env: { TZ: 'UTC' },
    // Generous: CLI tests start real processes on an embedded database, and CI machines are busy.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // Database files share one PostgreSQL server; each file gets its own schema, so files may run in parallel.
    pool: 'forks',
  },
});
