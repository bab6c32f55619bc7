// Sheet helpers shared by every xlsx renderer (roster, payment sheets, reports).
//
// What every sheet we hand out promises (DESIGN.md, "Outputs people hand in"):
// - Chinese headers, a title row merged across the table, A4 landscape at an explicit scale
//   (xlsx-print.ts lays each sheet out), the header row repeated on every printed page, the
//   header frozen on screen, Chinese fonts named on every cell (xlsx-fonts.ts);
// - phone and ID numbers stored as text (`@`), never as numbers or in scientific notation;
// - dates as real Excel dates (serial numbers) for the calendar day, with no time-zone shift;
// - no text cell can ever be run as a formula (see `safeText` below);
// - the same input gives the same bytes (see `finalizeXlsx` below).
//
// exceljs is imported lazily (`loadExcel`, from io/exceljs.ts) so that `yilian --help` and `validate` start fast.
// Everything else here only touches the exceljs objects it is handed.
import type ExcelJSNs from 'exceljs';
import { parseIso } from '../time/dates.js';
import { DEFAULT_FONT_XML, FONT_BODY, FONT_BOLD, FONT_TITLE, MARGINS } from './xlsx-page.js';


export type Workbook = ExcelJSNs.Workbook;
export type Worksheet = ExcelJSNs.Worksheet;
export type Cell = ExcelJSNs.Cell;

export { loadExcel } from '../io/exceljs.js';

// ------------------------------------------------------------------ formula injection
//
// How an xlsx cell could be "run": only a cell with an `<f>` element is a formula. exceljs
// writes a JS string as a shared string (`t="s"`), never as a formula, so opening the file
// evaluates nothing. The remaining risks are (1) a user who clicks into the cell and presses
// Enter: Excel, WPS and LibreOffice re-parse what they see, and `=HYPERLINK(…)` becomes live;
// (2) someone who builds a cell value object by accident (`{formula: …}`).
//
// OWASP / ASVS 1.2.10 say: escape a leading = + - @ TAB CR (and NUL) "with a single quote".
// In CSV that quote is a visible character; in xlsx the very same thing is a *cell attribute*:
// when a user types `'=1+1`, Excel stores the string "=1+1" with the style flag
// `quotePrefix="1"` (and LibreOffice/WPS read and write the same flag). We do exactly that, and
// in addition give every text cell the Text number format (`@`, built-in id 49), under which
// Excel, WPS and LibreOffice keep anything typed into the cell as text. So the value stays
// byte-for-byte what the plan file says (round trips and lookups keep working, nothing
// invisible is added) and no spreadsheet will run it, even after an edit.
//
// exceljs 4.4 cannot write `quotePrefix` (exceljs PR #2809 is unmerged). So a dangerous cell
// gets a marker number format (`QUOTE_MARKER_FMT`), and `finalizeXlsx` rewrites the cell style
// that uses it in xl/styles.xml to `numFmtId="49" quotePrefix="1"`. Should that rewrite ever not
// happen, the marker `;;;@` still displays the text as text.

/** Characters that make a spreadsheet treat what follows as a formula (incl. full-width forms an IME may type). */
const FORMULA_LEAD = /^[=+\-@\t\r\n\0＝＋－＠]/;

export const TEXT_FMT = '@';
export const QUOTE_MARKER_FMT = ';;;@';
export const DATE_FMT = 'yyyy-mm-dd';

/** Whether a spreadsheet would take this text for a formula when it is typed or re-entered. */
export function isFormulaLike(s: string): boolean {
  return FORMULA_LEAD.test(s);
}

/**
 * The value to put into a cell for a piece of text: always a primitive string (never a
 * formula, rich-text or hyperlink object, whatever was passed in), the text itself unchanged.
 * Use `setText` to also apply the protective cell format.
 */
export function safeText(s: unknown): string {
  if (s === undefined || s === null) return '';
  return typeof s === 'string' ? s : String(s);
}

