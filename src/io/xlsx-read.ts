// Read a spreadsheet (xlsx or csv) into a plain grid of cell strings per sheet, the way a person
// sees it: merged cells carry their master's text in every cell they cover, numbers come back as
// the digits (a phone stored as 13800000001 or shown as 1.3800000001E10 reads "13800000001"),
// dates as ISO `YYYY-MM-DD`, formulas as their cached result, rich text and hyperlinks as text.
// Importers work on these grids only, so they stay pure and testable without files.
import { isUtf8 } from 'node:buffer';
import { extname } from 'node:path';
import type ExcelJSNs from 'exceljs';
import { t, type Diagnostic, type Text } from '../model/diagnostic.js';
import { isoDate } from '../time/dates.js';
import { IO_CODES } from '../codes/io.js';
import { errnoText } from './errno.js';
import { loadExcel } from './exceljs.js';
import { readRegularFile } from './regular-file.js';
import { zipParts, type ZipPart } from './zip.js';
import { getHeapStatistics } from 'node:v8';

export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number; // 1-based, inclusive
}

export interface GridSheet {
  name: string;
  /** rows[r][c] is the text of row r+1, column c+1; '' for an empty cell. */
  rows: string[][];
  merges: MergeRange[];
  /**
   * Cells (`row:col`, 1-based) that hold a formula without a saved result: they read as '' but
   * are not known to be empty, so importers never fill them from the row above.
   */
  unknown?: ReadonlySet<string>;
}

export interface Grid {
  file?: string;
  format: 'xlsx' | 'csv';
  sheets: GridSheet[];
  /** Reading notes (e.g. a GB18030-encoded CSV). */
  warnings: Diagnostic[];
}

export class GridReadError extends Error {
  readonly code: string;
  readonly text: Text;
  /** `finding` is the declared code's finding (IO_CODES.raise); the error carries its code and words. */
  constructor(
    finding: Diagnostic,
    readonly file?: string,
  ) {
    super(finding.message.en);
    this.code = finding.code;
    this.text = finding.message;
  }
}

export type GridFormat = 'xlsx' | 'csv';

/**
 * Largest sheet `yilian import` reads. It has no --max-file-size: an office's sign-in sheet is
 * far below this, and the bound keeps a device or an endless file from being read at all.
 */
export const IMPORT_MAX_BYTES = 100 * 1024 * 1024;

/** Read a file; the format follows the extension (or the content when the extension says nothing). */
export async function readGridFile(path: string): Promise<Grid> {
  const r = await readRegularFile(path, IMPORT_MAX_BYTES);
  if (r.ok) return readGrid(r.bytes, { file: path });
  if (r.reason === 'not-a-file')
    throw new GridReadError(IO_CODES.raise('io/not-a-file', 'notRead', { file: path, kind: r.kind }), path);
  if (r.reason === 'too-large')
    throw new GridReadError(IO_CODES.raise('io/too-large', 'import', { file: path, limit: IMPORT_MAX_BYTES / 1048576 }), path);
  const why = errnoText(r.error);
  throw new GridReadError(IO_CODES.raise('io/read', 'sheet', { file: path, why }), path);
}

