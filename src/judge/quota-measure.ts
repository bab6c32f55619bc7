// Measuring one subject of a quota over its active days in one period: log entries (count,
// half-days, working days, visit days), batches and people from the rosters, trainees from the
// Training documents, ratios, shares and figures from Indicators. Data that is not there is noted (no log,
// no roster …) and nothing is measured: missing data is never a zero. Pure.
import { t, type Text } from '../model/diagnostic.js';
import type { ActivityType, QuotaRule, Unit } from '../model/kinds.js';
import type { WorkCalendar } from '../time/calendar.js';
import type { Period } from '../time/periods.js';
import { collect, compare, monthsOfIntervals, parseComparison, staffOf, unitMatches, type Interval } from '../rules/quota-measures.js';
import type { DayAgg } from '../rules/day-runs.js';
import { FAR, type QuotaEnv, type Subject } from './quota-subjects.js';

export const LOG_MEASURES = new Set(['count', 'halfDays', 'workdays', 'visits']);

/** Why a subject or period could not be measured. */
/** `no-last-year`: the figures of the same period a year earlier, which a `rise` compares with. */
export type NoDataReason = 'no-log' | 'no-roster' | 'no-training' | 'no-staff' | 'no-indicators' | 'no-last-year' | 'zero-den' | 'no-span' | 'no-cycle';

/** Records a want of data: reason, period key ('' for all periods), subject ('' for none). */
export type NoteNoData = (reason: NoDataReason, period: string, subject?: string) => void;

export interface Measured {
  value: number;
  /** Shown instead of the bare value (ratio, share). */
  shown?: Text;
  /** Nobody recorded anything at all (person/assignment log measures). */
  absent?: boolean;
  /** Months of the active part the log does not cover (shared between judgements: read only). */
  missing?: readonly string[];
  /** For trainees with minRatio: the staff figure. */
  staff?: number;
  /** The records counted: log entries, assignments or trainees (for the judgement's evidence). */
  records?: number;
}

export const pct = (x: number) => `${Number((x * 100).toFixed(2))}%`;

export function listText(xs: readonly string[], max = 20): Text {
  const shown = xs.slice(0, max);
  const more = xs.length - shown.length;
  return { zh: shown.join('、') + (more > 0 ? ` 等 ${xs.length} 个` : ''), en: shown.join(', ') + (more > 0 ? ` and ${more} more` : '') };
}

/** The months of an active span, and those of them the alliance's log does not cover (shared, read-only). */
function logMonths(env: QuotaEnv, scope: MeasureScope, active: readonly Interval[]): { months: readonly string[]; missing: readonly string[] } {
  const key = active.length === 1 ? `${active[0]![0]}|${active[0]![1]}` : active.map(([a, b]) => `${a}|${b}`).join('|');
  let got = scope.months.get(key);
  if (!got) {
    const covered = env.fold.months.get(env.alliance);
    const months = monthsOfIntervals(active);
    scope.months.set(key, (got = { months, missing: months.filter((x) => !covered?.has(x)) }));
  }
  return got;
}

/** The aggregates a subject is measured on: a person's at the units in scope, else the units'. */
function subjectAggs(env: QuotaEnv, s: Subject, inScope: (u: Unit) => boolean): DayAgg[] {
  const aggs: DayAgg[] = [];
  if (s.person) {
    for (const [u, agg] of env.fold.byPersonUnit.get(s.person) ?? []) if (inScope(u)) aggs.push(agg);
  } else {
    for (const u of s.unit ? [s.unit] : env.alliance.data.units) {
      const agg = env.fold.byUnit.get(u);
      if (agg && inScope(u)) aggs.push(agg);
    }
  }
  return aggs;
}

export function workdaysIn(cal: WorkCalendar, intervals: readonly Interval[]): number {
  let n = 0;
  for (const [a, b] of intervals) n += cal.workdaysBetween(a, b);
  return n;
}

/**
 * What measuring one rule shares across its subjects and periods: the activity types counted,
 * each subject's aggregates in scope, and which months of an active span the log lacks. A rule
 * judges thousands of subject × period pairs; these are the same for most of them.
 */
export interface MeasureScope {
  /** Types a log measure counts (undefined: every type). */
  types: ReadonlySet<ActivityType> | undefined;
  aggs: Map<Subject, DayAgg[]>;
  /** `from|to|…` of an active span → its months, and those of them no log covers. */
  months: Map<string, { months: readonly string[]; missing: readonly string[] }>;
}

export function measureScope(rule: QuotaRule): MeasureScope {
  const types = rule.measure === 'visits' || !rule.activities?.length ? undefined : new Set<ActivityType>(rule.activities);
  return { types, aggs: new Map(), months: new Map() };
}

const WHOLE = t('医联体整体数据', 'the alliance as a whole');

/**
 * The Indicators figures `fields` of a subject in a period, summed: a unit's own; for the alliance,
 * its own figures (entries with `alliance:`) when the rule filters no units and the Indicators
 * hold such figures for these fields in some period, else the sum over its units in scope. What
 * is missing is noted; a unit short of figures is not judged, the alliance on the units that have them.
 */
function figures(env: QuotaEnv, rule: QuotaRule, s: Subject, p: Period, fields: string[], inScope: (u: Unit) => boolean, note: NoteNoData): { sums: Map<string, number>; found: number; whole?: true } | undefined {
  const has = (e: Record<string, number | string> | undefined) => !!e && fields.every((f) => typeof e[f] === 'number');
  const sums = new Map(fields.map((f) => [f, 0]));
  const add = (e: Record<string, number | string>) => fields.forEach((f) => sums.set(f, sums.get(f)! + (e[f] as number)));
  if (s.kind === 'alliance' && !rule.units && [...env.whole.values()].some(has)) {
    const e = env.whole.get(p.key);
    if (!has(e)) {
      note('no-indicators', p.key, s.label);
      return undefined;
    }
    add(e!);
    return { sums, found: 1, whole: true };
  }
  const units = s.unit ? [s.unit] : env.alliance.data.units.filter(inScope);
  let found = 0;
  for (const u of units) {
    const e = env.indicators.get(u)?.get(p.key);
    if (!has(e)) {
      note('no-indicators', p.key, env.label(u));
      continue;
    }
    add(e!);
    found++;
  }
  return !found || (s.unit && found < units.length) ? undefined : { sums, found };
}