/** Write text into a cell: a shared string, Text format, and the quote-prefix flag when it looks like a formula. */
export function setText(cell: Cell, s: unknown): void {
  const v = safeText(s);
  cell.value = v === '' ? null : v;
  cell.numFmt = textFormat(v);
}

/** The number format a text cell gets (see above): Text, or the quote-prefix marker. */
export function textFormat(v: string): string {
  return isFormulaLike(v) ? QUOTE_MARKER_FMT : TEXT_FMT;
}

/** A calendar day (`YYYY-MM-DD`) as a real Excel date. exceljs converts JS Dates through UTC, so the serial is the day itself in every time zone. */
export function excelDate(iso: string): Date {
  const { y, m, d } = parseIso(iso);
  return new Date(Date.UTC(y, m - 1, d));
}

export function setDate(cell: Cell, iso: string | undefined, fmt: string = DATE_FMT): void {
  if (!iso) {
    cell.value = null;
    return;
  }
  cell.value = excelDate(iso);
  cell.numFmt = fmt;
}

export function setNumber(cell: Cell, n: number | undefined, fmt?: string): void {
  cell.value = n === undefined ? null : n;
  if (fmt) cell.numFmt = fmt;
}

// ------------------------------------------------------------------ widths

export { displayWidth } from './text-width.js';
import { displayWidth } from './text-width.js';
import { entryData, readZipEntries, replaceEntry, writeZip } from './zip.js';
// Tests read xlsx archives through these; the zip code itself lives in zip.ts.
export { entryData, readZipEntries } from './zip.js';

/**
 * Set each column's width from its widest cell (merged title cells excluded: pass the first
 * row that belongs to the table). Dates count 10, numbers their digits.
 */
export function autoWidths(
  ws: Worksheet,
  opts: { fromRow: number; min?: number; max?: number; padding?: number } ,
): void {
  const min = opts.min ?? 4;
  const max = opts.max ?? 60;
  const pad = opts.padding ?? 2;
  const widths: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (r < opts.fromRow) return;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master !== cell) return;
      if (cell.isMerged && isMultiColumnMerge(ws, cell)) return;
      widths[c] = Math.max(widths[c] ?? 0, cellWidth(cell));
    });
  });
  for (let c = 1; c < widths.length; c++) {
    const w = widths[c];
    if (w === undefined) continue;
    ws.getColumn(c).width = Math.min(max, Math.max(min, w + pad));
  }
  // Merged caption rows above the header wrap; give them the height their text needs, or the
  // wrapped lines spill over the header when printed.
  let total = 0;
  for (let c = 1; c <= ws.columnCount; c++) total += ws.getColumn(c).width ?? 9;
  for (let r = 1; r < opts.fromRow; r++) {
    const v = ws.getCell(r, 1).value;
    if (typeof v !== 'string' || !ws.getCell(r, 1).alignment?.wrapText) continue;
    const lines = Math.ceil(displayWidth(v) / Math.max(total - 2, 10));
    if (lines > 1) ws.getRow(r).height = Math.max(ws.getRow(r).height ?? 15, 15 * lines + 4);
  }
}

/** Width units a cell's value needs: dates count 10, numbers their digits, text its widest line. */
export function cellWidth(cell: Pick<Cell, 'value' | 'text'>): number {
  const v = cell.value;
  if (v instanceof Date) return 10;
  if (typeof v === 'number') return String(v).length + 1;
  if (typeof v === 'string') return Math.max(...v.split('\n').map(displayWidth));
  if (v !== null && v !== undefined) return displayWidth(String(cell.text ?? ''));
  return 0;
}

/** Points per printed line of wrapped text (11pt; CJK fallback faces set lines ~1.45 em apart). */
export const LINE_HEIGHT = 16;

/** Lines a text needs when wrapped into a cell `width` characters wide (CJK counts 2). */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(width - 1, 2);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
}

