import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'web/**/*.test.ts'],
    // Stops any throwaway PostgreSQL cluster still running when the run ends; gives the browser tests one shared web build.
    globalSetup: ['src/store/test-postgres-teardown.ts', 'web/e2e/web-build-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // On CI the JSON report lets .ci/run print the plain "N passed, N failed" line and refuse skips.
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.ci/results.json' }]] : ['default'],
  },
});
