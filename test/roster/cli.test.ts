// End to end through the built CLI: yilian roster on every example, yilian import on its output.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { runCli, ROOT } from '../helpers/cli.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'yilian-roster-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const examples = readdirSync(path.join(ROOT, 'examples')).sort();

describe('yilian roster', () => {
  for (const ex of examples)
    it(`${ex}: exits 0 and writes a workbook with a 汇总 sheet`, async () => {
      const out = path.join(tmp, `${ex}.xlsx`);
      const r = await runCli(['roster', `examples/${ex}`, '-o', out]);
      expect(r.code, r.stderr).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(out));
      expect(wb.worksheets.at(-1)!.name).toBe('汇总');
    });

  it('names the receiving units in the summary (guangshan)', async () => {
    const out = path.join(tmp, 'gs-summary.xlsx');
    await runCli(['roster', 'examples/guangshan-2021', '-o', out]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out));
    const names: string[] = [];
    wb.getWorksheet('汇总')!.eachRow((row, r) => r > 3 && names.push(String(row.getCell(2).value)));
    expect(names).toEqual(expect.arrayContaining(['光山县人民医院寨河镇分院', '光山县中医院泼河镇分院', '光山县中医院斛山乡分院']));
  });

  it('refuses to overwrite without --force and never writes over an input', async () => {
    const out = path.join(tmp, 'exists.xlsx');
    writeFileSync(out, 'keep');
    const r = await runCli(['roster', 'examples/guangshan-2021', '-o', out]);
    expect(r.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('keep');
    const r2 = await runCli(['roster', 'examples/guangshan-2021', '-o', 'examples/guangshan-2021/roster.yaml', '--force']);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('输入文件');
  });
});

describe('yilian import', () => {
  it('roster: xlsx → YAML that validates', async () => {
    const xlsx = path.join(tmp, 'gs.xlsx');
    await runCli(['roster', 'examples/guangshan-2021', '-o', xlsx]);
    const yaml = path.join(tmp, 'roster.yaml');
    const r = await runCli(['import', 'roster', xlsx, '--workspace', 'examples/guangshan-2021', '-o', yaml]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(yaml, 'utf8')).toContain('kind: Roster');
    const v = await runCli(['validate', 'examples/guangshan-2021/alliance.yaml', yaml]);
    expect(v.code, v.stdout).toBe(0);
    const again = await runCli(['import', 'roster', xlsx, '-o', yaml]);
    expect(again.code).toBe(2);
    const self = await runCli(['import', 'roster', xlsx, '-o', xlsx, '--force']);
    expect(self.code).toBe(2);
    expect(existsSync(xlsx)).toBe(true);
  });

  it('activity: csv → YAML on stdout, problems on stderr with row numbers', async () => {
    const csv = path.join(tmp, '签到表.csv');
    writeFileSync(csv, '日期,人员,单位,类型,半天数\n2021-06-03,刘鹏飞,寨河,门诊,2\n2021-06-31,刘鹏飞,寨河,门诊,1\n');
    const r = await runCli(['import', 'activity', csv]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('- { date: 2021-06-03, person: 刘鹏飞, unit: 寨河, type: 门诊, halfDays: 2 }');
    expect(r.stderr).toMatch(/签到表\.csv:3:1/);
  });
});
