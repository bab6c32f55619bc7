// A stray value far from the table (XFD1048576, the last cell of a sheet) used to make the
// reader walk rowCount × columnCount = 17 billion cells: 4.2 GB and a crash in `import`, a hang
// in `validate`. Only the cells that exist are read now. The fixture is built here with exceljs
// (6 KB), not committed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { readGrid } from '../../src/io/xlsx-read.js';
import { BIN } from '../helpers/cli.js';
import { captureIo } from '../helpers/io.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'yilian-sparse-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let far: Buffer;

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['日期', '人员', '单位', '类型', '半天数']);
  ws.addRow(['2021-06-03', '刘鹏飞', '寨河', '门诊', 2]);
  ws.mergeCells('G1:H3');
  ws.getCell('G1').value = '备注区';
  ws.getCell('XFD1048576').value = 'x';
  far = Buffer.from(await wb.xlsx.writeBuffer());
});

describe('a sheet with one value in XFD1048576', () => {
  it('reads the table and the stray cell, nothing in between', async () => {
    const g = await readGrid(far, { file: 'far.xlsx' });
    const rows = g.sheets[0]!.rows;
    expect(rows[0]).toEqual(['日期', '人员', '单位', '类型', '半天数', '', '备注区', '备注区']);
    expect(rows[1]).toEqual(['2021-06-03', '刘鹏飞', '寨河', '门诊', '2', '', '备注区', '备注区']);
    expect(rows[2]).toEqual(['', '', '', '', '', '', '备注区', '备注区']);
    expect(rows[3]).toEqual([]);
    expect(rows).toHaveLength(1048576);
    expect(rows.at(-1)!.length).toBe(16384);
    expect(rows.at(-1)![16383]).toBe('x');
  });

  it('import activity finishes in a 256 MB heap (it used to need 4.2 GB and crash)', () => {
    const file = path.join(tmp, 'far.xlsx');
    writeFileSync(file, far);
    const r = spawnSync(process.execPath, ['--max-old-space-size=256', BIN, 'import', 'activity', file], {
      env: { ...process.env, NO_COLOR: '1', YILIAN_LANG: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.stderr).not.toMatch(/heap out of memory/);
    expect(r.stdout).toMatch(/刘鹏飞/);
  });

  it('as activity-2021-06.xlsx in a workspace, validate ends', async () => {
    const d = path.join(tmp, 'ws');
    mkdirSync(d);
    writeFileSync(path.join(d, 'activity-2021-06.xlsx'), far);
    const c = captureIo();
    const code = await main(['node', 'yilian', 'validate', d, '--format', 'json'], c.io);
    expect(code).toBeLessThanOrEqual(1);
    expect(JSON.parse(c.out.join('\n'))).toHaveProperty('diagnostics');
  });
});
