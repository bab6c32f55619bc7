// JSON and GitHub output name files relative to the workspace with `/` — the same on
// Windows and Linux — while the terminal keeps the path as the user typed it.
import { cp, mkdtemp, writeFile, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspacePathFor } from '../../src/io/read.js';
import { ROOT, runCli } from '../helpers/cli.js';

describe('workspacePathFor', () => {
  it('Windows: a folder given as Z:\\… from another folder → paths inside it, with /', () => {
    const rel = workspacePathFor(['Z:\\tmp\\我的 文档\\光山 计划'], 'Z:\\work', path.win32);
    expect(rel('Z:\\tmp\\我的 文档\\光山 计划\\roster.yaml')).toBe('roster.yaml');
    expect(rel('Z:\\tmp\\我的 文档\\光山 计划\\logs\\签到.csv')).toBe('logs/签到.csv');
  });

  it('Windows: inputs inside the current folder stay relative to it; several folders share their parent', () => {
    expect(workspacePathFor(['计划'], 'C:\\Users\\王\\桌面', path.win32)('计划\\roster.yaml')).toBe('计划/roster.yaml');
    const two = workspacePathFor(['D:\\甲\\计划', 'D:\\乙\\计划'], 'C:\\', path.win32);
    expect(two('D:\\甲\\计划\\roster.yaml')).toBe('甲/计划/roster.yaml');
    expect(two('D:\\乙\\计划\\roster.yaml')).toBe('乙/计划/roster.yaml');
  });

  it('a file given alone is named by its own name', () => {
    expect(workspacePathFor(['/srv/plans/roster.yaml'], '/home/x', path.posix)('/srv/plans/roster.yaml')).toBe('roster.yaml');
  });
});

describe('the CLI, given an absolute folder outside the current one', () => {
  it('prints the path as given in the terminal and workspace-relative paths in JSON (SARIF: see sarif.test.ts)', async () => {
    const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'yilian-paths-')), '光山 计划');
    await cp(path.join(ROOT, 'examples/guangshan-2021'), dir, { recursive: true });
    const roster = path.join(dir, 'roster.yaml');
    await writeFile(roster, (await readFile(roster, 'utf8')).replace('寨河', '寨和'));
    const text = await runCli(['validate', dir], { cwd: ROOT });
    expect(text.stdout).toContain(`${roster}:45:28`);
    // (--rule: the example's unnamed 第一院长 warnings, unit-posts/empty, are not about paths)
    const json = JSON.parse((await runCli(['validate', dir, '--rule', 'unit-posts=off', '--format', 'json'], { cwd: ROOT })).stdout) as { diagnostics: { file: string }[] };
    expect(json.diagnostics.map((d) => d.file)).toEqual(['roster.yaml']);
  });

  it("the report's problem list names files the same way on every machine", async () => {
    const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'yilian-paths-')), '光山 计划');
    await cp(path.join(ROOT, 'examples/guangshan-2021'), dir, { recursive: true });
    const out = path.join(path.dirname(dir), 'r.html');
    expect((await runCli(['report', dir, '--as-of', '2021-07-01', '-o', out], { cwd: ROOT })).code).toBe(0);
    const html = await readFile(out, 'utf8');
    expect(html).toContain('<td>quotas.yaml:8:5</td>');
    expect(html).not.toContain(dir);
  });
});
