// How every yilian sheet prints on A4, the same in Excel, WPS and LibreOffice.
//
// "Fit to one page wide" lets each application compute its own scale from its own idea of the
// column widths, so the same file printed at ~10 pt in one and ~5.7 pt in another. Instead we
// fix everything an application could disagree about:
// - fonts: every cell names a Chinese font (宋体 body, 黑体 titles) with the GB2312 charset, and
//   the workbook's default font is 宋体 too (finalizeXlsx rewrites it), so no application falls
//   back to a Latin or a Japanese face, and column widths mean the same everywhere;
// - an explicit print scale (fitToPage off), chosen so the smallest font prints at ≥ 9 pt: the
//   columns are narrowed (their text wraps) until the table fits the page at that scale;
// - explicit row heights on every row, and manual page breaks computed from them with a safety
//   margin, so no application breaks a page where we did not: a merged cell never crosses a
//   break (the roster repeats its lead name on each page instead), a stamp block never splits;
// - titles that fit: the table is widened to its title, or the title wraps into a taller row.
import { displayWidth } from './text-width.js';
import { fitWrappedRow, fitWrappedRows, wrappedHeight, type Worksheet } from './xlsx-common.js';
import type ExcelJSNs from 'exceljs';
import { BODY_PT, FONT_BODY, MARGINS } from './xlsx-page.js';

export { MIN_SCALE } from './xlsx-page.js';
import { MIN_SCALE } from './xlsx-page.js';

/** A4 in points, and the margins (inches) every sheet uses. */
const A4 = { long: 841.89, short: 595.28 };
const SAFETY = 0.94; // applications round row heights and borders differently

export function printableArea(orientation: 'landscape' | 'portrait'): { width: number; height: number } {
  const [w, h] = orientation === 'landscape' ? [A4.long, A4.short] : [A4.short, A4.long];
  return { width: w - 72 * (MARGINS.left + MARGINS.right), height: h - 72 * (MARGINS.top + MARGINS.bottom) };
}

/**
 * Points a column of `w` width units may take on paper at 100 %. A unit is the default font's
 * digit width, which each application measures on the face it has: 7 px (5.25 pt) in Excel,
 * 7 pt in LibreOffice on Linux where a wider CJK face stands in for 宋体 (measured: column
 * centres 7.0 pt per unit apart in its PDF). Pages are planned with the widest, titles with the
 * narrowest, so both hold in every application.
 */
export function columnPoints(w: number): number {
  return w * UNIT_PT_MAX + 2;
}
const UNIT_PT_MAX = 7;
const UNIT_PT_MIN = 5.25;

/** Width units a text in `pt`-point type needs where units are narrowest (a CJK character is 1 em, others half). */
function textUnits(text: string, pt: number): number {
  return ((displayWidth(text) * pt) / 2 + 8) / UNIT_PT_MIN;
}

/** Height (pt) of a single text line, as LibreOffice's CJK fallback fonts set it. */
export const ROW_PT = 18;

export interface PrintLayout {
  scale: number;
  /** Points of sheet height that fit on one printed page at this scale (with the safety margin). */
  pagePt: number;
  /** First row of each printed page (the first is the sheet's first row). */
  pageStarts: number[];
}

export interface PrintOptions {
  headerRow: number;
  /** Columns that may be narrowed (their text wraps) to meet the scale; widest first is best. */
  shrink?: number[];
  /** Narrowest a shrunk column may get (width units). */
  minWidth?: number;
  /** Row ranges that must print on one page (stamp blocks, 合计 + 大写). */
  keep?: [number, number][];
  orientation?: 'landscape' | 'portrait';
}

function tableUnits(ws: Worksheet, n: number): number {
  let s = 0;
  for (let c = 1; c <= n; c++) s += ws.getColumn(c).width ?? 9;
  return s;
}

function tablePoints(ws: Worksheet, n: number): number {
  let s = 0;
  for (let c = 1; c <= n; c++) s += columnPoints(ws.getColumn(c).width ?? 9);
  return s;
}

