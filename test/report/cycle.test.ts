// check and report judge recurring duties the same way: only periods inside the alliance cycle
// are owed (the starter written for 2025-05-01 has its cycle begin then; its 每季度 item has no first:).
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('recurring duties inside the alliance cycle', () => {
  it('Q1 before the cycle is neither missed in check nor 漏期 in the report', async () => {
    const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'yilian-cycle-')), 'ws');
    expect((await runCli(['init', dir, '--as-of', '2025-05-01'])).code).toBe(0);
    // the starter holds this quarter's meeting on the day it is written; this test needs none held
    const plan = path.join(dir, 'workplan.yaml');
    await writeFile(plan, (await readFile(plan, 'utf8')).replace('held: [2025-05-01]', 'held: []'));
    const check = JSON.parse((await runCli(['check', dir, '--as-of', '2025-06-10', '--format', 'json'])).stdout);
    expect(check.findings.filter((f: { code: string }) => f.code === 'recurrence/missed')).toEqual([]);
    const md = await runCli(['report', dir, '--as-of', '2025-06-10', '-o', '-']);
    expect(md.code, md.stderr).toBe(0);
    const row = md.stdout.split('\n').find((l) => l.includes('每季度召开一次工作协调会'))!;
    expect(row).toContain('进行中');
    expect(md.stdout).not.toContain('漏期 1');
    // After Q2 closes with no meeting held, both say so.
    const late = JSON.parse((await runCli(['check', dir, '--as-of', '2025-07-02', '--format', 'json'])).stdout);
    expect(late.findings.filter((f: { code: string }) => f.code === 'recurrence/missed').map((f: { period: string }) => f.period)).toEqual(['2025-Q2']);
    const md2 = await runCli(['report', dir, '--as-of', '2025-07-02', '--period', '2025-Q2', '-o', '-']);
    expect(md2.stdout.split('\n').find((l) => l.includes('每季度召开一次工作协调会'))).toContain('漏期');
  });
});
