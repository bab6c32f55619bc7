// Who a quota measures, and over which periods: each person (their assignments merged),
// assignment, unit or the alliance, with the spans they were active, and the periods of `per`
// those spans reach. The per-alliance facts (assignments, indicators, training, the working-day
// calendar) are computed on first use and shared by every rule of the alliance. Pure.
import type { AllianceEntry, Workspace } from '../load/workspace.js';
import { locOf } from '../load/schema.js';
import { byCodePoint } from '../model/order.js';
import type { Person, QuotaRule, Unit } from '../model/kinds.js';
import type { WorkCalendar } from '../time/calendar.js';
import { cyclePeriod, periodsBetween, type GridKind, type Period } from '../time/periods.js';
import {
  assignmentsOf,
  indicatorsOf,
  mergeIntervals,
  wholeIndicatorsOf,
  trainingOf,
  unitMatches,
  type ActivityFold,
  type Interval,
  type ResolvedAssignment,
} from '../rules/quota-measures.js';

export const FAR = '9999-12-31';

export interface Subject {
  label: string;
  kind: 'person' | 'assignment' | 'unit' | 'alliance';
  /** Active spans (merged); for unit/alliance without a cycle, the data span (then no proration). */
  spans: Interval[];
  prorate: boolean;
  person?: Person;
  assignment?: ResolvedAssignment;
  unit?: Unit;
}

/** Per-alliance facts, computed on first use. */
export class QuotaEnv {
  private _assignments?: ResolvedAssignment[];
  private _indicators?: ReturnType<typeof indicatorsOf>;
  private _whole?: ReturnType<typeof wholeIndicatorsOf>;
  private _training?: ReturnType<typeof trainingOf> | null;
  constructor(
    readonly ws: Workspace,
    readonly alliance: AllianceEntry,
    readonly fold: ActivityFold,
    readonly asOf: string,
    readonly cal: WorkCalendar | undefined,
  ) {}
  get id(): string {
    return this.alliance.data.id ?? this.alliance.data.name;
  }
  get assignments(): ResolvedAssignment[] {
    return (this._assignments ??= assignmentsOf(this.ws, this.alliance));
  }
  get indicators() {
    return (this._indicators ??= indicatorsOf(this.ws, this.alliance));
  }
  /** The alliance's own figures (Indicators entries with `alliance:`): period key → fields. */
  get whole() {
    return (this._whole ??= wholeIndicatorsOf(this.ws, this.alliance));
  }
  get training() {
    if (this._training === undefined) this._training = trainingOf(this.ws, this.alliance) ?? null;
    return this._training ?? undefined;
  }
  get hasRoster(): boolean {
    return this.ws.data('Roster').some((r) => this.ws.allianceFor(r.alliance) === this.alliance);
  }
  private _logSpans?: { file: string; from: string; to: string }[];
  /** The files of a kind that hold this alliance's records between two dates (logs by their months). */
  filesOf(kind: 'ActivityLog' | 'Roster' | 'Training' | 'Indicators', from: string, to: string): string[] {
    const mine = this.ws.of(kind).filter((d) => this.ws.allianceFor(d.data.alliance) === this.alliance);
    if (kind !== 'ActivityLog') return [...new Set(mine.map((d) => d.file))].sort(byCodePoint);
    this._logSpans ??= this.ws.of('ActivityLog').flatMap((d) => {
      if (this.ws.allianceFor(d.data.alliance) !== this.alliance) return [];
      let lo = d.data.month ? `${d.data.month}-01` : undefined;
      let hi = d.data.month ? `${d.data.month}-31` : undefined;
      const days = d.data.entries.dayRange();
      if (days) {
        const [first, last] = days.map((n) => d.data.entries.dayText(n)) as [string, string];
        if (!lo || first < lo) lo = first;
        if (!hi || last > hi) hi = last;
      }
      return lo && hi ? [{ file: d.file, from: lo, to: hi }] : [];
    });
    return [...new Set(this._logSpans.filter((x) => x.from <= to && from <= x.to).map((x) => x.file))].sort(byCodePoint);
  }
  /** Where a record is written. */
  placeOf(obj: object): { file?: string; line?: number } {
    const pos = locOf(obj);
    return pos ? { file: pos.file, line: pos.line } : {};
  }
  label(u: Unit): string {
    return this.alliance.units.label(u as Unit & { name: string });
  }
  /** The alliance cycle, else the span its data covers (log, assignments, training, indicators). */
  span(): { span: Interval; fromCycle: boolean } | undefined {
    const c = this.alliance.data.cycle;
    if (c) return { span: [c.start, c.end], fromCycle: true };
    let lo: string | undefined;
    let hi: string | undefined;
    const add = (a: string, b: string) => {
      if (!lo || a < lo) lo = a;
      if (!hi || b > hi) hi = b;
    };
    const r = this.fold.range.get(this.alliance);
    if (r) add(r[0], r[1]);
    for (const x of this.assignments) add(x.a.start, x.a.end ?? x.a.start);
    for (const x of this.training ?? []) add(x.start, x.end);
    const years = (byKey: Map<string, unknown>) => {
      for (const key of byKey.keys()) {
        const y = key.slice(0, 4);
        add(`${y}-01-01`, `${y}-12-31`);
      }
    };
    for (const byKey of this.indicators.values()) years(byKey);
    // the alliance's own figures (a district's yearly count) say when the district counted, not
    // when the alliance was at work: they give the span only when nothing else does
    if (!lo) years(this.whole);
    return lo && hi ? { span: [lo, hi], fromCycle: false } : undefined;
  }
}

