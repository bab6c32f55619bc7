// What a work-plan item asks for, in concrete dates: its deadlines (one per plan year), or the
// periods a recurrence must show an occurrence in. Shared by validate (to report unreadable due
// expressions) and by check (deadlines, recurrences).
import type { Text } from '../model/diagnostic.js';
import type { WorkItem, WorkPlan } from '../model/kinds.js';
import type { Workspace } from '../load/workspace.js';
import { isDated, occurrencePeriods, parseDue, parseYears, resolveDue, type DueError, type RecurringDue } from '../time/due.js';
import { isoDate } from '../time/dates.js';
import type { GridKind, Period } from '../time/periods.js';

export interface YearDeadline {
  year: number;
  deadline: string;
  windowStart?: string;
  ongoing?: boolean;
  /** 2月29日 in a common year, moved to 28 Feb. */
  clamped?: boolean;
}

export type Schedule =
  | { kind: 'dated'; deadlines: YearDeadline[] }
  | { kind: 'open' }
  | { kind: 'recurring'; spec: RecurringDue; periods: Period<GridKind>[]; from: string; to: string }
  | { kind: 'error'; field: 'due' | 'first' | 'years'; error: DueError }
  | { kind: 'no-year'; message: Text };

/** The years an item spans: its own `years`, the plan's `years`, or the plan's `year`. */
export function itemYears(plan: WorkPlan, item: WorkItem): { from: number; to: number } | DueError | undefined {
  const src = item.years ?? plan.years;
  if (src) {
    const y = parseYears(src);
    return y.kind === 'error' ? y : { from: y.from, to: y.to };
  }
  return plan.year ? { from: plan.year, to: plan.year } : undefined;
}

export function scheduleOf(plan: WorkPlan, item: WorkItem): Schedule {
  const spec = parseDue(item.due);
  if (spec.kind === 'error') return { kind: 'error', field: 'due', error: spec };
  if (spec.kind === 'open') return { kind: 'open' };
  const years = itemYears(plan, item);
  if (years && 'kind' in years) return { kind: 'error', field: 'years', error: years };
  if (isDated(spec)) {
    if (spec.kind === 'date') {
      const r = resolveDue(spec, 0);
      return { kind: 'dated', deadlines: [{ year: Number(r.deadline.slice(0, 4)), ...r }] };
    }
    if (!years) return noYear(item);
    const deadlines: YearDeadline[] = [];
    for (let y = years.from; y <= years.to; y++) deadlines.push({ year: y, ...resolveDue(spec, y) });
    return { kind: 'dated', deadlines };
  }
  if (!years) return noYear(item);
  const from = isoDate(years.from, 1, 1);
  const to = isoDate(years.to, 12, 31);
  let first: string | undefined;
  if (item.first) {
    const f = parseDue(item.first);
    if (f.kind === 'error') return { kind: 'error', field: 'first', error: f };
    if (!isDated(f))
      return {
        kind: 'error',
        field: 'first',
        error: { kind: 'error', code: 'due/unknown', input: item.first, message: { zh: `first 须是一个日期（如 5月底），不能是「${item.first}」。`, en: `first must be a date such as 5月底, not "${item.first}".` }, accepted: { zh: '', en: '' } },
      };
    first = resolveDue(f, years.from).deadline;
  }
  return { kind: 'recurring', spec, periods: occurrencePeriods(spec, { from, to, first }), from, to };
}

function noYear(item: WorkItem): Schedule {
  return {
    kind: 'no-year',
    message: {
      zh: `第 ${item.no} 项的完成时间「${item.due}」没有年份：请在 WorkPlan 写 year: 或 years:。`,
      en: `Item ${item.no}: "${item.due}" has no year; give the WorkPlan a year: or years:.`,
    },
  };
}

/** When an item counts as done, as of a date: the `done:` date, or 已完成 with no date. */
export function doneState(item: WorkItem, asOf: string | undefined): { done: boolean; date?: string; cancelled: boolean } {
  if (item.status === '取消') return { done: false, cancelled: true };
  if (item.done && (!asOf || item.done <= asOf)) return { done: true, date: item.done, cancelled: false };
  if (!item.done && item.status === '已完成') return { done: true, cancelled: false };
  return { done: false, cancelled: false };
}

/**
 * The schedule of an item in its workspace: a recurring duty is owed only while the alliance
 * exists, so periods wholly outside the alliance cycle are dropped. check and report both judge
 * items through this.
 */
export function scheduleIn(ws: Workspace, plan: WorkPlan, item: WorkItem): Schedule {
  const s = scheduleOf(plan, item);
  const cycle = ws.allianceFor(plan.alliance)?.data.cycle;
  if (s.kind !== 'recurring' || !cycle) return s;
  return { ...s, periods: s.periods.filter((p) => p.end >= cycle.start && p.start <= cycle.end) };
}

/** Every work-plan item that still counts as of a date (cancelled ones skipped), scheduled. */
export function* scheduledItems(
  ws: Workspace,
  asOf: string,
): Generator<{ plan: WorkPlan; item: WorkItem; schedule: Schedule; state: ReturnType<typeof doneState> }> {
  for (const plan of ws.data('WorkPlan'))
    for (const item of plan.items) {
      const state = doneState(item, asOf);
      if (!state.cancelled) yield { plan, item, schedule: scheduleIn(ws, plan, item), state };
    }
}
