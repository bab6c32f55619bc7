// 下派人员名单 workbook: one sheet per lead unit laid out as offices print it (seed 003, 附件1/2),
// with 牵头医院名称 merged down its rows on each printed page (repeated on the next page, never
// merged across a page break) and the 填报单位（盖章）/填报人/联系电话/填报日期 block under it,
// plus a 汇总 sheet of receiving units and coverage gaps.
import type { RosterReport, RosterSection } from '../reports/roster.js';
import {
  addFramedSheet,
  autoWidths,
  borderBlock,
  displayWidth,
  loadExcel,
  setDate,
  setNumber,
  setText,
  setWorkbookProps,
  sheetName,
  workbookBuffer,
  type Worksheet,
} from './xlsx-common.js';
import { FONT_BOLD, FONT_RED_BOLD } from './xlsx-page.js';
import { layoutForPrint, signatureRow } from './xlsx-print.js';

export interface RosterXlsxOptions {
  /** Date format of 下派时间/结束时间 (default `yyyy-mm-dd`). */
  dateFormat?: string;
}

/** Column headers of a lead unit's sheet, in order (import reads these back). */
export const ROSTER_HEADERS = [
  '牵头医院名称',
  '序号',
  '姓名',
  '性别',
  '专业',
  '职称',
  '电话',
  '下派单位',
  '下派时间',
  '结束时间',
  '职务',
] as const;
/** Written for a person without a posting (a blank 下派单位 cell means "same as the row above"). */
export const NO_POSTING = '待定';
export const SUMMARY_SHEET = '汇总';
export const SUMMARY_HEADERS = ['序号', '成员单位', '所属牵头单位', '接收人数', '下派人员', '状态'] as const;
/** The block under a lead unit's list where the office stamps and signs. */
export const ROSTER_SIGNATURES = [
  ['填报单位（盖章）：', '填报日期：　　　　年　　月　　日'],
  ['填报人：', '联系电话：'],
];

export async function renderRosterXlsx(report: RosterReport, opts: RosterXlsxOptions = {}): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  setWorkbookProps(wb, report.date, report.title);
  const taken = new Set<string>([SUMMARY_SHEET.toLowerCase()]);
  const withBatch = report.sections.some((s) => s.rows.some((r) => r.batch));
  for (const section of report.sections) leadSheet(wb, report, section, sheetName(section.lead.name, taken), withBatch, opts);
  summarySheet(wb, report);
  return workbookBuffer(wb);
}

function leadSheet(
  wb: Parameters<typeof addFramedSheet>[0],
  report: RosterReport,
  section: RosterSection,
  name: string,
  withBatch: boolean,
  opts: RosterXlsxOptions,
): void {
  const headers: string[] = [...ROSTER_HEADERS, ...(withBatch ? ['批次'] : [])];
  const { ws, headerRow } = addFramedSheet(wb, name, {
    title: `${report.alliance.name} ${section.lead.name}下派人员名单`,
    subtitle: report.subtitle,
    headers,
  });
  const first = headerRow + 1;
  section.rows.forEach((r, i) => {
    const row = first + i;
    const cell = (c: number) => ws.getCell(row, c);
    setText(cell(1), section.lead.name);
    setNumber(cell(2), r.seq);
    setText(cell(3), r.name);
    setText(cell(4), r.gender);
    setText(cell(5), r.specialty);
    setText(cell(6), r.title);
    setText(cell(7), r.phone);
    setText(cell(8), r.target ?? NO_POSTING); // not blank: blank cells read as "same as above"
    setDate(cell(9), r.start, opts.dateFormat);
    setDate(cell(10), r.end, opts.dateFormat);
    setText(cell(11), r.post);
    if (withBatch) setText(cell(12), r.batch);
    for (let c = 2; c <= headers.length; c++) ws.getCell(row, c).alignment = { vertical: 'middle', horizontal: c === 2 ? 'center' : undefined };
  });
  const last = first + section.rows.length - 1;
  const n = headers.length;
  if (section.rows.length > 0) borderBlock(ws, first, 1, last, n);
  const sign = Math.max(last, headerRow) + 2;
  signatureRow(ws, sign, n, ROSTER_SIGNATURES[0]!, 48);
  signatureRow(ws, sign + 1, n, ROSTER_SIGNATURES[1]!);
  // the lead name is counted in the rows it is merged over, not in its column's width
  for (let r = first; r <= last; r++) ws.getCell(r, 1).value = null;
  autoWidths(ws, { fromRow: headerRow });
  ws.getColumn(1).width = Math.max(ws.getColumn(1).width ?? 0, Math.min(displayWidth(section.lead.name) + 2, 18));
  const { pageStarts } = layoutForPrint(ws, n, { headerRow, shrink: [8, 5, 11], keep: [[sign, sign + 1]] });
  if (section.rows.length > 0) mergeLeadPerPage(ws, section.lead.name, first, last, pageStarts);
}

