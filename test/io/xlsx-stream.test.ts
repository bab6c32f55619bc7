// An xlsx activity log is read a row at a time (io/xlsx-stream.ts). On random workbooks written
// by exceljs (several sheets, hidden ones, dates in both date systems, numbers, rich text,
// formulas with and without a result, hyperlinks, merges, blank rows, stray far cells) it gives
// the rows and warnings readGrid (the whole Workbook) gives, and read as a log the same
// diagnostics in the same order, entries and positions as the grid reader it replaced.
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readActivityTable } from '../../src/io/activity-table.js';
import { GridReadError, readGrid } from '../../src/io/xlsx-read.js';
import { eachXlsxRow } from '../../src/io/xlsx-stream.js';
import { partBytes, zipParts } from '../../src/io/zip.js';
import { locOf } from '../../src/load/schema.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { ActivityLog } from '../../src/model/kinds.js';
import { oldReadActivityTable } from './reference/old-activity-table.js';

const day = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min));
const text = fc.constantFrom('日期', '人员', '单位', '类型', '半天数', '备注', '2021-06-03', '刘鹏飞', ' 寨河 ', '门诊', '1', '2', '1.3800000001E10', '1.38E+10', '', ' ', 'a&b<c>', '两\n行');
const value: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  { weight: 5, arbitrary: text },
  { weight: 2, arbitrary: fc.constantFrom(0, 1, 2, 1.5, -3, 13800000001, 0.1 + 0.2, 1e21) },
  { weight: 2, arbitrary: fc.constantFrom(day(2021, 6, 3), day(2021, 6, 3, 8, 30), day(1900, 1, 1, 12), day(1900, 2, 28), day(1900, 3, 1), day(1899, 12, 31, 18, 5)) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom({ error: '#N/A' }, { error: '#DIV/0!' }) as fc.Arbitrary<ExcelJS.CellValue> },
  { weight: 1, arbitrary: fc.constant({ richText: [{ text: '刘' }, { font: { bold: true }, text: '鹏飞' }] }) },
  { weight: 1, arbitrary: fc.constant({ text: '寨河', hyperlink: 'https://example.org/' }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<ExcelJS.CellValue>(
      { formula: '1+1', result: 2 } as ExcelJS.CellFormulaValue,
      { formula: '1+1' } as ExcelJS.CellFormulaValue,
      { formula: 'A1&""', result: '门诊' } as ExcelJS.CellFormulaValue,
      { formula: 'TRUE()', result: true } as ExcelJS.CellFormulaValue,
      { formula: 'NA()', result: { error: '#N/A' } } as ExcelJS.CellFormulaValue,
      { formula: 'DATE(2021,6,3)', result: day(2021, 6, 3) } as ExcelJS.CellFormulaValue,
      { formula: 'DATE(2021,6,3)' } as ExcelJS.CellFormulaValue,
    ),
  },
);
const numFmt = fc.constantFrom(undefined, 'yyyy-mm-dd', 'hh:mm', 'yyyy-mm-dd hh:mm', '0.00', '@');
const cell = fc.record({ row: fc.integer({ min: 1, max: 14 }), col: fc.integer({ min: 1, max: 7 }), value, numFmt });
const farCell = fc.record({ row: fc.integer({ min: 1, max: 3000 }), col: fc.integer({ min: 1, max: 300 }), value: text, numFmt: fc.constant(undefined) });
const merge = fc.record({ top: fc.integer({ min: 1, max: 16 }), left: fc.integer({ min: 1, max: 7 }), height: fc.integer({ min: 0, max: 3 }), width: fc.integer({ min: 0, max: 3 }) });
const sheet = fc.record({
  state: fc.constantFrom<ExcelJS.WorksheetState>('visible', 'visible', 'hidden', 'veryHidden'),
  cells: fc.array(cell, { maxLength: 40 }),
  far: fc.array(farCell, { maxLength: 1 }),
  merges: fc.array(merge, { maxLength: 3 }),
});
const book = fc.record({ sheets: fc.array(sheet, { minLength: 1, maxLength: 3 }), date1904: fc.boolean(), reorder: fc.boolean() });

