// 进展报告 (the quarterly progress report an office hands in) as a format-neutral model: typed
// tables and chart series, built once from the judgements (judge/, rules/quotas) and the check findings, so the
// markdown, the HTML and the xlsx show the same numbers by construction (DESIGN.md,
// Architecture). Pure: no file system, no clock; renderers only lay this out.
//
// Sections: 工作计划完成情况 (every work-plan item's status as of the date), 考核指标达标情况
// (达标/应考核 per quota rule and period), 下沉人员与覆盖, 双向转诊, 问题清单 (error findings).
import type { AllianceEntry, Workspace } from '../load/workspace.js';
import { ASSUMED_LABEL, isAssumed } from '../model/assumed.js';
import { sortDiagnostics, type Diagnostic, type Lang } from '../model/diagnostic.js';
import { codeLabel } from '../codes/index.js';
import type { Person, QuotaRule, Roster, WorkItem, WorkPlan } from '../model/kinds.js';
import { foldActivity } from '../rules/quota-measures.js';
import { judgeQuotas, quotaHorizon } from '../judge/quotas.js';
import { NO_DATA } from '../rules/quota-wording.js';
import { canonicalLead } from '../rules/workplan-departments.js';
import { itemYears } from '../judge/schedule.js';
import { isDone, isLate, judgeItems, type Duty, type ItemJudgement } from '../judge/items.js';
import { daysBetween } from '../time/dates.js';
import { periodLabel, periodsBetween, type Period } from '../time/periods.js';

export { periodLabel };
import { buildTimeline, shortTask, type Timeline } from './timeline.js';
import { buildRosterReport } from './roster.js';
import { byCodePoint, byPinyin } from '../model/order.js';

// ------------------------------------------------------------------ the model

/**
 * How a column's values are to be shown: percent values are fractions (0.957), money is integer
 * fen, dates ISO days; a status is a short word (逾期, 未达标) kept on one line, never wrapped.
 */
export type ColumnType = 'text' | 'int' | 'number' | 'percent' | 'date' | 'money' | 'status';
export type ReportCell = string | number | null;

export interface ReportColumn {
  header: string;
  type: ColumnType;
}

export interface ReportTable {
  id: string;
  title: string;
  columns: ReportColumn[];
  rows: ReportCell[][];
  /** A totals row (合计), same columns. */
  total?: ReportCell[];
  /** Said instead of an empty table. */
  empty: string;
}

export interface ChartSeries {
  name: string;
  values: number[];
}

export interface ReportChart {
  id: string;
  title: string;
  /** hbar: one horizontal bar per category (one series); vbar: grouped vertical bars per category. */
  kind: 'hbar' | 'vbar';
  categories: string[];
  series: ChartSeries[];
  valueType: 'int' | 'percent';
}

export interface ReportSection {
  id: 'workplan' | 'quotas' | 'dispatch' | 'referrals' | 'issues';
  title: string;
  /** Sentences above the tables. */
  lines: string[];
  tables: ReportTable[];
  charts: ReportChart[];
}

