import { defineConfig } from 'vitest/config';

// One run, four projects: pure unit tests; the integration suite (repositories + HTTP API) once on SQLite
// and once on PostgreSQL; browser journeys in Debian's Chromium.
const integration = ['src/**/*.int.test.ts', 'tests/integration/**/*.test.ts'];

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'], exclude: ['**/*.int.test.ts', 'node_modules/**'] } },
      { test: { name: 'sqlite', include: integration, env: { REESTR_TEST_DB: 'sqlite' }, testTimeout: 30_000, hookTimeout: 60_000 } },
      { test: { name: 'postgres', include: integration, env: { REESTR_TEST_DB: 'postgres' }, testTimeout: 30_000, hookTimeout: 60_000 } },
      { test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000, fileParallelism: false } },
    ],
  },
});
