// yilian report end to end through the built CLI: the three formats, stdout, exit codes, the
// no-clobber rule, and refusing to write from plan files with errors.
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from '../helpers/cli.js';
import { htmlTableRows, mdTableRows } from './parse.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'yilian-report-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const GS = ['report', 'examples/guangshan-2021', '--as-of', '2021-07-01', '--period', '2021-06'];

describe('yilian report', () => {
  it('writes md, html and xlsx with the same attainment figures', async () => {
    const out = (ext: string) => path.join(tmp, `gs.${ext}`);
    for (const ext of ['md', 'html', 'xlsx']) {
      const r = await runCli([...GS, '-o', out(ext)]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`已写入 ${out(ext)}：2021年6月（截至 2021-07-01），工作计划 6 项`);
      expect(r.stdout).toContain('指标未达标 2 人次，下派 23 人、覆盖 21/21 个成员单位');
    }
    const row = ['每月下沉值诊带教不少于4个工作日', '2021-06', '人', '23', '22', '1', '95.7%', '未全部达标'];
    expect((mdTableRows(readFileSync(out('md'), 'utf8'), '达标情况') as string[][])[0]).toEqual(row);
    expect(htmlTableRows(readFileSync(out('html'), 'utf8'), 'quota-attainment')![0]).toEqual(row);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out('xlsx')));
    const ws = wb.getWorksheet('考核指标')!;
    const r4 = ws.getRow(4);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((c) => r4.getCell(c).value)).toEqual([row[0], row[1], row[2], 23, 22, 1, 22 / 23, row[7]]);
    expect(ws.getRow(3).getCell(7).value).toBe('达标率');
    expect(ws.pageSetup.paperSize).toBe(9);
  });

  it('-o - prints markdown (or --format html) to stdout and the summary to stderr', async () => {
    const md = await runCli([...GS, '-o', '-']);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toMatch(/^# 光山县医疗服务集团2021年6月工作进展报告\n/);
    expect(md.stderr).toContain('已输出');
    const html = await runCli([...GS, '-o', '-', '--format', 'html']);
    expect(html.stdout).toMatch(/^<!DOCTYPE html>/);
  });

  it('defaults the period to the quarter being reported on', async () => {
    const r = await runCli(['report', 'examples/shaoxing-tcm-2017', '--as-of', '2017-12-31', '-o', '-']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('2017年第四季度工作进展报告');
    expect(r.stdout).toContain('报告期：2017-10-01 至 2017-12-31');
    // In the first two weeks after a quarter ends, the report is the one for that quarter.
    const early = await runCli(['report', 'examples/shaoxing-tcm-2017', '--as-of', '2018-01-10', '-o', '-']);
    expect(early.stdout).toContain('2017年第四季度工作进展报告');
    const later = await runCli(['report', 'examples/shaoxing-tcm-2017', '--as-of', '2018-01-20', '-o', '-']);
    expect(later.stdout).toContain('2018年第一季度工作进展报告');
  });

  it('rejects bad options with exit 2', async () => {
    expect((await runCli([...GS, '-o', path.join(tmp, 'x.pdf')])).code).toBe(2);
    expect((await runCli([...GS, '-o', '-', '--format', 'pdf'])).code).toBe(2);
    const p = await runCli(['report', 'examples/guangshan-2021', '--period', '2021-Q5', '-o', '-']);
    expect(p.code).toBe(2);
    expect(p.stderr).toContain('--period');
    expect((await runCli(['report', 'examples/guangshan-2021', '--as-of', '2021-02-30', '-o', '-'])).code).toBe(2);
  });

  it('refuses to overwrite without --force and never writes over an input', async () => {
    const out = path.join(tmp, 'exists.md');
    writeFileSync(out, 'keep');
    const r = await runCli([...GS, '-o', out]);
    expect(r.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('keep');
    const forced = await runCli([...GS, '-o', out, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# /);
    const self = await runCli([...GS, '-o', 'examples/guangshan-2021/quotas.yaml', '--format', 'md', '--force']);
    expect(self.code).toBe(2);
    expect(self.stderr).toContain('输入文件');
  });

  it('plan files with errors: prints them, writes nothing, exits 1', async () => {
    const ws = path.join(tmp, 'broken');
    cpSync('examples/guangshan-2021', ws, { recursive: true });
    writeFileSync(path.join(ws, 'extra.yaml'), 'kind: Referrals\nentries:\n  - { month: 2021-06, unit: 寨和, up: 1, down: 0 }\n');
    const out = path.join(tmp, 'broken.html');
    const r = await runCli(['report', ws, '--as-of', '2021-07-01', '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('extra.yaml:3');
    expect(r.stderr).toContain('未生成进展报告');
    expect(existsSync(out)).toBe(false);
  });
});
