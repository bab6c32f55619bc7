// What a work-plan item asks for, in concrete dates: its deadlines (one per plan year), or the
// periods a recurrence must show an occurrence in (and its `first:` deadline). Shared by
// validate (to report unreadable due expressions) and by the judgement of items (judge/items.ts).
import type { Text } from '../model/diagnostic.js';
import type { WorkItem, WorkPlan } from '../model/kinds.js';
import type { Workspace } from '../load/workspace.js';
import { isDated, occurrencePeriods, parseDue, parseYears, resolveCycleEnd, resolveDue, type DueError, type RecurringDue } from '../time/due.js';
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
  | { kind: 'recurring'; spec: RecurringDue; periods: Period<GridKind>[]; from: string; to: string; first?: string }
  | { kind: 'error'; field: 'due' | 'first' | 'years'; error: DueError }
  | { kind: 'no-year' }
  /** Due relative to the cycle's end, and the alliance has no cycle. */
  | { kind: 'no-cycle' };

/** An alliance's cycle (建设周期 / 下沉周期), when it has one. */
export type Cycle = { start: string; end: string };

/** The years an item spans: its own `years`, the plan's `years`, or the plan's `year`. */
export function itemYears(plan: WorkPlan, item: WorkItem): { from: number; to: number } | DueError | undefined {
  const src = item.years ?? plan.years;
  if (src) {
    const y = parseYears(src);
    return y.kind === 'error' ? y : { from: y.from, to: y.to };
  }
  return plan.year ? { from: plan.year, to: plan.year } : undefined;
}

/** What an item asks for; `cycle` (the alliance's) places cycle-relative dues and `cycle: true` plans. */
export function scheduleOf(plan: WorkPlan, item: WorkItem, cycle?: Cycle): Schedule {
  const spec = parseDue(item.due);
  if (spec.kind === 'error') return { kind: 'error', field: 'due', error: spec };
  if (spec.kind === 'open') return { kind: 'open' };
  if (spec.kind === 'cycleEnd') {
    if (!cycle) return { kind: 'no-cycle' };
    const deadline = resolveCycleEnd(spec, cycle.end);
    return { kind: 'dated', deadlines: [{ year: Number(deadline.slice(0, 4)), deadline, windowStart: cycle.start }] };
  }
  const years = itemYears(plan, item);
  if (years && 'kind' in years) return { kind: 'error', field: 'years', error: years };
  if (isDated(spec)) {
    if (spec.kind === 'date') {
      const r = resolveDue(spec, 0);
      return { kind: 'dated', deadlines: [{ year: Number(r.deadline.slice(0, 4)), ...r }] };
    }
    if (!years) return { kind: 'no-year' };
    const deadlines: YearDeadline[] = [];
    for (let y = years.from; y <= years.to; y++) deadlines.push({ year: y, ...resolveDue(spec, y) });
    return { kind: 'dated', deadlines };
  }
  if (!years) return { kind: 'no-year' };
  // a `cycle: true` plan owes its recurring items over the whole cycle, across calendar years
  const overCycle = plan.cycle && cycle && !item.years;
  const from = overCycle ? cycle.start : isoDate(years.from, 1, 1);
  const to = overCycle ? cycle.end : isoDate(years.to, 12, 31);
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
    first = resolveDue(f, Number(from.slice(0, 4))).deadline;
  }
  return { kind: 'recurring', spec, periods: occurrencePeriods(spec, { from, to, first }), from, to, ...(first ? { first } : {}) };
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
  const cycle = ws.allianceFor(plan.alliance)?.data.cycle;
  const s = scheduleOf(plan, item, cycle);
  if (s.kind !== 'recurring' || !cycle) return s;
  return { ...s, periods: s.periods.filter((p) => p.end >= cycle.start && p.start <= cycle.end) };
}
