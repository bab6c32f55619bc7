// The codes of files yilian cannot read as given: a path that does not exist, a folder with no
// plan files, a file of another kind, an old binary Excel, a broken workbook, a formula saved
// without its result. Each is one finding (or one refusal) with its own code, so `yilian explain`
// can say what to do.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { GridReadError, readGrid } from '../../src/io/xlsx-read.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'yilian-unreadable-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function validateCodes(target: string): Promise<string[]> {
  const r = await runCli(['validate', target, '--format', 'json'], { cwd: dir });
  return (JSON.parse(r.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code);
}

async function refusal(data: Uint8Array, file: string): Promise<string> {
  const e = await readGrid(data, { file }).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(GridReadError);
  return (e as GridReadError).code;
}

describe('files validate cannot read', () => {
  it('a path that does not exist, a folder without plan files, a file of another kind', async () => {
    mkdirSync(path.join(dir, 'empty'));
    writeFileSync(path.join(dir, 'notes.txt'), 'hello\n');
    expect(await validateCodes('nosuch')).toEqual(['io/not-found']);
    expect(await validateCodes('empty')).toEqual(['io/empty-workspace']);
    expect(await validateCodes('notes.txt')).toEqual(['io/unsupported-file']);
  });
});

describe('sheets import cannot read', () => {
  it('an old binary Excel file (OLE header) is refused with the way out', async () => {
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await refusal(ole, '签到表.xls')).toBe('io/xls-unsupported');
  });

  it('a broken workbook is refused, not half read', async () => {
    expect(await refusal(Buffer.from('PK\x03\x04garbage'), '签到表.xlsx')).toBe('io/xlsx-unreadable');
  });

  it('a formula saved without its result is a warning at its cell', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('6月');
    ws.addRow(['日期', '人员', '单位', '类型', '半天数']);
    ws.addRow(['2021-06-03', '刘鹏飞', '寨河', '门诊', { formula: '1+1' }]);
    const grid = await readGrid(Buffer.from(await wb.xlsx.writeBuffer()), { file: '签到表.xlsx' });
    expect(grid.warnings.map((w) => `${w.code} ${w.line}:${w.col}`)).toEqual(['io/formula-no-value 2:5']);
  });
});
