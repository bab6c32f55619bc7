// Shared by the importers: header recognition in a grid, row-located diagnostics, cell
// clean-up, and writing commented YAML by hand (flow maps, one record a line, as in FORMAT.md).
import { t, type Text } from '../model/diagnostic.js';
import type { Extra } from '../codes/declare.js';
import type { GridSheet } from '../io/xlsx-read.js';

/** Header text as compared: no spaces (half/full width), no bracketed remarks, no `*`/colon. */
export function normHeader(s: string): string {
  return s
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(/[（(][^）)]*[)）]/g, '')
    .replace(/[*＊:：]/g, '');
}

export interface FieldSpec<F extends string> {
  field: F;
  /** Exact header texts (after `normHeader`). */
  names: string[];
  /** Looser test, tried after every exact name failed. */
  test?: (h: string) => boolean;
}

/** Map each column of a row to a field; exact names win over loose tests, first column wins. */
export function matchHeaders<F extends string>(row: string[], specs: FieldSpec<F>[]): Map<F, number> {
  const found = new Map<F, number>();
  const used = new Set<number>();
  const norm = row.map(normHeader);
  for (const spec of specs)
    for (let c = 0; c < norm.length; c++)
      if (!used.has(c) && !found.has(spec.field) && spec.names.includes(norm[c]!)) {
        found.set(spec.field, c);
        used.add(c);
      }
  for (const spec of specs) {
    if (found.has(spec.field) || !spec.test) continue;
    for (let c = 0; c < norm.length; c++)
      if (!used.has(c) && norm[c] && spec.test(norm[c]!)) {
        found.set(spec.field, c);
        used.add(c);
        break;
      }
  }
  return found;
}

export function isEmptyRow(row: string[] | undefined): boolean {
  return !row || row.every((s) => s.trim() === '');
}

/** A title or caption line: one text in one cell, or the same text across a merged row. */
export function titleText(row: string[]): string | undefined {
  const cells = row.map((s) => s.trim()).filter(Boolean);
  if (cells.length === 0) return undefined;
  return cells.every((s) => s === cells[0]) ? cells[0] : undefined;
}

export function cell(row: string[], col: number | undefined): string {
  return col === undefined ? '' : (row[col] ?? '').trim();
}

/**
 * Whether a blank cell may take the value of the row above (a column written once for several
 * rows): not when it is a formula whose result was never saved — its value is unknown.
 */
export function mayCarry(sheet: GridSheet, row0: number, col: number | undefined): boolean {
  return col === undefined || !sheet.unknown?.has(`${row0 + 1}:${col + 1}`);
}

/**
 * A date Excel shows as its serial number (a date typed into a General cell, or a CSV export of
 * one): `44317` → 2021-05-01. Only five-digit serials of 1980–2099 count, so a year (2021) or a
 * count is never read as a date. A time of day (`44317.5`) is dropped.
 */
export function excelSerialDate(s: string): string | undefined {
  const m = /^\s*(\d{5})(?:\.\d+)?\s*$/.exec(s);
  if (!m) return undefined;
  const serial = Number(m[1]);
  if (serial < 29221 || serial > 73050) return undefined;
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}

/** 合计 / 小计 / 总计 / 共计 rows under a table. */
export const TOTAL_ROW = /^(合计|小计|总计|共计)/;

/**
 * Whether a row is a 合计 line: one of its first two filled cells says so (合计 in the 序号
 * column, possibly after a 牵头医院 cell merged down beside the table).
 */
export function isTotalRow(row: string[]): boolean {
  return row
    .filter((s) => s.trim() !== '')
    .slice(0, 2)
    .some((s) => TOTAL_ROW.test(squeezeSpaces(s)));
}

/** The stamp and signature lines under a table (填报单位（盖章）：, 制表人：, 领款人： …). */
const SIGNATURE_LABEL = /^(填报单位|填报人|填表人|填报日期|联系电话|负责人|审核人|制表人|领款人|经办人|单位[（(]盖章[)）]|[（(]盖章[)）])[（(：:]/;

/** Whether a row is a stamp/signature line: its first filled cell is such a label. */
export function isSignatureRow(row: string[]): boolean {
  const first = row.find((s) => s.trim() !== '');
  return first !== undefined && SIGNATURE_LABEL.test(squeezeSpaces(first));
}

/** Remove every kind of space (李  萍 → 李萍, 李　萍 → 李萍). */
export function squeezeSpaces(s: string): string {
  return s.replace(/[\s\u3000\u00a0\u200b]+/g, '');
}

// ------------------------------------------------------------------ diagnostics

export interface RowPos {
  sheet: string;
  row: number; // 1-based, as the spreadsheet shows it
  col?: number; // 1-based
}

export function colLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function where(pos: RowPos): Text {
  const c = pos.col ? ` ${colLetter(pos.col)}${pos.row}` : '';
  return t(`工作表“${pos.sheet}”第 ${pos.row} 行${c ? `（${c.trim()}）` : ''}`, `sheet "${pos.sheet}" row ${pos.row}${c ? ` (${c.trim()})` : ''}`);
}

/**
 * Where a row's problem is (file, line, column) and its data (sheet, row, column letter, and
 * `data`); the message says the place through `where(pos)`, its template's {where}.
 */
export function rowAt(file: string | undefined, pos: RowPos, data: Record<string, unknown> = {}, hint?: Text): Extra {
  return {
    ...(hint ? { hint } : {}),
    ...(file ? { file } : {}),
    line: pos.row,
    ...(pos.col ? { col: pos.col } : {}),
    data: { sheet: pos.sheet, row: pos.row, ...(pos.col ? { column: colLetter(pos.col) } : {}), ...data },
  };
}

/** Where a record came from, for a trailing YAML comment. */
export function sourceNote(sheet: GridSheet, row: number, multiSheet: boolean): string {
  return multiSheet ? `${sheet.name} 第${row}行` : `第${row}行`;
}

// ------------------------------------------------------------------ yaml

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const RESERVED = /^(true|false|yes|no|on|off|null|y|n|~)$/i;

/** A scalar for a flow map: plain when that reads back as the same string, else double-quoted. */
export function yamlScalar(v: string | number | boolean): string {
  if (typeof v !== 'string') return String(v);
  if (ISO_DATE.test(v)) return v; // dates are read as strings by our own parser
  const plain =
    v.length > 0 &&
    !RESERVED.test(v) &&
    !/^[\s\-?:,[\]{}#&*!|>'"%@`.0-9+=]/.test(v) &&
    !/[,[\]{}#:"'\\]/.test(v) &&
    !/\s$/.test(v) &&
    !/[\u0000-\u001f\u007f\u2028\u2029\ufeff]/.test(v);
  return plain ? v : JSON.stringify(v);
}

/** `{ k: v, … }` with keys in the given order, skipping undefined values; `quote` keys always quoted. */
export function flowMap(obj: Record<string, unknown>, quote: string[] = []): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined || v === null || v === '') continue;
    const s = typeof v === 'string' && quote.includes(k) ? JSON.stringify(v) : yamlScalar(v as string);
    parts.push(`${k}: ${s}`);
  }
  return `{ ${parts.join(', ')} }`;
}

/** A comment that stays one line. */
export function comment(s: string): string {
  return s.replace(/[\r\n]+/g, ' ');
}
