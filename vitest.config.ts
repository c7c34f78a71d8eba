import { defineConfig } from 'vitest/config';

// One runner for the whole suite. Database suites run on PGlite always and on PostgreSQL too when
// DATABASE_URL is set (see test/db.ts). Browser tests live in test/e2e and drive Debian's Chromium.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});
