// 进展报告 as GitHub-flavoured markdown: headings, the 概况 list, one pipe table per report table.
// Charts are HTML-only; the numbers behind them are in the tables.
import type { ProgressReport, ReportTable } from '../reports/report-model.js';
import { cellText, isNumeric } from './report-cells.js';

/** A cell's text safe inside a GFM table row: pipes escaped, no raw HTML, one line. */
export function mdCell(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, '<br>');
}

/** Text of a paragraph: no raw HTML. */
const mdText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function mdTable(t: ReportTable): string[] {
  const out = [`### ${mdText(t.title)}`, ''];
  if (!t.rows.length) return [...out, mdText(t.empty), ''];
  out.push(`| ${t.columns.map((c) => mdCell(c.header)).join(' | ')} |`);
  out.push(`|${t.columns.map((c) => (isNumeric(c.type) ? '---:' : '---')).join('|')}|`);
  for (const row of [...t.rows, ...(t.total ? [t.total] : [])]) out.push(`| ${t.columns.map((c, i) => mdCell(cellText(row[i], c.type)) || ' ').join(' | ')} |`);
  out.push('');
  return out;
}

export function renderReportMarkdown(r: ProgressReport): string {
  const out: string[] = [`# ${mdText(r.title)}`, '', mdText(r.subtitle), '', r.lang === 'zh' ? '## 概况' : '## Summary', ''];
  for (const line of r.summary) out.push(`- ${mdText(line)}`);
  out.push('');
  for (const s of r.sections) {
    out.push(`## ${mdText(s.title)}`, '');
    for (const line of s.lines) out.push(mdText(line), '');
    for (const t of s.tables) out.push(...mdTable(t));
  }
  return out.join('\n').replace(/\n+$/, '\n');
}
