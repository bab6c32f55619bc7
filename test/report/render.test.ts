// The same model through markdown, HTML and xlsx: every table cell read back from each format
// equals the model's value; the HTML is well-formed, self-contained and draws the right bars.
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { ProgressReport } from '../../src/reports/progress.js';
import { cellText } from '../../src/render/report-cells.js';
import { renderReportHtml } from '../../src/render/report-html.js';
import { renderReportMarkdown } from '../../src/render/report-md.js';
import { PERCENT_FMT, renderReportXlsx, reportSheets, SECTION_SHEETS, SUMMARY_SHEET } from '../../src/render/report-xlsx.js';
import { exampleReport, tableOf } from './helpers.js';
import { chartBars, htmlTableRows, mdTableRows, tagProblems, xlsxTableRows } from './parse.js';

const CASES: [string, string, string][] = [
  ['shaoxing-tcm-2017', '2017-12-31', '2017-Q4'],
  ['shaoxing-tcm-2017', '2017-12-31', '2017'],
  ['guangshan-2021', '2021-07-01', '2021-06'],
];

interface Rendered {
  r: ProgressReport;
  md: string;
  html: string;
  xlsx: Buffer;
  wb: ExcelJS.Workbook;
}
const rendered = new Map<string, Rendered>();

beforeAll(async () => {
  for (const [dir, asOf, period] of CASES) {
    const r = await exampleReport(dir, asOf, period);
    const xlsx = await renderReportXlsx(r);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx);
    rendered.set(`${dir} ${period}`, { r, md: renderReportMarkdown(r), html: renderReportHtml(r), xlsx, wb });
  }
});