/**
 * Give every row from `fromRow` down the height its wrapped text cells need. Excel, WPS and
 * LibreOffice do not re-fit row heights of a file they open: a row left at the default height
 * prints only the first line of a wrapped cell, or spills it over the rows below. Call after the
 * column widths are final. Never lowers a height already set.
 */
export function fitWrappedRows(ws: Worksheet, fromRow: number): void {
  const merges = (ws as unknown as { _merges: Record<string, { model: { left: number; right: number; top: number; bottom: number } }> })._merges ?? {};
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (r >= fromRow) fitWrappedRow(ws, row, merges);
  });
}

/** One row of `fitWrappedRows`. */
export function fitWrappedRow(ws: Worksheet, row: ExcelJSNs.Row, merges: Record<string, { model: { right: number; top: number; bottom: number } }> = {}): void {
  let lines = 1;
  row.eachCell({ includeEmpty: false }, (cell, c) => {
    if (!cell.alignment?.wrapText || typeof cell.value !== 'string') return;
    if (cell.isMerged && cell.master !== cell) return;
    const m = merges[cell.address]?.model;
    if (m && m.bottom > m.top) return; // a cell merged down has the rows below to wrap into
    let width = 0;
    for (let k = c; k <= (m ? m.right : c); k++) width += ws.getColumn(k).width ?? 9;
    lines = Math.max(lines, wrappedLines(cell.value, width));
  });
  if (lines > 1) row.height = Math.max(row.height ?? 0, wrappedHeight(lines));
}

/** Points a row of `lines` wrapped lines needs. */
export function wrappedHeight(lines: number): number {
  return LINE_HEIGHT * lines + 4;
}

function isMultiColumnMerge(ws: Worksheet, cell: Cell): boolean {
  const merges = (ws as unknown as { _merges: Record<string, { model: { left: number; right: number } }> })._merges;
  const m = merges?.[cell.address];
  return !!m && m.model.right > m.model.left;
}

// ------------------------------------------------------------------ sheet frame

export interface SheetFrameOptions {
  /** Rows above the header that carry the title (merged across all columns). */
  title: string;
  subtitle?: string;
  headers: string[];
}

/**
 * Create a print-ready sheet: title (and subtitle) rows merged across the columns, the header
 * row bold with borders, A4 landscape fit to one page wide, the header repeated on every
 * printed page and frozen on screen. Returns the 1-based row number of the header.
 */
export function addFramedSheet(
  wb: Workbook,
  name: string,
  opts: SheetFrameOptions,
): { ws: Worksheet; headerRow: number } {
  const headerRow = opts.subtitle ? 3 : 2;
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: false, // an explicit scale, set by layoutForPrint (xlsx-print.ts)
      scale: 100,
      horizontalCentered: true,
      margins: { ...MARGINS },
      printTitlesRow: `${headerRow}:${headerRow}`,
    },
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }],
    headerFooter: { oddFooter: '第 &P 页，共 &N 页', differentFirst: false, differentOddEven: false },
  });
  const n = opts.headers.length;
  const title = ws.getCell(1, 1);
  setText(title, opts.title);
  title.font = FONT_TITLE;
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  if (n > 1) ws.mergeCells(1, 1, 1, n);
  if (opts.subtitle) {
    const sub = ws.getCell(2, 1);
    setText(sub, opts.subtitle);
    sub.font = FONT_BODY;
    sub.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    if (n > 1) ws.mergeCells(2, 1, 2, n);
  }
  opts.headers.forEach((h, i) => {
    const cell = ws.getCell(headerRow, i + 1);
    setText(cell, h);
    cell.font = FONT_BOLD;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = THIN_BORDER;
  });
  return { ws, headerRow };
}

export const THIN_BORDER = {
  top: { style: 'thin' as const },
  left: { style: 'thin' as const },
  bottom: { style: 'thin' as const },
  right: { style: 'thin' as const },
};

/** Give a block of cells thin borders (the printed table grid). */
export function borderBlock(ws: Worksheet, top: number, left: number, bottom: number, right: number): void {
  for (let r = top; r <= bottom; r++)
    for (let c = left; c <= right; c++) ws.getCell(r, c).border = THIN_BORDER;
}

