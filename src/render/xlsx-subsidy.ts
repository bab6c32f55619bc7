// 劳务费/补贴发放表 workbook: one sheet per payer laid out as finance offices print it (序号 …
// 合计, a 签名 column left empty for each payee, a total row, the total in 大写, a 制表人／审核人
// line), plus a 明细 sheet listing every charge and every entry that earned nothing (未计费).
// Amounts come from the report model in integer fen; a cell holds fen / 100 of one exact
// integer, never a float sum. The total rows carry SUM formulas whose cached result is the
// exact fen total.
import { ASSUMED_LABEL } from '../model/assumed.js';
import { payerCounts, type QuantityColumn, type SubsidyDetail, type SubsidyPayer, type SubsidyReport } from '../money/subsidy.js';
import { daxieCaption } from '../money/daxie.js';
import { fenToYuan, fenToYuanText } from '../money/fen.js';
import { monthLabelZh } from '../time/dates.js';
import {
  THIN_BORDER,
  addFramedSheet,
  autoWidths,
  borderBlock,
  displayWidth,
  loadExcel,
  setNumber,
  setText,
  setWorkbookProps,
  sheetName,
  cellWidth,
  excelDate,
  textFormat,
  workbookBuffer,
  wrappedLines,
  DATE_FMT,
  type Worksheet,
} from './xlsx-common.js';
import { FONT_BOLD, FONT_RED } from './xlsx-page.js';
import { fitPrintRow, layoutForPrint, PageBreaker, printHeight, ROW_PT, signatureRow, type PrintLayout } from './xlsx-print.js';
import {
  addSheetLike,
  copyColumns,
  copyRows,
  copySheet,
  openStreamWorkbook,
  RowStream,
  type CellStyle,
  type RawValue,
  type StreamWorkbook,
} from './xlsx-stream.js';

export const MONEY_FMT = '#,##0.00';
export const DETAIL_SHEET = '明细';
export const EMPTY_SHEET = '发放表';
export const SHEET_KIND = '劳务费/补贴发放表';
export const UNCOUNTED = '未计费';

/** Column headers of a payer's sheet; `quantities` are the count columns (半天数, and 讲座次数
 * where a host pays per session; 下沉次数 on a sheet that pays per trip only), `items` the money
 * columns between them and 合计. */
export function payerHeaders(items: string[], quantities: string[] = ['半天数']): string[] {
  return ['序号', '姓名', '职称', '单位', '工作内容', ...quantities, ...items.map((i) => `${i}(元)`), '合计(元)', '签名'];
}

/** The header of a quantity column. */
function quantityHeader(c: QuantityColumn, p: SubsidyPayer): string {
  if (c.counts === 'trips') return '下沉次数';
  if (c.counts === 'sessions') return `${p.sessionActivities.join('、')}次数`;
  return '半天数';
}

/** The stamp and signature block under a payment sheet. */
export const PAYER_SIGNATURES = ['负责人：', '审核人：', '制表人：', '领款人：'];
export const PAYER_STAMP = ['单位（盖章）：', '日期：　　　　年　　月　　日'];

/**
 * Columns of the 明细 sheet. Eleven, so that they print at ≥ 9 pt on A4 with the unit names on two
 * lines rather than four: 计费 reads "250.00元/半天 × 2" (rate, unit and quantity in one), the
 * half-days go with the work (门诊（2个半天）), and a charge's 依据 is named in 备注 only where
 * it is not the first basis the title line already names.
 */
export const DETAIL_HEADERS = ['序号', '日期', '姓名', '派出单位', '工作单位', '工作内容', '项目', '计费', '金额(元)', '付款单位', '备注'] as const;
const D = { seq: 1, date: 2, person: 3, personUnit: 4, unit: 5, work: 6, item: 7, charge: 8, amount: 9, payer: 10, note: 11 } as const;

const PER_LABEL: Record<string, string> = { halfDay: '半天', session: '次', day: '天', trip: '趟', month: '月' };

/** A 明细 sheet of this many rows or more is streamed (xlsx-stream.ts); a shorter one is built in memory. */
export const STREAM_ROWS = 5000;

/**
 * The details as the 明细 writer reads them: an array, or a list that makes each row when asked
 * (the bench feeds 500,000 rows that way, so that it measures the writer and not a model).
 */
export interface DetailList {
  readonly length: number;
  at(i: number): SubsidyDetail | undefined;
}
export type SubsidyXlsxModel = Omit<SubsidyReport, 'details'> & { details: DetailList };