/** The subjects of a rule, or 'no-span' when nothing tells which periods to check. */
export function subjectsOf(env: QuotaEnv, rule: QuotaRule): Subject[] | 'no-span' {
  const units = env.alliance.data.units.filter((u) => unitMatches(rule, u));
  if (rule.measure !== 'share' && (rule.each === 'person' || rule.each === 'assignment')) {
    const list = env.assignments.filter((x) => unitMatches(rule, x.target));
    if (rule.each === 'assignment')
      return list.map((x) => ({
        label: `${x.person.name}（${env.label(x.target)}，${x.a.start} 起）`,
        kind: 'assignment',
        spans: [[x.a.start, x.a.end ?? FAR]],
        prorate: true,
        person: x.person,
        assignment: x,
      }));
    const byPerson = new Map<Person, Interval[]>();
    for (const x of list) {
      const s = byPerson.get(x.person) ?? [];
      s.push([x.a.start, x.a.end ?? FAR]);
      byPerson.set(x.person, s);
    }
    return [...byPerson].map(([person, spans]) => ({ label: person.name, kind: 'person', spans: mergeIntervals(spans), prorate: true, person }));
  }
  const sp = env.span();
  if (!sp) return 'no-span';
  if (rule.each === 'unit' && rule.measure !== 'share')
    return units.map((u) => ({ label: env.label(u), kind: 'unit', spans: [sp.span], prorate: sp.fromCycle, unit: u }));
  return [{ label: env.alliance.data.name, kind: 'alliance', spans: [sp.span], prorate: sp.fromCycle }];
}

/**
 * The periods of a rule up to `through`: within the cycle when there is one (nothing is owed
 * outside it), else from the first subject's start; 'no-cycle' for a per: cycle rule without a
 * cycle. Each subject is owed only the periods its spans reach (activeIn).
 */
export function rulePeriods(env: QuotaEnv, rule: QuotaRule, subjects: Subject[] | 'no-span', through: string): Period[] | 'no-cycle' {
  const per = rule.per!;
  const c = env.alliance.data.cycle;
  if (per === 'cycle') return c ? [cyclePeriod(c.start, c.end)] : 'no-cycle';
  const starts = subjects === 'no-span' ? [] : subjects.map((s) => s.spans[0]?.[0]).filter((x): x is string => !!x);
  // without a cycle: from the first subject's start, and never later than the as-of date (the
  // period holding it is open even before any data)
  const first = starts.sort()[0];
  const from = c?.start ?? (first && first < env.asOf ? first : env.asOf);
  const to = c && c.end < through ? c.end : through;
  return from && from <= to ? periodsBetween(per as GridKind, from, to) : [];
}

/** The subject's active days within a period (all of it for scopes that are not prorated). */
export function activeIn(s: Subject, p: Period): Interval[] {
  if (!s.prorate) return s.spans.some(([a, b]) => a <= p.end && p.start <= b) ? [[p.start, p.end]] : [];
  const out: Interval[] = [];
  for (const [a, b] of s.spans) {
    const from = a > p.start ? a : p.start;
    const to = b < p.end ? b : p.end;
    if (from <= to) out.push([from, to]);
  }
  return out;
}
