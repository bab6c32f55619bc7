// The 问题清单 names files relative to the workspace, never with the clerk's home folder.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { relativeToRoot, workspaceRoot } from '../../src/cli/workspace-root.js';
import { ROOT, runCli } from '../helpers/cli.js';

describe('workspaceRoot and relativeToRoot', () => {
  it('a folder given is the root; a file given, its folder; several, what they share', () => {
    expect(workspaceRoot(['/home/u/plans'], '/x')).toBe('/home/u/plans');
    expect(workspaceRoot(['/home/u/plans/roster.yaml'], '/x')).toBe('/home/u/plans');
    expect(workspaceRoot(['/home/u/plans/a', '/home/u/plans/b/log.csv'], '/x')).toBe('/home/u/plans');
    expect(workspaceRoot([], '/home/u')).toBe('/home/u');
  });

  it('files are named from the root with forward slashes', () => {
    expect(relativeToRoot('/home/u/plans/2021/roster.yaml', '/home/u/plans', '/x')).toBe('2021/roster.yaml');
    expect(relativeToRoot('plans/roster.yaml', '/home/u/plans', '/home/u')).toBe('roster.yaml');
    expect(relativeToRoot('/elsewhere/a.yaml', '/home/u/plans', '/x')).toBe('/elsewhere/a.yaml');
  });
});

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
