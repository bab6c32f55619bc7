// The data quotas are measured on, folded once per workspace: activity-log entries become
// per-(person, unit, month) and per-(unit, month) aggregates keyed by type and date, so a quota
// over 5,000 people × 12 months never walks the 500,000 log entries again (DESIGN.md, Scale).
// Also: which months each alliance has any log for, and the span its data covers.
import type { AllianceEntry, Workspace } from '../load/workspace.js';
import type { ActivityType, Assignment, Person, QuotaRule, Unit } from '../model/kinds.js';
import { parsePeriodKey } from '../time/periods.js';
import { byCodePoint } from '../model/order.js';
import { DayRunsBuilder, dayFrom, dayText, dayThrough, typeCode, typeMask, type DayAgg } from './day-runs.js';

export interface ActivityFold {
  /** Per person and unit, the entries by day and type (rules/day-runs.ts). */
  byPersonUnit: Map<Person, Map<Unit, DayAgg>>;
  /** Per unit, the entries by day and type. */
  byUnit: Map<Unit, DayAgg>;
  /** Months with log data, per alliance: any entry, or an ActivityLog declaring `month:`. */
  months: Map<AllianceEntry, Set<string>>;
  /** Whether the alliance has any ActivityLog document at all. */
  hasLog: Set<AllianceEntry>;
  /** Earliest and latest entry date per alliance. */
  range: Map<AllianceEntry, [string, string]>;
}

const folds = new WeakMap<Workspace, ActivityFold>();

/** Fold every activity entry of the workspace once (cached per Workspace). */
export function foldActivity(ws: Workspace): ActivityFold {
  const cached = folds.get(ws);
  if (cached) return cached;
  const fold: ActivityFold = { byPersonUnit: new Map(), byUnit: new Map(), months: new Map(), hasLog: new Set(), range: new Map() };
  // each entry is a record under its person-and-unit key and its unit key; runs are made once below
  const runs = new DayRunsBuilder();
  const personUnitKeys = new Map<Person, Map<Unit, number>>();
  const unitKeys = new Map<Unit, number>();
  const monthsOf = (a: AllianceEntry) => {
    let s = fold.months.get(a);
    if (!s) fold.months.set(a, (s = new Set()));
    return s;
  };
  for (const log of ws.data('ActivityLog')) {
    const people = ws.peopleFor(log.alliance);
    const units = ws.unitsFor(log.alliance);
    const own = ws.allianceFor(log.alliance);
    if (own) {
      fold.hasLog.add(own);
      if (log.month) monthsOf(own).add(log.month);
    }
    // The entries' columns (model/entry-store.ts): each distinct name and unit is looked up
    // once, each day's month computed once, and no entry becomes an object.
    const s = log.entries;
    const personOf: (Person | null | undefined)[] = new Array(s.textCount);
    const unitOf: (Unit | null | undefined)[] = new Array(s.textCount);
    const monthOf = new Map<number, string>();
    const seen = new Set<AllianceEntry>();
    for (let i = 0; i < s.length; i++) {
      const uid = s.unitId(i);
      let unit = unitOf[uid];
      if (unit === undefined) unit = unitOf[uid] = units.get(s.text(uid)) ?? null;
      const pid = s.personId(i);
      let person = personOf[pid];
      if (person === undefined) person = personOf[pid] = people.get(s.text(pid)) ?? null;
      if (!unit || !person) continue; // references reports it
      const a = ws.unitAlliance.get(unit);
      if (!a) continue;
      const day = s.day(i);
      const date = s.dayText(day);
      let month = monthOf.get(day);
      if (month === undefined) monthOf.set(day, (month = date.slice(0, 7)));
      const half = s.halfDays(i) ?? 1;
      const type = typeCode(s.type(i));
      let pu = personUnitKeys.get(person);
      if (!pu) personUnitKeys.set(person, (pu = new Map()));
      let pk = pu.get(unit);
      if (pk === undefined) pu.set(unit, (pk = runs.newKey()));
      runs.add(pk, day, type, half);
      let uk = unitKeys.get(unit);
      if (uk === undefined) unitKeys.set(unit, (uk = runs.newKey()));
      runs.add(uk, day, type, half);
      monthsOf(a).add(month);
      if (!seen.has(a)) {
        seen.add(a);
        fold.hasLog.add(a);
        if (log.month) monthsOf(a).add(log.month);
      }
      const r = fold.range.get(a);
      if (!r) fold.range.set(a, [date, date]);
      else {
        if (date < r[0]) r[0] = date;
        if (date > r[1]) r[1] = date;
      }
    }
  }
  const aggs = runs.build();
  for (const [person, keys] of personUnitKeys) {
    const m = new Map<Unit, DayAgg>();
    for (const [unit, k] of keys) m.set(unit, aggs[k]!);
    fold.byPersonUnit.set(person, m);
  }
  for (const [unit, k] of unitKeys) fold.byUnit.set(unit, aggs[k]!);
  folds.set(ws, fold);
  return fold;
}

