// The 问题清单 names files relative to the workspace, never with the clerk's home folder
// (workspacePathFor, the same naming JSON and SARIF use; its unit tests are in test/cli/workspace-paths.test.ts).
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

describe('yilian report on a workspace given as an absolute path', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'yilian-report-paths-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const ws = path.join(tmp, '光山 2021');
  cpSync(path.join(ROOT, 'examples/guangshan-2021'), ws, { recursive: true });

  for (const ext of ['md', 'html'])
    it(`the ${ext} 问题清单 shows quotas.yaml:8:5, not the absolute path`, async () => {
      const out = path.join(tmp, `r.${ext}`);
      const r = await runCli(['report', ws, '--as-of', '2021-12-31', '-o', out]);
      expect(r.code, r.stderr).toBe(0);
      const text = readFileSync(out, 'utf8');
      expect(text).toContain('quotas.yaml:8:5');
      expect(text).not.toContain(tmp);
    });
});