export function sniffFormat(data: Uint8Array, file?: string): GridFormat {
  const ext = file ? extname(file).toLowerCase() : '';
  const isZip = data[0] === 0x50 && data[1] === 0x4b;
  const isOle = data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0;
  if (isOle || ext === '.xls' || ext === '.et')
    throw new GridReadError(IO_CODES.raise('io/xls-unsupported', { file: file ?? t('文件', 'the file') }), file);
  if (isZip || ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  return 'csv';
}

/** `heapLimit`: the heap a whole workbook must fit in (V8's own limit; smaller in tests). */
export async function readGrid(data: Uint8Array, opts: { file?: string; format?: GridFormat; heapLimit?: number } = {}): Promise<Grid> {
  const format = opts.format ?? sniffFormat(data, opts.file);
  return format === 'xlsx' ? readXlsx(data, opts.file, opts.heapLimit) : readCsv(data, opts.file);
}

// ------------------------------------------------------------------ xlsx

/**
 * Heap bytes exceljs's in-memory Workbook needs at its peak per byte of cell data once unzipped
 * (sheet XML and shared strings). Measured on a 500,000-row log (111.8 MB of sheet XML): it
 * loads in a 1,348 MB heap, not in a 1,048 MB one (9.4–12 bytes a byte); 12 keeps a margin.
 */
const HEAP_PER_CELL_DATA_BYTE = 12;

/** A sheet's XML or the shared strings: the parts a Workbook holds as cells. */
export const isCellData = (name: string) => /^xl\/(worksheets\/sheet\d+\.xml|sharedStrings\.xml)$/.test(name);

/**
 * Refuse, with one sentence, a workbook whose cells cannot fit in the heap (V8 would end the
 * process with a native trace instead). The size comes from the zip's directory, read first;
 * an archive without one is left for the reader to word.
 */
export function assertFitsInHeap(data: Uint8Array, file: string | undefined, heapLimit = getHeapStatistics().heap_size_limit, parts: (p: ZipPart) => boolean = (p) => isCellData(p.name)): void {
  const dir = zipParts(data);
  if (!dir) return;
  let bytes = 0;
  for (const p of dir.values()) if (parts(p)) bytes += p.size;
  if (bytes * HEAP_PER_CELL_DATA_BYTE <= heapLimit) return;
  const finding = IO_CODES.raise('io/too-large', 'workbook', { file: file ?? t('工作簿', 'the workbook'), size: Math.ceil(bytes / 1048576) });
  throw new GridReadError(finding, file);
}

async function readXlsx(data: Uint8Array, file?: string, heapLimit?: number): Promise<Grid> {
  assertFitsInHeap(data, file, heapLimit);
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as ArrayBuffer);
  } catch (e) {
    throw new GridReadError(IO_CODES.raise('io/xlsx-unreadable', 'invalid', { file: file ?? t('工作簿', 'the workbook'), reason: (e as Error).message }), file);
  }
  if (!wb.worksheets.length)
    throw new GridReadError(IO_CODES.raise('io/xlsx-unreadable', 'noSheet', { file: file ?? t('工作簿', 'the workbook') }), file);
  const sheets: GridSheet[] = [];
  const warnings: Diagnostic[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state && ws.state !== 'visible') continue; // hidden sheets are not what people look at
    const unknown = new Set<string>();
    const rows = sparseRows(ws, (r, c) => unknown.add(`${r}:${c}`), ExcelJS.ValueType.Formula);
    const merges = parseMerges(((ws as unknown as { model: { merges?: string[] } }).model.merges ?? []) as string[]);
    fillMerges(rows, merges);
    while (rows.length && rows[rows.length - 1]!.every((s) => s === '')) rows.pop();
    warnings.push(...unknownFormulaWarnings(ws.name, [...unknown].slice(0, NAMED_FORMULAS), unknown.size, file));
    sheets.push({ name: ws.name, rows, merges, ...(unknown.size ? { unknown } : {}) });
  }
  return { file, format: 'xlsx', sheets, warnings };
}

/** How many blank formula cells of a sheet are named one by one; the rest are counted. */
export const NAMED_FORMULAS = 10;

/**
 * A formula saved without its result (files written by programs, never opened in Excel/WPS)
 * reads as blank: name the cell, so a default (1 half day) or a lost note is not silent.
 * `named`: the first NAMED_FORMULAS cells (`row:col`) in reading order; `total`: how many in all.
 */
export function unknownFormulaWarnings(sheet: string, named: readonly string[], total: number, file?: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const fix = t('请在 Excel/WPS 中打开并保存该文件（保存时会算出结果），再导入。', 'Open and save the file in Excel/WPS (that computes the results), then import again.');
  for (const key of named) {
    const [r, c] = key.split(':').map(Number) as [number, number];
    const addr = cellAddress(sheet, r, c);
    out.push(IO_CODES.raise('io/formula-no-value', 'cell', { cell: addr }, { ...(file ? { file } : {}), line: r, col: c, hint: fix }));
  }
  if (total > NAMED_FORMULAS)
    out.push(IO_CODES.raise('io/formula-no-value', 'more', { sheet, count: total - NAMED_FORMULAS }, { ...(file ? { file } : {}), hint: fix }));
  return out;
}

