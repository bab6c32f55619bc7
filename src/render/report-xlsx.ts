// 进展报告 as a workbook: a 概况 sheet, then one print-ready sheet per report section, and one per
// table of 其他职责 (xlsx-common:
// title rows, A4, header repeated and frozen, formula-safe text, deterministic bytes). Numbers
// stay numbers: percent cells hold the fraction with the '0.0%' format, money is yuan from fen,
// dates are real dates. The longest table of a section carries the sheet's frame; the others
// follow below it with their own caption and header row.
import type { ProgressReport, ReportSection, ReportTable } from '../reports/report-model.js';
import { isNumeric } from './report-cells.js';
import {
  addFramedSheet,
  autoWidths,
  borderBlock,
  loadExcel,
  setDate,
  setNumber,
  setText,
  setWorkbookProps,
  sheetName,
  THIN_BORDER,
  workbookBuffer,
  type Cell,
  type Workbook,
  type Worksheet,
} from './xlsx-common.js';
import { FONT_BOLD, FONT_CAPTION, FONT_MUTED } from './xlsx-page.js';
import { layoutForPrint } from './xlsx-print.js';

export const PERCENT_FMT = '0.0%';
export const MONEY_FMT = '#,##0.00';
export const INT_FMT = '0';

/** Sheet names of the sections, in order. */
export const SECTION_SHEETS: Record<ReportSection['id'], string> = {
  workplan: '工作计划',
  quotas: '考核指标',
  dispatch: '下沉覆盖',
  referrals: '双向转诊',
  duties: '其他职责', // unused: its tables get a sheet each
  issues: '问题清单',
};
export const SUMMARY_SHEET = '概况';
/** The sheet names of an English report. */
export const SECTION_SHEETS_EN: Record<ReportSection['id'], string> = { workplan: 'Work plan', quotas: 'Quotas', dispatch: 'Dispatch', referrals: 'Referrals', duties: 'Other duties', issues: 'Problems' };
export const SUMMARY_SHEET_EN = 'Summary';

function setCell(cell: Cell, v: string | number | null | undefined, type: ReportTable['columns'][number]['type']): void {
  if (v === null || v === undefined || v === '') {
    cell.value = null;
    return;
  }
  if (typeof v === 'string') {
    if (type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(v)) setDate(cell, v);
    else setText(cell, v);
    return;
  }
  if (type === 'percent') setNumber(cell, v, PERCENT_FMT);
  else if (type === 'money') setNumber(cell, Math.round(v) / 100, MONEY_FMT);
  else if (type === 'int') setNumber(cell, v, INT_FMT);
  else setNumber(cell, v);
}

/** Write a table's body (and totals) from `first`; returns the last row written. */
function writeRows(ws: Worksheet, t: ReportTable, first: number): number {
  const n = t.columns.length;
  if (!t.rows.length) {
    const c = ws.getCell(first, 1);
    setText(c, t.empty);
    c.font = FONT_MUTED;
    return first;
  }
  let r = first;
  for (const row of t.rows) {
    t.columns.forEach((col, i) => {
      const cell = ws.getCell(r, i + 1);
      setCell(cell, row[i], col.type);
      cell.alignment = { vertical: 'top', wrapText: !isNumeric(col.type) && col.type !== 'status', horizontal: isNumeric(col.type) ? 'right' : undefined };
    });
    r++;
  }
  if (t.total) {
    t.columns.forEach((col, i) => {
      const cell = ws.getCell(r, i + 1);
      setCell(cell, t.total![i], col.type);
      cell.font = FONT_BOLD;
    });
    r++;
  }
  borderBlock(ws, first, 1, r - 1, n);
  return r - 1;
}

function headerRow(ws: Worksheet, row: number, t: ReportTable): void {
  t.columns.forEach((c, i) => {
    const cell = ws.getCell(row, i + 1);
    setText(cell, c.header);
    cell.font = FONT_BOLD;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = THIN_BORDER;
  });
}

function sectionSheet(wb: Workbook, r: ProgressReport, s: ReportSection, name: string): void {
  // the longest table carries the frame (its header repeats on printed pages)
  const order = s.tables.map((t, i) => ({ t, i })).sort((a, b) => b.t.rows.length - a.t.rows.length || b.t.columns.length - a.t.columns.length || a.i - b.i);
  const main = order[0]!.t;
  const plain = s.title.replace(/^[一二三四五六七八九十]+、/, '');
  const { ws, headerRow: hr } = addFramedSheet(wb, name, {
    title: `${r.title}　${plain}${!plain.includes(main.title) ? `：${main.title}` : ''}`,
    subtitle: [r.subtitle, ...s.lines].join('\n'),
    headers: main.columns.map((c) => c.header),
  });
  let last = writeRows(ws, main, hr + 1);
  for (const { t } of order.slice(1)) {
    const cap = last + 2;
    const c = ws.getCell(cap, 1);
    setText(c, t.title);
    c.font = FONT_CAPTION;
    headerRow(ws, cap + 1, t);
    last = writeRows(ws, t, cap + 2);
  }
  autoWidths(ws, { fromRow: hr, max: 50 });
  const n = Math.max(...s.tables.map((t) => t.columns.length));
  // text columns of every table on the sheet may wrap to meet the print scale; a status word
  // (未达标) never does, so a column holding one in any table keeps its width
  const text = new Set<number>();
  for (const t of s.tables) t.columns.forEach((c, i) => !isNumeric(c.type) && text.add(i + 1));
  for (const t of s.tables) t.columns.forEach((c, i) => c.type === 'status' && text.delete(i + 1));
  layoutForPrint(ws, n, { headerRow: hr, shrink: [...text] });
}

/** The sheets after 概况, in order: one per section, and one per table of 其他职责. */
export function reportSheets(r: ProgressReport): { name: string; section: ReportSection }[] {
  const zh = r.lang === 'zh';
  const taken = new Set<string>([(zh ? SUMMARY_SHEET : SUMMARY_SHEET_EN).toLowerCase()]);
  // 其他职责's tables share no columns (terms, postings, deliverables …): a sheet each, named by its table
  return r.sections.flatMap((s) =>
    s.id === 'duties' ? s.tables.map((t) => ({ name: sheetName(t.title, taken), section: { ...s, tables: [t] } })) : [{ name: sheetName((zh ? SECTION_SHEETS : SECTION_SHEETS_EN)[s.id], taken), section: s }],
  );
}

function summarySheet(wb: Workbook, r: ProgressReport): void {
  const zh = r.lang === 'zh';
  const { ws, headerRow: hr } = addFramedSheet(wb, zh ? SUMMARY_SHEET : SUMMARY_SHEET_EN, { title: r.title, subtitle: r.subtitle, headers: zh ? ['序号', '概况'] : ['No.', 'Summary'] });
  r.summary.forEach((line, i) => {
    setNumber(ws.getCell(hr + 1 + i, 1), i + 1);
    const c = ws.getCell(hr + 1 + i, 2);
    setText(c, line);
    c.alignment = { wrapText: true, vertical: 'top' };
  });
  borderBlock(ws, hr + 1, 1, hr + r.summary.length, 2);
  ws.getColumn(1).width = 6;
  ws.getColumn(2).width = 100;
  layoutForPrint(ws, 2, { headerRow: hr });
}

export async function renderReportXlsx(r: ProgressReport): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  setWorkbookProps(wb, r.date, r.title);
  const zh = r.lang === 'zh';
  summarySheet(wb, r);
  for (const { name, section } of reportSheets(r)) sectionSheet(wb, r, section, name);
  return workbookBuffer(wb);
}
