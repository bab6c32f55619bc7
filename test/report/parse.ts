// Read the rendered reports back: markdown pipe tables, HTML tables and charts, xlsx sheets.
import type ExcelJS from 'exceljs';
import type { ReportTable } from '../../src/reports/progress.js';

const unescapeHtml = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Body (and total) rows of the markdown table under `### title`, as cell texts. */
export function mdTableRows(md: string, title: string): string[][] | 'empty' | undefined {
  const lines = md.split('\n');
  const at = lines.indexOf(`### ${title}`);
  if (at < 0) return undefined;
  const body: string[] = [];
  for (let i = at + 2; i < lines.length && lines[i]!.startsWith('|'); i++) body.push(lines[i]!);
  if (!body.length) return 'empty';
  return body.slice(2).map((line) =>
    line
      .slice(2, -2)
      .split(/ (?<!\\)\| /)
      .map((c) => unescapeHtml(c.replace(/\\\|/g, '|').replace(/\\\\/g, '\\')).trim()),
  );
}

/** Body and footer rows of `<table id="table-ID">`, as cell texts. */
export function htmlTableRows(html: string, id: string): string[][] | undefined {
  const m = new RegExp(`<table id="table-${id}"[^>]*>([\\s\\S]*?)</table>`).exec(html);
  if (!m) return undefined;
  const inner = m[1]!.replace(/<thead>[\s\S]*?<\/thead>/, '');
  return [...inner.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => unescapeHtml(c[1]!)));
}

/** Bars drawn in the chart `<figure id="chart-ID">`. */
export function chartBars(html: string, id: string): number | undefined {
  const m = new RegExp(`<figure id="chart-${id}">([\\s\\S]*?)</figure>`).exec(html);
  return m ? (m[1]!.match(/<rect class="bar"/g) ?? []).length : undefined;
}

const VOID = new Set(['meta', 'br', 'img', 'link', 'input', 'hr', 'col', 'wbr']);

/** Problems with the tag structure: an unclosed, stray or mismatched tag. */
export function tagProblems(html: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  // <style> content is CSS: skip it
  const src = html.replace(/<style>[\s\S]*?<\/style>/g, '<style></style>');
  for (const m of src.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^<>]*?(\/?)>/g)) {
    const [, close, name, self] = m;
    const tag = name!.toLowerCase();
    if (self || VOID.has(tag)) continue;
    if (!close) stack.push(tag);
    else if (stack.at(-1) === tag) stack.pop();
    else problems.push(`</${tag}> while <${stack.at(-1) ?? '(none)'}> is open`);
  }
  if (stack.length) problems.push(`unclosed: ${stack.join(' > ')}`);
  if (/<(?![a-zA-Z/!])/.test(src)) problems.push('a bare < in the text');
  if (/&(?!(amp|lt|gt|quot|#39);)/.test(src.replace(/<style>[\s\S]*?<\/style>/g, ''))) problems.push('a bare & in the text');
  return problems;
}

/** The rows of a report table in a worksheet: found by its header row, as cell values. */
export function xlsxTableRows(ws: ExcelJS.Worksheet, t: ReportTable): { values: unknown[][]; formats: string[][] } | 'empty' | undefined {
  const headers = t.columns.map((c) => c.header);
  let header = 0;
  ws.eachRow((row, r) => {
    if (header) return;
    if (headers.every((h, i) => row.getCell(i + 1).value === h) && (row.getCell(headers.length + 1).value ?? null) === null) header = r;
  });
  if (!header) return undefined;
  const n = t.rows.length + (t.total ? 1 : 0);
  if (!t.rows.length) return 'empty';
  const values: unknown[][] = [];
  const formats: string[][] = [];
  for (let r = header + 1; r <= header + n; r++) {
    values.push(headers.map((_, i) => ws.getCell(r, i + 1).value ?? null));
    formats.push(headers.map((_, i) => ws.getCell(r, i + 1).numFmt ?? ''));
  }
  return { values, formats };
}
