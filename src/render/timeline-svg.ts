// The timeline (reports/timeline.ts) drawn as one self-contained SVG: a row per work-plan item
// and per dispatch batch, a span per duty, the report period shaded and the as-of day marked.
// State is never told by colour alone: overdue and missed spans are hatched, open ones outlined,
// not-yet-owed ones dashed, done ones solid with a ✓ at the day, and every row ends in its state
// in words. Fills and strokes are attributes, so the SVG looks the same outside the HTML page.
import type { Timeline, TimelineRow, TimelineSpan, TimelineState } from '../reports/timeline.js';
import { displayWidth } from './text-width.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const px = (n: number) => String(Math.round(n * 10) / 10);

/** How each state is drawn: fill (a colour or a pattern), stroke, dash. */
const LOOK: Record<TimelineState, { fill: string; stroke: string; dash?: string }> = {
  done: { fill: '#2e8b57', stroke: '#1e6b42' },
  'done-late': { fill: 'url(#tl-late)', stroke: '#b8860b' },
  satisfied: { fill: 'url(#tl-dots)', stroke: '#1e6b42' },
  open: { fill: '#ffffff', stroke: '#2f6fb0' },
  'due-soon': { fill: 'url(#tl-soon)', stroke: '#d98a00' },
  overdue: { fill: 'url(#tl-bad)', stroke: '#b3261e' },
  missed: { fill: 'url(#tl-bad)', stroke: '#b3261e' },
  'not-yet-owed': { fill: '#ffffff', stroke: '#8d99a6', dash: '3 2' },
  'cannot-judge': { fill: '#e6e8eb', stroke: '#6b7680', dash: '1 2' },
  cancelled: { fill: '#ffffff', stroke: '#c4c9ce', dash: '1 2' },
  'no-deadline': { fill: '#f2f4f6', stroke: '#a3acb5', dash: '4 3' },
  'batch-ended': { fill: '#5b7fa6', stroke: '#3d5f85' },
  'batch-active': { fill: '#2f6fb0', stroke: '#1f4f82' },
  'batch-planned': { fill: '#ffffff', stroke: '#2f6fb0', dash: '3 2' },
};
/** Assignments drawn under a batch; more are counted. */
const MAX_LINES = 5;
const ROW_TEXT_BAD = new Set<TimelineState>(['overdue', 'missed']);

const DEFS =
  '<defs>' +
  '<pattern id="tl-bad" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f4c7c3"/><line x1="0" y1="0" x2="0" y2="6" stroke="#b3261e" stroke-width="3"/></pattern>' +
  '<pattern id="tl-late" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)"><rect width="6" height="6" fill="#9fd4b0"/><line x1="0" y1="0" x2="0" y2="6" stroke="#b8860b" stroke-width="2"/></pattern>' +
  '<pattern id="tl-soon" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#fff3d6"/><line x1="0" y1="3" x2="6" y2="3" stroke="#d98a00" stroke-width="1.5"/></pattern>' +
  '<pattern id="tl-dots" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="#2e8b57"/><circle cx="2.5" cy="2.5" r="1" fill="#d7f0df"/></pattern>' +
  '</defs>';

const DAY = 86_400_000;
const dayNo = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / DAY;

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Cut a label to a display width (CJK counts 2), with an ellipsis. */
function fit(label: string, width: number): string {
  if (displayWidth(label) <= width) return label;
  let out = '';
  for (const ch of label) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return out + '…';
}

interface Layout {
  x: (d: string, endOfDay?: boolean) => number;
  x0: number;
  x1: number;
}

function axis(tl: Timeline, l: Layout, top: number, bottom: number): string[] {
  const out: string[] = [];
  const y0 = Number(tl.start.slice(0, 4));
  const y1 = Number(tl.end.slice(0, 4));
  const months = (y1 - y0) * 12 + Number(tl.end.slice(5, 7)) - Number(tl.start.slice(5, 7)) + 1;
  // a short range names every month, a middling one every quarter, a long one only the years
  const labelEvery = months <= 18 ? 1 : months <= 40 ? 3 : 0;
  const tickEvery = labelEvery || 3;
  for (let y = y0; y <= y1; y++)
    for (let m = 1; m <= 12; m++) {
      const d = `${y}-${String(m).padStart(2, '0')}-01`;
      if (d < tl.start || d > tl.end) continue;
      const x = l.x(d);
      if (m === 1 || d === tl.start) {
        const yearEnd = `${y}-12-31` < tl.end ? `${y}-12-31` : tl.end;
        out.push(`<line class="tl-year" x1="${px(x)}" y1="${top}" x2="${px(x)}" y2="${bottom}" stroke="#8d99a6" stroke-width="1"/>`);
        out.push(`<text class="tl-year-label" x="${px((x + l.x(yearEnd, true)) / 2)}" y="${top + 12}" text-anchor="middle" font-size="11" font-weight="bold">${esc(tl.lang === 'zh' ? `${y}年` : String(y))}</text>`);
      } else if ((m - 1) % tickEvery === 0) out.push(`<line class="tl-month" x1="${px(x)}" y1="${top + 16}" x2="${px(x)}" y2="${bottom}" stroke="#e3e7eb" stroke-width="1"/>`);
      if (!labelEvery || (m - 1) % labelEvery !== 0) continue;
      const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
      const w = (l.x(next) - x) * labelEvery;
      if (w < 16) continue;
      const text = tl.lang === 'zh' ? `${m}月` : MONTHS_EN[m - 1]!;
      out.push(`<text class="tl-month-label" x="${px(labelEvery === 1 ? x + w / 2 : x + 2)}" y="${top + 26}" text-anchor="${labelEvery === 1 ? 'middle' : 'start'}" font-size="9" fill="#4a5560">${esc(text)}</text>`);
    }
  return out;
}

