// The streaming side of the xlsx writers (issue 9): a sheet with hundreds of thousands of rows
// cannot be built as exceljs cell objects (about 1.5 KB a cell), so large sheets go through
// exceljs's streaming WorkbookWriter, which writes each row as it is committed. The print layout
// (xlsx-print.ts) still holds: the columns are measured before the first row is written, each
// row's height is fitted and its page break decided as it goes (PageBreaker), merges and breaks
// are written when the sheet ends. Small sheets of the same workbook are built in memory as
// always and copied in (`copySheet`), cell by cell, so both paths give one layout. The long
// run of rows itself is written by `RowStream` straight into the sheet's XML, with back-pressure
// on the zip (`zipDrain`), so a 500,000-row sheet costs less than exceljs's own row writer.
import { once } from 'node:events';
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
      const zip = Buffer.concat(chunks.splice(0)); // the pieces can go while the zip is re-packed
      return finalizeXlsx(zip);
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

/** A value the row writer takes: text (a shared string), a number, a calendar date, or nothing. */
export type RawValue = string | number | Date | null;
export type CellStyle = Partial<ExcelJSNs.Style>;

// exceljs's value types (doc/enums.js ValueType): a style's default number format depends on them
const NULL_TYPE = 0;
const NUMBER_TYPE = 2;
const STRING_TYPE = 3;
const DATE_TYPE = 4;
const DAY_MS = 24 * 3600 * 1000;
/** Sheet XML (characters) gathered before it goes to the zip. */
const BATCH = 1 << 16;
/** Bytes the zip may fall behind before the writer waits for it. */
const ZIP_BEHIND = 1 << 20;

interface SheetInternals {
  startedData: boolean;
  _rows: unknown[];
  _rowZero: number;
  stream: { write(xml: string): void; pipes: Writable[] };
}

/**
 * Rows written straight into a streamed sheet's XML, as exceljs's own row writer writes them
 * (same elements and attributes, style ids and shared strings from the workbook), but without
 * an exceljs Row, Cell, value and style object per cell, which cost most of the time of a
 * 500,000-row sheet. A style is resolved through the workbook once per style object (exceljs
 * remembers its id by object), so pass the same objects for cells that look alike. Start after
 * the rows above are committed through exceljs; call `end` before using exceljs rows again.
 */
export class RowStream {
  private xml = '';
  private readonly sheet: SheetInternals;
  private readonly letters: string[] = [];

  constructor(
    private readonly wb: StreamWorkbook,
    ws: StreamSheet,
    columns: number,
  ) {
    this.sheet = ws as unknown as SheetInternals;
    if (!this.sheet.startedData || this.sheet._rows.length) throw new Error('RowStream: commit the rows above first');
    for (let c = 1; c <= columns; c++) this.letters.push(ws.getColumn(c).letter);
  }

  /** Row `r`, `height` points high, cells from column A. */
  write(r: number, height: number, values: readonly RawValue[], styles: readonly CellStyle[]): void {
    const { styles: ids, sharedStrings } = this.wb as unknown as WorkbookInternals;
    let x = `<row r="${r}" ht="${height}" customHeight="1" spans="1:${values.length}" x14ac:dyDescent="0.25">`;
    for (let c = 0; c < values.length; c++) {
      const v = values[c]!;
      const type = v === null ? NULL_TYPE : typeof v === 'string' ? STRING_TYPE : typeof v === 'number' ? NUMBER_TYPE : DATE_TYPE;
      const s = ids.addStyleModel(styles[c]!, type);
      if (type === NULL_TYPE && !s) continue;
      x += `<c r="${this.letters[c]}${r}"${s ? ` s="${s}"` : ''}`;
      if (type === NULL_TYPE) x += '/>';
      else if (type === STRING_TYPE) x += ` t="s"><v>${sharedStrings.add(v as string)}</v></c>`;
      else if (type === NUMBER_TYPE) x += `><v>${v}</v></c>`;
      else x += `><v>${25569 + (v as Date).getTime() / DAY_MS}</v></c>`; // exceljs's dateToExcel
    }
    this.xml += `${x}</row>`;
    if (this.xml.length > BATCH) this.send();
  }

  /** Hand the rows written so far to the zip, and wait while it is far behind. */
  async flush(): Promise<void> {
    this.send();
    await zipDrain(this.sheet as unknown as StreamSheet);
  }

  /** Stop writing raw rows; exceljs's rows go on at row `next`. */
  end(next: number): void {
    this.send();
    this.sheet._rowZero = next;
  }

  private send(): void {
    if (this.xml) this.sheet.stream.write(this.xml);
    this.xml = '';
  }
}

interface WorkbookInternals {
  styles: { addStyleModel(style: CellStyle, type: number): number };
  sharedStrings: { add(s: string): number };
}

/**
 * Back-pressure for a streamed sheet: exceljs hands its XML to the zip without waiting, so a
 * writer that never yields holds the whole sheet in memory before anything is compressed. Lets
 * the zip's deflate (on libuv's threads) take what was written, and waits for it to catch up
 * when it is more than a MB behind.
 */
export async function zipDrain(ws: StreamSheet): Promise<void> {
  const entry = zipEntry(ws);
  const state = entry?._writableState;
  if (entry && state?.needDrain && state.length > ZIP_BEHIND) await once(entry, 'drain');
  else await new Promise((ok) => setImmediate(ok));
}

type EntryStream = Writable & { _writableState?: { length: number; needDrain: boolean } };

/**
 * The zip's stream for this sheet once archiver has taken it up: readable-stream 3 (archiver's),
 * whose state is only `_writableState`; undefined before.
 */
function zipEntry(ws: StreamSheet): EntryStream | undefined {
  return (ws as unknown as SheetInternals).stream.pipes?.[0] as EntryStream | undefined;
}

/** Bytes of this sheet's XML the zip has not compressed yet; undefined while it cannot tell. */
export function zipBacklog(ws: StreamSheet): number | undefined {
  return zipEntry(ws)?._writableState?.length;
}