/** 牵头医院名称 merged down its rows on each printed page, the name repeated on every page. */
function mergeLeadPerPage(ws: Worksheet, lead: string, first: number, last: number, pageStarts: number[]): void {
  const cuts = [...pageStarts.filter((r) => r > first && r <= last), last + 1];
  let from = first;
  for (const to of cuts) {
    const cell = ws.getCell(from, 1);
    setText(cell, lead);
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    if (to - 1 > from) ws.mergeCells(from, 1, to - 1, 1);
    // a one-row stretch must still hold the wrapped name
    const lines = Math.ceil(displayWidth(lead) / Math.max((ws.getColumn(1).width ?? 18) - 1, 2));
    let height = 0;
    for (let r = from; r < to; r++) height += ws.getRow(r).height ?? 18;
    if (height < 16 * lines + 4) ws.getRow(to - 1).height = (ws.getRow(to - 1).height ?? 18) + 16 * lines + 4 - height;
    from = to;
  }
}

function summarySheet(wb: Parameters<typeof addFramedSheet>[0], report: RosterReport): void {
  const sub = [report.subtitle, `未覆盖成员单位 ${report.summary.uncovered.length} 个`].filter(Boolean).join('　');
  const { ws, headerRow } = addFramedSheet(wb, SUMMARY_SHEET, {
    title: `${report.alliance.name}下派人员汇总`,
    subtitle: sub,
    headers: [...SUMMARY_HEADERS],
  });
  let row = headerRow + 1;
  report.summary.units.forEach((u, i) => {
    const cell = (c: number) => ws.getCell(row, c);
    setNumber(cell(1), i + 1);
    setText(cell(2), u.unit.name);
    setText(cell(3), u.lead);
    setNumber(cell(4), u.count);
    setText(cell(5), u.people.join('、'));
    setText(cell(6), !u.member ? '非成员单位' : u.count === 0 ? '未覆盖' : '');
    if (u.member && u.count === 0) cell(6).font = FONT_RED_BOLD;
    cell(1).alignment = { horizontal: 'center' };
    cell(5).alignment = { wrapText: true, vertical: 'middle' };
    row++;
  });
  setText(ws.getCell(row, 2), '合计');
  ws.getCell(row, 2).font = FONT_BOLD;
  setNumber(ws.getCell(row, 4), report.summary.received);
  ws.getCell(row, 4).font = FONT_BOLD;
  borderBlock(ws, headerRow + 1, 1, row, SUMMARY_HEADERS.length);
  autoWidths(ws, { fromRow: headerRow, max: 40 });
  const gaps = report.summary.uncovered.map((u) => u.name);
  if (gaps.length) {
    row += 2;
    setText(ws.getCell(row, 1), `未覆盖：${gaps.join('、')}`);
    ws.mergeCells(row, 1, row, SUMMARY_HEADERS.length);
    ws.getCell(row, 1).alignment = { wrapText: true };
  }
  layoutForPrint(ws, SUMMARY_HEADERS.length, { headerRow, shrink: [5, 2, 3] });
}