function spanSvg(s: TimelineSpan, row: TimelineRow, l: Layout, y: number, h: number): string[] {
  const look = LOOK[s.state];
  const x = l.x(s.start);
  const w = Math.max(3, l.x(s.end, true) - x);
  const out: string[] = [];
  const title = `<title>${esc(`${row.label}：${s.text}`)}</title>`;
  out.push(
    `<rect class="tl-span state-${s.state}" data-row="${esc(row.id)}"${s.key ? ` data-key="${esc(s.key)}"` : ''} x="${px(x)}" y="${px(y)}" width="${px(w)}" height="${px(h)}" fill="${look.fill}" stroke="${look.stroke}" stroke-width="1"${look.dash ? ` stroke-dasharray="${look.dash}"` : ''}>${title}</rect>`,
  );
  if (s.late) {
    const lx = l.x(s.late.start, true);
    const lw = Math.max(2, l.x(s.late.end, true) - lx);
    out.push(`<rect class="tl-late" x="${px(lx)}" y="${px(y + h / 4)}" width="${px(lw)}" height="${px(h / 2)}" fill="url(#tl-bad)" stroke="#b3261e" stroke-width="0.8"><title>${esc(`${row.label}：${s.text}`)}</title></rect>`);
  }
  if (s.date && (s.state === 'done' || s.state === 'done-late' || s.state === 'satisfied')) {
    const mx = l.x(s.date, true);
    out.push(`<text class="tl-mark" x="${px(mx)}" y="${px(y + h - 2)}" text-anchor="middle" font-size="${px(h + 1)}" fill="#0f3d22">✓</text>`);
  }
  if ((s.state === 'missed' || s.state === 'overdue') && w >= 8) out.push(`<text class="tl-mark" x="${px(x + w / 2)}" y="${px(y + h - 2)}" text-anchor="middle" font-size="${px(h)}" font-weight="bold" fill="#7a1410">✗</text>`);
  return out;
}

