// The one judgement of work-plan items as of a date. Every duty an item owes (its deadline, each
// year of a multi-year item, each period of a recurrence, the `first:` deadline) gets a state and
// the records that decided it. `check` words these judgements as findings (rules/deadline.ts,
// rules/recurrence.ts) and `report` shows the same judgements (reports/progress.ts): neither
// re-derives a status. Pure: the as-of date and the look-ahead are parameters.
import type { Workspace } from '../load/workspace.js';
import { locOf } from '../load/schema.js';
import { at, t, type Text } from '../model/diagnostic.js';
import type { WorkItem, WorkPlan } from '../model/kinds.js';
import { byCodePoint } from '../model/order.js';
import { addDays } from '../time/dates.js';
import { periodLabel, type Period } from '../time/periods.js';
import { findEvidence, hasEvidence, type EvidenceWindow, type Proof } from './evidence.js';
import { doneState, scheduleIn, type Schedule } from './schedule.js';
import { unitsShown, type UnitTally } from './units.js';

export type DutyState =
  | 'done'
  | 'done-late'
  /** Shown by another file (dispatches, coverage, training, activity), not by `done`/`held`. */
  | 'satisfied'
  | 'open'
  | 'due-soon'
  | 'overdue'
  | 'missed'
  | 'not-yet-owed'
  /** No deadline can be worked out (unreadable due, no year, no cycle). */
  | 'cannot-judge';

/** One thing an item owes: a deadline, or one period of a recurrence. */
export interface Duty {
  /** The period (2018-03, 2018-Q3, 2018) or, for a multi-year dated item, the year; 'first' for `first:`. */
  key?: string;
  /** First day of the period or window, when there is one. */
  start?: string;
  /** The day it is due (the period's last day for a recurrence). */
  deadline?: string;
  state: DutyState;
  /** The day it was done or shown (done, held or evidence). */
  date?: string;
  proofs: Proof[];
  /** What no file shows (from `evidence:`), for the message. */
  missing: Text[];
  /** Work that goes on all through its window (全年) rather than happening once. */
  ongoing?: boolean;
  /** For a per-unit item (`each: unit`): which units owe it in this window and which show it. */
  units?: UnitTally;
}

export interface ItemJudgement {
  plan: WorkPlan;
  item: WorkItem;
  form: 'dated' | 'recurring' | 'open' | 'cancelled' | 'unreadable';
  /** For a recurrence: the period word (月, 季度, …). */
  per?: string;
  duties: Duty[];
  /** `held` dates outside every owed period (index into `held`). */
  outside: { date: string; index: number }[];
  /** Work has started (status 进行中 or a progress note by the as-of date). */
  started: boolean;
}

export interface JudgeOptions {
  asOf: string;
  withinDays: number;
}

const proofAt = (obj: object, field: string | number, p: Omit<Proof, 'file' | 'line' | 'col'>): Proof => ({ ...p, ...at(locOf(obj, field)) });

/** The `held` dates (≤ as-of) within [from, to], earliest first, as proofs. */
function heldIn(item: WorkItem, from: string, to: string): Proof[] {
  const held = item.held ?? [];
  return held
    .map((d, i) => ({ d, i }))
    .filter(({ d }) => d >= from && d <= to)
    .sort((a, b) => byCodePoint(a.d, b.d))
    .map(({ d, i }) => proofAt(held, i, { kind: 'held', date: d, text: t(`记录 ${d}`, `held ${d}`) }));
}

interface Occurrence {
  date?: string;
  /** Shown by another file rather than by done/held. */
  byEvidence: boolean;
  proofs: Proof[];
  missing: Text[];
  units?: UnitTally;
}
type NoOccurrence = { none: true; missing: Text[]; units?: UnitTally };

/**
 * What shows the item happened in a window: a `held` date (for every unit, when it is owed per
 * unit), else each owing unit's date (`each:`) and the evidence the item names, all of them.
 */