export async function renderSubsidyXlsx(report: SubsidyXlsxModel, opts: { streamRows?: number } = {}): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  const title = `${report.alliance?.name ?? ''}${SHEET_KIND}（${monthLabelZh(report.month)}）`;
  setWorkbookProps(wb, report.date, title);
  const taken = new Set<string>([DETAIL_SHEET.toLowerCase()]);
  if (report.payers.length === 0)
    payerSheet(wb, report, { payer: { name: '' }, roles: [], items: report.items, rows: [], sessionActivities: [], itemTotals: [], totalFen: 0, daxie: '零元整' }, sheetName(EMPTY_SHEET, taken));
  for (const p of report.payers) payerSheet(wb, report, p, sheetName(p.payer.name, taken));
  if (report.details.length < (opts.streamRows ?? STREAM_ROWS)) {
    detailSheet(wb, report);
    return workbookBuffer(wb);
  }
  // The payer sheets (one row per person) are copied in; the 明细 rows are streamed.
  const { wb: out, finish } = await openStreamWorkbook();
  setWorkbookProps(out as unknown as Wb, report.date, title);
  for (const ws of wb.worksheets) copySheet(out, ws);
  await streamDetailSheet(out, new ExcelJS.Workbook(), report);
  return finish();
}

type Wb = Parameters<typeof addFramedSheet>[0];

function subtitleOf(report: SubsidyXlsxModel, extra: string[]): string {
  const basis = report.policyBasis.length ? `依据：${report.policyBasis.join('、')}` : '';
  return [...extra, basis, `期间：${monthLabelZh(report.month)}`].filter(Boolean).join('　');
}

function money(ws: Worksheet, row: number, col: number, fen: number): void {
  setNumber(ws.getCell(row, col), fenToYuan(fen), MONEY_FMT);
  ws.getCell(row, col).alignment = { horizontal: 'right', vertical: 'middle' };
}

/** A SUM over a column whose cached result is the exact fen total. */
function moneySum(ws: Worksheet, row: number, col: number, from: number, to: number, fen: number): void {
  const cell = ws.getCell(row, col);
  const letter = ws.getColumn(col).letter;
  cell.value = to >= from ? { formula: `SUM(${letter}${from}:${letter}${to})`, result: fenToYuan(fen) } : fenToYuan(fen);
  cell.numFmt = MONEY_FMT;
  cell.font = FONT_BOLD;
  cell.alignment = { horizontal: 'right', vertical: 'middle' };
}

