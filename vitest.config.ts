import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (real SQLite in temp dirs, real keychain under the
 * D-Bus session in CI) and `e2e` (the built renderer in Debian's Chromium,
 * bridged to the same dispatcher in this process). Both print one plain
 * "N passed, N failed" line at the end for CI.
 */
export default defineConfig({
  test: {
    // Every answer the dispatcher gives is also checked against zod's own parse
    // (electron/core/output-guard.ts), and every read of the register and rotation
    // caches against a fresh full read, across the whole suite.
    env: { KEYHOLDER_VERIFY_OUTPUT: '1', KEYHOLDER_VERIFY_CACHE: '1' },
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts', 'test/electron/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          fileParallelism: false,
          globalSetup: ['./test/e2e/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