function occurrence(ws: Workspace, plan: WorkPlan, item: WorkItem, w: EvidenceWindow): Occurrence | NoOccurrence {
  const held = heldIn(item, w.from, w.to);
  if (held.length) return { date: held[0]!.date, byEvidence: false, proofs: [held[0]!], missing: [] };
  const alliance = ws.allianceFor(plan.alliance);
  const u: { met: boolean; date?: string; proofs: Proof[]; missing: Text[]; tally?: UnitTally } | undefined = item.each
    ? alliance
      ? unitsShown(alliance, item, item.each, w)
      : { met: false, proofs: [], missing: [t('找不到医联体，无法按单位核对', 'no alliance to look up its units in')] }
    : undefined;
  const units = u?.tally ? { units: u.tally } : {};
  if (!hasEvidence(item.evidence)) {
    if (!u) return { none: true, missing: [] };
    if (!u.met) return { none: true, missing: u.missing, ...units };
    return { ...(u.date ? { date: u.date } : {}), byEvidence: false, proofs: u.proofs, missing: [], ...units };
  }
  const e = findEvidence(ws, alliance, item.evidence, w);
  if (!e.met || (u && !u.met)) return { none: true, missing: [...(u?.missing ?? []), ...e.missing], ...units };
  const date = [e.date, u?.date].filter((d): d is string => !!d).sort(byCodePoint).at(-1);
  return { ...(date ? { date } : {}), byEvidence: true, proofs: [...(u?.proofs ?? []), ...e.proofs], missing: [], ...units };
}

const tallyOf = (o: { units?: UnitTally }) => (o.units ? { units: o.units } : {});

/** The state of a duty that nothing shows yet. */
function pending(deadline: string, windowStart: string | undefined, o: JudgeOptions, missedWord: 'overdue' | 'missed'): DutyState {
  const soon = addDays(o.asOf, o.withinDays);
  if (deadline < o.asOf) return missedWord;
  if (deadline <= soon && (!windowStart || windowStart <= soon)) return 'due-soon';
  return windowStart && windowStart > o.asOf ? 'not-yet-owed' : 'open';
}

function judgeDated(ws: Workspace, plan: WorkPlan, item: WorkItem, s: Extract<Schedule, { kind: 'dated' }>, o: JudgeOptions): Duty[] {
  const multi = s.deadlines.length > 1;
  const st = doneState(item, o.asOf);
  return s.deadlines.map((d) => {
    const key = multi ? String(d.year) : undefined;
    const base = { ...(key ? { key } : {}), ...(d.windowStart ? { start: d.windowStart } : {}), deadline: d.deadline, ...(d.ongoing ? { ongoing: true } : {}) };
    // a single deadline: `done:` decides; over several years: each year's `held` date or evidence
    if (!multi && st.done) {
      const proofs = item.done ? [proofAt(item, 'done', { kind: 'done', date: item.done, text: t(`完成于 ${item.done}`, `done ${item.done}`) })] : [proofAt(item, 'status', { kind: 'status', text: t('已完成', 'done') })];
      const late = st.date !== undefined && st.date > d.deadline;
      return { ...base, state: late ? 'done-late' : 'done', ...(st.date ? { date: st.date } : {}), proofs, missing: [] };
    }
    // evidence counts from the start of the deadline's year (or of its window, when earlier)
    const yearStart = `${multi ? d.year : d.deadline.slice(0, 4)}-01-01`;
    const from = !multi && d.windowStart && d.windowStart < yearStart ? d.windowStart : yearStart;
    const to = multi ? (`${d.year}-12-31` < o.asOf ? `${d.year}-12-31` : o.asOf) : o.asOf;
    const label = multi ? `${d.year}年` : `${d.deadline} 前`;
    const occ: Occurrence | NoOccurrence = from <= to ? occurrence(ws, plan, item, { from, to, label }) : { none: true, missing: [] };
    if ('none' in occ) return { ...base, state: pending(d.deadline, d.windowStart, o, 'overdue'), proofs: [], missing: occ.missing, ...tallyOf(occ) };
    const late = occ.date !== undefined && occ.date > d.deadline;
    return { ...base, state: late ? 'done-late' : occ.byEvidence ? 'satisfied' : 'done', ...(occ.date ? { date: occ.date } : {}), proofs: occ.proofs, missing: [], ...tallyOf(occ) };
  });
}

