// A workbook too large for the heap is refused with one sentence before exceljs loads it (V8
// would otherwise end the process with "heap out of memory" and a native trace). The heap
// limit is a parameter, so a small sheet and a small limit stand in for a 2,000,000-row log.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { GridReadError, readGrid } from '../../src/io/xlsx-read.js';
import { zipParts } from '../../src/io/zip.js';

async function sheet(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('6月');
  ws.addRow(['日期', '人员', '单位', '类型', '半天数']);
  for (let i = 0; i < rows; i++) ws.addRow(['2021-06-03', '刘鹏飞', '寨河', '门诊', 1]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The unzipped bytes of the sheet XML and shared strings, as the zip's directory says. */
function cellDataBytes(data: Buffer): number {
  let n = 0;
  for (const p of zipParts(data)!.values()) if (/^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/.test(p.name)) n += p.size;
  return n;
}

describe('a workbook that cannot fit in the heap', () => {
  it('is refused as io/too-large, saying to save it as CSV or split it', async () => {
    const data = await sheet(200);
    const limit = cellDataBytes(data) * 12; // just what the estimate needs
    await expect(readGrid(data, { file: '签到表.xlsx', heapLimit: limit })).resolves.toMatchObject({ format: 'xlsx' });
    const e = await readGrid(data, { file: '签到表.xlsx', heapLimit: limit - 1 }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(GridReadError);
    expect((e as GridReadError).code).toBe('io/too-large');
    expect((e as GridReadError).text.en).toMatch(/^签到表\.xlsx holds 1 MB of sheet data .* save the sheet as CSV .* or split it by month\.$/);
    expect((e as GridReadError).text.zh).toContain('另存为 CSV');
  });

  it('a file that is no zip at all is left for the reader to word', async () => {
    const e = await readGrid(Buffer.from('PK\x03\x04garbage'), { file: 'x.xlsx', heapLimit: 1 }).catch((err: unknown) => err);
    expect((e as GridReadError).code).toBe('io/xlsx-unreadable');
  });
});
