// The check report for people: one table per 牵头科室, then a one-line summary.
import { paint as paintFor } from './paint.js';
import type { Lang } from '../model/diagnostic.js';
import { findingKindLabel, SEVERITY_WORDS, type CheckReport } from '../reports/check.js';
import { location } from './diagnostics.js';
import { terminalSafe } from './terminal-safe.js';
import { tableLines } from './table-pieces.js';
import { capWidth, displayWidth, wrapToWidth } from './text-width.js';


/** Headings for findings not tied to a work-plan item, by code family. */
const FAMILY_HEADING: Record<string, { zh: string; en: string }> = {
  quota: { zh: '考核指标', en: 'Quotas' },
  coverage: { zh: '区域覆盖', en: 'Region coverage' },
  expiring: { zh: '到期提醒', en: 'Ending soon' },
};

function heading(lead: string | undefined, family: string | undefined, zh: boolean): string {
  if (lead) return zh ? `牵头科室：${lead}` : `Lead department: ${lead}`;
  const f = family ? FAMILY_HEADING[family] : undefined;
  return f ? (zh ? f.zh : f.en) : zh ? '其他' : 'Other';
}

const MESSAGE_WIDTH = 50;
/**
 * Lines of a message shown in the table. cli-table3 re-measures a cell's whole text for every
 * line it draws (quadratic: a 2,000-character name took 21 s, 20,000 over 9 minutes), so long
 * text is cut here, with an ellipsis; `--format json` keeps it whole.
 */
const MESSAGE_LINES = 8;

/** Plan text for a cell: escape sequences shown, not sent, and no longer than `width` cells. */
const cell = (text: string, width: number) => capWidth(terminalSafe(text), width);
/** Widths of the level, kind, item and due columns, plus the table's borders and padding. */
const FIXED_WIDTH = 8 + 12 + 6 + 14 + 7;

/**
 * `width` is the terminal's width when known: when the table with its location column would not
 * fit, the location moves under the message and the message column narrows, so nothing wraps
 * into an unreadable mess on an 80- or 100-column Windows console.
 */
export function renderCheckText(r: CheckReport, opts: CheckTextOptions): string {
  return [...checkTextPieces(r, opts)].join('\n');
}

export interface CheckTextOptions {
  lang: Lang;
  color: boolean;
  quiet?: boolean;
  width?: number;
}

/**
 * renderCheckText's text in pieces of whole lines (joined with line breaks they are the text),
 * each table drawn a piece of rows at a time, so a province's 48,000 findings go out as they
 * are drawn rather than as one text.
 */
export function* checkTextPieces(r: CheckReport, opts: CheckTextOptions): Generator<string> {
  const c = paintFor(opts.color);
  const zh = opts.lang === 'zh';
  const paint = { error: c.red, warning: c.yellow, info: c.cyan } as const;
  yield c.bold(zh ? `截至 ${r.asOf} 的检查结果（提前 ${r.withinDays} 天提醒）` : `Findings as of ${r.asOf} (looking ${r.withinDays} days ahead)`);
  for (const g of r.groups) {
    const shown = opts.quiet ? g.findings.filter((f) => f.severity === 'error') : g.findings;
    if (!shown.length) continue;
    yield '';
    yield c.bold(heading(g.lead, g.family, zh));
    const locWidth = Math.max(8, ...shown.map((f) => displayWidth(cell(location(f), MESSAGE_WIDTH * 2)))) + 2;
    const compact = opts.width !== undefined && FIXED_WIDTH + MESSAGE_WIDTH + 2 + locWidth + 1 > opts.width;
    const msgWidth = compact ? Math.max(24, Math.min(MESSAGE_WIDTH, opts.width! - FIXED_WIDTH - 2)) : MESSAGE_WIDTH;
    const head = zh ? ['级别', '类别', '事项', '期限/期间', '说明', '位置'] : ['level', 'kind', 'item', 'due/period', 'message', 'where'];
    const options = {
      head: compact ? head.slice(0, 5) : head,
      style: { head: opts.color ? ['bold'] : [], border: opts.color ? ['grey'] : [] },
      // We wrap the message ourselves by display width: cli-table3 counts a Chinese character as
      // one cell and would cut the text.
      colWidths: compact ? [8, 12, 6, 14, msgWidth + 2] : [8, 12, 6, 14, msgWidth + 2, locWidth],
    };
    const rowOf = (f: (typeof shown)[number]): string[] => {
      const label = findingKindLabel(f.code)?.[opts.lang] ?? f.code;
      const message = wrapToWidth(cell(f.message[opts.lang], msgWidth * MESSAGE_LINES), msgWidth);
      const where = cell(location(f), msgWidth * 2);
      const cells = [
        paint[f.severity](SEVERITY_WORDS[f.severity][opts.lang]),
        label,
        f.data?.item !== undefined ? cell(String(f.data.item), 4) : '',
        cell(String(f.data?.period ?? f.data?.due ?? ''), 12),
      ];
      return compact ? [...cells, where ? `${message}\n${c.dim(wrapToWidth(where, msgWidth))}` : message] : [...cells, message, where];
    };
    yield* tableLines(options, shown.length, (from, to) => shown.slice(from, to).map(rowOf));
  }
  // A hint that is a whole document (the Calendar to add for a new year) is shown once, below
  // the tables, where it can be copied; the table cells have no room for it.
  const blocks = new Set(r.groups.flatMap((g) => g.findings).map((f) => f.hint?.[opts.lang]).filter((h): h is string => !!h && h.includes('\n')));
  for (const b of blocks) yield `\n${b.trimEnd()}`;
  const { error, warning, info } = r.counts;
  const overdue = r.byCode['deadline/overdue'] ?? 0;
  const missed = r.byCode['recurrence/missed'] ?? 0;
  const soon = (r.byCode['deadline/due-soon'] ?? 0) + (r.byCode['recurrence/due-soon'] ?? 0);
  const below = (r.byCode['quota/below'] ?? 0) + (r.byCode['quota/above'] ?? 0) + (r.byCode['quota/unqualified'] ?? 0);
  yield '';
  const first = zh ? `${error ? `${error} 个错误` : '没有错误'}，${warning} 个警告，${info} 条提示` : `${error ? `${error} error(s)` : 'no errors'}, ${warning} warning(s), ${info} info`;
  const rest = zh
    ? `逾期 ${overdue} 项，漏期 ${missed} 次，${r.withinDays} 天内到期 ${soon} 项，指标未达标 ${below} 项（共检查 ${r.filesChecked} 个文件）。`
    : `${overdue} overdue, ${missed} missed period(s), ${soon} due within ${r.withinDays} days, ${below} quota shortfall(s) (${r.filesChecked} file(s)).`;
  const sep = zh ? '：' : ': ';
  // On a narrow terminal the details go on their own line.
  const fits = opts.width === undefined || displayWidth(first + sep + rest) <= opts.width;
  yield (error ? c.red(first) : c.green(first)) + (fits ? sep : '\n') + rest;
}
