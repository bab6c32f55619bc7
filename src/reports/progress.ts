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
import type { Person, QuotaRule, Roster, WorkItem, WorkPlan } from '../model/kinds.js';
import { foldActivity } from '../rules/quota-measures.js';
import { evaluateQuotas, type QuotaJudgement } from '../rules/quotas.js';
import { canonicalLead } from '../rules/workplan-departments.js';
import { itemYears } from '../judge/schedule.js';
import { isDone, isLate, judgeItems, type Duty, type ItemJudgement } from '../judge/items.js';
import { daysBetween } from '../time/dates.js';
import { cyclePeriod, periodLabel, periodsBetween, type GridKind, type Period } from '../time/periods.js';

export { periodLabel };
import { findingKindLabel } from './check.js';
import { buildTimeline, type Timeline } from './timeline.js';
import { buildRosterReport } from './roster.js';
import { byCodePoint, byPinyin } from '../model/order.js';

// ------------------------------------------------------------------ the model

/** How a column's values are to be shown: percent values are fractions (0.957), money is integer fen, dates ISO days. */
export type ColumnType = 'text' | 'int' | 'number' | 'percent' | 'date' | 'money';
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

export interface ProgressReport {
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
const shortText = (s: string, max = 30) => {
  const chars = [...s.replace(/\s+/g, ' ').trim()];
  return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : chars.join('');
};

/** 还有 N 天, or 今日到期. */
const left = (asOf: string, deadline: string) => (deadline === asOf ? '今日到期' : `还有 ${daysBetween(asOf, deadline)} 天`);
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

const joinNotes = (...xs: string[]) => xs.filter(Boolean).join('；');

/**
 * The report's status of one item for a period, read off the judgement `check` words: the
 * duties that begin by the period's end count; an overdue or missed one makes the row 逾期/漏期.
 */
export function itemStatus(j: ItemJudgement, asOf: string, period: Period): ItemState {
  const [first] = j.duties;
  if (j.form === 'cancelled') return { status: '取消', note: '' };
  if (j.form === 'open' || j.form === 'unreadable') {
    if (first && isDone(first)) return { status: '已完成', ...(first.date ? { done: first.date } : {}), note: '' };
    return { status: '未设期限', note: joinNotes(`未设期限（${j.item.due}）`, ...(first?.missing ?? []).map((m) => m.zh)) };
  }
  const upTo = j.duties.filter((d) => (d.start ?? yearStart(d.deadline!)) <= period.end);
  const held = j.duties.filter((d) => d.date && d.date <= asOf).map((d) => d.date!).sort();
  const last = held.at(-1);
  const heldNote = j.form === 'recurring' && held.length ? `已有 ${held.length} 次记录` : '';
  const late = upTo.filter(isLate);
  if (late.length) {
    const keys = late.map((d) => (d.key === 'first' ? `首次（${d.deadline} 前）` : d.key ?? d.deadline!)).join('、');
    // a per-unit duty names its missing units period by period
    const missing = [...new Set(late.flatMap((d) => d.missing.map((m) => (d.units && late.length > 1 ? `${d.key} ` : '') + m.zh)))].join('；');
    if (j.form === 'recurring') return { status: '漏期', deadline: late[0]!.deadline, ...(last ? { done: last } : {}), note: joinNotes(`${keys} ${j.item.each ? '未完成' : '没有记录'}`, missing, heldNote) };
    const multi = j.duties.length > 1;
    return { status: '逾期', deadline: late[0]!.deadline, note: multi ? joinNotes(`${late.map((d) => d.key).join('、')} 年未完成`, missing) : joinNotes(`逾期 ${daysBetween(late[0]!.deadline!, asOf)} 天`, missing) };
  }
  const periods = upTo.filter((d) => d.key !== 'first');
  const current = periods.at(-1);
  if (!current) {
    const next = j.duties.find((d) => d.key !== 'first') ?? first!;
    return { status: '未到期', deadline: next.deadline, note: j.form === 'recurring' ? `首期 ${next.key ?? ''}`.trim() : left(asOf, next.deadline!) };
  }
  const proofs = (d: Duty) => d.proofs.filter((p) => p.kind !== 'done' && p.kind !== 'held' && p.kind !== 'status').map((p) => p.text.zh).join('；');
  if (j.form === 'dated') {
    const multi = j.duties.length > 1;
    const year = multi ? `${current.key} 年` : '';
    if (isDone(current)) {
      const lateBy = current.state === 'done-late' && current.date ? `晚于期限 ${daysBetween(current.deadline!, current.date)} 天` : '';
      return { status: '已完成', deadline: current.deadline, ...(current.date ? { done: current.date } : {}), note: joinNotes(year, lateBy, proofs(current)) };
    }
    const open = j.started || (current.ongoing === true && (!current.start || current.start <= asOf));
    return { status: open ? '进行中' : '未到期', deadline: current.deadline, note: joinNotes(year, left(asOf, current.deadline!)) };
  }
  // recurring: done when every period is; otherwise in progress, naming the current period
  const owedNow = periods.find((d) => d.deadline! >= asOf && d.start! <= asOf);
  if (periods.length === j.duties.filter((d) => d.key !== 'first').length && periods.every(isDone)) return { status: '已完成', ...(last ? { done: last } : {}), note: heldNote };
  return {
    status: '进行中',
    deadline: owedNow?.deadline,
    ...(last ? { done: last } : {}),
    note: owedNow && !isDone(owedNow) ? joinNotes(heldNote, `${owedNow.key} 尚无记录，${owedNow.deadline} 截止`, ...owedNow.missing.map((m) => m.zh)) : joinNotes(heldNote, owedNow ? proofs(owedNow) : ''),
  };
}

/** 期限/完成日期为示意值，原文未规定 — for the dates of this row the source does not state. */
function assumedDates(item: WorkItem, state: ItemState): string {
  const which = [
    state.deadline && isAssumed(item, 'due') ? '期限' : '',
    state.done && (isAssumed(item, 'done') || isAssumed(item, 'held')) ? '完成日期' : '',
  ].filter(Boolean);
  return which.length ? `${which.join('、')}为${ASSUMED_LABEL.zh}` : '';
}

function workplanSection(ws: Workspace, alliance: AllianceEntry, asOf: string, period: Period, withinDays: number): { section: ReportSection; byStatus: Record<ItemStatus, number>; items: number; timeline: { judgement: ItemJudgement; status: string }[] } {
  // an item still overdue from an earlier year stays on the report until it is done
  const carried = (j: ItemJudgement) => j.duties.some((d) => isLate(d) && d.deadline! <= period.end);
  const judged = judgeItems(ws, { asOf, withinDays }).filter((j) => ws.allianceFor(j.plan.alliance) === alliance && (inPeriod(j, period) || carried(j)));
  const several = new Set(judged.map((j) => j.plan)).size > 1;
  const rows = judged.map((j) => ({ plan: j.plan, item: j.item, state: itemStatus(j, asOf, period) }));
  const numeric = rows.every((r) => typeof r.item.no === 'number');
  const byStatus = Object.fromEntries(ITEM_STATUSES.map((s) => [s, 0])) as Record<ItemStatus, number>;
  for (const r of rows) byStatus[r.state.status]++;
  const cols: [string, ColumnType][] = [
    ...(several ? ([['计划', 'text']] as [string, ColumnType][]) : []),
    ['序号', numeric ? 'int' : 'text'],
    ['工作任务', 'text'],
    ['牵头科室', 'text'],
    ['完成时间要求', 'text'],
    ['期限', 'date'],
    ['状态', 'text'],
    ['完成日期', 'date'],
    ['说明', 'text'],
  ];
  const items = table(
    'workplan-items',
    '工作计划完成情况',
    cols,
    rows.map(({ plan, item, state }) => [
      ...(several ? [plan.title ?? String(plan.year ?? plan.years ?? '')] : []),
      numeric ? (item.no as number) : String(item.no),
      item.task,
      canonicalLead(ws, plan, item),
      item.due,
      state.deadline ?? null,
      state.status,
      state.done ?? null,
      [state.note, assumedDates(item, state)].filter(Boolean).join('；'),
    ]),
    '本报告期没有工作计划事项。',
  );
  const present = ITEM_STATUSES.filter((s) => byStatus[s] > 0);
  const total = rows.length;
  const summary = table(
    'workplan-status',
    '完成情况汇总',
    [
      ['状态', 'text'],
      ['项数', 'int'],
      ['占比', 'percent'],
    ],
    present.map((s) => [s, byStatus[s], rate(byStatus[s], total)]),
    '没有事项。',
    total ? ['合计', total, 1] : undefined,
  );
  const lines = total
    ? [`工作计划共 ${total} 项：${present.map((s) => `${s} ${byStatus[s]} 项`).join('，')}（截至 ${asOf}）。`]
    : ['本报告期没有工作计划事项。'];
  return {
    section: {
      id: 'workplan',
      title: '一、工作计划完成情况',
      lines,
      tables: [summary, items],
      charts: present.length ? [{ id: 'workplan-status', title: '工作计划事项状态（项）', kind: 'hbar', categories: [...present], series: [{ name: '项数', values: present.map((s) => byStatus[s]) }], valueType: 'int' }] : [],
    },
    byStatus,
    items: total,
    timeline: rows.map((r, i) => ({ judgement: judged[i]!, status: r.state.status })),
  };
}

// ------------------------------------------------------------------ 考核指标达标情况

const EACH_WORD: Record<QuotaRule['each'], string> = { person: '人', assignment: '人次', unit: '单位', alliance: '医联体' };
const MEASURE_UNIT: Record<string, string> = {
  count: '次',
  halfDays: '个半天',
  workdays: '个工作日',
  batches: '批',
  people: '人',
  trainees: '人',
  visits: '天',
};

function quotaPeriods(rule: QuotaRule, alliance: AllianceEntry, period: Period): Period[] {
  if (!rule.per) return [];
  if (rule.per === 'cycle') {
    const c = alliance.data.cycle;
    return c && overlaps(c.start, c.end, period.start, period.end) ? [cyclePeriod(c.start, c.end)] : [];
  }
  const cycle = alliance.data.cycle;
  return periodsBetween(rule.per as GridKind, period.start, period.end).filter((p) => !cycle || overlaps(p.start, p.end, cycle.start, cycle.end));
}

function quotaSection(ws: Workspace, alliance: AllianceEntry, asOf: string, period: Period): { section: ReportSection; rows: number; shortfalls: number } {
  const aid = alliance.data.id ?? alliance.data.name;
  const rules = ws
    .data('Quotas')
    .filter((d) => ws.allianceFor(d.alliance) === alliance)
    .flatMap((d) => d.rules);
  const evaluation = evaluateQuotas(ws, asOf);
  const judgements = evaluation.judgements.filter((j) => j.alliance === aid);
  const noData = (rule: QuotaRule, key: string) =>
    evaluation.noData.some((n) => n.alliance === aid && n.quota === rule.id && (!n.periods.length || n.periods.includes(key)));
  const rows: ReportCell[][] = [];
  const chartCats: string[] = [];
  const chartVals: number[] = [];
  const short: ReportCell[][] = [];
  const addShortfalls = (rule: QuotaRule, key: string, js: QuotaJudgement[]) => {
    for (const j of js.filter((x) => !x.met)) {
      const unit = j.fraction ? '%' : rule.require ? '' : (MEASURE_UNIT[rule.measure ?? ''] ?? '');
      const scale = (x: number | undefined) => (x === undefined ? null : j.fraction ? Math.round(x * 10000) / 100 : x);
      const notes = [
        rule.require ? '不符合资格要求' : undefined,
        j.bound === 'max' ? '超过上限' : undefined,
        j.incomplete ? '下沉工作记录不全，按现有记录' : undefined,
        j.prorated ? '按在岗工作日折算' : undefined,
        j.assumed ? `要求含${ASSUMED_LABEL.zh}` : undefined,
      ].filter(Boolean);
      short.push([rule.text, key, j.subject, scale(j.value), scale(j.required), unit, notes.join('；')]);
    }
  };
  for (const rule of rules) {
    const mine = judgements.filter((j) => j.quota === rule.id);
    if (rule.require) {
      const js = mine.filter((j) => j.period === '' && j.span && overlaps(j.span[0], j.span[1], period.start, period.end));
      const met = js.filter((j) => j.met).length;
      rows.push([rule.text, '下派人员资格', '人次', js.length, met, js.length - met, rate(met, js.length), js.length ? (met === js.length ? '达标' : '未全部达标') : '无考核对象']);
      if (js.length) {
        chartCats.push(`${shortText(rule.text, 14)}（资格）`);
        chartVals.push(met / js.length);
      }
      addShortfalls(rule, '下派人员资格', js);
    }
    if (!rule.per || !rule.measure) continue;
    for (const p of quotaPeriods(rule, alliance, period)) {
      const closed = p.end < asOf;
      const js = mine.filter((j) => j.period === p.key);
      const met = js.filter((j) => j.met).length;
      const status = !closed ? '未到期末' : js.length ? (met === js.length ? '达标' : '未全部达标') : noData(rule, p.key) ? '缺数据' : '无考核对象';
      rows.push([rule.text, p.key, EACH_WORD[rule.each], closed ? js.length : null, closed ? met : null, closed ? js.length - met : null, closed ? rate(met, js.length) : null, status]);
      if (closed && js.length) {
        chartCats.push(`${shortText(rule.text, 14)}（${p.key}）`);
        chartVals.push(met / js.length);
      }
      if (closed) addShortfalls(rule, p.key, js);
    }
  }
  const judgedRows = rows.filter((r) => typeof r[3] === 'number' && (r[3] as number) > 0);
  const lines = rules.length
    ? [
        judgedRows.length
          ? `考核指标已考核 ${judgedRows.length} 项次：` +
            judgedRows.map((r) => `${shortText(String(r[0]), 20)}（${r[1]}）达标 ${r[4]}/${r[3]}${r[2] === '单位' ? ' 个单位' : r[2] === '医联体' ? '' : ' 人'}（${pctText(r[6] as number)}）`).join('；') +
            '。'
          : '本报告期没有已结束、可考核的指标期间。',
        ...(short.length ? [`未达标 ${short.length} 人次/项，见下表。`] : []),
      ]
    : ['没有考核指标（Quotas）。'];
  return {
    section: {
      id: 'quotas',
      title: '二、考核指标达标情况',
      lines,
      tables: [
        table(
          'quota-attainment',
          '达标情况',
          [
            ['考核指标', 'text'],
            ['考核期', 'text'],
            ['考核对象', 'text'],
            ['应考核', 'int'],
            ['达标', 'int'],
            ['未达标', 'int'],
            ['达标率', 'percent'],
            ['状态', 'text'],
          ],
          rows,
          '没有考核指标。',
        ),
        table(
          'quota-shortfalls',
          '未达标明细',
          [
            ['考核指标', 'text'],
            ['考核期', 'text'],
            ['对象', 'text'],
            ['实际', 'number'],
            ['要求', 'number'],
            ['单位', 'text'],
            ['说明', 'text'],
          ],
          short,
          '无未达标。',
        ),
      ],
      charts: chartCats.length ? [{ id: 'quota-rates', title: '考核指标达标率', kind: 'hbar', categories: chartCats, series: [{ name: '达标率', values: chartVals }], valueType: 'percent' }] : [],
    },
    rows: rows.length,
    shortfalls: short.length,
  };
}

// ------------------------------------------------------------------ 下沉人员与覆盖

function dispatchSection(ws: Workspace, alliance: AllianceEntry, asOf: string, period: Period): { section: ReportSection; people: number; covered: number; members: number } {
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
    leadRows.push([name, n, w, mine.length, cov, mine.length - cov, rate(cov, mine.length), gaps.join('、')]);
    tPeople += n;
    tWorked += w ?? 0;
    tMembers += mine.length;
    tCovered += cov;
  }
  // members whose lead is not a lead unit of the alliance (or unset with several leads)
  const orphan = memberRows.filter((r) => r.member && !leadNames.includes(leadOf(r) ?? ''));
  if (orphan.length) {
    const cov = orphan.filter((r) => r.count > 0).length;
    leadRows.push(['（未指定牵头单位）', 0, covers ? 0 : null, orphan.length, cov, orphan.length - cov, rate(cov, orphan.length), orphan.filter((r) => r.count === 0).map((r) => r.unit.name).join('、')]);
    tMembers += orphan.length;
    tCovered += cov;
  }
  const allPeople = new Set(sections.flatMap((s) => s.rows.map((r) => r.name))).size;
  const unitRows = memberRows.map((r) => [r.unit.name, leadOf(r) ?? '', r.count, r.people.join('、'), !r.member ? '非成员单位' : r.count > 0 ? '已覆盖' : '未覆盖'] as ReportCell[]);
  const uncovered = memberRows.filter((r) => r.member && r.count === 0).map((r) => r.unit.name);
  return {
    section: {
      id: 'dispatch',
      title: '三、下沉人员与覆盖',
      // without a roster nobody can be counted: say so, never "0/34 covered" (read as a failure)
      lines: [
        rosters.length
          ? `本报告期在岗下派 ${allPeople} 人，覆盖成员单位 ${tCovered}/${tMembers} 个${uncovered.length ? `，未覆盖：${uncovered.join('、')}` : '，全部覆盖'}。` +
            (covers ? `有下沉工作记录的 ${tWorked} 人。` : '本报告期没有下沉工作记录（ActivityLog），未统计实际下沉人数。')
          : '没有下派人员名单（Roster），未统计下派人员和成员单位覆盖。',
      ],
      tables: [
        table(
          'dispatch-leads',
          '按牵头单位',
          [
            ['牵头单位', 'text'],
            ['下派人数', 'int'],
            ['有工作记录人数', 'int'],
            ['成员单位数', 'int'],
            ['已覆盖', 'int'],
            ['未覆盖', 'int'],
            ['覆盖率', 'percent'],
            ['未覆盖单位', 'text'],
          ],
          rosters.length ? leadRows : [],
          rosters.length ? '没有牵头单位。' : '没有下派人员名单。',
          rosters.length && leadRows.length > 1 ? ['合计', allPeople, covers ? tWorked : null, tMembers, tCovered, tMembers - tCovered, rate(tCovered, tMembers), ''] : undefined,
        ),
        table(
          'dispatch-units',
          '成员单位覆盖情况',
          [
            ['成员单位', 'text'],
            ['所属牵头单位', 'text'],
            ['接收人数', 'int'],
            ['下派人员', 'text'],
            ['状态', 'text'],
          ],
          rosters.length ? unitRows : [],
          rosters.length ? '没有成员单位。' : '没有下派人员名单。',
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

function referralSection(ws: Workspace, alliance: AllianceEntry, period: Period): { section: ReportSection; up: number; down: number } {
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
      title: '四、双向转诊',
      lines: list.length
        ? [`本报告期上转 ${up} 人次，下转 ${down} 人次，合计 ${up + down} 人次。${silent.length ? `${silent.join('、')} 没有转诊记录。` : ''}`]
        : ['本报告期没有双向转诊记录（Referrals）。'],
      tables: [
        table(
          'referrals-monthly',
          '按月汇总',
          [
            ['月份', 'text'],
            ['报送单位数', 'int'],
            ['上转', 'int'],
            ['下转', 'int'],
            ['合计', 'int'],
          ],
          byMonth.map((m) => [m.month, m.units, m.up, m.down, m.up + m.down]),
          '没有转诊记录。',
          byMonth.length ? ['合计', null, up, down, up + down] : undefined,
        ),
        table(
          'referrals-units',
          '按单位、月份',
          [
            ['单位', 'text'],
            ['月份', 'text'],
            ['上转', 'int'],
            ['下转', 'int'],
            ['合计', 'int'],
          ],
          list.map((c) => [c.unit, c.month, c.up, c.down, c.up + c.down]),
          '没有转诊记录。',
          list.length ? ['合计', '', up, down, up + down] : undefined,
        ),
      ],
      charts: byMonth.length
        ? [
            {
              id: 'referrals-monthly',
              title: '双向转诊人次（按月）',
              kind: 'vbar',
              categories: months,
              series: [
                { name: '上转', values: byMonth.map((m) => m.up) },
                { name: '下转', values: byMonth.map((m) => m.down) },
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
  showFile: (file: string) => string = (f) => f,
): { section: ReportSection; issues: number } {
  // With several alliances in the workspace, only the findings from this alliance's files.
  const files = ws.alliances.length > 1 ? new Set(ws.docs.filter((d) => d === alliance.doc || ws.allianceFor((d.data as { alliance?: string }).alliance) === alliance).map((d) => d.file)) : undefined;
  const errors = sortDiagnostics(findings.filter((f) => f.severity === 'error' && (!files || !f.file || files.has(f.file))));
  const rows = errors.map((f, i) => [
    i + 1,
    findingKindLabel(f.code)?.zh ?? f.code,
    f.data?.item !== undefined ? String(f.data.item) : typeof f.data?.quota === 'string' ? f.data.quota : '',
    String(f.data?.period ?? f.data?.due ?? ''),
    f.message.zh,
    f.file ? (f.line ? `${showFile(f.file)}:${f.line}:${f.col ?? 1}` : showFile(f.file)) : '',
  ]);
  return {
    section: {
      id: 'issues',
      title: '五、问题清单',
      lines: [errors.length ? `截至报告日共有 ${errors.length} 个问题（逾期、漏期、未达标等），逐条列出如下。` : '没有需要整改的问题。'],
      tables: [
        table(
          'issues',
          '问题清单',
          [
            ['序号', 'int'],
            ['类别', 'text'],
            ['事项/指标', 'text'],
            ['期限/期间', 'text'],
            ['说明', 'text'],
            ['位置', 'text'],
          ],
          rows,
          '没有问题。',
        ),
      ],
      charts: [],
    },
    issues: errors.length,
  };
}

// ------------------------------------------------------------------ the report

export function buildProgressReport(input: ProgressInput): ProgressReport {
  const { ws, alliance, asOf, period, findings } = input;
  const a = alliance.data;
  const label = periodLabel(period);
  const wp = workplanSection(ws, alliance, asOf, period, input.withinDays ?? 14);
  const q = quotaSection(ws, alliance, asOf, period);
  const d = dispatchSection(ws, alliance, asOf, period);
  const r = referralSection(ws, alliance, period);
  const iss = issueSection(ws, alliance, findings, input.showFile);
  const parts = [
    a.document?.number ? `依据：${a.document.number}` : undefined,
    `报告期：${period.start} 至 ${period.end}`,
    `截至 ${asOf}`,
  ].filter(Boolean);
  return {
    title: `${a.name}${label}工作进展报告`,
    subtitle: parts.join('　'),
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
    },
  };
}