/** The timeline as an SVG element; `standalone` adds the namespace a file of its own needs (inline in HTML it is implied). */
export function timelineSvg(tl: Timeline, opts: { standalone?: boolean } = {}): string {
  const width = 760;
  const labelW = 200;
  const stateW = 62;
  const x0 = labelW + 8;
  const x1 = width - stateW - 6;
  const d0 = dayNo(tl.start);
  const span = dayNo(tl.end) + 1 - d0;
  const l: Layout = { x0, x1, x: (d, endOfDay = false) => x0 + ((x1 - x0) * (dayNo(d) + (endOfDay ? 1 : 0) - d0)) / span };
  const top = 4;
  const axisH = 32;
  const rowH = 20;
  const barH = 12;
  const thin = 3;
  // rows with their heights: group headers, then rows (a batch grows by its assignment lines, up to MAX_LINES)
  const placed: { y: number; h: number; row?: TimelineRow; header?: string }[] = [];
  let y = top + axisH;
  for (const g of tl.groups) {
    placed.push({ y, h: 18, header: g.title });
    y += 18;
    for (const row of tl.rows.filter((r) => r.group === g.id)) {
      const lines = Math.min(MAX_LINES, row.assignments?.length ?? 0);
      const h = rowH + (lines ? lines * (thin + 1) + 2 : 0);
      placed.push({ y, h, row });
      y += h;
    }
  }
  const plotBottom = y;
  const legendY = y + 22;
  const perLine = 6;
  const height = legendY + Math.ceil(tl.legend.length / perLine) * 18 + 6;
  const out: string[] = [
    `<svg class="timeline"${opts.standalone ? ' xmlns="http://www.w3.org/2000/svg"' : ''} viewBox="0 0 ${width} ${px(height)}" width="${width}" height="${px(height)}" role="img" aria-label="${esc(tl.title)}" font-family="sans-serif" font-size="11">`,
    DEFS,
  ];
  // the report period, shaded behind everything
  const ps = tl.period.start < tl.start ? tl.start : tl.period.start;
  const pe = tl.period.end > tl.end ? tl.end : tl.period.end;
  if (ps <= pe) out.push(`<rect class="tl-period" x="${px(l.x(ps))}" y="${top + axisH}" width="${px(l.x(pe, true) - l.x(ps))}" height="${px(plotBottom - top - axisH)}" fill="#fff6d9"><title>${esc(`${tl.lang === 'zh' ? '报告期' : 'report period'} ${tl.period.start} – ${tl.period.end}`)}</title></rect>`);
  // zebra rows, then the axis grid over them
  placed.forEach((p, i) => {
    if (p.row && i % 2 === 0) out.push(`<rect x="0" y="${px(p.y)}" width="${width}" height="${px(p.h)}" fill="#f6f8fa" fill-opacity="0.6"/>`);
  });
  out.push(...axis(tl, l, top, plotBottom));
  for (const p of placed) {
    if (p.header) {
      out.push(`<text class="tl-group" x="2" y="${px(p.y + 13)}" font-size="11" font-weight="bold" fill="#24527a">${esc(p.header)}</text>`);
      out.push(`<line x1="0" y1="${px(p.y + 17)}" x2="${width}" y2="${px(p.y + 17)}" stroke="#24527a" stroke-width="0.6"/>`);
      continue;
    }
    const row = p.row!;
    const by = p.y + (rowH - barH) / 2;
    out.push(`<g class="tl-row row-${row.group} state-${row.state}" id="tl-${esc(row.id)}">`);
    out.push(`<text class="tl-label" x="4" y="${px(p.y + 14)}">${esc(fit(row.label, 32))}<title>${esc(row.label)}</title></text>`);
    for (const s of row.spans) out.push(...spanSvg(s, row, l, by, barH));
    (row.assignments ?? []).slice(0, MAX_LINES).forEach((a, k) => {
      const ay = p.y + rowH + k * (thin + 1);
      const ax = l.x(a.start);
      out.push(`<rect class="tl-assignment" x="${px(ax)}" y="${px(ay)}" width="${px(Math.max(2, l.x(a.end, true) - ax))}" height="${thin}" fill="#8fb3d9"><title>${esc(a.text)}</title></rect>`);
    });
    if ((row.assignments?.length ?? 0) > MAX_LINES) out.push(`<text x="${px(x0 - 4)}" y="${px(p.y + p.h - 2)}" text-anchor="end" font-size="9" fill="#4a5560">${esc(tl.lang === 'zh' ? `另 ${row.assignments!.length - MAX_LINES} 人次` : `+${row.assignments!.length - MAX_LINES} more`)}</text>`);
    out.push(`<text class="tl-state" x="${width - 2}" y="${px(p.y + 14)}" text-anchor="end" font-size="10"${ROW_TEXT_BAD.has(row.state) ? ' font-weight="bold" fill="#b3261e"' : ' fill="#33404d"'}>${esc(row.status)}</text>`);
    out.push('</g>');
  }
  // the as-of day
  if (tl.asOf >= tl.start && tl.asOf <= tl.end) {
    const ax = l.x(tl.asOf, true);
    out.push(`<line class="tl-asof" x1="${px(ax)}" y1="${top + 16}" x2="${px(ax)}" y2="${px(plotBottom + 3)}" stroke="#b3261e" stroke-width="1.4" stroke-dasharray="4 2"/>`);
    const label = tl.lang === 'zh' ? `截至 ${tl.asOf}` : `as of ${tl.asOf}`;
    const right = ax + displayWidth(label) * 5.5 + 4 > x1;
    out.push(`<text class="tl-asof-label" x="${px(right ? ax - 3 : ax + 3)}" y="${px(plotBottom + 11)}" text-anchor="${right ? 'end' : 'start'}" font-size="9" font-weight="bold" fill="#b3261e">${esc(label)}</text>`);
  }
  // legend: the swatch as drawn, and the word
  tl.legend.forEach((g, i) => {
    const lx = 4 + (i % perLine) * 124;
    const ly = legendY + Math.floor(i / perLine) * 18;
    const look = LOOK[g.state];
    out.push(`<rect class="tl-legend state-${g.state}" x="${lx}" y="${ly}" width="18" height="10" fill="${look.fill}" stroke="${look.stroke}"${look.dash ? ` stroke-dasharray="${look.dash}"` : ''}/>`);
    out.push(`<text x="${lx + 23}" y="${ly + 9}" font-size="10">${esc(g.label)}</text>`);
  });
  out.push('</svg>');
  return out.join('');
}