async function write(spec: fc.RecordValue<{ sheets: fc.RecordValue<typeof sheet extends fc.Arbitrary<infer S> ? S : never>[]; date1904: boolean; reorder: boolean }>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = spec.date1904;
  spec.sheets.forEach((s, i) => {
    const ws = wb.addWorksheet(i === 1 ? 'My sheet' : `表${i + 1}`, { state: s.state });
    if (spec.reorder) ws.orderNo = spec.sheets.length - i; // tab order not the parts' order
    for (const m of s.merges) {
      try {
        ws.mergeCells(m.top, m.left, m.top + m.height, m.left + m.width);
      } catch {
        // overlaps one before: exceljs will not write it
      }
    }
    for (const c of [...s.cells, ...s.far]) {
      const target = ws.getCell(c.row, c.col);
      if (target.isMerged && target.master !== target) target.unmerge(); // a value of its own under a merge
      target.value = c.value;
      if (c.numFmt) target.numFmt = c.numFmt;
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** What readGrid gives for the log: the rows of the first sheet with a non-empty cell, and the warnings; or the refusal. */
async function wholeRead(data: Buffer): Promise<unknown> {
  try {
    const grid = await readGrid(data, { file: 'log.xlsx', format: 'xlsx' });
    return { rows: grid.sheets.find((s) => s.rows.some((r) => r.some((c) => c !== '')))?.rows ?? [], warnings: grid.warnings };
  } catch (e) {
    return { refused: (e as GridReadError).code, text: (e as GridReadError).text };
  }
}

async function rowByRow(data: Buffer): Promise<unknown> {
  const rows: string[][] = [];
  try {
    const warnings = await eachXlsxRow(data, 'log.xlsx', (row, n) => void (rows[n - 1] = row));
    expect(Object.keys(rows).length).toBe(rows.length); // every row number once, in order
    return { rows, warnings };
  } catch (e) {
    return { refused: (e as GridReadError).code, text: (e as GridReadError).text };
  }
}

async function expectSameLog(data: Buffer): Promise<void> {
  const a: Diagnostic[] = [];
  const b: Diagnostic[] = [];
  const fresh = await readActivityTable('log.xlsx', data, a);
  const old = await oldReadActivityTable('log.xlsx', data, b);
  expect(a).toEqual(b);
  expect(fresh === undefined).toBe(old === undefined);
  if (!fresh || !old) return;
  const store = (fresh.data as ActivityLog).entries;
  expect(JSON.stringify(store)).toBe(JSON.stringify(old.data.entries));
  old.data.entries.forEach((e, i) => expect(locOf(store.at(i), 'halfDays')).toEqual(locOf(e, 'halfDays')));
}

/**
 * The archive with each part's text edited, and its parts in the order `first` puts them (what
 * exceljs will not write: rows missing under a merge, merges that overlap, rows out of order).
 */
function rezip(data: Buffer, edit: (name: string, text: string) => string, first: (name: string) => number = () => 0): Buffer {
  const parts = [...zipParts(data)!.values()].sort((a, b) => first(a.name) - first(b.name));
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const body = Buffer.from(edit(p.name, partBytes(data, p).toString('utf8')), 'utf8');
    const packed = deflateRawSync(body);
    const name = Buffer.from(p.name);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc32(body), 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(body.length, 22);
    head.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    head.copy(entry, 8, 6, 30); // flags, method, time, date, crc, sizes, name length
    entry.writeUInt32LE(offset, 42);
    locals.push(head, name, packed);
    central.push(entry, name);
    offset += head.length + name.length + packed.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const sheetXml = (edit: (xml: string) => string) => (name: string, text: string) => (name === 'xl/worksheets/sheet1.xml' ? edit(text) : text);

describe('xlsx log read row by row', () => {
  it('gives readGrid’s rows and warnings on random workbooks', async () => {
    await fc.assert(
      fc.asyncProperty(book, async (spec) => {
        const data = await write(spec);
        expect(await rowByRow(data)).toEqual(await wholeRead(data));
      }),
      { numRuns: 150 },
    );
  });

  it('read as a log: the same diagnostics in the same order, entries and positions', async () => {
    const log = fc.record({
      rows: fc.array(fc.oneof(fc.constant([] as ExcelJS.CellValue[]), fc.tuple(fc.constantFrom<ExcelJS.CellValue>(day(2021, 6, 3), '2021-02-30', { formula: 'DATE(2021,6,3)' } as ExcelJS.CellFormulaValue), fc.constantFrom('刘鹏飞', ''), fc.constant('寨河'), fc.constantFrom('门诊', '讲课'), value)), { maxLength: 12 }),
      header: fc.constantFrom(['日期', '人员', '单位', '类型', '半天数'], ['日期', '人员', '单位', '科室']),
    });
    await fc.assert(
      fc.asyncProperty(log, async ({ rows, header }) => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('6月');
        ws.addRow(header);
        for (const r of rows) ws.addRow(r);
        ws.getColumn(1).numFmt = 'yyyy-mm-dd';
        await expectSameLog(Buffer.from(await wb.xlsx.writeBuffer()));
      }),
      { numRuns: 60 },
    );
  });

  it('workbooks exceljs does not write: the same rows, warnings and refusals as readGrid', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    ws.addRow(['日期', '人员', '单位', '类型', '半天数']);
    ws.getCell('A2').value = { text: '寨河', hyperlink: 'https://example.org/' };
    ws.getCell('B2').value = { formula: '1+1' } as ExcelJS.CellFormulaValue;
    ws.getCell('C4').value = '门诊';
    ws.getCell('E3').value = { formula: '1+1' } as ExcelJS.CellFormulaValue;
    ws.mergeCells('C4:D6');
    ws.getCell('A8').value = 1;
    ws.getCell('F2').value = { formula: '1+1', result: 2, shareType: 'shared', ref: 'F2:F3' } as ExcelJS.CellValue;
    ws.getCell('F3').value = { sharedFormula: 'F2', result: 3 } as ExcelJS.CellValue;
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const dropRows = (...rows: number[]) => sheetXml((xml) => xml.replace(/<row r="(\d+)"[^>]*>.*?<\/row>/g, (row, r: string) => (rows.includes(Number(r)) ? '' : row)));
    const cases = {
      exceljs: data,
      'shared strings and styles after the sheets, as Excel writes them': rezip(data, (_, x) => x, (name) => (/styles|sharedStrings/.test(name) ? 1 : 0)),
      'rows under a merge the XML leaves out': rezip(data, dropRows(5, 6)),
      'a merge past the last row': rezip(data, dropRows(5, 6, 8)),
      'a formula under a merge': rezip(data, sheetXml((xml) => xml.replace('<c r="D5"', '<c r="D5"><f>2+2</f></c><c r="Z5"'))),
      'a formula with a hyperlink': rezip(data, sheetXml((xml) => xml.replace('<hyperlink ref="A2"', '<hyperlink ref="B2"'))),
      'merges that overlap': rezip(data, sheetXml((xml) => xml.replace('<mergeCell ref="C4:D6"/>', '<mergeCell ref="C4:D6"/><mergeCell ref="D6:E7"/>'))),
      'rows out of order': rezip(data, sheetXml((xml) => xml.replace(/(<row r="2".*?<\/row>)(<row r="3".*?<\/row>)/, '$2$1'))),
      'no hyperlinks (addresses left out of reconciling, but for shared formulas)': rezip(data, sheetXml((xml) => xml.replace(/<hyperlinks>.*<\/hyperlinks>/, ''))),
      'a hidden sheet': rezip(data, (name, x) => (name === 'xl/workbook.xml' ? x.replace('state="visible"', 'state="hidden"') : x)),
      'a broken workbook.xml': rezip(data, (name, x) => (name === 'xl/workbook.xml' ? x.replace('<sheet ', '<sheet state="hidden" ') : x)),
    };
    for (const [what, bytes] of Object.entries(cases)) {
      expect(bytes.equals(data) === (what === 'exceljs'), what).toBe(true);
      expect(await rowByRow(bytes), what).toEqual(await wholeRead(bytes));
      await expectSameLog(bytes);
    }
  });

  it('a sheet whose XML breaks part way is refused; an error of the caller’s stays the caller’s', async () => {
    const wb = new ExcelJS.Workbook();
    // A header with findings of its own, and enough rows that the break is read well after it.
    wb.addWorksheet('表').addRows([['日期', '人员', '科室'], ...Array.from({ length: 3000 }, () => ['2021-06-03', '刘鹏飞'])]);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const broken = rezip(data, sheetXml((xml) => xml.replace('<row r="3000"', '<row r="3000"><c r="A2"></d>')));
    expect(await rowByRow(broken)).toMatchObject({ refused: 'io/xlsx-unreadable' });
    expect(await rowByRow(broken)).toEqual(await wholeRead(broken));
    await expectSameLog(broken); // the header row handed on before the break leaves no trace
    const oops = new Error('a bug of the caller');
    await expect(eachXlsxRow(data, 'log.xlsx', () => { throw oops; })).rejects.toBe(oops);
  });

  it('a broken or empty archive is refused as readGrid refuses it', async () => {
    for (const data of [Buffer.from('PK\x03\x04garbage'), Buffer.from(await new ExcelJS.Workbook().xlsx.writeBuffer())]) {
      expect(await rowByRow(data)).toEqual(await wholeRead(data));
      await expectSameLog(data);
    }
  });
});