function payerSheet(wb: Wb, report: SubsidyXlsxModel, p: SubsidyPayer, name: string): void {
  const qty = payerCounts(p);
  const headers = payerHeaders(p.items, qty.map((c) => quantityHeader(c, p)));
  const n = headers.length;
  const payerText = p.payer.name ? `付款单位：${p.payer.name}` : '';
  const { ws, headerRow } = addFramedSheet(wb, name, {
    title: `${report.alliance?.name ?? ''}${SHEET_KIND}（${monthLabelZh(report.month)}）`,
    subtitle: subtitleOf(report, [payerText]),
    headers,
  });
  const first = headerRow + 1;
  const colQty0 = 6;
  const colItem0 = colQty0 + qty.length;
  const colTotal = colItem0 + p.items.length;
  const colSign = colTotal + 1;
  p.rows.forEach((r, i) => {
    const row = first + i;
    const cell = (c: number) => ws.getCell(row, c);
    setNumber(cell(1), r.seq);
    setText(cell(2), r.person);
    setText(cell(3), r.title ?? r.grade);
    setText(cell(4), r.unit);
    setText(cell(5), r.assumed ? `${r.work} ※` : r.work); // ※ points at the note under the total
    qty.forEach((q, k) => {
      setNumber(cell(colQty0 + k), q.of(r));
      cell(colQty0 + k).alignment = { horizontal: 'center', vertical: 'middle' };
    });
    p.items.forEach((item, k) => money(ws, row, colItem0 + k, r.items.find((a) => a.item === item)?.amountFen ?? 0));
    money(ws, row, colTotal, r.totalFen);
    setText(cell(colSign), '');
    cell(1).alignment = { horizontal: 'center', vertical: 'middle' };
    for (const c of [2, 3, 4]) cell(c).alignment = { vertical: 'middle', wrapText: true };
    cell(5).alignment = { vertical: 'middle', wrapText: true };
  });
  const last = first + p.rows.length - 1;
  const totalRow = first + p.rows.length;
  setText(ws.getCell(totalRow, 1), '合计');
  ws.getCell(totalRow, 1).font = FONT_BOLD;
  ws.getCell(totalRow, 1).alignment = { horizontal: 'center', vertical: 'middle' };
  ws.mergeCells(totalRow, 1, totalRow, 5);
  qty.forEach((q, k) => {
    const c = ws.getCell(totalRow, colQty0 + k);
    const l = ws.getColumn(colQty0 + k).letter;
    c.value = p.rows.length ? { formula: `SUM(${l}${first}:${l}${last})`, result: q.total } : 0;
    c.font = FONT_BOLD;
    c.alignment = { horizontal: 'center', vertical: 'middle' };
  });
  p.items.forEach((item, k) =>
    moneySum(ws, totalRow, colItem0 + k, first, last, p.itemTotals.find((a) => a.item === item)?.amountFen ?? 0),
  );
  moneySum(ws, totalRow, colTotal, first, last, p.totalFen);
  setText(ws.getCell(totalRow, colSign), '');
  borderBlock(ws, first, 1, totalRow, n);

  // 大写, then the signatures and the stamp
  const daxieRow = totalRow + 1;
  setText(ws.getCell(daxieRow, 1), `${daxieCaption(p.totalFen)}　（¥${fenToYuanText(p.totalFen, { grouping: true })}）`);
  ws.getCell(daxieRow, 1).font = FONT_BOLD;
  ws.getCell(daxieRow, 1).alignment = { vertical: 'middle' };
  ws.mergeCells(daxieRow, 1, daxieRow, n);
  for (let c = 1; c <= n; c++) ws.getCell(daxieRow, c).border = THIN_BORDER;
  ws.getRow(daxieRow).height = 24;
  // The note naming assumed amounts (※) sits right under the total, before the sign-off line.
  if (p.assumedNote) {
    setText(ws.getCell(daxieRow + 1, 1), p.assumedNote.zh);
    ws.getCell(daxieRow + 1, 1).alignment = { vertical: 'middle', wrapText: true };
    ws.mergeCells(daxieRow + 1, 1, daxieRow + 1, n);
  }
  const signRow = daxieRow + 2;
  signatureRow(ws, signRow, n, PAYER_SIGNATURES);
  signatureRow(ws, signRow + 1, n, PAYER_STAMP, 48);

  autoWidths(ws, { fromRow: headerRow, max: 30 });
  // Columns whose widest cell is the merged caption or a formula get sane widths.
  for (let c = colItem0; c <= colTotal; c++) ws.getColumn(c).width = Math.max(ws.getColumn(c).width ?? 0, 13);
  ws.getColumn(1).width = 6;
  ws.getColumn(5).width = Math.min(Math.max(ws.getColumn(5).width ?? 20, 20), 30);
  ws.getColumn(colSign).width = 14;
  // room to sign
  for (let r = first; r <= last; r++) ws.getRow(r).height = 28;
  layoutForPrint(ws, n, { headerRow, shrink: [5, 4, 2, 3], keep: [[totalRow, signRow + 1]] });
}

/**
 * The 明细 sheet built in memory, with every detail row or only the rows at `picks` (indices
 * into `report.details`, ascending: the streaming writer lays the columns out on the widest rows).
 */
function detailSheet(wb: Wb, report: SubsidyXlsxModel, picks?: number[]): { ws: Worksheet; headerRow: number; layout: PrintLayout } {
  let uncounted = 0;
  for (let i = 0; i < report.details.length; i++) if (!report.details.at(i)!.counted) uncounted++;
  const { ws, headerRow } = addFramedSheet(wb, DETAIL_SHEET, {
    title: `${report.alliance?.name ?? ''}劳务费/补贴明细（${monthLabelZh(report.month)}）`,
    subtitle: subtitleOf(report, [`计费 ${report.details.length - uncounted} 条`, uncounted ? `未计费 ${uncounted} 条` : '']),
    headers: [...DETAIL_HEADERS],
  });
  const first = headerRow + 1;
  const rows = picks ?? Array.from({ length: report.details.length }, (_, i) => i);
  const cells = new DetailCells(report.policyBasis[0]);
  rows.forEach((i, k) => {
    cells.of(i + 1, report.details.at(i)!);
    cells.values.forEach((v, c) => {
      const cell = ws.getCell(first + k, c + 1);
      cell.value = v;
      cell.style = { ...cells.styles[c] }; // a copy: the layout may still change a cell's alignment
    });
  });
  const { totalRow, daxieRow } = detailFooter(ws, first, rows.length, report);
  autoWidths(ws, { fromRow: headerRow, max: 30 });
  ws.getColumn(D.amount).width = Math.max(ws.getColumn(D.amount).width ?? 0, 12);
  const layout = layoutForPrint(ws, DETAIL_HEADERS.length, { headerRow, shrink: DETAIL_WRAP, minWidth: 10, keep: [[totalRow, daxieRow]] });
  return { ws, headerRow, layout };
}

