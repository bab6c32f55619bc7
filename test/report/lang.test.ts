// `report --lang en`: the report's own words (headings, column headers, states, labels, sheet
// names, the timeline's axis and legend) are English in every format. What the user wrote (plan
// text, unit and people names, quota texts) stays as written, so only the report's words are read.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../src/render/report-html.js';
import { renderReportMarkdown } from '../../src/render/report-md.js';
import { renderReportXlsx } from '../../src/render/report-xlsx.js';
import { timelineSvg } from '../../src/render/timeline-svg.js';
import { findAll, hasClass, parseXml } from '../helpers/xml.js';
import { exampleReport } from './helpers.js';

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
const cjkIn = (xs: string[]) => xs.filter((x) => CJK.test(x));
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

for (const [dir, asOf, period] of [
  ['guangshan-2021', '2021-10-10', '2021-Q3'],
  ['wuchuan-2017', '2021-07-10', '2021-Q2'],
  ['shaoxing-tcm-2017', '2017-12-31', '2017-Q4'],
] as const)
  describe(`${dir} as of ${asOf}, --lang en`, async () => {
    const r = await exampleReport(dir, asOf, period, 'en');
    const zh = await exampleReport(dir, asOf, period, 'zh');

    it('the model: section and table titles, headers, empty texts, status cells and chart titles', () => {
      const own: string[] = [r.period.label];
      for (const s of r.sections) {
        own.push(s.title, ...s.charts.flatMap((c) => [c.title, ...c.series.map((x) => x.name)]));
        for (const t of s.tables) {
          own.push(t.title, t.empty, ...t.columns.map((c) => c.header));
          t.columns.forEach((c, i) => c.type === 'status' && own.push(...t.rows.map((row) => String(row[i] ?? ''))));
          if (t.total && typeof t.total[0] === 'string') own.push(t.total[0]);
        }
      }
      expect(cjkIn(own)).toEqual([]);
      // the same report otherwise: as many rows in every table
      expect(r.sections.map((s) => s.tables.map((t) => t.rows.length))).toEqual(zh.sections.map((s) => s.tables.map((t) => t.rows.length)));
    });

    it('HTML: headings, column headers, captions, footer and the timeline\'s axis, legend and states', () => {
      const html = renderReportHtml(r);
      expect(html).toContain('<html lang="en">');
      const texts = [...html.matchAll(/<(h2|h3|th|figcaption|footer)[^>]*>([^<]*)</g)].map((m) => unescape(m[2]!));
      expect(texts.length).toBeGreaterThan(10);
      expect(cjkIn(texts)).toEqual([]);
      const svg = parseXml(timelineSvg(r.timeline));
      const axis = findAll(svg, (e) => ['tl-year-label', 'tl-month-label', 'tl-asof-label', 'tl-group'].some((c) => hasClass(e, c))).map((e) => e.text);
      const legend = r.timeline.legend.map((l) => l.label);
      const states = r.timeline.rows.filter((x) => x.group === 'items').map((x) => x.status);
      expect(axis.length).toBeGreaterThan(2);
      expect(cjkIn([...axis, ...legend, ...states, r.timeline.title])).toEqual([]);
    });

    it('markdown: headings and table header rows', () => {
      const md = renderReportMarkdown(r);
      const lines = md.split('\n');
      const headings = lines.filter((l) => /^#{2,3} /.test(l));
      const headers = lines.filter((l, i) => /^\|[-:|]+\|$/.test(lines[i + 1] ?? '')).flatMap((l) => l.split('|').map((c) => c.trim()));
      expect(headings.length).toBeGreaterThan(5);
      expect(cjkIn([...headings, ...headers])).toEqual([]);
    });

    it('xlsx: sheet names and every table header row', async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await renderReportXlsx(r)) as unknown as ArrayBuffer);
      const names = wb.worksheets.map((w) => w.name);
      const duties = r.sections.find((s) => s.id === 'duties')?.tables.map((t) => t.title) ?? [];
      expect(names).toEqual(['Summary', 'Work plan', 'Quotas', 'Dispatch', 'Referrals', ...duties, 'Problems']);
      const headers = new Set(r.sections.flatMap((s) => s.tables.flatMap((t) => t.columns.map((c) => c.header))));
      const found: string[] = [];
      for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => typeof c.value === 'string' && headers.has(c.value) && found.push(c.value)));
      expect(new Set(found)).toEqual(headers);
      expect(cjkIn(found)).toEqual([]);
    });
  });
