// A folder dropped onto the program (the folder as the only argument) and a double-click (no
// argument): checked as of "today", a report written into the folder without overwriting
// earlier ones, none when the plan files have errors, and a wait for a key only on a console.
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/context.js';
import { main } from '../../src/cli/main.js';
import { BIN, ROOT, runCli } from '../helpers/cli.js';

/**
 * Run the built CLI with stdin closed, as Explorer or a script would when nobody is at a console
 * (the first test of each flow; the others run main() in-process, whose Io has no console).
 */
function runClosedStdin(args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', YILIAN_LANG: '', YILIAN_TODAY: '2021-07-01', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const inProcess = (args: string[], cwd: string) => runCli(args, { cwd, env: { YILIAN_TODAY: '2021-07-01' } });

async function workspace(): Promise<{ root: string; dir: string }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'yilian-drop-'));
  const dir = path.join(root, '光山 计划');
  await cp(path.join(ROOT, 'examples/guangshan-2021'), dir, { recursive: true });
  return { root, dir };
}

function fakeIo(console: boolean): { io: Io; out: string[]; waits: () => number } {
  const out: string[] = [];
  let waited = 0;
  const io: Io = {
    out: (s) => out.push(s),
    err: (s) => out.push(s),
    outBytes: () => {},
    settle: async () => ({}),
    isTTY: false,
    env: { YILIAN_TODAY: '2021-07-01' },
    cwd: process.cwd(),
    ...(console ? { waitForKey: async () => void waited++ } : {}),
  };
  return { io, out, waits: () => waited };
}

describe('a folder dropped onto yilian', () => {
  it('checks as of today, writes 进展报告-<date>.html into the folder, and exits with check\'s code without waiting', async () => {
    const { root, dir } = await workspace();
    const r = await runClosedStdin(['光山 计划'], root);
    expect(r.code).toBe(1); // two quota shortfalls; the missed quarterly inspection is a warning by the example's Settings (原则上)
    expect(r.stdout).toContain('检查「光山 计划」（截至 2021-07-01）');
    // 20 of the warnings: no 第一院长 is named at the township branches yet (unit-posts/empty)
    expect(r.stdout).toContain('2 个错误，23 个警告，3 条提示');
    expect(r.stdout).toContain(`已写入 ${path.join('光山 计划', '进展报告-2021-07-01.html')}：2021年第二季度（截至 2021-07-01）`);
    expect(r.stdout).not.toContain('按任意键');
    const html = await readFile(path.join(dir, '进展报告-2021-07-01.html'), 'utf8');
    expect(html).toContain('<html');
  });

  it('never overwrites an earlier report: the next one gets a suffix', async () => {
    const { root, dir } = await workspace();
    await writeFile(path.join(dir, '进展报告-2021-07-01.html'), 'mine');
    const r = await inProcess([dir], root);
    expect(r.stdout).toContain('进展报告-2021-07-01-2.html');
    expect(await readFile(path.join(dir, '进展报告-2021-07-01.html'), 'utf8')).toBe('mine');
    expect((await readdir(dir)).filter((f) => f.endsWith('.html')).sort()).toEqual(['进展报告-2021-07-01-2.html', '进展报告-2021-07-01.html']);
  });

  it('shows the plan files\' errors and writes no report when there are any', async () => {
    const { root, dir } = await workspace();
    const roster = path.join(dir, 'roster.yaml');
    await writeFile(roster, (await readFile(roster, 'utf8')).replace('寨河', '寨和'));
    const r = await inProcess([dir], root);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('未知单位「光山县人民医院寨和镇分院」');
    expect(r.stdout).toContain('计划文件有错误（见上），未生成进展报告。');
    expect((await readdir(dir)).some((f) => f.endsWith('.html'))).toBe(false);
  });

  it('waits for a key only when stdin is a console', async () => {
    const { dir } = await workspace();
    const onConsole = fakeIo(true);
    expect(await main(['node', 'yilian', dir], onConsole.io)).toBe(1);
    expect(onConsole.waits()).toBe(1);
    expect(onConsole.out.at(-1)).toBe('按任意键关闭窗口……');
    const piped = fakeIo(false);
    expect(await main(['node', 'yilian', dir], piped.io)).toBe(1);
    expect(piped.out.join('\n')).not.toContain('按任意键');
  });

  it('leaves command names alone: a folder called check is not a dropped folder', async () => {
    const { root } = await workspace();
    await cp(path.join(ROOT, 'examples/guangshan-2021'), path.join(root, 'check'), { recursive: true });
    const r = await inProcess(['check'], root);
    expect(r.stdout).not.toContain('进展报告');
  });
});

describe('yilian started with no argument (a double-click)', () => {
  it('says in Chinese to drag a folder onto it, and exits 0 without waiting when stdin is closed', async () => {
    const r = await runClosedStdin([], os.tmpdir());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('把放计划文件（.yaml）的文件夹拖到 yilian.exe 的图标上');
    expect(r.stdout).toContain('Windows 10');
    expect(r.stdout).not.toContain('按任意键');
  });

  it('waits for a key on a console', async () => {
    const c = fakeIo(true);
    expect(await main(['node', 'yilian'], c.io)).toBe(0);
    expect(c.waits()).toBe(1);
  });
});