export const ITEM_STATUSES = ['已完成', '进行中', '未到期', '未设期限', '逾期', '漏期', '取消'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
const ITEM_STATUS_EN: Record<ItemStatus, string> = { 已完成: 'done', 进行中: 'in progress', 未到期: 'not yet due', 未设期限: 'no deadline', 逾期: 'overdue', 漏期: 'missed', 取消: 'cancelled' };
/** An item status in the report's language (the model keys counts by the Chinese word). */
export const itemStatusWord = (s: ItemStatus, lang: Lang): string => (lang === 'zh' ? s : ITEM_STATUS_EN[s]);

export interface ProgressReport {
  /** The language of the report's own words. */
  lang: Lang;
  title: string;
  subtitle: string;
  alliance: { id?: string; name: string };
  document?: { number?: string; title?: string };
  period: { key: string; start: string; end: string; label: string };
  asOf: string;
  /** The day stamped into the workbook (the as-of date). */
  date: string;
  /** 概况: one sentence per section. */
  summary: string[];
  /** The plan as a Gantt chart, from the judgements the work-plan table shows. */
  timeline: Timeline;
  sections: ReportSection[];
  /** Headline figures (for the CLI's one-line summary and tests). */
  counts: {
    items: number;
    byStatus: Record<ItemStatus, number>;
    quotaRows: number;
    quotaShortfalls: number;
    people: number;
    membersCovered: number;
    members: number;
    referralsUp: number;
    referralsDown: number;
    issues: number;
    /** Rows of the 问题清单 for periods without data (check's quota/no-data, one per quota and period). */
    noData: number;
  };
}

export interface ProgressInput {
  ws: Workspace;
  alliance: AllianceEntry;
  asOf: string;
  period: Period;
  /** The findings as of `asOf` (collectFindings); the errors become the 问题清单. */
  findings: Diagnostic[];
  /** The look-ahead the findings were made with (default 14 days). */
  withinDays?: number;
  /** How the 问题清单 names a finding's file (the CLI makes it workspace-relative); default as is. */
  showFile?: (file: string) => string;
  /** The language of the report's own words (default zh); what the user wrote stays as written. */
  lang?: Lang;
}

// ------------------------------------------------------------------ helpers

const FAR = '9999-12-31';

/** Picks the report's language: `L('逾期', 'overdue')`. The user's own text is never translated. */
type L = (zh: string, en: string) => string;
const chooser = (lang: Lang): L => (zh, en) => (lang === 'zh' ? zh : en);

/** A name for prose and chart labels: whole, or its first clause; never cut inside a word. */
export function shortName(s: string, max = 24): string {
  const text = s.replace(/\s+/g, ' ').trim();
  if ([...text].length <= max) return text;
  const clause = text.split(/[，。；;,：:（(]/)[0]!;
  return clause && [...clause].length <= max ? clause : text;
}

/** 还有 N 天, or 今日到期. */
const left = (asOf: string, deadline: string, l: L) => (deadline === asOf ? l('今日到期', 'due today') : l(`还有 ${daysBetween(asOf, deadline)} 天`, `${daysBetween(asOf, deadline)} days left`));
const overlaps = (a0: string, a1: string, b0: string, b1: string) => a0 <= b1 && b0 <= a1;
const rate = (met: number, total: number): number | null => (total > 0 ? met / total : null);
/** 0.9565 → 95.7% (the sentences; tables carry the number). */
export const pctText = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;

function table(id: string, title: string, columns: [string, ColumnType][], rows: ReportCell[][], empty: string, total?: ReportCell[]): ReportTable {
  return { id, title, columns: columns.map(([header, type]) => ({ header, type })), rows, empty, ...(total ? { total } : {}) };
}

// ------------------------------------------------------------------ 工作计划完成情况

export interface ItemState {
  status: ItemStatus;
  /** The deadline the status is judged against (dated items); for recurring items the end of the current period. */
  deadline?: string;
  done?: string;
  note: string;
}

const yearStart = (d: string) => `${d.slice(0, 4)}-01-01`;
const yearEnd = (d: string) => `${d.slice(0, 4)}-12-31`;

/** Whether an item reaches into the report period (by whole years, as plans are written). */
function inPeriod(j: ItemJudgement, p: Period): boolean {
  const dated = j.duties.filter((d) => d.deadline);
  if (!dated.length) {
    const ys = itemYears(j.plan, j.item);
    return !ys || 'kind' in ys || overlaps(`${ys.from}-01-01`, `${ys.to}-12-31`, p.start, p.end);
  }
  // from the item's (or plan's) first year: a plan's items belong to every report of its year
  const ys = itemYears(j.plan, j.item);
  const own = ys && !('kind' in ys) ? [`${ys.from}-01-01`] : [];
  const from = [...own, ...dated.map((d) => yearStart(d.start ?? d.deadline!))].sort()[0]!;
  const to = dated.map((d) => yearEnd(d.deadline!)).sort().at(-1)!;
  return overlaps(from, to, p.start, p.end);
}

const joinNotes = (l: L, ...xs: string[]) => xs.filter(Boolean).join(l('；', '; '));

/**
 * The report's status of one item for a period, read off the judgement `check` words: the
 * duties that begin by the period's end count; an overdue or missed one makes the row 逾期/漏期.
 */
export function itemStatus(j: ItemJudgement, asOf: string, period: Period, lang: Lang = 'zh'): ItemState {
  const l = chooser(lang);
  const [first] = j.duties;
  if (j.form === 'cancelled') return { status: '取消', note: '' };
  if (j.form === 'open' || j.form === 'unreadable') {
    if (first && isDone(first)) return { status: '已完成', ...(first.date ? { done: first.date } : {}), note: '' };
    return { status: '未设期限', note: joinNotes(l, l(`未设期限（${j.item.due}）`, `no deadline (${j.item.due})`), ...(first?.missing ?? []).map((m) => m[lang])) };
  }
  const upTo = j.duties.filter((d) => (d.start ?? yearStart(d.deadline!)) <= period.end);
  const held = j.duties.filter((d) => d.date && d.date <= asOf).map((d) => d.date!).sort();
  const last = held.at(-1);
  const heldNote = j.form === 'recurring' && held.length ? l(`已有 ${held.length} 次记录`, `${held.length} held`) : '';
  const late = upTo.filter(isLate);
  if (late.length) {
    const keys = late.map((d) => (d.key === 'first' ? l(`首次（${d.deadline} 前）`, `first (by ${d.deadline})`) : d.key ?? d.deadline!)).join(l('、', ', '));
    // a per-unit duty names its missing units period by period
    const missing = [...new Set(late.flatMap((d) => d.missing.map((m) => (d.units && late.length > 1 ? `${d.key} ` : '') + m[lang])))].join(l('；', '; '));
    if (j.form === 'recurring')
      return { status: '漏期', deadline: late[0]!.deadline, ...(last ? { done: last } : {}), note: joinNotes(l, j.item.each ? l(`${keys} 未完成`, `not done in ${keys}`) : l(`${keys} 没有记录`, `nothing held in ${keys}`), missing, heldNote) };
    const multi = j.duties.length > 1;
    const years = late.map((d) => d.key).join(l('、', ', '));
    const days = daysBetween(late[0]!.deadline!, asOf);
    return { status: '逾期', deadline: late[0]!.deadline, note: multi ? joinNotes(l, l(`${years} 年未完成`, `not done in ${years}`), missing) : joinNotes(l, l(`逾期 ${days} 天`, `${days} days overdue`), missing) };
  }
  const periods = upTo.filter((d) => d.key !== 'first');
  const current = periods.at(-1);
  if (!current) {
    const next = j.duties.find((d) => d.key !== 'first') ?? first!;
    return { status: '未到期', deadline: next.deadline, note: j.form === 'recurring' ? l(`首期 ${next.key ?? ''}`, `first period ${next.key ?? ''}`).trim() : left(asOf, next.deadline!, l) };
  }
  const proofs = (d: Duty) => d.proofs.filter((p) => p.kind !== 'done' && p.kind !== 'held' && p.kind !== 'status').map((p) => p.text[lang]).join(l('；', '; '));
  if (j.form === 'dated') {
    const multi = j.duties.length > 1;
    const year = multi ? l(`${current.key} 年`, `${current.key}`) : '';
    if (isDone(current)) {
      const lateBy = current.state === 'done-late' && current.date ? l(`晚于期限 ${daysBetween(current.deadline!, current.date)} 天`, `${daysBetween(current.deadline!, current.date)} days after the deadline`) : '';
      return { status: '已完成', deadline: current.deadline, ...(current.date ? { done: current.date } : {}), note: joinNotes(l, year, lateBy, proofs(current)) };
    }
    const open = j.started || (current.ongoing === true && (!current.start || current.start <= asOf));
    return { status: open ? '进行中' : '未到期', deadline: current.deadline, note: joinNotes(l, year, left(asOf, current.deadline!, l)) };
  }
  // recurring: done when every period is; otherwise in progress, naming the current period
  const owedNow = periods.find((d) => d.deadline! >= asOf && d.start! <= asOf);
  if (periods.length === j.duties.filter((d) => d.key !== 'first').length && periods.every(isDone)) return { status: '已完成', ...(last ? { done: last } : {}), note: heldNote };
  return {
    status: '进行中',
    deadline: owedNow?.deadline,
    ...(last ? { done: last } : {}),
    note: owedNow && !isDone(owedNow) ? joinNotes(l, heldNote, l(`${owedNow.key} 尚无记录，${owedNow.deadline} 截止`, `nothing yet for ${owedNow.key}, due ${owedNow.deadline}`), ...owedNow.missing.map((m) => m[lang])) : joinNotes(l, heldNote, owedNow ? proofs(owedNow) : ''),
  };
}

/** 期限/完成日期为示意值，原文未规定 — for the dates of this row the source does not state. */
function assumedDates(item: WorkItem, state: ItemState, lang: Lang): string {
  const l = chooser(lang);
  const which = [
    state.deadline && isAssumed(item, 'due') ? l('期限', 'deadline') : '',
    state.done && (isAssumed(item, 'done') || isAssumed(item, 'held')) ? l('完成日期', 'date done') : '',
  ].filter(Boolean);
  return which.length ? l(`${which.join('、')}为${ASSUMED_LABEL.zh}`, `${which.join(' and ')}: ${ASSUMED_LABEL.en}`) : '';
}

function workplanSection(ws: Workspace, alliance: AllianceEntry, asOf: string, period: Period, withinDays: number, lang: Lang): { section: ReportSection; byStatus: Record<ItemStatus, number>; items: number; timeline: { judgement: ItemJudgement; status: string }[] } {
  // an item still overdue from an earlier year stays on the report until it is done
  const carried = (j: ItemJudgement) => j.duties.some((d) => isLate(d) && d.deadline! <= period.end);
  const judged = judgeItems(ws, { asOf, withinDays }).filter((j) => ws.allianceFor(j.plan.alliance) === alliance && (inPeriod(j, period) || carried(j)));
  const several = new Set(judged.map((j) => j.plan)).size > 1;
  const l = chooser(lang);
  const rows = judged.map((j) => ({ plan: j.plan, item: j.item, state: itemStatus(j, asOf, period, lang) }));
  const numeric = rows.every((r) => typeof r.item.no === 'number');
  const byStatus = Object.fromEntries(ITEM_STATUSES.map((s) => [s, 0])) as Record<ItemStatus, number>;
  for (const r of rows) byStatus[r.state.status]++;
  const cols: [string, ColumnType][] = [
    ...(several ? ([[l('计划', 'Plan'), 'text']] as [string, ColumnType][]) : []),
    [l('序号', 'No.'), numeric ? 'int' : 'text'],
    [l('工作任务', 'Task'), 'text'],
    [l('牵头科室', 'Lead'), 'text'],
    [l('完成时间要求', 'Due as written'), 'text'],
    [l('期限', 'Deadline'), 'date'],
    [l('状态', 'Status'), 'status'],
    [l('完成日期', 'Done'), 'date'],
    [l('说明', 'Note'), 'text'],
  ];
  const items = table(
    'workplan-items',
    l('工作计划完成情况', 'Work-plan items'),
    cols,
    rows.map(({ plan, item, state }) => [
      ...(several ? [plan.title ?? String(plan.year ?? plan.years ?? '')] : []),
      numeric ? (item.no as number) : String(item.no),
      item.task,
      canonicalLead(ws, plan, item),
      item.due,
      state.deadline ?? null,
      itemStatusWord(state.status, lang),
      state.done ?? null,
      [state.note, assumedDates(item, state, lang)].filter(Boolean).join(l('；', '; ')),
    ]),
    l('本报告期没有工作计划事项。', 'No work-plan items in this period.'),
  );
  const present = ITEM_STATUSES.filter((s) => byStatus[s] > 0);
  const total = rows.length;
  const summary = table(
    'workplan-status',
    l('完成情况汇总', 'Status summary'),
    [
      [l('状态', 'Status'), 'status'],
      [l('项数', 'Items'), 'int'],
      [l('占比', 'Share'), 'percent'],
    ],
    present.map((s) => [itemStatusWord(s, lang), byStatus[s], rate(byStatus[s], total)]),
    l('没有事项。', 'No items.'),
    total ? [l('合计', 'Total'), total, 1] : undefined,
  );
  const lines = total
    ? [l(`工作计划共 ${total} 项：${present.map((s) => `${s} ${byStatus[s]} 项`).join('，')}（截至 ${asOf}）。`, `${total} work-plan items: ${present.map((s) => `${byStatus[s]} ${ITEM_STATUS_EN[s]}`).join(', ')} (as of ${asOf}).`)]
    : [l('本报告期没有工作计划事项。', 'No work-plan items in this period.')];
  return {
    section: {
      id: 'workplan',
      title: l('一、工作计划完成情况', '1. Work plan'),
      lines,
      tables: [summary, items],
      charts: present.length ? [{ id: 'workplan-status', title: l('工作计划事项状态（项）', 'Work-plan items by status'), kind: 'hbar', categories: present.map((s) => itemStatusWord(s, lang)), series: [{ name: l('项数', 'Items'), values: present.map((s) => byStatus[s]) }], valueType: 'int' }] : [],
    },
    byStatus,
    items: total,
    timeline: rows.map((r, i) => ({ judgement: judged[i]!, status: itemStatusWord(r.state.status, lang) })),
  };
}

// ------------------------------------------------------------------ 考核指标达标情况

const EACH_WORD: Record<QuotaRule['each'], [string, string]> = { person: ['人', 'person'], assignment: ['人次', 'assignment'], unit: ['单位', 'unit'], alliance: ['医联体', 'alliance'] };
const MEASURE_UNIT: Record<string, [string, string]> = {
  count: ['次', 'times'],
  halfDays: ['个半天', 'half-days'],
  workdays: ['个工作日', 'working days'],
  batches: ['批', 'batches'],
  people: ['人', 'people'],
  trainees: ['人', 'trainees'],
  visits: ['天', 'days'],
};

function quotaSection(ws: Workspace, alliance: AllianceEntry, asOf: string, period: Period, lang: Lang): { section: ReportSection; rows: number; shortfalls: number } {
  const l = chooser(lang);
  const li = lang === 'zh' ? 0 : 1;
  const aid = alliance.data.id ?? alliance.data.name;
  const rules = ws
    .data('Quotas')
    .filter((d) => ws.allianceFor(d.alliance) === alliance)
    .flatMap((d) => d.rules);
  // the same judgements check words; periods up to the report's end (later ones: not yet owed)
  const verdicts = judgeQuotas(ws, asOf, period.end > quotaHorizon(asOf) ? period.end : quotaHorizon(asOf));
  const rows: ReportCell[][] = [];
  /** The judged rows for the sentence: name, period, whom, met, total. */
  const judgedRows: { text: string; key: string; each: QuotaRule['each'] | 'require'; met: number; total: number }[] = [];
  const chartCats: string[] = [];
  const chartVals: number[] = [];
  const short: ReportCell[][] = [];
  type Judged = { subject: string; value?: number; required?: number; fraction?: boolean; bound?: string; incomplete?: boolean; prorated?: boolean; assumed?: true };
  const addShortfalls = (rule: QuotaRule, key: string, js: Judged[]) => {
    for (const j of js) {
      const unit = j.fraction ? '%' : rule.require ? '' : (MEASURE_UNIT[rule.measure ?? '']?.[li] ?? '');
      const scale = (x: number | undefined) => (x === undefined ? null : j.fraction ? Math.round(x * 10000) / 100 : x);
      const notes = [
        rule.require ? l('不符合资格要求', 'does not meet the requirement') : undefined,
        j.bound === 'max' ? l('超过上限', 'over the limit') : undefined,
        j.incomplete ? l('下沉工作记录不全，按现有记录', 'activity log incomplete; counted as logged') : undefined,
        j.prorated ? l('按在岗工作日折算', 'prorated by working days on duty') : undefined,
        j.assumed ? l(`要求含${ASSUMED_LABEL.zh}`, `requirement includes a value ${ASSUMED_LABEL.en}`) : undefined,
      ].filter(Boolean);
      short.push([rule.text, key, j.subject, scale(j.value), scale(j.required), unit, notes.join(l('；', '; '))]);
    }
  };
  for (const rule of rules) {
    if (rule.require) {
      const js = verdicts.requirements.filter((j) => j.rule === rule && j.state !== 'cannot-judge' && overlaps(j.span[0], j.span[1], period.start, period.end));
      const met = js.filter((j) => j.state === 'satisfied').length;
      const qualification = l('下派人员资格', 'qualification');
      rows.push([rule.text, qualification, l('人次', 'assignment'), js.length, met, js.length - met, rate(met, js.length), js.length ? (met === js.length ? l('达标', 'met') : l('未全部达标', 'not all met')) : l('无考核对象', 'nobody to judge')]);
      if (js.length) {
        chartCats.push(l(`${shortName(rule.text, 16)}（资格）`, `${shortName(rule.text, 16)} (qualification)`));
        chartVals.push(met / js.length);
        judgedRows.push({ text: rule.text, key: qualification, each: 'require', met, total: js.length });
      }
      addShortfalls(rule, qualification, js.filter((j) => j.state === 'short'));
    }
    const cycle = alliance.data.cycle;
    const periods = verdicts.periods.filter((p) => p.rule === rule && p.alliance === aid && overlaps(p.period.start, p.period.end, period.start, period.end) && (!cycle || overlaps(p.period.start, p.period.end, cycle.start, cycle.end)));
    for (const { period: p, time, subjects: js, noData, calendarGap } of periods) {
      const closed = time === 'closed';
      const met = js.filter((j) => j.met).length;
      const status = !closed ? l('未到期末', 'period open') : js.length ? (met === js.length ? l('达标', 'met') : l('未全部达标', 'not all met')) : noData.length || calendarGap ? l('缺数据', 'no data') : l('无考核对象', 'nobody to judge');
      rows.push([rule.text, p.key, EACH_WORD[rule.each][li], closed ? js.length : null, closed ? met : null, closed ? js.length - met : null, closed ? rate(met, js.length) : null, status]);
      if (closed && js.length) {
        chartCats.push(l(`${shortName(rule.text, 16)}（${p.key}）`, `${shortName(rule.text, 16)} (${p.key})`));
        chartVals.push(met / js.length);
        judgedRows.push({ text: rule.text, key: p.key, each: rule.each, met, total: js.length });
      }
      if (closed) addShortfalls(rule, p.key, js.filter((j) => j.state === 'short'));
    }
  }
  // the sentence names each indicator whole (or by its first clause), never cut inside a word
  const whom = (r: (typeof judgedRows)[number]) => (r.each === 'unit' ? l(' 个单位', ' units') : r.each === 'alliance' ? '' : l(' 人', ''));
  const lines = rules.length
    ? [
        judgedRows.length
          ? l(
              `考核指标已考核 ${judgedRows.length} 项次：` + judgedRows.map((r) => `${shortName(r.text)}（${r.key}）达标 ${r.met}/${r.total}${whom(r)}（${pctText(r.met / r.total)}）`).join('；') + '。',
              `${judgedRows.length} quota periods judged: ` + judgedRows.map((r) => `${shortName(r.text)} (${r.key}) met ${r.met}/${r.total}${whom(r)} (${pctText(r.met / r.total)})`).join('; ') + '.',
            )
          : l('本报告期没有已结束、可考核的指标期间。', 'No quota period has closed in this report period.'),
        ...(short.length ? [l(`未达标 ${short.length} 人次/项，见下表。`, `${short.length} shortfalls, listed below.`)] : []),
      ]
    : [l('没有考核指标（Quotas）。', 'No quotas (Quotas).')];
  return {
    section: {
      id: 'quotas',
      title: l('二、考核指标达标情况', '2. Quotas'),
      lines,
      tables: [
        table(
          'quota-attainment',
          l('达标情况', 'Attainment'),
          [
            [l('考核指标', 'Quota'), 'text'],
            [l('考核期', 'Period'), 'text'],
            [l('考核对象', 'Per'), 'text'],
            [l('应考核', 'Judged'), 'int'],
            [l('达标', 'Met'), 'int'],
            [l('未达标', 'Short'), 'int'],
            [l('达标率', 'Rate'), 'percent'],
            [l('状态', 'Status'), 'status'],
          ],
          rows,
          l('没有考核指标。', 'No quotas.'),
        ),
        table(
          'quota-shortfalls',
          l('未达标明细', 'Shortfalls'),
          [
            [l('考核指标', 'Quota'), 'text'],
            [l('考核期', 'Period'), 'text'],
            [l('对象', 'Subject'), 'text'],
            [l('实际', 'Actual'), 'number'],
            [l('要求', 'Required'), 'number'],
            [l('单位', 'Unit'), 'text'],
            [l('说明', 'Note'), 'text'],
          ],
          short,
          l('无未达标。', 'No shortfalls.'),
        ),
      ],
      charts: chartCats.length ? [{ id: 'quota-rates', title: l('考核指标达标率', 'Quota attainment rate'), kind: 'hbar', categories: chartCats, series: [{ name: l('达标率', 'Rate'), values: chartVals }], valueType: 'percent' }] : [],
    },
    rows: rows.length,
    shortfalls: short.length,
  };
}

// ------------------------------------------------------------------ 下沉人员与覆盖

function dispatchSection(ws: Workspace, alliance: AllianceEntry, asOf: string, period: Period, lang: Lang): { section: ReportSection; people: number; covered: number; members: number } {
  const l = chooser(lang);
  const rosters = ws.data('Roster').filter((r) => ws.allianceFor(r.alliance) === alliance);
  const inPeriod = (a: { start: string; end?: string }) => overlaps(a.start, a.end ?? FAR, period.start, period.end) && a.start <= asOf;
  const assignments = rosters.flatMap((r) => r.assignments).filter(inPeriod);
  const people = ws.peopleFor(alliance.data.id);
  const active = new Set<Person>();
  for (const a of assignments) {
    const p = people.get(a.person);
    if (p) active.add(p);
  }
  const roster: Roster = { kind: 'Roster', people: rosters.flatMap((r) => r.people).filter((p) => active.has(p)), assignments };
  const model = buildRosterReport({ alliance: alliance.data, roster, resolveUnit: (ref) => alliance.units.get(ref), all: true });

  // who did any logged work in the period (only said where the log covers the period)
  const fold = foldActivity(ws);
  const logMonths = fold.months.get(alliance);
  const covers = [...(logMonths ?? [])].some((m) => m >= period.start.slice(0, 7) && m <= period.end.slice(0, 7));
  const worked = (p: Person | undefined): boolean => {
    if (!p) return false;
    for (const agg of fold.byPersonUnit.get(p)?.values() ?? [])
      for (const [month, byType] of agg) {
        if (month < period.start.slice(0, 7) || month > period.end.slice(0, 7)) continue;
        for (const byDate of byType.values()) for (const d of byDate.keys()) if (d >= period.start && d <= period.end && d <= asOf) return true;
      }
    return false;
  };

  const leads = alliance.data.units.filter((u) => u.role === 'lead');
  const single = leads.length === 1 ? leads[0]!.name : undefined;
  const memberRows = model.summary.units;
  const leadOf = (r: (typeof memberRows)[number]) => r.lead ?? single;
  const leadRows: ReportCell[][] = [];
  const sections = model.sections.length ? model.sections : [];
  const leadNames = [...new Set([...leads.map((u) => u.name), ...sections.map((s) => s.lead.name)])];
  let tPeople = 0;
  let tWorked = 0;
  let tMembers = 0;
  let tCovered = 0;
  for (const name of leadNames) {
    const s = sections.find((x) => x.lead.name === name);
    const names = [...new Set((s?.rows ?? []).map((r) => r.name))];
    const n = names.length;
    const w = covers ? names.filter((x) => worked(people.get(x))).length : null;
    const mine = memberRows.filter((r) => r.member && leadOf(r) === name);
    const cov = mine.filter((r) => r.count > 0).length;
    const gaps = mine.filter((r) => r.count === 0).map((r) => r.unit.name);
    if (!n && !mine.length) continue;
    leadRows.push([name, n, w, mine.length, cov, mine.length - cov, rate(cov, mine.length), gaps.join(l('、', ', '))]);
    tPeople += n;
    tWorked += w ?? 0;
    tMembers += mine.length;
    tCovered += cov;
  }
  // members whose lead is not a lead unit of the alliance (or unset with several leads)
  const orphan = memberRows.filter((r) => r.member && !leadNames.includes(leadOf(r) ?? ''));
  if (orphan.length) {
    const cov = orphan.filter((r) => r.count > 0).length;
    leadRows.push([l('（未指定牵头单位）', '(no lead unit)'), 0, covers ? 0 : null, orphan.length, cov, orphan.length - cov, rate(cov, orphan.length), orphan.filter((r) => r.count === 0).map((r) => r.unit.name).join(l('、', ', '))]);
    tMembers += orphan.length;
    tCovered += cov;
  }
  const allPeople = new Set(sections.flatMap((s) => s.rows.map((r) => r.name))).size;
  const unitRows = memberRows.map((r) => [r.unit.name, leadOf(r) ?? '', r.count, r.people.join(l('、', ', ')), !r.member ? l('非成员单位', 'not a member') : r.count > 0 ? l('已覆盖', 'covered') : l('未覆盖', 'not covered')] as ReportCell[]);
  const uncovered = memberRows.filter((r) => r.member && r.count === 0).map((r) => r.unit.name);
  return {
    section: {
      id: 'dispatch',
      title: l('三、下沉人员与覆盖', '3. Dispatch and coverage'),
      // without a roster nobody can be counted: say so, never "0/34 covered" (read as a failure)
      lines: [
        rosters.length
          ? l(
              `本报告期在岗下派 ${allPeople} 人，覆盖成员单位 ${tCovered}/${tMembers} 个${uncovered.length ? `，未覆盖：${uncovered.join('、')}` : '，全部覆盖'}。` +
                (covers ? `有下沉工作记录的 ${tWorked} 人。` : '本报告期没有下沉工作记录（ActivityLog），未统计实际下沉人数。'),
              `${allPeople} people on dispatch in this period, covering ${tCovered}/${tMembers} member units${uncovered.length ? `; not covered: ${uncovered.join(', ')}` : ', all covered'}. ` +
                (covers ? `${tWorked} have logged work.` : 'No activity log (ActivityLog) in this period, so work done is not counted.'),
            )
          : l('没有下派人员名单（Roster），未统计下派人员和成员单位覆盖。', 'No roster (Roster): dispatch and coverage are not counted.'),
      ],
      tables: [
        table(
          'dispatch-leads',
          l('按牵头单位', 'By lead unit'),
          [
            [l('牵头单位', 'Lead unit'), 'text'],
            [l('下派人数', 'People'), 'int'],
            [l('有工作记录人数', 'With logged work'), 'int'],
            [l('成员单位数', 'Member units'), 'int'],
            [l('已覆盖', 'Covered'), 'int'],
            [l('未覆盖', 'Not covered'), 'int'],
            [l('覆盖率', 'Coverage'), 'percent'],
            [l('未覆盖单位', 'Units not covered'), 'text'],
          ],
          rosters.length ? leadRows : [],
          rosters.length ? l('没有牵头单位。', 'No lead unit.') : l('没有下派人员名单。', 'No roster.'),
          rosters.length && leadRows.length > 1 ? [l('合计', 'Total'), allPeople, covers ? tWorked : null, tMembers, tCovered, tMembers - tCovered, rate(tCovered, tMembers), ''] : undefined,
        ),
        table(
          'dispatch-units',
          l('成员单位覆盖情况', 'Member units'),
          [
            [l('成员单位', 'Member unit'), 'text'],
            [l('所属牵头单位', 'Lead unit'), 'text'],
            [l('接收人数', 'People received'), 'int'],
            [l('下派人员', 'Dispatched'), 'text'],
            [l('状态', 'Status'), 'status'],
          ],
          rosters.length ? unitRows : [],
          rosters.length ? l('没有成员单位。', 'No member units.') : l('没有下派人员名单。', 'No roster.'),
        ),
      ],
      charts: [],
    },
    people: allPeople,
    covered: rosters.length ? tCovered : 0,
    members: rosters.length ? tMembers : 0,
  };
}

// ------------------------------------------------------------------ 双向转诊

function referralSection(ws: Workspace, alliance: AllianceEntry, period: Period, lang: Lang): { section: ReportSection; up: number; down: number } {
  const l = chooser(lang);
  const from = period.start.slice(0, 7);
  const to = period.end.slice(0, 7);
  const order = new Map<string, number>(alliance.data.units.map((u, i) => [u.name, i]));
  const cells = new Map<string, { unit: string; month: string; up: number; down: number }>();
  for (const doc of ws.data('Referrals')) {
    if (ws.allianceFor(doc.alliance) !== alliance) continue;
    for (const e of doc.entries) {
      if (e.month < from || e.month > to) continue;
      const unit = alliance.units.get(e.unit)?.name ?? e.unit;
      const key = `${unit}\u0000${e.month}`;
      const c = cells.get(key) ?? { unit, month: e.month, up: 0, down: 0 };
      c.up += e.up;
      c.down += e.down;
      cells.set(key, c);
    }
  }
  const list = [...cells.values()].sort(
    (a, b) => (order.get(a.unit) ?? 1e9) - (order.get(b.unit) ?? 1e9) || byPinyin(a.unit, b.unit) || byCodePoint(a.month, b.month),
  );
  const months = [...new Set(list.map((c) => c.month))].sort();
  const byMonth = months.map((m) => {
    const xs = list.filter((c) => c.month === m);
    const up = xs.reduce((n, c) => n + c.up, 0);
    const down = xs.reduce((n, c) => n + c.down, 0);
    return { month: m, up, down, units: xs.length };
  });
  const up = byMonth.reduce((n, m) => n + m.up, 0);
  const down = byMonth.reduce((n, m) => n + m.down, 0);
  const silent = periodsBetween('month', period.start, period.end)
    .map((p) => p.key)
    .filter((m) => !months.includes(m));
  return {
    section: {
      id: 'referrals',
      title: l('四、双向转诊', '4. Referrals'),
      lines: list.length
        ? [
            l(
              `本报告期上转 ${up} 人次，下转 ${down} 人次，合计 ${up + down} 人次。${silent.length ? `${silent.join('、')} 没有转诊记录。` : ''}`,
              `${up} referred up and ${down} down in this period, ${up + down} in all.${silent.length ? ` No referrals recorded for ${silent.join(', ')}.` : ''}`,
            ),
          ]
        : [l('本报告期没有双向转诊记录（Referrals）。', 'No referrals (Referrals) in this period.')],
      tables: [
        table(
          'referrals-monthly',
          l('按月汇总', 'By month'),
          [
            [l('月份', 'Month'), 'text'],
            [l('报送单位数', 'Units reporting'), 'int'],
            [l('上转', 'Up'), 'int'],
            [l('下转', 'Down'), 'int'],
            [l('合计', 'Total'), 'int'],
          ],
          byMonth.map((m) => [m.month, m.units, m.up, m.down, m.up + m.down]),
          l('没有转诊记录。', 'No referrals.'),
          byMonth.length ? [l('合计', 'Total'), null, up, down, up + down] : undefined,
        ),
        table(
          'referrals-units',
          l('按单位、月份', 'By unit and month'),
          [
            [l('单位', 'Unit'), 'text'],
            [l('月份', 'Month'), 'text'],
            [l('上转', 'Up'), 'int'],
            [l('下转', 'Down'), 'int'],
            [l('合计', 'Total'), 'int'],
          ],
          list.map((c) => [c.unit, c.month, c.up, c.down, c.up + c.down]),
          l('没有转诊记录。', 'No referrals.'),
          list.length ? [l('合计', 'Total'), '', up, down, up + down] : undefined,
        ),
      ],
      charts: byMonth.length
        ? [
            {
              id: 'referrals-monthly',
              title: l('双向转诊人次（按月）', 'Referrals by month'),
              kind: 'vbar',
              categories: months,
              series: [
                { name: l('上转', 'Up'), values: byMonth.map((m) => m.up) },
                { name: l('下转', 'Down'), values: byMonth.map((m) => m.down) },
              ],
              valueType: 'int',
            },
          ]
        : [],
    },
    up,
    down,
  };
}

// ------------------------------------------------------------------ 问题清单

function issueSection(
  ws: Workspace,
  alliance: AllianceEntry,
  findings: Diagnostic[],
  lang: Lang,
  showFile: (file: string) => string = (f) => f,
): { section: ReportSection; issues: number; noData: number } {
  const l = chooser(lang);
  // With several alliances in the workspace, only the findings from this alliance's files.
  const files = ws.alliances.length > 1 ? new Set(ws.docs.filter((d) => d === alliance.doc || ws.allianceFor((d.data as { alliance?: string }).alliance) === alliance).map((d) => d.file)) : undefined;
  const mine = (f: Diagnostic) => !files || !f.file || files.has(f.file);
  const errors = sortDiagnostics(findings.filter((f) => f.severity === 'error' && mine(f)));
  // periods without data are warnings in check; the list shows them too, one row per quota and period
  const gaps = sortDiagnostics(findings.filter((f) => f.code === 'quota/no-data' && f.severity !== 'error' && mine(f)));
  const where = (f: Diagnostic) => (f.file ? (f.line ? `${showFile(f.file)}:${f.line}:${f.col ?? 1}` : showFile(f.file)) : '');
  const label = (f: Diagnostic) => codeLabel(f.code)?.[lang] ?? f.code;
  const rows: ReportCell[][] = [];
  for (const f of errors) rows.push([label(f), subjectOf(ws, f), String(f.data?.period ?? f.data?.due ?? ''), f.message[lang], where(f)]);
  let noData = 0;
  for (const f of gaps) {
    const periods = Array.isArray(f.data?.periods) && f.data.periods.length > 1 ? (f.data.periods as string[]) : undefined;
    const reason = typeof f.data?.reason === 'string' ? NO_DATA[f.data.reason] : undefined;
    const text = typeof f.data?.text === 'string' ? f.data.text : '';
    if (!periods || !reason) {
      const one = Array.isArray(f.data?.periods) && f.data.periods.length === 1 ? String(f.data.periods[0]) : String(f.data?.period ?? '');
      rows.push([label(f), subjectOf(ws, f), one, f.message[lang], where(f)]);
      noData++;
      continue;
    }
    for (const p of periods) rows.push([label(f), subjectOf(ws, f), p, l(`${p} ${reason.zh}，无法检查（${text}）`, `${reason.en} for ${p}; cannot check (${text})`), where(f)]);
    noData += periods.length;
  }
  const lines = [
    errors.length
      ? l(`截至报告日共有 ${errors.length} 个问题（逾期、漏期、未达标等），逐条列出如下。`, `${errors.length} problems as of the report date (overdue, missed, below quota …), listed below.`)
      : l('没有需要整改的问题。', 'No problems to put right.'),
    ...(noData ? [l(`另有 ${noData} 处缺少数据、无法检查（按指标和期间逐条列出）。`, `${noData} periods could not be checked for lack of data (one row per quota and period).`)] : []),
  ];
  return {
    section: {
      id: 'issues',
      title: l('五、问题清单', '5. Problems'),
      lines,
      tables: [
        table(
          'issues',
          l('问题清单', 'Problems'),
          [
            [l('序号', 'No.'), 'int'],
            [l('类别', 'Kind'), 'status'],
            [l('事项/指标', 'Item / quota'), 'text'],
            [l('期限/期间', 'Due / period'), 'text'],
            [l('说明', 'Note'), 'text'],
            [l('位置', 'Where'), 'text'],
          ],
          rows.map((r, i) => [i + 1, ...r]),
          l('没有问题。', 'No problems.'),
        ),
      ],
      charts: [],
    },
    issues: errors.length,
    noData,
  };
}

/** What a finding is about, as a clerk names it: 第7项 with its short task, or the quota's text (never its id). */
function subjectOf(ws: Workspace, f: Diagnostic): string {
  const item = f.data?.item;
  if (item !== undefined) {
    const plans = ws.docs.filter((d) => d.kind === 'WorkPlan' && (!f.file || d.file === f.file)).map((d) => d.data as WorkPlan);
    const found = plans.flatMap((p) => p.items).find((x) => String(x.no) === String(item));
    return found ? `${found.no} ${shortTask(found.task)}` : String(item);
  }
  const quota = f.data?.quota;
  if (typeof quota !== 'string') return '';
  if (typeof f.data?.text === 'string') return f.data.text;
  return ws.data('Quotas').flatMap((d) => d.rules).find((r) => r.id === quota)?.text ?? quota;
}

// ------------------------------------------------------------------ the report

/** 2021年第二季度, or in English Q2 2021. */
export function periodWord(p: Period, lang: Lang): string {
  if (lang === 'zh') return periodLabel(p);
  const y = p.start.slice(0, 4);
  switch (p.kind) {
    case 'year':
      return y;
    case 'halfYear':
      return `${p.key.endsWith('1') ? 'H1' : 'H2'} ${y}`;
    case 'quarter':
      return `Q${p.key.slice(-1)} ${y}`;
    case 'month':
      return p.key;
    default:
      return `${p.start} to ${p.end}`;
  }
}

export function buildProgressReport(input: ProgressInput): ProgressReport {
  const { ws, alliance, asOf, period, findings } = input;
  const lang = input.lang ?? 'zh';
  const l = chooser(lang);
  const a = alliance.data;
  const label = periodWord(period, lang);
  const wp = workplanSection(ws, alliance, asOf, period, input.withinDays ?? 14, lang);
  const q = quotaSection(ws, alliance, asOf, period, lang);
  const d = dispatchSection(ws, alliance, asOf, period, lang);
  const r = referralSection(ws, alliance, period, lang);
  const iss = issueSection(ws, alliance, findings, lang, input.showFile);
  const parts = [
    a.document?.number ? l(`依据：${a.document.number}`, `Under ${a.document.number}`) : undefined,
    l(`报告期：${period.start} 至 ${period.end}`, `Period: ${period.start} to ${period.end}`),
    l(`截至 ${asOf}`, `as of ${asOf}`),
  ].filter(Boolean);
  return {
    lang,
    title: l(`${a.name}${label}工作进展报告`, `${a.name}: progress report, ${label}`),
    subtitle: parts.join(l('　', ' · ')),
    alliance: { ...(a.id ? { id: a.id } : {}), name: a.name },
    ...(a.document ? { document: { number: a.document.number, title: a.document.title } } : {}),
    period: { key: period.key, start: period.start, end: period.end, label },
    asOf,
    date: asOf,
    summary: [wp.section.lines[0]!, q.section.lines[0]!, d.section.lines[0]!, r.section.lines[0]!, iss.section.lines[0]!],
    timeline: buildTimeline({ ws, alliance, asOf, period, items: wp.timeline, lang: input.lang ?? 'zh' }),
    sections: [wp.section, q.section, d.section, r.section, iss.section],
    counts: {
      items: wp.items,
      byStatus: wp.byStatus,
      quotaRows: q.rows,
      quotaShortfalls: q.shortfalls,
      people: d.people,
      membersCovered: d.covered,
      members: d.members,
      referralsUp: r.up,
      referralsDown: r.down,
      issues: iss.issues,
      noData: iss.noData,
    },
  };
}
