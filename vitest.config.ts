import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      // scrypt at N=2^17 is slow on purpose: a test that signs several people in needs the time on a busy machine.
      // LINLI_CHECK_OUTPUT: every method's result is parsed against its contract, so a handler cannot drift from it unseen.
      // Shuffled: each test passes on its own and in any order (a story in steps says so with { shuffle: false }).
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 90_000, env: { LINLI_CHECK_OUTPUT: '1' }, sequence: { shuffle: true } } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/globalSetup.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Two cores: one Chromium at a time keeps timings honest and the machine responsive.
          fileParallelism: false,
        },
      },
      // Kills the command line mid-import: needs the build, like the e2e tests.
      { test: { name: 'crash', include: ['tests/crash/**/*.test.ts'], environment: 'node', testTimeout: 3_600_000 } },
      { test: { name: 'electron', include: ['tests/electron/**/*.test.ts'], environment: 'node', testTimeout: 120_000 } },
    ],
  },
});
