// 进展报告 as one self-contained HTML file: inline CSS (A4 print with @page, a Chinese font
// stack), tables, and bar charts drawn here as inline SVG. No scripts, no external resources,
// every piece of text HTML-escaped. Opens in any browser and prints as it looks.
import type { ProgressReport, ReportChart, ReportTable } from '../reports/report-model.js';
import { cellText, isNumeric } from './report-cells.js';
import { displayWidth } from './text-width.js';
import { timelineSvg } from './timeline-svg.js';

/** Escape text for HTML element content and attribute values. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const FONT_STACK =
  '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "SimHei", "SimSun", sans-serif';

const CSS = `
@page { size: A4; margin: 16mm 14mm 18mm; @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; color: #4a5560; } }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: ${FONT_STACK}; font-size: 10.5pt; line-height: 1.55; color: #1d2329; margin: 0 auto; max-width: 190mm; padding: 8mm 0; background: #fff; }
header { border-bottom: 2px solid #24527a; margin-bottom: 4mm; padding-bottom: 2mm; }
h1 { font-size: 17pt; margin: 0 0 1.5mm; text-align: center; letter-spacing: 0.5pt; }
.subtitle { text-align: center; color: #4a5560; margin: 0; font-size: 9.5pt; }
h2 { font-size: 13pt; color: #24527a; border-left: 4px solid #24527a; padding-left: 2.5mm; margin: 7mm 0 2.5mm; page-break-after: avoid; break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1.5mm; page-break-after: avoid; break-after: avoid; }
p { margin: 1.5mm 0; }
ul.summary { margin: 1mm 0 0; padding-left: 6mm; }
ul.summary li { margin: 0.8mm 0; }
table { width: 100%; border-collapse: collapse; margin: 1mm 0 3mm; font-size: 9pt; }
thead { display: table-header-group; }
tfoot { display: table-row-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
th, td { border: 0.6pt solid #8d99a6; padding: 1.2mm 1.6mm; vertical-align: top; text-align: left; }
th { background: #e8eef4; font-weight: bold; text-align: center; white-space: nowrap; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.date, td.status { white-space: nowrap; }
td.status { word-break: keep-all; }
table.compact { width: auto; min-width: 55%; }
tfoot td { font-weight: bold; background: #f4f6f8; }
tbody tr:nth-child(even) td { background: #fafbfc; }
td.tone-bad { color: #b3261e; font-weight: bold; }
td.tone-good { color: #1e7a3c; }
p.empty { color: #6b7680; font-style: italic; }
figure { margin: 2mm 0 3mm; page-break-inside: avoid; break-inside: avoid; }
figcaption { font-size: 9.5pt; color: #4a5560; margin-bottom: 1mm; }
svg { display: block; max-width: 100%; height: auto; }
figure.timeline { page-break-inside: auto; break-inside: auto; }
svg.timeline { width: 100%; }
svg text { font-family: ${FONT_STACK}; font-size: 12px; fill: #1d2329; }
svg .axis { stroke: #8d99a6; stroke-width: 1; }
svg .grid { stroke: #dde3e9; stroke-width: 1; }
svg .val { font-size: 11px; fill: #33404d; }
footer { margin-top: 6mm; font-size: 8.5pt; color: #6b7680; text-align: right; }
@media print { body { padding: 0; max-width: none; } h2 { margin-top: 5mm; } }
`.trim();

const STATUS_COLOR: Record<string, string> = {
  已完成: '#2e8b57',
  进行中: '#2f6fb0',
  未到期: '#8da9c4',
  未设期限: '#a3acb5',
  逾期: '#c0392b',
  漏期: '#e0702e',
  取消: '#c4c9ce',
};
/** Status words shown in red or green, in both languages (the same words the model writes). */
const TONE: Record<string, 'bad' | 'good'> = {
  错误: 'bad', error: 'bad', 已届满: 'bad', 不足: 'bad', 尚未达标: 'bad', 未列机构: 'bad', short: 'bad', below: 'bad', 'not yet met': 'bad', 'none listed': 'bad', 逾期: 'bad', 漏期: 'bad', 未全部达标: 'bad', 未覆盖: 'bad', 未达标: 'bad', overdue: 'bad', missed: 'bad', 'not all met': 'bad', 'not covered': 'bad', 'below quota': 'bad',
  已完成: 'good', 达标: 'good', 满足: 'good', 已覆盖: 'good', done: 'good', met: 'good', covered: 'good',
};
const STATUS_COLOR_EN: Record<string, string> = { done: '#2e8b57', 'in progress': '#2f6fb0', 'not yet due': '#8da9c4', 'no deadline': '#a3acb5', overdue: '#c0392b', missed: '#e0702e', cancelled: '#c4c9ce' };
const SERIES_COLOR = ['#2f6fb0', '#e08a2e', '#2e8b57', '#8e5ea2'];