/** Narrow the shrinkable columns, widest first, until the table fits `maxPt`; their text then wraps. */
function shrinkToFit(ws: Worksheet, n: number, maxPt: number, cols: number[], minWidth: number, headerRow: number): void {
  const narrowed = new Set<number>();
  for (let guard = 0; guard < 2000 && tablePoints(ws, n) > maxPt; guard++) {
    const widest = cols
      .map((c) => ({ c, w: ws.getColumn(c).width ?? 9 }))
      .filter((x) => x.w > minWidth)
      .sort((a, b) => b.w - a.w)[0];
    if (!widest) break;
    ws.getColumn(widest.c).width = Math.max(minWidth, widest.w - 1);
    narrowed.add(widest.c);
  }
  for (const c of narrowed)
    for (let r = headerRow + 1; r <= ws.rowCount; r++) {
      const cell = ws.getCell(r, c);
      if (typeof cell.value === 'string' && !cell.isMerged) cell.alignment = { vertical: 'middle', ...cell.alignment, wrapText: true };
    }
}

/** Widen every column in proportion until the title rows' text fits on one line, within `maxPt`. */
function fitTitles(ws: Worksheet, n: number, headerRow: number, maxPt: number): void {
  let need = 0;
  for (let r = 1; r < headerRow; r++) {
    const v = ws.getCell(r, 1).value;
    if (typeof v !== 'string') continue;
    const pt = ws.getCell(r, 1).font?.size ?? BODY_PT;
    need = Math.max(need, ...v.split('\n').map((l) => textUnits(l, pt)));
  }
  const have = tableUnits(ws, n);
  if (need <= have) return;
  const budget = (maxPt - 2 * n) / UNIT_PT_MAX; // width units that fit in maxPt everywhere
  const factor = Math.min(need, budget) / have;
  if (factor <= 1) return;
  for (let c = 1; c <= n; c++) ws.getColumn(c).width = Math.round((ws.getColumn(c).width ?? 9) * factor * 10) / 10;
}

/** Width units of the merged range a title row's text spans (the whole table when unmerged). */
function titleUnits(ws: Worksheet, row: number, n: number): number {
  const merges = (ws as unknown as { _merges: Record<string, { model: { left: number; right: number } }> })._merges ?? {};
  const m = merges[ws.getCell(row, 1).address]?.model;
  let s = 0;
  for (let c = 1; c <= (m ? m.right : n); c++) s += ws.getColumn(c).width ?? 9;
  return s;
}

/** Title rows whose text is still wider than the table wrap, with the height their lines need. */
function wrapTitles(ws: Worksheet, n: number, headerRow: number): void {
  for (let r = 1; r < headerRow; r++) {
    const cell = ws.getCell(r, 1);
    if (typeof cell.value !== 'string') continue;
    const have = titleUnits(ws, r, n);
    const pt = cell.font?.size ?? BODY_PT;
    const lines = cell.value.split('\n').reduce((k, l) => k + Math.max(1, Math.ceil(textUnits(l, pt) / have)), 0);
    cell.alignment = { ...cell.alignment, wrapText: true, vertical: 'middle' };
    const height = Math.ceil(lines * pt * 1.45 + 6);
    ws.getRow(r).height = Math.max(ws.getRow(r).height ?? 0, height);
  }
}

/**
 * Lay a finished sheet out for A4: widths, row heights, scale and page breaks (see the header
 * comment). Call after every cell is written and before merging anything down the rows.
 */
