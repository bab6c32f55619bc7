// Closes every run with the tests that did not run, by name and file, so a skip is never silent.
// A test that needs an external program names the program in its title (e.g. "(needs
// /usr/bin/chromium)"), and this list repeats it under vitest's own summary.
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

export default class SkippedReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const skipped = modules.flatMap((m) =>
      [...m.children.allTests('skipped')].map((t) => `  - ${path.relative(process.cwd(), m.moduleId)} › ${t.fullName}`),
    );
    if (skipped.length === 0) return;
    const lines = [`Did not run (${skipped.length}); each title says what it needs:`, ...skipped];
    process.stdout.write(`\n${lines.join('\n')}\n`);
  }
}
