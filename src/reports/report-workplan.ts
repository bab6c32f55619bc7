// 工作计划完成情况: every work-plan item the report period reaches (or still overdue from an
// earlier one), its status read off the judgement `check` words (judge/items.ts), never
// re-derived; the status counts and the rows the timeline draws. Pure.
import type { AllianceEntry, Workspace } from '../load/workspace.js';
import { ASSUMED_LABEL, isAssumed } from '../model/assumed.js';
import type { Lang } from '../model/diagnostic.js';
import type { WorkItem } from '../model/kinds.js';
import { canonicalLead } from '../rules/workplan-departments.js';
import { itemYears } from '../judge/schedule.js';
import { isDone, isLate, judgeItems, type Duty, type ItemJudgement } from '../judge/items.js';
import { daysBetween } from '../time/dates.js';
import type { Period } from '../time/periods.js';
import { chooser, ITEM_STATUS_EN, ITEM_STATUSES, itemStatusWord, overlaps, rate, table, type ColumnType, type ItemStatus, type L, type ReportSection } from './report-model.js';

/** 还有 N 天, or 今日到期. */
const left = (asOf: string, deadline: string, l: L) => (deadline === asOf ? l('今日到期', 'due today') : l(`还有 ${daysBetween(asOf, deadline)} 天`, `${daysBetween(asOf, deadline)} days left`));

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

export function workplanSection(ws: Workspace, alliance: AllianceEntry, asOf: string, period: Period, withinDays: number, lang: Lang): { section: ReportSection; byStatus: Record<ItemStatus, number>; items: number; timeline: { judgement: ItemJudgement; status: string }[] } {
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