export type Interval = readonly [string, string];

/** What the entries of some aggregates add up to over some date intervals. */
export interface Collected {
  count: number;
  half: number;
  dates: Set<string>;
  /** Entries of any type (for "nothing recorded at all"). */
  any: boolean;
}

/** Months (YYYY-MM) overlapping the intervals, in order, without repeats. */
export function monthsOfIntervals(intervals: readonly Interval[]): string[] {
  const out = new Set<string>();
  for (const [a, b] of intervals) {
    let y = Number(a.slice(0, 4));
    let m = Number(a.slice(5, 7));
    const end = b.slice(0, 7);
    for (;;) {
      const key = `${y}-${String(m).padStart(2, '0')}`;
      if (key > end) break;
      out.add(key);
      if (++m > 12) {
        m = 1;
        y++;
      }
    }
  }
  return [...out].sort();
}

/**
 * What the aggregates hold over the intervals; `dates` false leaves `dates` empty (a count or
 * half-day measure needs no dates). Called once per subject and period (120,000 times on a
 * province): a binary search to each interval's first day, then a walk over its runs.
 */
export function collect(aggs: readonly DayAgg[], intervals: readonly Interval[], types: ReadonlySet<ActivityType> | undefined, dates = true): Collected {
  const c: Collected = { count: 0, half: 0, dates: new Set(), any: false };
  const mask = typeMask(types);
  for (const [from, to] of intervals) {
    const lo = dayFrom(from);
    const hi = dayThrough(to);
    if (lo > hi) continue;
    for (const agg of aggs) {
      const { day, type, n, half } = agg.runs;
      for (let i = agg.seek(lo); i < agg.end && day[i]! <= hi; i++) {
        c.any = true;
        if (!((mask >> type[i]!) & 1)) continue;
        c.count += n[i]!;
        c.half += half[i]!;
        if (dates) c.dates.add(dayText(day[i]!));
      }
    }
  }
  return c;
}

/** Merge overlapping or adjacent intervals (inclusive ISO dates). */
export function mergeIntervals(list: readonly Interval[]): Interval[] {
  const sorted = [...list].filter(([a, b]) => a <= b).sort((x, y) => byCodePoint(x[0], y[0]));
  const out: [string, string][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) {
      if (b > last[1]) last[1] = b;
    } else out.push([a, b]);
  }
  return out;
}

/** The parts of `intervals` inside [from, to]. */
export function clip(intervals: readonly Interval[], from: string, to: string): Interval[] {
  const out: Interval[] = [];
  for (const [a, b] of intervals) {
    const s = a > from ? a : from;
    const e = b < to ? b : to;
    if (s <= e) out.push([s, e]);
  }
  return out;
}

/** Whether a unit passes a quota's `units:` filter. */
export function unitMatches(rule: Pick<QuotaRule, 'units'>, u: Unit): boolean {
  const f = rule.units;
  if (!f) return true;
  const any = <T>(v: T | T[] | undefined, x: T | undefined) => v === undefined || (Array.isArray(v) ? v.includes(x as T) : v === x);
  return any(f.role, u.role) && any(f.level, u.level);
}

/** Assignments of an alliance's rosters with their resolved person and target. */
export interface ResolvedAssignment {
  a: Assignment;
  person: Person;
  target: Unit;
}