const px = (n: number) => String(Math.round(n * 10) / 10);

/** Cut a label to a display width (CJK counts 2), with an ellipsis. */
function fit(label: string, width: number): string {
  if (displayWidth(label) <= width) return label;
  let out = '';
  for (const ch of label) {
    if (displayWidth(out + ch) > width - 2) break;
    out += ch;
  }
  return out + '…';
}

function valueText(v: number, type: ReportChart['valueType']): string {
  return type === 'percent' ? `${Number((v * 100).toFixed(1))}%` : String(Math.round(v * 10) / 10);
}

/** A horizontal bar chart: one bar per category (first series). */
export function hbarSvg(c: ReportChart): string {
  const values = c.series[0]?.values ?? [];
  const labelUnits = Math.min(46, Math.max(8, ...c.categories.map((l) => displayWidth(l))));
  const left = Math.round(labelUnits * 6.5) + 12;
  const plot = Math.max(260, 560 - left);
  const width = left + plot + 70;
  const row = 26;
  const top = 8;
  const height = top + values.length * row + 24;
  const max = c.valueType === 'percent' ? 1 : niceMax(Math.max(1, ...values));
  const out: string[] = [`<svg class="chart hbar" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(c.title)}">`];
  // grid: quarters of the scale
  for (let k = 0; k <= 4; k++) {
    const x = left + (plot * k) / 4;
    out.push(`<line class="grid" x1="${px(x)}" y1="${top}" x2="${px(x)}" y2="${top + values.length * row}"/>`);
    const tick = valueText((max * k) / 4, c.valueType);
    out.push(`<text x="${px(x)}" y="${top + values.length * row + 16}" text-anchor="middle" class="val">${esc(tick)}</text>`);
  }
  values.forEach((v, i) => {
    const y = top + i * row;
    const w = max > 0 ? (plot * Math.max(0, v)) / max : 0;
    const cat = c.categories[i] ?? '';
    const color = STATUS_COLOR[cat] ?? STATUS_COLOR_EN[cat] ?? (c.valueType === 'percent' ? (v >= 1 ? '#2e8b57' : v >= 0.8 ? '#2f6fb0' : '#c0392b') : SERIES_COLOR[0]);
    out.push(`<text x="${left - 8}" y="${px(y + row / 2 + 4)}" text-anchor="end">${esc(fit(cat, labelUnits))}</text>`);
    out.push(`<rect class="bar" x="${left}" y="${px(y + 4)}" width="${px(w)}" height="${row - 8}" fill="${color}"><title>${esc(`${cat}：${valueText(v, c.valueType)}`)}</title></rect>`);
    out.push(`<text class="val" x="${px(left + w + 5)}" y="${px(y + row / 2 + 4)}">${esc(valueText(v, c.valueType))}</text>`);
  });
  out.push(`<line class="axis" x1="${left}" y1="${top}" x2="${left}" y2="${top + values.length * row}"/>`);
  out.push('</svg>');
  return out.join('');
}