export function measure(env: QuotaEnv, rule: QuotaRule, scope: MeasureScope, s: Subject, p: Period, active: Interval[], note: NoteNoData): Measured | undefined {
  const m = rule.measure!;
  const inScope = (u: Unit) => unitMatches(rule, u) && (!s.unit || s.unit === u) && (!s.assignment || s.assignment.target === u);
  if (LOG_MEASURES.has(m)) {
    const { months, missing } = logMonths(env, scope, active);
    if (missing.length === months.length) {
      note('no-log', p.key);
      return undefined;
    }
    let aggs = scope.aggs.get(s);
    if (!aggs) scope.aggs.set(s, (aggs = subjectAggs(env, s, inScope)));
    const got = collect(aggs, active, scope.types, m === 'visits' || m === 'workdays');
    let value: number;
    if (m === 'count') value = got.count;
    else if (m === 'halfDays') value = got.half;
    else if (m === 'visits') value = got.dates.size;
    else {
      value = 0;
      for (const d of got.dates) if (env.cal!.isWorkday(d)) value++;
    }
    return { value, absent: !!s.person && !got.any, missing, records: got.count };
  }
  const inActive = (d: string) => active.some(([a, b]) => a <= d && d <= b);
  if (m === 'batches' || m === 'people') {
    if (!env.hasRoster) {
      note('no-roster', p.key);
      return undefined;
    }
    const list = env.assignments.filter((x) => inScope(x.target) && (!s.person || x.person === s.person) && (!s.assignment || x === s.assignment));
    if (m === 'batches') {
      const started = list.filter((x) => inActive(x.a.start));
      const keys = new Set(started.map((x) => (x.a.batch ? `b:${x.a.batch}` : `d:${x.a.start}`)));
      return { value: keys.size, records: started.length };
    }
    const on = list.filter((x) => active.some(([a, b]) => x.a.start <= b && (x.a.end ?? FAR) >= a));
    return { value: new Set(on.map((x) => x.person)).size, records: on.length };
  }
  if (m === 'trainees') {
    const tr = env.training;
    if (!tr) {
      note('no-training', p.key);
      return undefined;
    }
    const minDays = rule.minDays ?? 0;
    const value = tr.filter((x) => inScope(x.from) && x.days >= minDays && inActive(x.start)).length;
    if (rule.minRatio === undefined) return { value, records: value };
    const path = rule.of ?? 'staff.professional';
    const units = s.unit ? [s.unit] : s.assignment ? [s.assignment.target] : env.alliance.data.units.filter(inScope);
    let staff = 0;
    const lacking = units.filter((u) => staffOf(u, path) === undefined);
    if (lacking.length) {
      for (const u of lacking) note('no-staff', '', env.label(u));
      return undefined;
    }
    for (const u of units) staff += staffOf(u, path)!;
    return { value, staff, records: value };
  }
  if (m === 'ratio' || m === 'value') {
    const fields = m === 'ratio' ? [rule.num!, rule.den!] : [rule.field!];
    const got = figures(env, rule, s, p, fields, inScope, note);
    if (!got) return undefined;
    const [num, den] = fields.map((f) => got.sums.get(f)!) as [number, number];
    if (m === 'value') {
      const v = t(`${rule.field} ${num}`, `${rule.field} ${num}`);
      return { value: num, records: got.found, shown: got.whole ? t(`${v.zh}（${WHOLE.zh}）`, `${v.en} (${WHOLE.en})`) : v };
    }
    if (den === 0) {
      note('zero-den', p.key, s.label);
      return undefined;
    }
    const parts = `${rule.num}/${rule.den} = ${num}/${den} = ${pct(num / den)}`;
    return { value: num / den, records: got.found, shown: got.whole ? t(`${parts}（${WHOLE.zh}）`, `${parts} (${WHOLE.en})`) : t(parts, parts) };
  }
  if (m === 'share') {
    const units = s.unit ? [s.unit] : env.alliance.data.units.filter(inScope);
    const conds = Object.entries(rule.where ?? {}).map(([k, v]) => [k, parseComparison(v)] as const);
    const failing: string[] = [];
    let withData = 0;
    for (const u of units) {
      const label = env.label(u);
      const e = env.indicators.get(u)?.get(p.key);
      if (!e || conds.some(([k]) => typeof e[k] !== 'number')) {
        note('no-indicators', p.key, label);
        continue;
      }
      withData++;
      if (!conds.every(([k, cmp]) => cmp && compare(e[k] as number, cmp))) failing.push(label);
    }
    if (!withData) return undefined;
    const value = (withData - failing.length) / withData;
    const cond = Object.entries(rule.where ?? {}).map(([k, v]) => `${k} ${v.trim()}`);
    return {
      value,
      records: withData,
      shown: t(
        `达到 ${cond.join('、')} 的单位 ${withData - failing.length}/${withData} 个（${pct(value)}）${failing.length ? `，未达到：${listText(failing).zh}` : ''}`,
        `units meeting ${cond.join(', ')}: ${withData - failing.length}/${withData} (${pct(value)})${failing.length ? `; not meeting: ${listText(failing).en}` : ''}`,
      ),
    };
  }
  return undefined;
}
