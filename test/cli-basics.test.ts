import { mkdtemp, readFile, writeFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

async function tmp(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'yilian-'));
}

describe('yilian CLI basics', () => {
  it('init writes a starter workspace that validates clean, and never overwrites', async () => {
    const dir = await tmp();
    const init = await runCli(['init', dir]);
    expect(init.code).toBe(0);
    expect((await readdir(dir)).sort()).toEqual(['alliance.yaml', 'quotas.yaml', 'roster.yaml', 'schemas', 'workplan.yaml']);
    const v = await runCli(['validate', dir]);
    expect(v.stdout).toContain('没有错误');
    expect(v.code).toBe(0);
    const before = await readFile(path.join(dir, 'alliance.yaml'), 'utf8');
    const again = await runCli(['init', dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('init 不会覆盖已有的计划文件');
    expect(await readFile(path.join(dir, 'alliance.yaml'), 'utf8')).toBe(before);
  });

  it('re-running a command whose output exists says the exact command line that overwrites, and one with a free name', async () => {
    const dir = await tmp();
    const out = path.join(dir, '名单 6月.xlsx');
    const args = ['roster', 'examples/guangshan-2021', '-o', out];
    expect((await runCli(args)).code).toBe(0);
    await writeFile(path.join(dir, '名单 6月(2).xlsx'), 'taken');
    const again = await runCli(args);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`确需覆盖（原文件将被替换）：yilian roster examples/guangshan-2021 -o "${out}" --force`);
    expect(again.stderr).toContain(`或另存为新文件：yilian roster examples/guangshan-2021 -o "${path.join(dir, '名单 6月(3).xlsx')}"`);
    expect((await runCli([...args, '--force'])).code).toBe(0);
  });

  it('init writes a starter that check passes on the day it is written (dates relative to that day)', async () => {
    // month ends, a year end, a leap day, a quarter end with a holiday week after it
    for (const day of ['2025-05-01', '2025-12-31', '2024-02-29', '2026-09-30']) {
      const dir = await tmp();
      expect((await runCli(['init', dir, '--as-of', day, '-q'])).code).toBe(0);
      expect(await readFile(path.join(dir, 'workplan.yaml'), 'utf8')).toContain(`创建当天（${day}）`);
      const check = await runCli(['check', dir, '--as-of', day, '--format', 'json']);
      expect(check.code, `${day}: ${check.stdout}`).toBe(0);
      expect(JSON.parse(check.stdout).findings, day).toEqual([]);
    }
  });

  it('reports file:line:col, severity, message and code, in Chinese by default and English with --lang en', async () => {
    const dir = await tmp();
    await writeFile(
      path.join(dir, 'a.yaml'),
      'kind: Alliance\nid: x\nname: 甲\ntype: 医共体\nunits:\n  - { name: 乙院, role: lead, levle: county }\n',
    );
    const zh = await runCli(['validate', dir], { cwd: dir });
    expect(zh.code).toBe(1);
    expect(zh.stdout).toMatch(/^a\.yaml:6:29 {2}错误 {2}未知字段「levle」。是否为「level」？ {2}\[schema\/unknown-key\]$/m);
    const en = await runCli(['validate', '--lang', 'en', dir], { cwd: dir });
    expect(en.stdout).toContain('Unknown key "levle". did you mean "level"?');
    const env = await runCli(['validate', dir], { cwd: dir, env: { YILIAN_LANG: 'en' } });
    expect(env.stdout).toContain('Unknown key "levle"');
  });

  it('exit code 2 for a missing path and a bad option, never a stack trace', async () => {
    const missing = await runCli(['validate', 'no/such/dir']);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain('找不到文件或目录');
    expect(missing.stdout + missing.stderr).not.toMatch(/\n\s+at /);
    const bad = await runCli(['validate', '--format', 'xml', 'examples']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('不支持的输出格式');
    const unknownCmd = await runCli(['frobnicate']);
    expect(unknownCmd.code).toBe(2);
  });

  it('--format github writes workflow commands', async () => {
    const dir = await tmp();
    await writeFile(path.join(dir, 'a.yaml'), 'kind: Alliance\nid: x\nname: 甲\ntype: 医联休\nunits: []\n');
    const r = await runCli(['validate', '--format', 'github', 'a.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^::error file=a\.yaml,line=4,col=7,title=schema\/invalid-value::/);
    for (const l of lines) expect(l).toMatch(/^::(error|warning|notice) [^:]*::.+$/);
  });
});

describe('usage errors speak the user\'s language', () => {
  it('commander errors are in Chinese by default, English with --lang en', async () => {
    const zh = await runCli(['validate', '--fromat', 'json']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('错误：未知选项「--fromat」。');
    expect(zh.stderr).toContain('（是否为 --format？）');
    const cmd = await runCli(['valdate']);
    expect(cmd.stderr).toContain('错误：未知命令「valdate」。');
    const en = await runCli(['--lang', 'en', 'validate', '--fromat', 'json']);
    expect(en.stderr).toContain("error: unknown option '--fromat'");
  });

  it('check on a folder with no plan files says so plainly and exits 2', async () => {
    const dir = await tmp();
    const r = await runCli(['check', dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('没有找到计划文件');
    expect(r.stdout).not.toContain('┌');
  });
});

describe('workspace discovery', () => {
  it('follows linked folders, stops at a link loop, and reads a file named twice once', async () => {
    const { symlink } = await import('node:fs/promises');
    const dir = await tmp();
    await symlink(path.resolve('examples/guangshan-2021'), path.join(dir, 'linked'));
    await symlink(dir, path.join(dir, 'loop'));
    const r = await runCli(['validate', dir, path.join(dir, 'linked', 'roster.yaml')]);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('共检查 7 个文件'); // guangshan-2021's seven files, the roster once
  });

  it('--as-of accepts 20210701 as typed into spreadsheets', async () => {
    const r = await runCli(['check', 'examples/guangshan-2021', '--as-of', '20210701', '--format', 'json']);
    expect(JSON.parse(r.stdout).asOf).toBe('2021-07-01');
    expect((await runCli(['check', 'examples/guangshan-2021', '--as-of', '20210231'])).code).toBe(2);
  });
});