/** A nice upper bound for an axis: 1, 2, 2.5, 5 × 10^k. */
function niceMax(v: number): number {
  if (v <= 0) return 1;
  if (v <= 8) return v <= 4 ? 4 : 8; // four integer steps
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

/** Grouped vertical bars: per category one bar per series, with a legend. */
export function vbarSvg(c: ReportChart): string {
  const n = c.categories.length;
  const k = c.series.length;
  const left = 44;
  const top = 28;
  const plotH = 200;
  const group = Math.max(90, k * 30 + 30);
  const width = Math.max(480, left + n * group + 20);
  const height = top + plotH + 30;
  const max = c.valueType === 'percent' ? 1 : niceMax(Math.max(0, ...c.series.flatMap((s) => s.values)));
  const out: string[] = [`<svg class="chart vbar" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(c.title)}">`];
  // legend
  c.series.forEach((s, j) => {
    const x = left + j * 90;
    out.push(`<rect class="legend" x="${x}" y="6" width="12" height="12" fill="${SERIES_COLOR[j % SERIES_COLOR.length]}"/>`);
    out.push(`<text x="${x + 17}" y="16">${esc(s.name)}</text>`);
  });
  for (let t = 0; t <= 4; t++) {
    const y = top + plotH - (plotH * t) / 4;
    out.push(`<line class="grid" x1="${left}" y1="${px(y)}" x2="${width - 10}" y2="${px(y)}"/>`);
    out.push(`<text class="val" x="${left - 6}" y="${px(y + 4)}" text-anchor="end">${esc(valueText((max * t) / 4, c.valueType))}</text>`);
  }
  const bw = Math.min(30, (group - 30) / Math.max(1, k));
  c.categories.forEach((cat, i) => {
    const gx = left + i * group + (group - bw * k) / 2;
    c.series.forEach((s, j) => {
      const v = s.values[i] ?? 0;
      const h = max > 0 ? (plotH * Math.max(0, v)) / max : 0;
      const x = gx + j * bw;
      const y = top + plotH - h;
      out.push(`<rect class="bar" x="${px(x)}" y="${px(y)}" width="${px(bw - 2)}" height="${px(h)}" fill="${SERIES_COLOR[j % SERIES_COLOR.length]}"><title>${esc(`${cat} ${s.name}：${valueText(v, c.valueType)}`)}</title></rect>`);
      out.push(`<text class="val" x="${px(x + (bw - 2) / 2)}" y="${px(y - 3)}" text-anchor="middle">${esc(valueText(v, c.valueType))}</text>`);
    });
    out.push(`<text x="${px(left + i * group + group / 2)}" y="${top + plotH + 18}" text-anchor="middle">${esc(cat)}</text>`);
  });
  out.push(`<line class="axis" x1="${left}" y1="${top + plotH}" x2="${width - 10}" y2="${top + plotH}"/>`);
  out.push('</svg>');
  return out.join('');
}

function chartHtml(c: ReportChart): string {
  return `<figure id="chart-${esc(c.id)}"><figcaption>${esc(c.title)}</figcaption>${c.kind === 'hbar' ? hbarSvg(c) : vbarSvg(c)}</figure>`;
}

function tableHtml(t: ReportTable): string {
  const out = [`<h3>${esc(t.title)}</h3>`];
  if (!t.rows.length) {
    out.push(`<p class="empty">${esc(t.empty)}</p>`);
    return out.join('\n');
  }
  const td = (v: string | number | null | undefined, i: number) => {
    const c = t.columns[i]!;
    const text = cellText(v ?? null, c.type);
    const tone = TONE[text];
    const cls = [isNumeric(c.type) ? 'num' : c.type === 'date' || /^\d{4}-\d{2}(-\d{2})?$/.test(text) ? 'date' : '', c.type === 'status' && text ? `status${tone ? ` tone-${tone}` : ''}` : ''].filter(Boolean).join(' ');
    return `<td${cls ? ` class="${esc(cls)}"` : ''}>${esc(text)}</td>`;
  };
  out.push(`<table id="table-${esc(t.id)}"${t.columns.length <= 5 && t.columns.every((c) => c.header !== '说明' && c.header !== 'Note') ? ' class="compact"' : ''}>`);
  out.push(`<thead><tr>${t.columns.map((c) => `<th>${esc(c.header)}</th>`).join('')}</tr></thead>`);
  out.push('<tbody>');
  for (const row of t.rows) out.push(`<tr>${t.columns.map((_, i) => td(row[i], i)).join('')}</tr>`);
  out.push('</tbody>');
  if (t.total) out.push(`<tfoot><tr>${t.columns.map((_, i) => td(t.total![i], i)).join('')}</tr></tfoot>`);
  out.push('</table>');
  return out.join('\n');
}

export function renderReportHtml(r: ProgressReport): string {
  const out: string[] = [
    '<!DOCTYPE html>',
    `<html lang="${r.lang === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(r.title)}</title>`,
    `<style>\n${CSS}\n</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${esc(r.title)}</h1>`,
    `<p class="subtitle">${esc(r.subtitle)}</p>`,
    '</header>',
    '<section id="summary">',
    `<h2>${r.lang === 'zh' ? '概况' : 'Summary'}</h2>`,
    `<ul class="summary">${r.summary.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`,
    '</section>',
  ];
  if (r.timeline.rows.length)
    out.push('<section id="timeline">', `<h2>${esc(r.timeline.title)}</h2>`, `<figure id="chart-timeline" class="timeline">${timelineSvg(r.timeline)}</figure>`, '</section>');
  for (const s of r.sections) {
    out.push(`<section id="${esc(s.id)}">`, `<h2>${esc(s.title)}</h2>`);
    for (const line of s.lines) out.push(`<p>${esc(line)}</p>`);
    for (const c of s.charts) out.push(chartHtml(c));
    for (const t of s.tables) out.push(tableHtml(t));
    out.push('</section>');
  }
  out.push(`<footer>${esc(r.lang === 'zh' ? `由 yilian 生成，数据截至 ${r.asOf}` : `Made by yilian from the plan files as of ${r.asOf}`)}</footer>`, '</body>', '</html>', '');
  return out.join('\n');
}