describe.each(CASES)('%s as of %s, period %s', (dir, _asOf, period) => {
  const get = () => rendered.get(`${dir} ${period}`)!;

  it('markdown: every table row equals the model', () => {
    const { r, md } = get();
    for (const s of r.sections)
      for (const t of s.tables) {
        const rows = mdTableRows(md, t.title);
        if (!t.rows.length) {
          expect(rows, t.id).toBe('empty');
          continue;
        }
        const want = [...t.rows, ...(t.total ? [t.total] : [])].map((row) => t.columns.map((c, i) => cellText(row[i] ?? null, c.type)));
        expect(rows, t.id).toEqual(want);
      }
  });

  it('HTML: every table row equals the model', () => {
    const { r, html } = get();
    for (const s of r.sections)
      for (const t of s.tables) {
        const rows = htmlTableRows(html, t.id);
        if (!t.rows.length) {
          expect(rows, t.id).toBeUndefined();
          expect(html).toContain(t.empty);
          continue;
        }
        const want = [...t.rows, ...(t.total ? [t.total] : [])].map((row) => t.columns.map((c, i) => cellText(row[i] ?? null, c.type)));
        expect(rows, t.id).toEqual(want);
      }
  });

  it('xlsx: every table cell holds the model value (numbers as numbers, percent as 0.0%)', () => {
    const { r, wb } = get();
    const sheets = reportSheets(r);
    expect(wb.worksheets.map((w) => w.name)).toEqual([SUMMARY_SHEET, ...sheets.map((x) => x.name)]);
    // every section has its sheet (其他职责 a sheet per table)
    expect(sheets.map((x) => x.name)).toEqual(r.sections.flatMap((s) => (s.id === 'duties' ? s.tables.map((t) => t.title) : [SECTION_SHEETS[s.id]])));
    for (const { name, section: s } of sheets) {
      const ws = wb.getWorksheet(name)!;
      for (const t of s.tables) {
        const got = xlsxTableRows(ws, t);
        if (!t.rows.length) {
          expect(got, t.id).toBe('empty');
          continue;
        }
        expect(got, t.id).toBeTypeOf('object');
        const { values, formats } = got as { values: unknown[][]; formats: string[][] };
        const all = [...t.rows, ...(t.total ? [t.total] : [])];
        all.forEach((row, ri) =>
          t.columns.forEach((c, ci) => {
            const v = row[ci] ?? null;
            const cell = values[ri]![ci];
            const where = `${t.id} row ${ri + 1} ${c.header}`;
            if (v === null || v === '') expect(cell, where).toBeNull();
            else if (c.type === 'date') expect((cell as Date).toISOString().slice(0, 10), where).toBe(v);
            else if (typeof v === 'number' && c.type === 'money') expect(cell, where).toBe(v / 100);
            else expect(cell, where).toBe(v);
            if (typeof v === 'number' && c.type === 'percent') expect(formats[ri]![ci], where).toBe(PERCENT_FMT);
          }),
        );
      }
    }
    const summary: string[] = [];
    wb.getWorksheet(SUMMARY_SHEET)!.eachRow((row, i) => i > 3 && summary.push(String(row.getCell(2).value)));
    expect(summary).toEqual(r.summary);
  });

  it('HTML is well-formed, self-contained and print-ready', () => {
    const { html } = get();
    expect(tagProblems(html)).toEqual([]);
    // url(#id) names a pattern inside the page itself; any other url( would fetch something
    expect(html).not.toMatch(/https?:|ftp:|\bsrc=|\bhref=|url\((?!#)|@import|<script|<link|<img|<iframe/i);
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/@page \{ size: A4;/);
    expect(html).toContain('"Microsoft YaHei"');
    expect(html).toContain('thead { display: table-header-group; }');
  });

  it('the same bytes on a second render', async () => {
    const { r, md, html, xlsx } = get();
    expect(renderReportMarkdown(r)).toBe(md);
    expect(renderReportHtml(r)).toBe(html);
    expect((await renderReportXlsx(r)).equals(xlsx)).toBe(true);
  });
});

describe('charts', () => {
  it('one bar per item status, per judged quota period, two per referral month', () => {
    const q4 = rendered.get('shaoxing-tcm-2017 2017-Q4')!;
    expect(chartBars(q4.html, 'workplan-status')).toBe(5); // 已完成 进行中 未到期 未设期限 逾期
    expect(chartBars(q4.html, 'quota-rates')).toBeUndefined(); // no closed period yet
    expect(chartBars(q4.html, 'referrals-monthly')).toBeUndefined(); // no referrals in Q4
    const year = rendered.get('shaoxing-tcm-2017 2017')!;
    expect(chartBars(year.html, 'referrals-monthly')).toBe(6); // 2017-06..08 × 上转/下转
    expect(year.html).toMatch(/<title>2017-08 上转：52<\/title>/);
    const gs = rendered.get('guangshan-2021 2021-06')!;
    expect(chartBars(gs.html, 'workplan-status')).toBe(4); // 进行中 未到期 未设期限 漏期
    expect(chartBars(gs.html, 'quota-rates')).toBe(2);
    expect(gs.html).toContain('95.7%');
    // svg bars are proportional: 3 of 4 on an axis of 4 is three times 1 of 4
    const widths = [...gs.html.matchAll(/<figure id="chart-workplan-status">[\s\S]*?<\/figure>/g)][0]![0].match(/class="bar" x="\d+" y="[\d.]+" width="([\d.]+)"/g)!.map((s) => Number(/width="([\d.]+)"/.exec(s)![1]));
    expect(widths[2]! / widths[0]!).toBeCloseTo(3, 5);
  });
});

describe('escaping', () => {
  it('no text from the plan files can become markup, a table break or a formula', async () => {
    const r = await exampleReport('guangshan-2021', '2021-07-01', '2021-06');
    const evil = '<script>alert("x")</script> | & =HYPERLINK("http://e.example")';
    const t = tableOf(r, 'workplan-items');
    t.rows[0]![2] = evil;
    r.title = `${r.title}<b>`;
    r.sections[0]!.charts[0]!.categories[0] = evil;
    const html = renderReportHtml(r);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>');
    expect(tagProblems(html)).toEqual([]);
    expect(htmlTableRows(html, 'workplan-items')![0]![2]).toBe(evil);
    const md = renderReportMarkdown(r);
    expect(md).not.toContain('<script');
    expect(mdTableRows(md, t.title)![0]).toHaveLength(t.columns.length);
    expect((mdTableRows(md, t.title) as string[][])[0]![2]).toBe(evil);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await renderReportXlsx(r));
    const ws = wb.getWorksheet('工作计划')!;
    let found: ExcelJS.Cell | undefined;
    ws.eachRow((row) => row.eachCell((c) => (c.value === evil ? (found = c) : undefined)));
    expect(found).toBeDefined();
    expect(typeof found!.value).toBe('string'); // a shared string, never a formula
  });
});
