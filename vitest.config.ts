import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './scripts/summary-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['packages/**/*.test.ts', 'apps/web/src/**/*.test.{ts,tsx}', 'bench/load/**/*.test.ts'], sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['apps/server/src/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/generate/**/*.test.ts'],
          globalSetup: ['apps/server/src/testing/global-setup.ts'],
          // Each test file gets its own database; two workers suit the 2-core machines.
          maxWorkers: 2,
          // Each worker keeps its loaded modules from file to file: every file starts its own app on its own database,
          // and importing the server afresh for each of 100 files cost minutes of the run.
          isolate: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['apps/server/src/testing/global-setup.ts', 'e2e/support/logs-setup.ts'],
          testTimeout: 120_000,
          // One journey at a time: two at once (each with its own server and browser) were no faster on two cores
          // in a quiet CI run and pushed a console page past its 30 s wait.
          fileParallelism: false,
          isolate: false,
          // A browser under load can take seconds to render; 1 s (the default) failed CI runs.
          expect: { poll: { timeout: 15_000 } },
          sequence: { groupOrder: 2 },
        },
      },
      {
        extends: true,
        // Runs after the browser journeys: scans the logs their servers wrote.
        test: { name: 'logscan', include: ['scripts/log-scan/*.final.ts'], sequence: { groupOrder: 3 } },
      },
    ],
  },
});
