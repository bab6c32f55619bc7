// Activity logs kept as spreadsheets in a workspace, in the encodings Excel and WPS save.
import { copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers/cli.js';

// The example names no 第一院长 at its branches yet (unit-posts/empty warnings): not this test's business.
const VALIDATE = ['validate', '--rule', 'unit-posts=off'];
const ROWS = '日期,人员,单位,类型,半天数\r\n2021-06-03,刘鹏飞,寨河,门诊,2\r\n2021-06-04,刘鹏飞,寨和,门诊,1\r\n';

async function workspace(bytes: Buffer): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'yilian-table-'));
  for (const f of ['alliance.yaml', 'roster.yaml']) await copyFile(path.join(ROOT, 'examples/guangshan-2021', f), path.join(dir, f));
  await writeFile(path.join(dir, 'activity.csv'), bytes);
  return dir;
}

function utf16le(s: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
}

describe('CSV activity logs in a workspace', () => {
  it('UTF-16 with BOM (Excel "Unicode text") is read; a bad unit is reported at row:column', async () => {
    const dir = await workspace(utf16le(ROWS));
    const r = await runCli([...VALIDATE, '--format', 'json', dir]);
    const d = JSON.parse(r.stdout).diagnostics;
    expect(d.map((x: { code: string; line: number; col: number }) => [x.code, x.line, x.col])).toEqual([['references/unknown', 3, 3]]);
    expect(d[0].message).toContain('寨和');
  });

  it('UTF-8 with BOM reads clean', async () => {
    const dir = await workspace(Buffer.from('\ufeff' + ROWS.replace('寨和', '寨河'), 'utf8'));
    const r = await runCli([...VALIDATE, dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('没有错误，0 个警告');
  });
});
