// 进展报告 as a Word document laid out as a 公文 (GB/T 9704-2012; the page, grid and fonts are in
// report-docx-page.ts): the title in 2号 小标宋, the report's basis as the opening paragraph, each
// section under its 一、 heading (黑体) with its sentences in 3号 仿宋, each table under a （一）
// heading (楷体) as a real Word table whose header row repeats on every page, then the 落款 (the
// alliance's name and the as-of date), and the timeline as an 附件 on a page of its own: one row per
// item or batch with its spans in words (the HTML draws the same model as a Gantt chart). Tables are set in 小四 仿宋, as 公文 attachment tables are;
// those of seven columns or more in 五号 on A4 landscape pages (243 mm), so that 工作任务 has room.
//
// Thin, like the other renderers: every number and sentence comes from the ProgressReport; cells
// read as report-cells.ts writes them, so the 示意值 notes and percentages match html/md.
// Deterministic: docx stamps the wall clock into docProps/core.xml and the zip; report-docx-zip.ts
// pins both to the as-of date.
import type { ProgressReport, ReportSection, ReportTable } from '../reports/progress.js';
import type { Timeline } from '../reports/timeline.js';
import { cellText, isNumeric } from './report-cells.js';
import {
  BODY_PT,
  CHAR_PITCH,
  CHAR_SPACING,
  FONTS,
  FOOTER_DISTANCE,
  GRID,
  HEADER_DISTANCE,
  LANDSCAPE_WIDTH,
  MARGIN,
  PAGE,
  PT,
  TYPE_AREA,
  WIDE_COLUMNS,
  type FontFace,
} from './report-docx-page.js';
import { finalizeDocx } from './report-docx-zip.js';
import { displayWidth } from './text-width.js';

type Docx = typeof import('docx');
type Paragraph = import('docx').Paragraph;
type Table = import('docx').Table;

const half = (pt: number) => pt * 2;
const font = (f: FontFace) => ({ ascii: f.name, hAnsi: f.name, eastAsia: f.name, cs: f.name });
/** Lines of text in the grid: exactly one grid line each (固定值), as 公文 templates set them. */
const GRID_LINE = { line: GRID.linePitch, lineRule: 'exact' as const };