/**
 * A valid, unique worksheet name: none of []:*?/\' , and at most 31 UTF-16 units, which is how
 * Excel counts (and exceljs cuts): a character beyond the BMP such as 𠮷 takes two, so cutting by
 * characters left names too long, and exceljs's own cut split a character or made two equal.
 */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\']/g, ' ').trim() || 'Sheet';
  let name = cutUtf16(base, 31);
  for (let i = 2; taken.has(name.toLowerCase()); i++) {
    const suffix = `(${i})`;
    name = cutUtf16(base, 31 - suffix.length) + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

/** The longest prefix of whole characters of `s` that fits in `units` UTF-16 units. */
function cutUtf16(s: string, units: number): string {
  let out = '';
  for (const ch of s) {
    if (out.length + ch.length > units) break;
    out += ch;
  }
  return out;
}

/** Workbook metadata from a fixed day, so outputs are reproducible. */
export function setWorkbookProps(wb: Workbook, isoDay: string | undefined, title?: string): void {
  const when = excelDate(isoDay ?? '2000-01-01');
  wb.creator = 'yilian';
  wb.lastModifiedBy = 'yilian';
  wb.created = when;
  wb.modified = when;
  wb.lastPrinted = undefined as unknown as Date;
  if (title) wb.title = title;
}

/** Build the xlsx bytes of a workbook, deterministic (see `finalizeXlsx`). */
export async function workbookBuffer(wb: Workbook): Promise<Buffer> {
  const raw = await wb.xlsx.writeBuffer();
  return finalizeXlsx(Buffer.from(raw as ArrayBuffer));
}

// ------------------------------------------------------------------ deterministic zip
//
// exceljs (through JSZip, and archiver for the streaming writer) stamps every zip entry with the
// wall-clock time, so two writes of the same workbook differ. `finalizeXlsx` re-packs the archive:
// same entries, same order, same compressed bytes, every timestamp pinned to 1980-01-01 00:00 (what
// Excel itself writes), no data descriptors or extra fields. It also applies the quote-prefix
// style rewrite described above. Works for the output of the streaming WorkbookWriter too.

/** Turn the cell styles that use the quote marker format into Text + quotePrefix. */
export function applyQuotePrefix(stylesXml: string): string {
  const marker = QUOTE_MARKER_FMT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`<numFmt\\s+numFmtId="(\\d+)"\\s+formatCode="${marker}"\\s*/>`).exec(stylesXml);
  if (!m) return stylesXml;
  const id = m[1];
  return stylesXml.replace(/<cellXfs\b[\s\S]*?<\/cellXfs>/, (block) =>
    block.replace(/<xf\b([^>]*?)(\/?)>/g, (xf, attrs: string, close: string) =>
      new RegExp(`\\bnumFmtId="${id}"`).test(attrs)
        ? `<xf${attrs.replace(`numFmtId="${id}"`, 'numFmtId="49"')} quotePrefix="1"${close}>`
        : xf,
    ),
  );
}

/** Make the workbook's default font (font 0: unstyled cells, column width units) 宋体 instead of Calibri. */
export function applyDefaultFont(stylesXml: string): string {
  return stylesXml.replace(/(<fonts\b[^>]*>)\s*<font>[\s\S]*?<\/font>/, `$1${DEFAULT_FONT_XML}`);
}

/** Make an xlsx archive reproducible and apply the post-write style fixes. */
export function finalizeXlsx(buf: Buffer): Buffer {
  const entries = readZipEntries(buf).map((e) => {
    if (e.name === 'xl/styles.xml') {
      const xml = entryData(e).toString('utf8');
      const fixed = applyDefaultFont(applyQuotePrefix(xml));
      if (fixed !== xml) return replaceEntry(e, Buffer.from(fixed, 'utf8'));
    }
    return e;
  });
  return writeZip(entries);
}