export function layoutForPrint(ws: Worksheet, n: number, opts: PrintOptions): PrintLayout {
  const orientation = opts.orientation ?? 'landscape';
  const area = printableArea(orientation);
  const maxPt = (area.width * 100) / MIN_SCALE;
  if (opts.shrink?.length) shrinkToFit(ws, n, maxPt, opts.shrink, opts.minWidth ?? 8, opts.headerRow);
  fitTitles(ws, n, opts.headerRow, Math.min(maxPt, area.width));
  wrapTitles(ws, n, opts.headerRow);
  fitWrappedRows(ws, opts.headerRow);
  const last = ws.rowCount;
  for (let r = opts.headerRow; r <= last; r++) {
    const row = ws.getRow(r);
    row.height = Math.max(row.height ?? 0, ROW_PT);
  }
  const scale = Math.max(MIN_SCALE, Math.min(100, Math.floor((area.width / tablePoints(ws, n)) * 100)));
  ws.pageSetup.scale = scale;
  ws.pageSetup.fitToPage = false;
  ws.pageSetup.orientation = orientation;
  const pagePt = (area.height * 100 * SAFETY) / scale;
  const pageStarts = pageBreaks(ws, opts.headerRow, last, pagePt, opts.keep ?? []);
  return { scale, pagePt, pageStarts };
}

/**
 * Page breaks decided row by row, in order: the in-memory sheets feed it every row at the end,
 * the streaming writer each row as it is written. A block (a row, or a kept range) that does not
 * fit on the page starts the next one, under the repeated header.
 */
export class PageBreaker {
  private used = 0;
  private readonly header: number;
  readonly starts = [1];
  /** `heights`: rows 1..header row, the header last. */
  constructor(heights: number[], private readonly pagePt: number) {
    for (const h of heights) this.used += h;
    this.header = heights[heights.length - 1] ?? ROW_PT;
  }
  /** Place the block starting at `row`, `need` points high; true when a page breaks before it. */
  place(row: number, need: number): boolean {
    const breaks = this.used + need > this.pagePt && this.used > this.header;
    if (breaks) {
      this.starts.push(row);
      this.used = this.header;
    }
    this.used += need;
    return breaks;
  }
}

/** The height a row prints at: what its wrapped text needs, at least one line (ROW_PT). */
export function fitPrintRow(ws: Worksheet, row: ExcelJSNs.Row): void {
  fitWrappedRow(ws, row);
  row.height = Math.max(row.height ?? 0, ROW_PT);
}

/** What `fitPrintRow` gives a row whose widest wrapped cell needs `lines` lines. */
export function printHeight(lines: number): number {
  return Math.max(lines > 1 ? wrappedHeight(lines) : 0, ROW_PT);
}

/** Compute and set the manual page breaks; returns the first row of each page. */
function pageBreaks(ws: Worksheet, headerRow: number, last: number, pagePt: number, keep: [number, number][]): number[] {
  const h = (r: number) => ws.getRow(r).height ?? ROW_PT;
  const heights: number[] = [];
  for (let r = 1; r <= headerRow; r++) heights.push(h(r));
  const breaker = new PageBreaker(heights, pagePt);
  let r = headerRow + 1;
  while (r <= last) {
    const block = keep.find(([a, b]) => a <= r && r <= b && a === r);
    const end = block ? Math.min(block[1], last) : r;
    let need = 0;
    for (let k = r; k <= end; k++) need += h(k);
    if (breaker.place(r, need)) ws.getRow(r - 1).addPageBreak();
    r = end + 1;
  }
  return breaker.starts;
}

/**
 * A signature/stamp line under a table: `labels` spread over the `n` columns, each in a merged
 * cell with room to write after it. Returns the next free row.
 */
export function signatureRow(ws: Worksheet, row: number, n: number, labels: string[], height = 30): number {
  const k = labels.length;
  let from = 1;
  labels.forEach((label, i) => {
    const to = i === k - 1 ? n : Math.max(from, Math.round(((i + 1) * n) / k));
    const cell = ws.getCell(row, from);
    cell.value = label;
    cell.numFmt = '@';
    cell.font = FONT_BODY;
    cell.alignment = { vertical: 'bottom', horizontal: 'left' };
    if (to > from) ws.mergeCells(row, from, row, to);
    from = to + 1;
  });
  ws.getRow(row).height = height;
  return row + 1;
}
