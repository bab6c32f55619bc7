// The streaming side of the xlsx writers (issue 9): a sheet with hundreds of thousands of rows
// cannot be built as exceljs cell objects (about 1.5 KB a cell), so large sheets go through
// exceljs's streaming WorkbookWriter, which writes each row as it is committed. The print layout
// (xlsx-print.ts) still holds: the columns are measured before the first row is written, each
// row's height is fitted and its page break decided as it goes (PageBreaker), merges and breaks
// are written when the sheet ends. Small sheets of the same workbook are built in memory as
// always and copied in (`copySheet`), cell by cell, so both paths give one layout.
import { Writable } from 'node:stream';
import type ExcelJSNs from 'exceljs';
import { finalizeXlsx, loadExcel, type Worksheet } from './xlsx-common.js';

export type StreamWorkbook = ExcelJSNs.stream.xlsx.WorkbookWriter;
/** exceljs types the streaming sheet as a Worksheet; rows must be written in order and committed. */
export type StreamSheet = Worksheet;

/** A streaming workbook writing into memory (the zip is compressed as it goes), and how to finish it. */
export async function openStreamWorkbook(): Promise<{ wb: StreamWorkbook; finish: () => Promise<Buffer> }> {
  const ExcelJS = await loadExcel();
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
  const closed = new Promise<void>((resolve, reject) => {
    sink.on('finish', resolve);
    sink.on('error', reject);
  });
  // shared strings and styles as the in-memory writer writes them, so both read back alike
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: true, useStyles: true });
  return {
    wb,
    finish: async () => {
      await wb.commit();
      await closed;
      return finalizeXlsx(Buffer.concat(chunks));
    },
  };
}

type Merges = Record<string, { model: { top: number; left: number; bottom: number; right: number }; range: string }>;

/** A streaming sheet with the page setup, views and footer of an in-memory one. */
export function addSheetLike(wb: StreamWorkbook, src: Worksheet, name = src.name): StreamSheet {
  return wb.addWorksheet(name, {
    pageSetup: { ...src.pageSetup },
    views: src.views,
    headerFooter: { ...src.headerFooter },
    properties: { ...src.properties },
  });
}

/**
 * Copy rows `from`..`to` of an in-memory sheet into a streaming one, values, styles, heights,
 * merges and page breaks, and commit them. The column widths must be set before the first copy.
 */
export function copyRows(src: Worksheet, dst: StreamSheet, from: number, to: number): void {
  const merges = (src as unknown as { _merges: Merges })._merges ?? {};
  for (const m of Object.values(merges)) {
    const { top, left, bottom, right } = m.model;
    if (top >= from && bottom <= to) dst.mergeCells(top, left, bottom, right);
  }
  const breaks = new Set(((src as unknown as { rowBreaks?: { id: number }[] }).rowBreaks ?? []).map((b) => b.id));
  for (let r = from; r <= to; r++) {
    const row = src.getRow(r);
    const out = dst.getRow(r);
    if (row.height !== undefined) out.height = row.height;
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const o = dst.getCell(r, c);
      if (!(cell.isMerged && cell.master !== cell)) o.value = cell.value;
      o.style = cell.style;
    });
    if (breaks.has(r)) out.addPageBreak();
    out.commit();
  }
}

/** Copy a whole in-memory sheet into the streaming workbook. */
export function copySheet(wb: StreamWorkbook, src: Worksheet): void {
  const dst = addSheetLike(wb, src);
  copyColumns(src, dst);
  copyRows(src, dst, 1, src.rowCount);
  dst.commit();
}

export function copyColumns(src: Worksheet, dst: StreamSheet): void {
  for (let c = 1; c <= src.columnCount; c++) {
    const w = src.getColumn(c).width;
    if (w !== undefined) dst.getColumn(c).width = w;
  }
}

/**
 * Give the cells of a written row that look alike one style object. exceljs remembers a style's
 * id by object, so a style shared by 500,000 cells is serialised once instead of once a cell.
 * Call when the row's cells are final (a shared style must not be changed through one cell).
 */
export function shareStyles(row: ExcelJSNs.Row, seen: Map<string, Partial<ExcelJSNs.Style>>): void {
  row.eachCell((cell) => {
    const key = JSON.stringify(cell.style);
    const s = seen.get(key);
    if (s) cell.style = s;
    else seen.set(key, cell.style);
  });
}
