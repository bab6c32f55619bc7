import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two worker processes match these 2-core machines. Forks, not threads: runCli runs main()
    // in-process in the command's working directory (process.chdir, which threads cannot do).
    // Not isolated: each worker imports the sources once for all its files instead of once per
    // file, which halved the suite's CPU time; no test mocks modules or changes globals
    // (vi.mock, stubbed env); one that must needs a vitest project of its own with isolate: true.
    poolOptions: { forks: { maxForks: 2, minForks: 1, isolate: false } },
    pool: 'forks',
    // The default summary, then the list of tests that did not run (a skip is never silent).
    reporters: ['default', './test/helpers/skipped-reporter.ts'],
  },
});