function judgeRecurring(ws: Workspace, plan: WorkPlan, item: WorkItem, s: Extract<Schedule, { kind: 'recurring' }>, o: JudgeOptions): Duty[] {
  const duties: Duty[] = [];
  // `first: 5月底`: the first occurrence is owed by that day, not only by the end of its period.
  // Once that period has closed with nothing in it, its own 漏期 says it (no second alarm).
  const firstPeriod = s.periods[0];
  const firstOwn = s.first && firstPeriod && s.first < firstPeriod.end;
  if (s.first && firstOwn) {
    const w = { from: s.from, to: o.asOf, label: `${s.first} 前` };
    const occ: Occurrence | NoOccurrence = s.from <= o.asOf ? occurrence(ws, plan, item, w) : { none: true, missing: [] };
    const base = { key: 'first', start: s.from, deadline: s.first };
    if ('none' in occ) {
      if (firstPeriod.end >= o.asOf) duties.push({ ...base, state: pending(s.first, undefined, o, 'overdue'), proofs: [], missing: occ.missing, ...tallyOf(occ) });
    }
    else duties.push({ ...base, state: occ.date && occ.date > s.first ? 'done-late' : occ.byEvidence ? 'satisfied' : 'done', ...(occ.date ? { date: occ.date } : {}), proofs: occ.proofs, missing: [], ...tallyOf(occ) });
  }
  for (const p of s.periods) {
    const base = { key: p.key, start: p.start, deadline: p.end };
    if (p.start > o.asOf) {
      duties.push({ ...base, state: 'not-yet-owed', proofs: [], missing: [] });
      continue;
    }
    const to = p.end < o.asOf ? p.end : o.asOf;
    const occ = occurrence(ws, plan, item, { from: p.start, to, label: periodLabel(p as Period) });
    if ('none' in occ) duties.push({ ...base, state: pending(p.end, p.start, o, 'missed'), proofs: [], missing: occ.missing, ...tallyOf(occ) });
    else duties.push({ ...base, state: occ.byEvidence ? 'satisfied' : 'done', ...(occ.date ? { date: occ.date } : {}), proofs: occ.proofs, missing: [], ...tallyOf(occ) });
  }
  return duties;
}

/** An item with no deadline: open, unless every unit owing it (`each:`) shows a date by the as-of day. */
function openDuty(ws: Workspace, plan: WorkPlan, item: WorkItem, o: JudgeOptions): Duty {
  if (!item.each) return { state: 'open', proofs: [], missing: [] };
  const occ = occurrence(ws, plan, item, { from: '0000-01-01', to: o.asOf, label: '' });
  if ('none' in occ) return { state: 'open', proofs: [], missing: occ.missing, ...tallyOf(occ) };
  return { state: 'done', ...(occ.date ? { date: occ.date } : {}), proofs: occ.proofs, missing: [], ...tallyOf(occ) };
}

const PER_WORD: Record<string, string> = { month: '月', months: '月', bimonth: '双月', quarter: '季度', halfYear: '半年', year: '年度' };

/** Judge one item as of a date. */
export function judgeItem(ws: Workspace, plan: WorkPlan, item: WorkItem, o: JudgeOptions): ItemJudgement {
  const st = doneState(item, o.asOf);
  const started = item.status === '进行中' || (item.progress ?? []).some((x) => x.date <= o.asOf);
  const base = { plan, item, outside: [], started };
  if (st.cancelled) return { ...base, form: 'cancelled', duties: [] };
  const s = scheduleIn(ws, plan, item);
  switch (s.kind) {
    case 'open':
      return { ...base, form: 'open', duties: [st.done ? { state: 'done', ...(st.date ? { date: st.date } : {}), proofs: [], missing: [] } : openDuty(ws, plan, item, o)] };
    case 'error':
    case 'no-year':
    case 'no-cycle':
      return { ...base, form: 'unreadable', duties: [st.done ? { state: 'done', ...(st.date ? { date: st.date } : {}), proofs: [], missing: [] } : { state: 'cannot-judge', proofs: [], missing: [] }] };
    case 'dated':
      return { ...base, form: 'dated', duties: judgeDated(ws, plan, item, s, o) };
    case 'recurring': {
      const outside = (item.held ?? []).flatMap((date, index) => (date <= o.asOf && !s.periods.some((p) => date >= p.start && date <= p.end) ? [{ date, index }] : []));
      return { ...base, form: 'recurring', per: PER_WORD[s.spec.per], duties: judgeRecurring(ws, plan, item, s, o), outside };
    }
  }
}

const cache = new WeakMap<Workspace, Map<string, ItemJudgement[]>>();

/** Every work-plan item of the workspace, judged as of a date (cached per workspace and date). */
export function judgeItems(ws: Workspace, o: JudgeOptions): ItemJudgement[] {
  let byKey = cache.get(ws);
  if (!byKey) cache.set(ws, (byKey = new Map()));
  const key = `${o.asOf}/${o.withinDays}`;
  let out = byKey.get(key);
  if (!out) byKey.set(key, (out = ws.data('WorkPlan').flatMap((plan) => plan.items.map((item) => judgeItem(ws, plan, item, o)))));
  return out;
}

/** Duties that are a problem as of the date (overdue or missed). */
export const isLate = (d: Duty) => d.state === 'overdue' || d.state === 'missed';
/** Duties that are fulfilled. */
export const isDone = (d: Duty) => d.state === 'done' || d.state === 'done-late' || d.state === 'satisfied';