export function assignmentsOf(ws: Workspace, alliance: AllianceEntry): ResolvedAssignment[] {
  const out: ResolvedAssignment[] = [];
  for (const r of ws.data('Roster')) {
    if (ws.allianceFor(r.alliance) !== alliance) continue;
    const people = ws.peopleFor(r.alliance);
    for (const a of r.assignments) {
      const person = people.get(a.person);
      const target = alliance.units.get(a.target);
      if (person && target) out.push({ a, person, target });
    }
  }
  return out;
}

/** Training entries whose `from` is a unit of the alliance. */
export function trainingOf(ws: Workspace, alliance: AllianceEntry): { from: Unit; start: string; end: string; days: number }[] | undefined {
  const docs = ws.data('Training');
  let any = false;
  const out: { from: Unit; start: string; end: string; days: number }[] = [];
  for (const tr of docs) {
    const units = ws.unitsFor(tr.alliance);
    for (const e of tr.entries) {
      const from = units.get(e.from);
      if (!from || ws.unitAlliance.get(from) !== alliance) continue;
      any = true;
      const days = (Date.parse(e.end) - Date.parse(e.start)) / 86_400_000 + 1;
      out.push({ from, start: e.start, end: e.end, days });
    }
    if (ws.allianceFor(tr.alliance) === alliance) any = true;
  }
  return any ? out : undefined;
}

type Figures = Record<string, number | string>;

/** Indicators of an alliance: unit → period key → fields. */
export function indicatorsOf(ws: Workspace, alliance: AllianceEntry): Map<Unit, Map<string, Figures>> {
  const out = new Map<Unit, Map<string, Figures>>();
  for (const doc of ws.data('Indicators')) {
    const units = ws.unitsFor(doc.alliance);
    for (const e of doc.entries) {
      const u = e.unit !== undefined ? units.get(e.unit) : undefined;
      if (!u || ws.unitAlliance.get(u) !== alliance) continue;
      addFigures(out, u, e);
    }
  }
  return out;
}

/** The alliance's own figures (entries with `alliance:`, 全区/全集团): period key → fields. */
export function wholeIndicatorsOf(ws: Workspace, alliance: AllianceEntry): Map<string, Figures> {
  const out = new Map<AllianceEntry, Map<string, Figures>>();
  for (const doc of ws.data('Indicators'))
    for (const e of doc.entries) if (e.alliance !== undefined && ws.allianceFor(e.alliance) === alliance) addFigures(out, alliance, e);
  return out.get(alliance) ?? new Map();
}

function addFigures<K>(out: Map<K, Map<string, Figures>>, whose: K, e: { period: string } & Figures): void {
  const key = parsePeriodKey(e.period)?.key ?? e.period;
  let m = out.get(whose);
  if (!m) out.set(whose, (m = new Map()));
  m.set(key, { ...(m.get(key) ?? {}), ...e });
}

/** A `where` comparison such as `>= 6`. */
export function parseComparison(s: string): { op: '>=' | '<=' | '>' | '<' | '=='; value: number } | undefined {
  const m = /^\s*(>=|<=|>|<|==|=)?\s*(-?\d+(?:\.\d+)?)\s*$/.exec(s);
  if (!m) return undefined;
  const op = (m[1] === '=' || !m[1] ? '>=' : m[1]) as '>=' | '<=' | '>' | '<' | '==';
  return { op: m[1] === '=' ? '==' : op, value: Number(m[2]) };
}

export function compare(v: number, c: { op: string; value: number }): boolean {
  switch (c.op) {
    case '>=':
      return v >= c.value;
    case '<=':
      return v <= c.value;
    case '>':
      return v > c.value;
    case '<':
      return v < c.value;
    default:
      return v === c.value;
  }
}

/** `of:` paths a trainees quota may name on a unit. */
export const OF_PATHS = ['staff.professional', 'staff.total'] as const;

export function staffOf(u: Unit, path: string): number | undefined {
  if (path === 'staff.professional') return u.staff?.professional;
  if (path === 'staff.total') return u.staff?.total;
  return undefined;
}
