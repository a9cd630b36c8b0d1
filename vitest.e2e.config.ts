import { defineConfig } from 'vitest/config';

/**
 * Browser end-to-end tests (tests/e2e/*.e2e.ts): kept out of the unit run's file pattern so unit
 * runs stay fast; `npm test` runs both. globalSetup builds once and serves dist/.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts', 'tests/import/**/*.e2e.ts', 'tests/reliability/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/globalSetup.ts', 'tests/reliability/summary.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
