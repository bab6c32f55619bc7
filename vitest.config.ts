import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The CLI tests spawn node; two workers match these 2-core machines.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    pool: 'forks',
    // The default summary, then the list of tests that did not run (a skip is never silent).
    reporters: ['default', './test/helpers/skipped-reporter.ts'],
  },
});