const CN_DIGITS = '〇一二三四五六七八九';
/** 1 → 一, 12 → 十二, 23 → 二十三 (the （一） headings; a section has a handful of tables). */
export function cnNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  return `${tens > 1 ? CN_DIGITS[tens] : ''}十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
}

/** 2021-07-01 → 2021年7月1日 (成文日期 in Arabic numerals, GB/T 9704 §7.3.5.4). */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The date of the 落款 in the report's language. */
const signedDate = (r: ProgressReport) => (r.lang === 'zh' ? chineseDate(r.date) : r.date);

// ------------------------------------------------------------------ tables

/**
 * Table text: 小四 (12 pt), or 五号 (10.5 pt) for tables of seven columns or more, which would
 * otherwise wrap every word in 156 mm; one line is 1.3 times the size, exactly (a cell is not a
 * page line, so it leaves the line grid).
 */
const tableSize = (t: ReportTable) => (t.columns.length >= 7 ? PT.五号 : PT.小四);
const CELL_MARGIN = 80;
const CELL_PAD = 2 * CELL_MARGIN + 20;

/**
 * Column widths (twips) filling the type area. Each column asks for its widest text (headers wrap
 * into lines of two characters, as on printed forms); numbers and dates are never wrapped, nor
 * are words of up to six characters (状态 未全部达标); longer text may wrap down to four. When
 * the asks do not fit, each column keeps that minimum and the rest of the width goes to the text
 * columns by how much text they hold beyond it (longest and in all rows), so 工作任务 gets the most.
 */
export function columnWidths(t: ReportTable, total = TYPE_AREA.width): number[] {
  const em = tableSize(t) * 20;
  // a CJK character is an em; digits are taken at 0.6 em and Latin letters at 0.7, which the wider
  // fallback faces (Noto CJK, DejaVu on Linux) need: at half an em 100.0% wrapped in LibreOffice
  const measure = (s: string) => [...s].reduce((w, ch) => w + (displayWidth(ch) > 1 ? em : /[A-Za-z]/.test(ch) ? 0.7 * em : 0.6 * em), 0);
  // an English word is not broken (--lang en: "in progress", "Deadline"); a path or an id of
  // the 问题清单 may be, at its punctuation, rather than take the width of the long text columns
  const word = (s: string) => Math.min(8 * em, Math.max(0, ...(s.match(/[A-Za-z]+/g) ?? []).map(measure)));
  // a cell's lines are its paragraphs (the timeline's spans)
  const lines = t.columns.map((c, i) => [...t.rows, ...(t.total ? [t.total] : [])].flatMap((r) => cellText(r[i], c.type).split('\n').map(measure)));
  const want = t.columns.map((c, i) => Math.max(Math.min(measure(c.header), 2 * em), word(c.header), ...lines[i]!, 2 * em));
  const longestWord = t.columns.map((c, i) => Math.max(word(c.header), ...[...t.rows, ...(t.total ? [t.total] : [])].map((r) => word(cellText(r[i], c.type)))));
  const least = t.columns.map((c, i) => (isNumeric(c.type) || c.type === 'date' || want[i]! <= 6 * em ? want[i]! : Math.max(4 * em, longestWord[i]!)));
  const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);
  const padded = (xs: number[]) => xs.map((x) => x + CELL_PAD);
  let widths = padded(want);
  if (sum(widths) > total) {
    const floor = padded(least);
    const room = total - sum(floor);
    // the room goes where the text is: to each column by the geometric mean of its longest text
    // and all its rows' text beyond the minimum, so 工作任务 (long in every row) widens more than
    // 说明 (long in one or two) without leaving that one row a column of single words
    const extra = lines.map((ls, i) => Math.sqrt((want[i]! - least[i]!) * ls.reduce((a, w) => a + Math.max(0, w - least[i]!), 0)));
    widths = room > 0 ? floor.map((f, i) => f + (room * extra[i]!) / Math.max(1, sum(extra))) : squeezeText(t, floor, total);
  }
  const scaled = widths.map((w) => Math.floor((w * total) / sum(widths)));
  scaled[scaled.length - 1]! += total - sum(scaled);
  return scaled;
}

/**
 * Widths at their minimum that still overflow: the text columns give up the difference, so a date
 * or a number is never broken inside its digits ("2\n018-12-31" in LibreOffice); only when those
 * alone overflow is every column scaled.
 */
function squeezeText(t: ReportTable, floor: number[], total: number): number[] {
  const fixed = t.columns.map((c) => isNumeric(c.type) || c.type === 'date' || c.type === 'status');
  const kept = floor.reduce((a, w, i) => a + (fixed[i] ? w : 0), 0);
  const text = floor.reduce((a, w, i) => a + (fixed[i] ? 0 : w), 0);
  if (!text || kept >= total) return floor;
  return floor.map((w, i) => (fixed[i] ? w : (w * (total - kept)) / text));
}

function cellParagraph(d: Docx, text: string, opts: { size: number; bold?: boolean; heading?: boolean; align: 'left' | 'center' | 'right' }): Paragraph {
  return new d.Paragraph({
    alignment: opts.align === 'left' ? d.AlignmentType.LEFT : opts.align === 'right' ? d.AlignmentType.RIGHT : d.AlignmentType.CENTER,
    spacing: { line: Math.round(opts.size * 20 * 1.3), lineRule: 'exact', before: 0, after: 0 },
    children: [
      new d.TextRun({
        text,
        size: half(opts.size),
        ...(opts.heading ? { font: font(FONTS.heading1) } : {}),
        ...(opts.bold ? { bold: true } : {}),
        characterSpacing: 0,
      }),
    ],
  });
}

/** Whether a table goes on a landscape page. */
const isWide = (t: ReportTable) => t.columns.length >= WIDE_COLUMNS;

function reportTable(d: Docx, t: ReportTable, total = isWide(t) ? LANDSCAPE_WIDTH : TYPE_AREA.width): Table {
  const widths = columnWidths(t, total);
  const size = tableSize(t);
  const border = { style: d.BorderStyle.SINGLE, size: 4, color: '000000' };
  const row = (cells: string[], kind: 'header' | 'body' | 'total') =>
    new d.TableRow({
      tableHeader: kind === 'header',
      cantSplit: true,
      children: cells.map(
        (text, i) =>
          new d.TableCell({
            width: { size: widths[i]!, type: d.WidthType.DXA },
            verticalAlign: d.VerticalAlignTable.CENTER,
            children: text.split('\n').map((line) =>
              cellParagraph(d, line, {
                size,
                heading: kind === 'header',
                bold: kind === 'total',
                align: kind === 'header' ? 'center' : isNumeric(t.columns[i]!.type) ? 'right' : 'left',
              }),
            ),
          }),
      ),
    });
  return new d.Table({
    width: { size: total, type: d.WidthType.DXA },
    columnWidths: widths,
    layout: d.TableLayoutType.FIXED,
    margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 20, bottom: 20 },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      row(t.columns.map((c) => c.header), 'header'),
      ...t.rows.map((r) => row(t.columns.map((c, i) => cellText(r[i], c.type)), 'body')),
      ...(t.total ? [row(t.columns.map((c, i) => cellText(t.total![i], c.type)), 'total')] : []),
    ],
  });
}

// ------------------------------------------------------------------ text

/** A body paragraph: 仿宋 3号, first line indented two characters (空二字). */
function bodyParagraph(d: Docx, text: string): Paragraph {
  return new d.Paragraph({ indent: { firstLine: 2 * CHAR_PITCH }, children: [new d.TextRun(text)] });
}

/** A paragraph or table of the body; `wide` for a wide table and its （一） heading. */
interface Block {
  b: Paragraph | Table;
  wide: boolean;
}

function sectionBlocks(d: Docx, s: ReportSection, lang: ProgressReport['lang']): Block[] {
  const out: Block[] = [{ b: new d.Paragraph({ heading: d.HeadingLevel.HEADING_1, children: [new d.TextRun(s.title)] }), wide: false }];
  for (const line of s.lines) out.push({ b: bodyParagraph(d, line), wide: false });
  const plain = s.title.replace(/^(?:[一二三四五六七八九十]+、|\d+\.\s*)/, '');
  // a section with one table of its own name needs no （一） of it
  const numbered = !(s.tables.length === 1 && s.tables[0]!.title === plain);
  s.tables.forEach((t, i) => {
    const no = lang === 'zh' ? `（${cnNumber(i + 1)}）` : `(${i + 1}) `;
    const wide = t.rows.length > 0 && isWide(t);
    if (numbered) out.push({ b: new d.Paragraph({ heading: d.HeadingLevel.HEADING_2, indent: { firstLine: 2 * CHAR_PITCH }, children: [new d.TextRun(`${no}${t.title}`)] }), wide });
    out.push({ b: t.rows.length ? reportTable(d, t) : bodyParagraph(d, t.empty), wide });
  });
  return out;
}

/**
 * The title on one line where it fits (20 characters of 2号 in 156 mm), else broken after the
 * alliance's name, so that a line ends where the sense does (GB/T 9704 §7.3.3) rather than inside
 * a word.
 */
export function titleLines(r: ProgressReport): string[] {
  const fits = displayWidth(r.title) <= 2 * Math.floor(TYPE_AREA.width / (PT.二号 * 20));
  const name = r.alliance.name;
  const rest = r.title.slice(name.length);
  if (fits || !r.title.startsWith(name) || !rest) return [r.title];
  // the English title goes on after the name with ": ", which stays on the first line
  const colon = /^:\s*/.exec(rest);
  return colon ? [`${name}:`, rest.slice(colon[0].length)] : [name, rest];
}

/** 落款: the alliance's name over the as-of date, right-aligned; the date four characters in (右空四字). */
function signature(d: Docx, r: ProgressReport): Paragraph[] {
  const date = signedDate(r);
  const dateRight = 4 * CHAR_PITCH;
  // the name centred over the date (GB/T 9704 §7.3.5.1), as far as the page allows
  const shift = ((displayWidth(date) - displayWidth(r.alliance.name)) / 2) * (CHAR_PITCH / 2);
  const nameRight = Math.max(0, Math.round(dateRight + shift));
  const right = (text: string, indent: number) => new d.Paragraph({ alignment: d.AlignmentType.RIGHT, indent: { right: indent }, children: [new d.TextRun(text)] });
  return [new d.Paragraph({ children: [] }), right(r.alliance.name, nameRight), right(date, dateRight)];
}

/** The words of the timeline table's own columns. */
const TIMELINE_WORDS = { zh: { annex: '附件', status: '状态', spans: '时间与进度' }, en: { annex: 'Annex', status: 'Status', spans: 'Dates and progress' } } as const;

/**
 * The timeline as an 附件 (GB/T 9704 §7.3.4: 附件 in 黑体 at the top left of a new page, its
 * title centred): per group (items, dispatch batches) a table of the row's label, its status and
 * each span's words on a line of its own, as the model words them. A Word table rather than a
 * picture: it prints the same from Word, WPS and LibreOffice, and the clerk can edit it.
 */
function timelineAnnex(d: Docx, tl: Timeline): (Paragraph | Table)[] {
  if (!tl.rows.length) return [];
  const w = TIMELINE_WORDS[tl.lang];
  const out: (Paragraph | Table)[] = [
    new d.Paragraph({ pageBreakBefore: true, children: [new d.TextRun({ text: w.annex, font: font(FONTS.heading1) })] }),
    new d.Paragraph({ heading: d.HeadingLevel.TITLE, children: [new d.TextRun(tl.title)] }),
  ];
  for (const g of tl.groups) {
    const rows = tl.rows.filter((r) => r.group === g.id);
    const table: ReportTable = {
      id: `timeline-${g.id}`,
      title: g.title,
      empty: '',
      columns: [
        { header: g.title, type: 'text' },
        { header: w.status, type: 'text' },
        { header: w.spans, type: 'text' },
      ],
      rows: rows.map((r) => [r.label, r.status, r.spans.map((x) => x.text).join('\n')]),
    };
    // an empty paragraph between tables, or Word joins them into one
    if (out.length > 2) out.push(new d.Paragraph({ children: [] }));
    out.push(reportTable(d, table));
  }
  return out;
}

/** The page number "— 1 —" in 4号 宋体, one character in from the outside edge. */
function pageNumberFooter(d: Docx, side: 'odd' | 'even') {
  const run = { font: font(FONTS.pageNumber), size: half(PT.四号) };
  const inset = PT.四号 * 20;
  return new d.Footer({
    children: [
      new d.Paragraph({
        alignment: side === 'odd' ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT,
        indent: side === 'odd' ? { right: inset } : { left: inset },
        spacing: { line: Math.round(PT.四号 * 20 * 1.3), lineRule: 'exact' },
        children: [new d.TextRun({ ...run, text: '— ' }), new d.TextRun({ ...run, children: [d.PageNumber.CURRENT] }), new d.TextRun({ ...run, text: ' —' })],
      }),
    ],
  });
}

function styles(): import('docx').IStylesOptions {
  const heading = (f: FontFace) => ({ run: { font: font(f), size: half(BODY_PT), bold: false, color: '000000' }, paragraph: { spacing: { ...GRID_LINE, before: 0, after: 0 }, keepNext: true } });
  return {
    default: {
      document: {
        // Latin runs (dates, numbers) in en-US: marked zh-CN, LibreOffice broke them anywhere, as Chinese
        // text may be ("2\n017-12-31"); the Chinese stays zh-CN for its simplified glyphs
        run: { font: font(FONTS.body), size: half(BODY_PT), characterSpacing: CHAR_SPACING, language: { value: 'en-US', eastAsia: 'zh-CN' } },
        paragraph: { spacing: { ...GRID_LINE, before: 0, after: 0 } },
      },
      heading1: { ...heading(FONTS.heading1), paragraph: { ...heading(FONTS.heading1).paragraph, indent: { firstLine: 2 * CHAR_PITCH } } },
      heading2: heading(FONTS.heading2),
      title: { run: { font: font(FONTS.title), size: half(PT.二号), bold: false, color: '000000' }, paragraph: { alignment: 'center', spacing: { line: Math.round(GRID.linePitch * 1.25), lineRule: 'exact', before: 0, after: 0 } } },
    },
  };
}

/**
 * The body's page runs: portrait up to the first wide table, landscape from it through the last
 * (with the 落款 on its last page, never alone on one), portrait again for the 附件; all portrait
 * when no table is wide.
 */
function pageRuns(blocks: Block[], tail: (Paragraph | Table)[], annex: (Paragraph | Table)[]): { landscape: boolean; children: (Paragraph | Table)[] }[] {
  const first = blocks.findIndex((x) => x.wide);
  if (first < 0) return [{ landscape: false, children: [...blocks.map((x) => x.b), ...tail, ...annex] }];
  const runs = [
    { landscape: false, children: blocks.slice(0, first).map((x) => x.b) },
    { landscape: true, children: [...blocks.slice(first).map((x) => x.b), ...tail] },
    { landscape: false, children: annex },
  ];
  return runs.filter((r) => r.children.length);
}

export async function renderReportDocx(r: ProgressReport): Promise<Buffer> {
  const d = await import('docx');
  const head: Block[] = [
    ...titleLines(r).map((line) => ({ b: new d.Paragraph({ heading: d.HeadingLevel.TITLE, children: [new d.TextRun(line)] }), wide: false })),
    { b: new d.Paragraph({ children: [] }), wide: false },
    { b: bodyParagraph(d, r.lang === 'zh' ? `${r.subtitle.replace(/　+/g, '，')}。` : `${r.subtitle.replace(/ · /g, '; ')}.`), wide: false },
  ];
  const runs = pageRuns([...head, ...r.sections.flatMap((s) => sectionBlocks(d, s, r.lang))], signature(d, r), timelineAnnex(d, r.timeline));
  const doc = new d.Document({
    title: r.title,
    creator: r.alliance.name,
    lastModifiedBy: r.alliance.name,
    evenAndOddHeaderAndFooters: true,
    styles: styles(),
    sections: runs.map((run) => ({
      properties: {
        page: {
          // the docx package swaps width and height for a landscape page
          size: { width: PAGE.width, height: PAGE.height, orientation: run.landscape ? d.PageOrientation.LANDSCAPE : d.PageOrientation.PORTRAIT },
          margin: { ...MARGIN, header: HEADER_DISTANCE, footer: FOOTER_DISTANCE, gutter: 0 },
        },
        grid: { type: d.DocumentGridType.LINES, linePitch: GRID.linePitch },
      },
      footers: { default: pageNumberFooter(d, 'odd'), even: pageNumberFooter(d, 'even') },
      children: run.children,
    })),
  });
  return finalizeDocx(Buffer.from(await d.Packer.toBuffer(doc)), r.date);
}