/** `Sheet1!D7`; a sheet name with spaces or punctuation is quoted as Excel does ('My sheet'!D7). */
export function cellAddress(sheet: string, row: number, col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  const name = /^[\p{L}\p{N}_]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${letters}${row}`;
}

/**
 * The text of the cells that exist, row by row. Only stored rows and cells are visited: one
 * stray value in XFD1048576 makes rowCount × columnCount 17 billion cells, but it is one cell.
 */
function sparseRows(ws: ExcelJSNs.Worksheet, blankFormula: (row: number, col: number) => void, formulaType: number): string[][] {
  const rows: string[][] = [];
  ws.eachRow((wr, r) => {
    rows[r - 1] = rowTexts(wr, (c) => blankFormula(r, c), formulaType);
  });
  // Rows in between are empty: real (not sparse) arrays for the importers.
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return rows;
}

/** A row's texts up to its last non-empty cell; `blankFormula` hears of each formula cell without a saved result. */
export function rowTexts(wr: ExcelJSNs.Row, blankFormula: (col: number) => void, formulaType: number): string[] {
  const row: string[] = [];
  wr.eachCell((cell, c) => {
    const text = cellText(cell.value);
    if (cell.type === formulaType && (cell.result === undefined || cell.result === null)) blankFormula(c);
    if (text === '') return;
    while (row.length < c - 1) row.push('');
    row[c - 1] = text;
  });
  return row;
}

/** Merged cells carry their master's text; a merge reaching past the data is cut there. */
function fillMerges(rows: string[][], merges: MergeRange[]): void {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  for (const m of merges) {
    const v = rows[m.top - 1]?.[m.left - 1] ?? '';
    if (v === '') continue;
    const bottom = Math.min(m.bottom, rows.length);
    const right = Math.min(m.right, width);
    for (let r = m.top; r <= bottom; r++) {
      const row = rows[r - 1]!;
      for (let c = m.left; c <= right; c++) {
        while (row.length < c) row.push('');
        row[c - 1] = v;
      }
    }
  }
}

export function trimRow(row: string[]): string[] {
  let n = row.length;
  while (n > 0 && row[n - 1] === '') n--;
  return row.slice(0, n);
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function parseMerges(ranges: string[]): MergeRange[] {
  const out: MergeRange[] = [];
  for (const range of ranges) {
    const m = /^\$?([A-Za-z]+)\$?(\d+):\$?([A-Za-z]+)\$?(\d+)$/.exec(range);
    if (!m) continue;
    const [a, b] = [colNumber(m[1]!), colNumber(m[3]!)];
    const [r1, r2] = [Number(m[2]), Number(m[4])];
    out.push({ top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(a, b), right: Math.max(a, b) });
  }
  return out;
}

/** The text a person sees for an exceljs cell value. */
export function cellText(v: ExcelJSNs.CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return unscientific(v);
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return dateText(v);
  if (typeof v === 'object') {
    const o = v as unknown as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join('');
    if ('formula' in o || 'sharedFormula' in o) return cellText(o.result as ExcelJSNs.CellValue);
    if ('hyperlink' in o) return cellText(o.text as ExcelJSNs.CellValue);
    if ('error' in o) return String(o.error);
    if ('text' in o) return cellText(o.text as ExcelJSNs.CellValue);
  }
  return String(v);
}

/** A number as its digits: integers in full (no exponent), others to 15 significant digits. */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return BigInt(n).toString();
  return String(Number(n.toPrecision(15)));
}

/** exceljs reads date-formatted cells as JS Dates in UTC; the calendar day is the UTC day. */
function dateText(d: Date): string {
  const day = isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  if (h === 0 && m === 0) return day;
  const hm = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  return d.getUTCFullYear() <= 1900 ? hm : `${day} ${hm}`;
}

/**
 * `1.3800000001E10` / `1.3800000001E+10` → `13800000001` when the text carries every digit (a
 * long number that a spreadsheet showed in scientific notation). A shortened form such as
 * `1.38E+10` has lost digits and is left as it is, for the importer to flag.
 */
export function unscientific(s: string): string {
  const m = /^\s*(\d)(?:\.(\d+))?[eE]\+?(\d{1,2})\s*$/.exec(s);
  if (!m) return s;
  const frac = m[2] ?? '';
  const exp = Number(m[3]);
  if (exp < 6 || frac.length > exp) return s;
  if (frac.length < exp) return s; // digits lost (1.38E+10) — keep what was written
  return m[1]! + frac;
}

// ------------------------------------------------------------------ csv

function readCsv(data: Uint8Array, file?: string): Grid {
  const { text, warnings } = decodeCsv(data, file);
  const rows: string[][] = [];
  eachCsvRow(text, (row) => {
    row.length = trimRow(row).length;
    rows.push(row);
  });
  while (rows.length && rows[rows.length - 1]!.every((s) => s === '')) rows.pop();
  const name = file ? (file.split(/[\\/]/).pop() ?? file).replace(/\.[^.]+$/, '') : 'csv';
  return { file, format: 'csv', sheets: [{ name, rows, merges: [] }], warnings };
}

/** A CSV's text, with a warning when it was not UTF-8 (see decodeImportedCsv). */
export function decodeCsv(data: Uint8Array, file?: string): { text: string; warnings: Diagnostic[] } {
  const { text, encoding } = decodeImportedCsv(data);
  return { text, warnings: encodingWarnings(encoding, file) };
}

function encodingWarnings(encoding: CsvEncoding, file: string | undefined): Diagnostic[] {
  return encoding === 'gb18030' ? [IO_CODES.raise('io/encoding-gb18030', 'sheet', { file: file ?? t('文件', 'the file') }, { file, line: 1, col: 1 })] : [];
}

/**
 * Each row of a CSV's text, its cells as a sheet gives them (a long number Excel wrote in
 * scientific notation spelled out), one at a time: a large log is never held as a grid.
 */
export function eachCsvRow(text: string, onRow: (row: string[]) => void): void {
  const rows = new CsvRows(sniffDelimiter(text), unscientificRow(onRow));
  rows.push(text);
  rows.end();
}

/** Bytes decoded and parsed at a time by eachCsvRowOfBytes (then rounded up to a line break): small enough that each piece of text is a young object, freed by the next scavenge, where a large one would wait in the large-object space for a full collection. */
const CSV_CHUNK = 1 << 15;
/** The lines the delimiter is sniffed from (sniffDelimiter). */
const SNIFF_LINES = 12;

/**
 * eachCsvRow of a CSV's bytes, decoded a megabyte at a time (see decodeImportedCsv for the
 * encodings): a 500,000-row log is never one 35 MB string, which lived in the old heap until
 * the end of `check`. Chunks end just after a line-feed byte, which in UTF-8 and GB18030 is
 * never part of a longer character; UTF-16 is decoded whole. Returns the encoding's warning.
 */
export function eachCsvRowOfBytes(data: Uint8Array, file: string | undefined, onRow: (row: string[]) => void, chunk = CSV_CHUNK): Diagnostic[] {
  const bom = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0;
  if (!bom && ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff))) {
    const { text, warnings } = decodeCsv(data, file);
    eachCsvRow(text, onRow);
    return warnings;
  }
  const encoding: CsvEncoding = bom || isUtf8(data) ? 'utf-8' : 'gb18030';
  const decoder = new TextDecoder(encoding); // UTF-8 is valid here: decoded as the fatal decoder would
  // The first chunk holds the lines the delimiter is sniffed from, as the whole text would.
  let end = bom;
  for (let n = 0; n < SNIFF_LINES && end < data.length; n++) end = lineEnd(data, end);
  end = lineEnd(data, Math.max(end, bom + chunk) - 1);
  const first = decoder.decode(data.subarray(bom, end));
  const rows = new CsvRows(sniffDelimiter(first), unscientificRow(onRow));
  rows.push(first);
  for (let at = end; at < data.length; at = end) {
    end = lineEnd(data, at + chunk - 1);
    rows.push(decoder.decode(data.subarray(at, end)));
  }
  rows.end();
  return encodingWarnings(encoding, file);
}

/** Just past the first line feed at or after `from`, else the end of the data. */
function lineEnd(data: Uint8Array, from: number): number {
  const nl = data.indexOf(10, Math.max(0, from));
  return nl < 0 ? data.length : nl + 1;
}

const unscientificRow = (onRow: (row: string[]) => void) => (row: string[]) => {
  for (let i = 0; i < row.length; i++) row[i] = unscientific(row[i]!);
  onRow(row);
};

type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/**
 * Decode a CSV (imported, or an activity log in a workspace): UTF-8 (BOM optional), UTF-16 with
 * BOM (Excel's "Unicode text"), else GB18030 (what Excel/WPS in China save as "CSV"), never
 * failing. More lenient than `decodeText` in io/read.ts, which reads plan YAML and rejects
 * UTF-16 and undecodable bytes; both warn about GB18030 as `io/encoding-gb18030`.
 */
function decodeImportedCsv(data: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(data.subarray(3)), encoding: 'utf-8' };
  if (data[0] === 0xff && data[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(data.subarray(2)), encoding: 'utf-16le' };
  if (data[0] === 0xfe && data[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(data.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(data), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(data), encoding: 'gb18030' };
  }
}

/** RFC 4180 CSV (quotes, doubled quotes, CRLF); the delimiter (, tab ;) is taken from the first lines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  const p = new CsvRows(sniffDelimiter(text), (row) => rows.push(row));
  p.push(text);
  p.end();
  return rows;
}

/**
 * The delimiter (, tab ;) most frequent in the first lines, not the first one alone: office
 * sheets often start with a caption line (附件2:) that has no delimiter at all.
 */
function sniffDelimiter(text: string): string {
  const head = text.split(/\r?\n/, SNIFF_LINES).join('\n');
  const count = (ch: string) => head.split(ch).length - 1;
  return [',', '\t', ';'].reduce((best, ch) => (count(ch) > count(best) ? ch : best), ',');
}

/**
 * parseCsv's reading, fed text in pieces (each but the last ending at a line break) and handing
 * each row to `onRow` as it ends. A quoted field may run across pieces; nothing else does.
 */
class CsvRows {
  private row: string[] = [];
  private field = '';
  private quoted = false;

  constructor(
    private readonly delim: string,
    private readonly onRow: (row: string[]) => void,
  ) {}

  push(text: string): void {
    const delim = this.delim;
    const d = delim.charCodeAt(0);
    const onRow = this.onRow;
    let { row, field, quoted } = this;
    for (let i = 0; i < text.length; i++) {
      // A field that does not start with a quote runs to the next delimiter or line break: slice
      // it at once (a log of 500,000 rows spent most of its reading time adding characters).
      if (!quoted && field === '' && text.charCodeAt(i) !== 34) {
        let j = i;
        for (let c = text.charCodeAt(j); j < text.length && c !== d && c !== 10 && c !== 13 && c !== 34; c = text.charCodeAt(++j));
        if (j < text.length && text.charCodeAt(j) === 34) {
          field = text.slice(i, j); // a quote inside the field is a character: go on one by one
          i = j - 1;
          continue;
        }
        field = text.slice(i, j);
        i = j;
        if (i >= text.length) break;
      }
      const ch = text[i]!;
      if (quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i++;
          } else quoted = false;
        } else field += ch;
      } else if (ch === '"' && field === '') quoted = true;
      else if (ch === delim) {
        row.push(field);
        field = '';
      } else if (ch === '\n' || ch === '\r') {
        if (ch === '\r' && text[i + 1] === '\n') i++;
        row.push(field);
        onRow(row);
        row = [];
        field = '';
      } else field += ch;
    }
    this.row = row;
    this.field = field;
    this.quoted = quoted;
  }

  /** The last row, when the text does not end with a line break. */
  end(): void {
    if (this.field !== '' || this.row.length) {
      this.row.push(this.field);
      this.onRow(this.row);
    }
    this.row = [];
    this.field = '';
  }
}