/** The 合计 and 大写 rows under `count` detail rows from `first`. */
function detailFooter(ws: Worksheet, first: number, count: number, report: SubsidyXlsxModel): { totalRow: number; daxieRow: number } {
  const last = first + count - 1;
  const totalRow = first + count;
  setText(ws.getCell(totalRow, 1), '合计');
  ws.getCell(totalRow, 1).font = FONT_BOLD;
  ws.getCell(totalRow, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(totalRow, 1, totalRow, D.amount - 1);
  moneySum(ws, totalRow, D.amount, first, last, report.grandTotalFen);
  borderBlock(ws, totalRow, 1, totalRow, DETAIL_HEADERS.length);
  const daxieRow = totalRow + 1;
  setText(ws.getCell(daxieRow, 1), `${daxieCaption(report.grandTotalFen)}　（¥${fenToYuanText(report.grandTotalFen, { grouping: true })}）`);
  ws.getCell(daxieRow, 1).font = FONT_BOLD;
  ws.mergeCells(daxieRow, 1, daxieRow, DETAIL_HEADERS.length);
  return { totalRow, daxieRow };
}

/**
 * The 明细 sheet streamed row by row, laid out as `detailSheet` lays it out: the columns, scale
 * and title rows come from an in-memory sheet of the widest rows only (each column's widest
 * cell, so autoWidths measures the same); each streamed row gets its height and page break as
 * it is written. The rows go straight into the sheet's XML (RowStream): one style object per
 * look, each distinct text measured once per column.
 */
async function streamDetailSheet(out: StreamWorkbook, scratch: Wb, report: SubsidyXlsxModel): Promise<void> {
  const basis = report.policyBasis[0];
  const { ws: m, headerRow, layout } = detailSheet(scratch, report, widestRows(report.details, basis));
  const ws = addSheetLike(out, m);
  copyColumns(m, ws);
  copyRows(m, ws, 1, headerRow);
  const heights: number[] = [];
  for (let r = 1; r <= headerRow; r++) heights.push(m.getRow(r).height ?? ROW_PT);
  const breaker = new PageBreaker(heights, layout.pagePt);
  const breakAfter = (r: number) => (ws as unknown as { rowBreaks: { id: number; max: number; man: number }[] }).rowBreaks.push({ id: r, max: 16838, man: 1 }); // what Row.addPageBreak() adds, for a row already written
  const first = headerRow + 1;
  const n = DETAIL_HEADERS.length;
  // lines each distinct text wraps into, per column (the widths are final now)
  const lines: Map<string, number>[] = [];
  for (let c = 1; c <= n; c++) lines.push(new Map());
  const widths = lines.map((_, c) => m.getColumn(c + 1).width ?? 9);
  const cells = new DetailCells(basis);
  const rows = new RowStream(out, ws, n);
  for (let i = 0; i < report.details.length; i++) {
    cells.of(i + 1, report.details.at(i)!);
    let most = 1;
    for (let c = 0; c < n; c++) {
      const v = cells.values[c];
      if (typeof v !== 'string' || !cells.styles[c]!.alignment?.wrapText) continue;
      let k = lines[c]!.get(v);
      if (k === undefined) lines[c]!.set(v, (k = wrappedLines(v, widths[c]!)));
      if (k > most) most = k;
    }
    const r = first + i;
    const height = printHeight(most);
    if (breaker.place(r, height)) breakAfter(r - 1);
    rows.write(r, height, cells.values, cells.styles);
    if (i % 100 === 99) await rows.flush();
  }
  rows.end(first + report.details.length);
  const { totalRow, daxieRow } = detailFooter(ws, first, report.details.length, report);
  for (const r of [totalRow, daxieRow]) fitPrintRow(ws, ws.getRow(r));
  if (breaker.place(totalRow, ws.getRow(totalRow).height! + ws.getRow(daxieRow).height!)) breakAfter(totalRow - 1);
  ws.getRow(totalRow).commit();
  ws.getRow(daxieRow).commit();
  ws.commit();
}

/** Indices of the rows holding each column's widest cell, ascending (ties: the first); each distinct text is measured once. */
function widestRows(details: DetailList, basis: string | undefined): number[] {
  const best: { w: number; i: number }[] = [];
  const measured = new Map<string, number>();
  const cells = new DetailCells(basis);
  for (let i = 0; i < details.length; i++) {
    cells.of(i + 1, details.at(i)!);
    cells.values.forEach((v, c) => {
      let w = typeof v === 'string' ? measured.get(v) : undefined;
      if (w === undefined) {
        w = cellWidth({ value: v, text: '' });
        if (typeof v === 'string') measured.set(v, w);
      }
      if (w > (best[c]?.w ?? -1)) best[c] = { w, i };
    });
  }
  return [...new Set(best.map((b) => b.i))].sort((a, b) => a - b);
}

/** 明细 columns whose text wraps so the table prints at ≥ 9 pt: 备注, the units, 工作内容. */
const DETAIL_WRAP: number[] = [D.note, D.unit, D.payer, D.personUnit, D.work];

/**
 * One 明细 row's values and styles, column by column, refilled for each row (both the in-memory
 * and the streamed sheet are written from it). A cell's style depends only on its column, its
 * number format and whether it is red, so each look is one shared object.
 */
class DetailCells {
  readonly values: RawValue[] = new Array<RawValue>(DETAIL_HEADERS.length).fill(null);
  readonly styles: CellStyle[] = new Array<CellStyle>(DETAIL_HEADERS.length);
  /** Looks by column, then format, then red (a cell's style is one of these few). */
  private readonly looks: Map<string | undefined, CellStyle[]>[] = [];
  private readonly dates = new Map<string, Date>();

  constructor(private readonly mainBasis: string | undefined) {}

  of(seq: number, d: SubsidyDetail): void {
    for (let c = 1; c <= DETAIL_HEADERS.length; c++) this.set(c, null);
    this.set(D.seq, seq);
    if (d.date) this.set(D.date, this.date(d.date), DATE_FMT);
    this.text(D.person, d.person);
    this.text(D.personUnit, d.personUnit);
    this.text(D.unit, d.unit);
    this.text(D.work, `${d.activity}（${d.halfDays}个半天）`);
    if (d.counted) {
      this.text(D.item, d.item);
      if (d.rateFen !== undefined && d.per) this.text(D.charge, `${fenToYuanText(d.rateFen)}元/${PER_LABEL[d.per]} × ${d.quantity}`);
      this.set(D.amount, fenToYuan(d.amountFen), MONEY_FMT);
      this.text(D.payer, d.payer);
      const notes = [
        d.basis && d.basis !== this.mainBasis ? `依据${d.basis}` : '',
        d.assumed ? `金额为${ASSUMED_LABEL.zh}` : '',
        d.cappedFen ? `超上限少计 ${fenToYuanText(d.cappedFen)} 元` : '',
        d.note ?? '',
      ].filter(Boolean);
      this.text(D.note, notes.join('；'));
    } else {
      this.text(D.item, UNCOUNTED, true);
      this.set(D.amount, 0, MONEY_FMT);
      this.text(D.note, [d.reason?.zh, d.note].filter(Boolean).join('；'), true);
    }
  }

  /** Text as setText writes it: empty is no value, the format guards against formulas. */
  private text(c: number, s: string | undefined, red = false): void {
    const v = s ?? '';
    this.set(c, v === '' ? null : v, textFormat(v), red);
  }

  private set(c: number, v: RawValue, numFmt?: string, red = false): void {
    this.values[c - 1] = v;
    const byFmt = (this.looks[c] ??= new Map());
    let looks = byFmt.get(numFmt);
    if (!looks) byFmt.set(numFmt, (looks = [detailStyle(c, numFmt, false), detailStyle(c, numFmt, true)]));
    this.styles[c - 1] = looks[red ? 1 : 0]!;
  }

  private date(iso: string): Date {
    let d = this.dates.get(iso);
    if (!d) this.dates.set(iso, (d = excelDate(iso)));
    return d;
  }
}

/** The style of a 明细 cell in column `c`: its format, red for what earned nothing, a thin grid. */
function detailStyle(c: number, numFmt: string | undefined, red: boolean): CellStyle {
  const alignment: CellStyle['alignment'] =
    c === D.amount ? { horizontal: 'right', vertical: 'middle' }
    : c === D.seq ? { horizontal: 'center', vertical: 'middle', wrapText: false }
    : { vertical: 'middle', wrapText: DETAIL_WRAP.includes(c) };
  return { ...(numFmt ? { numFmt } : {}), ...(red ? { font: FONT_RED } : {}), alignment, border: THIN_BORDER };
}
