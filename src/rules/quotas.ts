// quota/*: every Quotas rule, for every scope (`each`) over every period of `per` that has
// closed by the as-of date while the scope was active. Measures (FORMAT.md, Quotas) are taken
// from aggregates folded once per workspace (quota-measures.ts); working days come from the
// official calendar, and a year it does not cover is a calendar/gap error, never a guess.
//
// Missing data is not a shortfall: a period with no activity log at all for the alliance, no
// Indicators entry or no staff figure is one quota/no-data warning per rule (listing the
// periods or units), not an error per person. A period whose log covers only some of its
// months is judged on what is there: a shortfall is then a warning, not an error.
import type { AllianceEntry, Workspace } from '../load/workspace.js';
import { ASSUMED_LABEL, isAssumed } from '../model/assumed.js';
import { t, type Diagnostic, type Text } from '../model/diagnostic.js';
import type { ActivityType, Person, QuotaRule, Unit } from '../model/kinds.js';
import { meetsSeniority } from '../money/grade.js';
import { CalendarConflictError, CalendarGapError, type WorkCalendar } from '../time/calendar.js';
import { cyclePeriod, periodsBetween, type GridKind, type Period } from '../time/periods.js';
import { calendarOf } from './calendar-of.js';
import {
  assignmentsOf,
  clip,
  collect,
  compare,
  foldActivity,
  indicatorsOf,
  mergeIntervals,
  monthsOfIntervals,
  parseComparison,
  staffOf,
  trainingOf,
  unitMatches,
  type ActivityFold,
  type Interval,
  type MonthAgg,
  type ResolvedAssignment,
} from './quota-measures.js';
import { diagAt } from './report.js';
import type { Rule } from './rule.js';
import { family } from '../codes/declare.js';

/** The codes this rule raises (quota-definitions raises those of how a quota is written). */
export const QUOTA_CODES = family('quota', t('考核指标', 'quota'), {
  below: {
    severity: 'error',
    label: t('未达标', 'below quota'),
    description: t('某人、某单位或医联体在某期未达到指标下限。', 'A person, unit or alliance is below a quota\'s minimum in a period.'),
    help: t('补做或补录该期的工作；数据已有但未录入的，补充活动记录或 Indicators。', 'Make up the work of that period; if it was done but not recorded, add the activity log or Indicators.'),
  },
  above: {
    severity: 'error',
    label: t('超上限', 'above quota'),
    description: t('某期的数值超过指标上限。', 'A value is above a quota\'s maximum in a period.'),
    help: t('核对记录是否重复；确属超出的，按要求调整。', 'Check the records for duplicates; if it is really above, adjust as required.'),
  },
  unqualified: {
    severity: 'error',
    label: t('资格不符', 'unqualified'),
    description: t('下派人员的职称或任职年限不符合要求。', 'A posted person\'s title or years in it do not meet the requirement.'),
    help: t('改派符合条件的人员；如职称写错，改正名单中的 title 或 titleSince。', 'Post someone who qualifies; if the title is wrong, correct title or titleSince in the roster.'),
  },
  'no-data': {
    severity: 'warning',
    label: t('缺数据', 'no data'),
    description: t('缺少检查指标所需的数据（活动记录、名单、进修或 Indicators），无法判定。', 'Data the quota needs (activity log, roster, training or Indicators) is missing, so it cannot be judged.'),
    help: t('按提示补充相应的文档；确实为零的，提交写明期间的空记录。', 'Add the documents named; where there truly was nothing, add an empty record for the period.'),
  },
});

const FAR = '9999-12-31';
const EPS = 1e-9;

/** Measures summed over time: a partial period prorates their `min`. */
const ADDITIVE = new Set(['count', 'halfDays', 'workdays', 'batches', 'visits', 'trainees']);
const LOG_MEASURES = new Set(['count', 'halfDays', 'workdays', 'visits']);

const UNIT_WORDS: Record<string, { zh: string; short: string; en: string }> = {
  count: { zh: '次', short: '次', en: 'time(s)' },
  halfDays: { zh: '个半天', short: '个', en: 'half-day(s)' },
  workdays: { zh: '个工作日', short: '个', en: 'working day(s)' },
  batches: { zh: '批', short: '批', en: 'batch(es)' },
  people: { zh: '人', short: '人', en: 'person(s)' },
  trainees: { zh: '人', short: '人', en: 'trainee(s)' },
  visits: { zh: '天', short: '天', en: 'day(s)' },
};

function whatOf(rule: QuotaRule): Text {
  const acts = rule.activities?.length ? rule.activities : undefined;
  switch (rule.measure) {
    case 'count':
    case 'halfDays':
    case 'workdays':
      return t(acts ? `${acts.join('、')} ` : '下沉工作 ', acts ? `${acts.join('/')}: ` : 'activity: ');
    case 'visits':
      return t('有下沉记录的日期 ', 'days with entries: ');
    case 'batches':
      return t('派出 ', 'batches sent: ');
    case 'people':
      return t('在岗下派人员 ', 'people on assignment: ');
    case 'trainees':
      return t(`进修${rule.minDays ? `满${rule.minDays}天` : ''}的 `, `trainees${rule.minDays ? ` of ${rule.minDays}+ days` : ''}: `);
    default:
      return t('', '');
  }
}

const OF_WORDS: Record<string, string> = { 'staff.professional': '专技人数', 'staff.total': '职工人数' };

const pct = (x: number) => `${Number((x * 100).toFixed(2))}%`;

function listText(xs: readonly string[], max = 20): { zh: string; en: string } {
  const shown = xs.slice(0, max);
  const more = xs.length - shown.length;
  return { zh: shown.join('、') + (more > 0 ? ` 等 ${xs.length} 个` : ''), en: shown.join(', ') + (more > 0 ? ` and ${more} more` : '') };
}

interface Subject {
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
class Env {
  private _assignments?: ResolvedAssignment[];
  private _indicators?: ReturnType<typeof indicatorsOf>;
  private _training?: ReturnType<typeof trainingOf> | null;
  constructor(
    readonly ws: Workspace,
    readonly alliance: AllianceEntry,
    readonly fold: ActivityFold,
    readonly asOf: string,
    readonly cal: WorkCalendar | undefined,
  ) {}
  get assignments(): ResolvedAssignment[] {
    return (this._assignments ??= assignmentsOf(this.ws, this.alliance));
  }
  get indicators() {
    return (this._indicators ??= indicatorsOf(this.ws, this.alliance));
  }
  get training() {
    if (this._training === undefined) this._training = trainingOf(this.ws, this.alliance) ?? null;
    return this._training ?? undefined;
  }
  get hasRoster(): boolean {
    return this.ws.data('Roster').some((r) => this.ws.allianceFor(r.alliance) === this.alliance);
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
    for (const byKey of this.indicators.values())
      for (const key of byKey.keys()) {
        const y = key.slice(0, 4);
        add(`${y}-01-01`, `${y}-12-31`);
      }
    return lo && hi ? { span: [lo, hi], fromCycle: false } : undefined;
  }
}

function subjectsOf(env: Env, rule: QuotaRule): Subject[] | 'no-span' {
  const units = env.alliance.data.units.filter((u) => unitMatches(rule, u));
  const label = (u: Unit) => env.alliance.units.label(u as Unit & { name: string });
  if (rule.measure !== 'share' && (rule.each === 'person' || rule.each === 'assignment')) {
    const list = env.assignments.filter((x) => unitMatches(rule, x.target));
    if (rule.each === 'assignment')
      return list.map((x) => ({
        label: `${x.person.name}（${label(x.target)}，${x.a.start} 起）`,
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
    return units.map((u) => ({ label: label(u), kind: 'unit', spans: [sp.span], prorate: sp.fromCycle, unit: u }));
  return [{ label: env.alliance.data.name, kind: 'alliance', spans: [sp.span], prorate: sp.fromCycle }];
}

function periodsFor(env: Env, rule: QuotaRule, s: Subject): Period[] | 'no-cycle' {
  const per = rule.per!;
  if (per === 'cycle') {
    const c = env.alliance.data.cycle;
    if (!c) return 'no-cycle';
    return c.end < env.asOf ? [cyclePeriod(c.start, c.end)] : [];
  }
  const first = s.spans[0]?.[0];
  const last = s.spans.reduce((m, x) => (x[1] > m ? x[1] : m), '');
  if (!first) return [];
  const to = last < env.asOf ? last : env.asOf;
  return periodsBetween(per as GridKind, first, to).filter((p) => p.end < env.asOf);
}

// ------------------------------------------------------------------ findings, grouped per rule

interface Collector {
  /** reason → period → subjects (for no-data findings). */
  noData: Map<string, Map<string, Set<string>>>;
  /** period → findings for that period, in subject order. */
  byPeriod: Map<string, Diagnostic[]>;
  /** period → people with no entries at all in a month the log covers. */
  absent: Map<string, string[]>;
  /** period → shortfalls judged on a log that covers only some months. */
  partial: Map<string, { subject: string; value: number; required: number; missing: string[] }[]>;
  /** Every subject judged, met or not (for reports: 达标人数/应考核人数). */
  judged: QuotaJudgement[];
}

/**
 * One scope judged against one quota rule in one closed period: what the progress report counts
 * (达标 / 应考核). Findings say only what falls short; judgements say who was judged at all.
 * A subject with no data (no log for the period, no Indicators entry…) is not judged.
 */
export interface QuotaJudgement {
  quota: string;
  text: string;
  /** The alliance id (else name) the Quotas document belongs to. */
  alliance: string;
  each: QuotaRule['each'];
  measure?: QuotaRule['measure'];
  /** Period key (`2021-06`, `2021-Q2` …); '' for a `require` rule (judged once per assignment). */
  period: string;
  periodStart?: string;
  periodEnd?: string;
  subject: string;
  kind: 'person' | 'assignment' | 'unit' | 'alliance';
  value?: number;
  /** The bound the value was held to (after proration); undefined for `require` rules. */
  required?: number;
  bound?: 'min' | 'max';
  met: boolean;
  /** value and required are fractions (ratio, share). */
  fraction: boolean;
  /** Judged on a log that covers only some months of the period. */
  incomplete?: boolean;
  prorated?: boolean;
  /** The requirement rests on a value marked `assumed` (the rule's bound, or the unit's staff). */
  assumed?: true;
  /** For `require` rules: the assignment's span. */
  span?: [string, string];
}

function note(c: Collector, reason: string, period: string, subject = ''): void {
  let m = c.noData.get(reason);
  if (!m) c.noData.set(reason, (m = new Map()));
  let s = m.get(period);
  if (!s) m.set(period, (s = new Set()));
  if (subject) s.add(subject);
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

// ------------------------------------------------------------------ measuring

interface Measured {
  value: number;
  /** Shown instead of the bare value (ratio, share). */
  shown?: Text;
  /** Nobody recorded anything at all (person/assignment log measures). */
  absent?: boolean;
  /** Months of the active part the log does not cover. */
  missing?: string[];
  /** For trainees with minRatio: the staff figure. */
  staff?: number;
}

function workdaysIn(cal: WorkCalendar, intervals: readonly Interval[]): number {
  let n = 0;
  for (const [a, b] of intervals) n += cal.workdaysBetween(a, b);
  return n;
}

function measure(env: Env, rule: QuotaRule, s: Subject, p: Period, active: Interval[], c: Collector): Measured | undefined {
  const m = rule.measure!;
  const inScope = (u: Unit) => unitMatches(rule, u) && (!s.unit || s.unit === u) && (!s.assignment || s.assignment.target === u);
  if (LOG_MEASURES.has(m)) {
    const covered = env.fold.months.get(env.alliance);
    const months = monthsOfIntervals(active);
    const missing = months.filter((x) => !covered?.has(x));
    if (missing.length === months.length) {
      note(c, 'no-log', p.key);
      return undefined;
    }
    const aggs: MonthAgg[] = [];
    if (s.person) {
      for (const [u, agg] of env.fold.byPersonUnit.get(s.person) ?? []) if (inScope(u)) aggs.push(agg);
    } else {
      for (const u of s.unit ? [s.unit] : env.alliance.data.units) {
        const agg = env.fold.byUnit.get(u);
        if (agg && inScope(u)) aggs.push(agg);
      }
    }
    const types = m === 'visits' || !rule.activities?.length ? undefined : new Set<ActivityType>(rule.activities);
    const got = collect(aggs, active, types);
    let value: number;
    if (m === 'count') value = got.count;
    else if (m === 'halfDays') value = got.half;
    else if (m === 'visits') value = got.dates.size;
    else {
      value = 0;
      for (const d of got.dates) if (env.cal!.isWorkday(d)) value++;
    }
    return { value, absent: !!s.person && !got.any, missing };
  }
  const inActive = (d: string) => active.some(([a, b]) => a <= d && d <= b);
  if (m === 'batches' || m === 'people') {
    if (!env.hasRoster) {
      note(c, 'no-roster', p.key);
      return undefined;
    }
    const list = env.assignments.filter((x) => inScope(x.target) && (!s.person || x.person === s.person) && (!s.assignment || x === s.assignment));
    if (m === 'batches') {
      const keys = new Set(list.filter((x) => inActive(x.a.start)).map((x) => (x.a.batch ? `b:${x.a.batch}` : `d:${x.a.start}`)));
      return { value: keys.size };
    }
    const people = new Set(list.filter((x) => active.some(([a, b]) => x.a.start <= b && (x.a.end ?? FAR) >= a)).map((x) => x.person));
    return { value: people.size };
  }
  if (m === 'trainees') {
    const tr = env.training;
    if (!tr) {
      note(c, 'no-training', p.key);
      return undefined;
    }
    const minDays = rule.minDays ?? 0;
    const value = tr.filter((x) => inScope(x.from) && x.days >= minDays && inActive(x.start)).length;
    if (rule.minRatio === undefined) return { value };
    const path = rule.of ?? 'staff.professional';
    const units = s.unit ? [s.unit] : s.assignment ? [s.assignment.target] : env.alliance.data.units.filter(inScope);
    let staff = 0;
    const lacking = units.filter((u) => staffOf(u, path) === undefined);
    if (lacking.length) {
      for (const u of lacking) note(c, 'no-staff', '', env.alliance.units.label(u as Unit & { name: string }));
      return undefined;
    }
    for (const u of units) staff += staffOf(u, path)!;
    return { value, staff };
  }
  if (m === 'ratio') {
    const units = s.unit ? [s.unit] : env.alliance.data.units.filter(inScope);
    let num = 0;
    let den = 0;
    let found = 0;
    for (const u of units) {
      const e = env.indicators.get(u)?.get(p.key);
      const n = e?.[rule.num!];
      const d = e?.[rule.den!];
      if (typeof n !== 'number' || typeof d !== 'number') {
        note(c, 'no-indicators', p.key, env.alliance.units.label(u as Unit & { name: string }));
        continue;
      }
      num += n;
      den += d;
      found++;
    }
    if (!found || (s.unit && found < units.length)) return undefined;
    if (den === 0) {
      note(c, 'zero-den', p.key, s.label);
      return undefined;
    }
    return { value: num / den, shown: t(`${rule.num}/${rule.den} = ${num}/${den} = ${pct(num / den)}`, `${rule.num}/${rule.den} = ${num}/${den} = ${pct(num / den)}`) };
  }
  if (m === 'share') {
    const units = s.unit ? [s.unit] : env.alliance.data.units.filter(inScope);
    const conds = Object.entries(rule.where ?? {}).map(([k, v]) => [k, parseComparison(v)] as const);
    const failing: string[] = [];
    let withData = 0;
    for (const u of units) {
      const label = env.alliance.units.label(u as Unit & { name: string });
      const e = env.indicators.get(u)?.get(p.key);
      if (!e || conds.some(([k]) => typeof e[k] !== 'number')) {
        note(c, 'no-indicators', p.key, label);
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
      shown: t(
        `达到 ${cond.join('、')} 的单位 ${withData - failing.length}/${withData} 个（${pct(value)}）${failing.length ? `，未达到：${listText(failing).zh}` : ''}`,
        `units meeting ${cond.join(', ')}: ${withData - failing.length}/${withData} (${pct(value)})${failing.length ? `; not meeting: ${listText(failing).en}` : ''}`,
      ),
    };
  }
  return undefined;
}

// ------------------------------------------------------------------ one rule

function evaluate(env: Env, rule: QuotaRule, out: Diagnostic[], gaps: Map<number, QuotaRule>, judged: QuotaJudgement[], noData: QuotaNoData[]): void {
  if (rule.require) checkRequire(env, rule, out, judged);
  const m = rule.measure;
  if (!m || !rule.per) return; // quota-definitions reports it
  if (rule.min === undefined && rule.max === undefined && rule.minRatio === undefined) return;
  if ((m === 'ratio' && (!rule.num || !rule.den)) || (m === 'share' && !rule.where)) return;
  if (m === 'share' && Object.values(rule.where ?? {}).some((v) => !parseComparison(v))) return;

  const c: Collector = { noData: new Map(), byPeriod: new Map(), absent: new Map(), partial: new Map(), judged };
  const subjects = subjectsOf(env, rule);
  if (subjects === 'no-span') note(c, 'no-span', '');
  else
    for (const s of subjects) {
      const periods = periodsFor(env, rule, s);
      if (periods === 'no-cycle') {
        note(c, 'no-cycle', '');
        continue;
      }
      for (const p of periods) {
        const active = s.prorate ? clip(s.spans, p.start, p.end) : [[p.start, p.end] as Interval];
        if (!active.length) continue;
        try {
          judge(env, rule, s, p, active, c);
        } catch (e) {
          if (!(e instanceof CalendarGapError)) throw e;
          if (!gaps.has(e.year)) gaps.set(e.year, rule); // reported once, at the first rule that needs it
        }
      }
    }
  emit(env, rule, c, out, noData);
}

function judge(env: Env, rule: QuotaRule, s: Subject, p: Period, active: Interval[], c: Collector): void {
  const m = rule.measure!;
  // Proration: the share of the period's working days the scope was active.
  let pro: { wa: number; wp: number; from: string; to: string } | undefined;
  const whole = active.length === 1 && active[0]![0] === p.start && active[0]![1] === p.end;
  if (!env.cal && (m === 'workdays' || (!whole && ADDITIVE.has(m)))) return;
  if (!whole && ADDITIVE.has(m)) {
    const wp = env.cal!.workdaysBetween(p.start, p.end);
    const wa = workdaysIn(env.cal!, active);
    if (wp > 0 && wa < wp) pro = { wa, wp, from: active[0]![0], to: active[active.length - 1]![1] };
  }
  if ((m === 'workdays' || pro) && !env.cal) return;
  // Working days need the official calendar for the whole period: a gap throws here, before
  // anyone is judged on a guess.
  if (m === 'workdays' && !pro) env.cal!.workdaysBetween(p.start, p.end);
  const got = measure(env, rule, s, p, active, c);
  if (!got) return;
  const f = pro ? pro.wa / pro.wp : 1;
  const words = UNIT_WORDS[m];
  const what = whatOf(rule);
  const valueText: Text = got.shown ?? t(`${what.zh}${got.value} ${words?.zh ?? ''}`.trimEnd(), `${what.en}${got.value} ${words?.en ?? ''}`.trimEnd());
  const isFraction = m === 'share' || m === 'ratio';
  const fmt = (x: number) => (isFraction ? pct(x) : String(x));
  const unitShort = isFraction ? '' : ` ${words?.short ?? ''}`;
  const unitEn = isFraction ? '' : ` ${words?.en ?? ''}`;
  const base = { quota: rule.id, text: rule.text, period: p.key, subject: s.label, value: got.value };

  const proNote = (orig: string, origEn: string): Text | undefined => {
    if (!pro) return undefined;
    const dutyZh = s.kind === 'person' || s.kind === 'assignment' ? '在岗' : '在周期内';
    const range = pro.from === p.start ? `${dutyZh}至 ${pro.to}` : pro.to === p.end ? `${pro.from} 起${dutyZh}` : `${pro.from} 至 ${pro.to} ${dutyZh}`;
    const rangeEn = pro.from === p.start ? `until ${pro.to}` : pro.to === p.end ? `from ${pro.from}` : `${pro.from} to ${pro.to}`;
    return t(
      `按工作日折算：${range}，${pro.wa}/${pro.wp} 个工作日，原要求 ${orig}`,
      `prorated by working days: active ${rangeEn}, ${pro.wa}/${pro.wp} working days, of ${origEn}`,
    );
  };

  const checks: { kind: 'min' | 'max'; required: number; orig?: number; basis?: Text }[] = [];
  if (rule.min !== undefined) {
    const required = pro ? Math.round(rule.min * f) : rule.min;
    checks.push({ kind: 'min', required, orig: rule.min });
  }
  if (rule.minRatio !== undefined && m === 'trainees' && got.staff !== undefined) {
    const raw = rule.minRatio * got.staff;
    const required = Math.ceil(raw * f - EPS);
    const ofPath = rule.of ?? 'staff.professional';
    const ofZh = OF_WORDS[ofPath] ?? ofPath;
    const staff = isAssumed(s.unit, 'staff') ? t(`${got.staff}（${ASSUMED_LABEL.zh}）`, `${got.staff} (${ASSUMED_LABEL.en})`) : t(`${got.staff}`, `${got.staff}`);
    checks.push({
      kind: 'min',
      required,
      basis: t(`${ofZh} ${staff.zh} × ${pct(rule.minRatio)} = ${Number(raw.toFixed(2))}`, `${ofPath} ${staff.en} × ${pct(rule.minRatio)} = ${Number(raw.toFixed(2))}`),
    });
  }
  if (rule.max !== undefined) checks.push({ kind: 'max', required: rule.max });

  const failed = checks.find((ch) => (ch.kind === 'min' ? ch.required > 0 && got.value + EPS < ch.required : got.value > ch.required + EPS));
  const shown = failed ?? checks[0];
  c.judged.push({
    quota: rule.id,
    text: rule.text,
    alliance: env.alliance.data.id ?? env.alliance.data.name,
    each: rule.each,
    measure: m,
    period: p.key,
    periodStart: p.start,
    periodEnd: p.end,
    subject: s.label,
    kind: s.kind,
    value: got.value,
    ...(shown ? { required: shown.required, bound: shown.kind } : {}),
    met: !failed,
    fraction: isFraction,
    ...(failed && got.missing?.length ? { incomplete: true } : {}),
    ...(pro ? { prorated: true } : {}),
    ...(shown && (isAssumed(rule, shown.orig !== undefined ? 'min' : shown.kind === 'max' ? 'max' : 'minRatio') || (shown.basis && isAssumed(s.unit, 'staff')))
      ? { assumed: true as const }
      : {}),
  });

  for (const ch of checks) {
    if (ch.kind === 'min') {
      if (ch.required <= 0 || got.value + EPS >= ch.required) continue;
      const data = { ...base, required: ch.required, ...(pro ? { prorated: { from: ch.orig ?? ch.basis?.en, workdays: pro.wa, periodWorkdays: pro.wp } } : {}) };
      if (got.missing?.length) {
        push(c.partial, p.key, { subject: s.label, value: got.value, required: ch.required, missing: got.missing });
        continue;
      }
      if (got.absent) {
        push(c.absent, p.key, s.label);
        continue;
      }
      // A threshold the source does not state (`assumed: [min]`) says so where it is quoted.
      const flag = isAssumed(rule, ch.orig !== undefined ? 'min' : 'minRatio') ? t(`（${ASSUMED_LABEL.zh}）`, ` (${ASSUMED_LABEL.en})`) : t('', '');
      const pn = proNote(ch.orig !== undefined ? `${fmt(ch.orig)}${unitShort}` : ch.basis!.zh, ch.orig !== undefined ? `${fmt(ch.orig)}${unitEn}` : ch.basis!.en);
      const extraZh = [ch.basis && !pro ? ch.basis.zh : undefined, pn?.zh].filter(Boolean).join('；');
      const extraEn = [ch.basis && !pro ? ch.basis.en : undefined, pn?.en].filter(Boolean).join('; ');
      push(
        c.byPeriod,
        p.key,
        diagAt(
          'quota/below',
          'error',
          rule,
          undefined,
          t(
            `${s.label} ${p.key} ${valueText.zh}，要求不少于 ${fmt(ch.required)}${unitShort}${flag.zh}${extraZh ? `（${extraZh}）` : ''}（${rule.text}）`,
            `${s.label} ${p.key}: ${valueText.en}, required at least ${fmt(ch.required)}${unitEn}${flag.en}${extraEn ? ` (${extraEn})` : ''} (${rule.text})`,
          ),
          { data },
        ),
      );
    } else if (got.value > ch.required + EPS) {
      push(
        c.byPeriod,
        p.key,
        diagAt(
          'quota/above',
          'error',
          rule,
          undefined,
          t(
            `${s.label} ${p.key} ${valueText.zh}，要求不超过 ${fmt(ch.required)}${unitShort}（${rule.text}）`,
            `${s.label} ${p.key}: ${valueText.en}, required at most ${fmt(ch.required)}${unitEn} (${rule.text})`,
          ),
          { data: { ...base, required: ch.required } },
        ),
      );
    }
  }
}

export const NO_DATA: Record<string, { zh: string; en: string; hint: Text }> = {
  'no-log': {
    zh: '没有下沉工作记录（ActivityLog）',
    en: 'no activity log',
    hint: t('补充这些月份的下沉工作记录；确无下沉工作的，也请提交写明 month: 的空记录。', 'Add the activity log for these months (an ActivityLog with month: and no entries says "nothing happened").'),
  },
  'no-roster': { zh: '没有下派人员名单（Roster）', en: 'no roster', hint: t('添加 Roster 文档。', 'Add a Roster document.') },
  'no-training': { zh: '没有进修记录（Training）', en: 'no Training records', hint: t('添加 Training 文档；确无进修的，写 entries: []。', 'Add a Training document (entries: [] if nobody trained).') },
  'no-indicators': { zh: '缺少指标数据（Indicators）', en: 'Indicators missing', hint: t('在 Indicators 中按期间补充这些单位的数据。', 'Add these units\' figures for the period to an Indicators document.') },
  'zero-den': { zh: '分母为 0', en: 'the denominator is 0', hint: t('检查 Indicators 中的数据。', 'Check the Indicators figures.') },
};

function emit(env: Env, rule: QuotaRule, c: Collector, out: Diagnostic[], gaps: QuotaNoData[]): void {
  const base = { quota: rule.id, text: rule.text };
  for (const [reason, byPeriod] of c.noData) {
    const periods = [...byPeriod.keys()].filter(Boolean).sort();
    gaps.push({ quota: rule.id, alliance: env.alliance.data.id ?? env.alliance.data.name, reason, periods });
    const subjects = [...new Set([...byPeriod.values()].flatMap((s) => [...s]))];
    const warn = (zh: string, en: string, hint?: Text, data: Record<string, unknown> = {}) =>
      out.push(diagAt('quota/no-data', 'warning', rule, undefined, t(`${zh}（${rule.text}）`, `${en} (${rule.text})`), { ...(hint ? { hint } : {}), data: { ...base, reason, ...data } }));
    if (reason === 'no-span')
      warn('医联体没有写建设周期（cycle），也没有任何记录可确定检查期间，无法检查', 'The alliance has no cycle and no data to tell which periods to check; cannot check', t('在 Alliance 中写 cycle: { start, end }。', 'Add cycle: { start, end } to the Alliance.'));
    else if (reason === 'no-cycle')
      warn('医联体没有写建设周期（cycle），无法按周期检查', 'The alliance has no cycle; a per: cycle quota cannot be checked', t('在 Alliance 中写 cycle: { start, end }。', 'Add cycle: { start, end } to the Alliance.'));
    else if (reason === 'no-staff') {
      const l = listText(subjects);
      const ofPath = rule.of ?? 'staff.professional';
      warn(`以下单位没有专技人数（${ofPath}），无法按比例检查：${l.zh}`, `No staff figure (${ofPath}) for these units, so the ratio cannot be checked: ${l.en}`, t(`在 Alliance 的单位上写 staff: { professional: 人数 }。`, 'Add staff: { professional: N } to these units in the Alliance.'), { subjects });
    } else if (reason === 'no-indicators' || reason === 'zero-den') {
      const w = NO_DATA[reason]!;
      for (const period of periods) {
        const subs = [...byPeriod.get(period)!];
        const l = listText(subs);
        warn(`${period} ${w.zh}：${l.zh}，无法检查`, `${period}: ${w.en} for ${l.en}; cannot check`, w.hint, { period, subjects: subs });
      }
    } else {
      const w = NO_DATA[reason]!;
      const l = listText(periods);
      warn(`${l.zh} ${w.zh}，无法检查`, `${w.en} for ${l.en}; cannot check`, w.hint, { periods });
    }
  }
  const keys = [...new Set([...c.byPeriod.keys(), ...c.absent.keys(), ...c.partial.keys()])].sort();
  for (const period of keys) {
    out.push(...(c.byPeriod.get(period) ?? []));
    const absent = c.absent.get(period);
    if (absent?.length) {
      const l = listText(absent, 50);
      out.push(
        diagAt(
          'quota/below',
          'error',
          rule,
          undefined,
          t(
            `${period} 以下 ${absent.length} 人在下沉工作记录中没有任何记录，按 0 计，未达到要求（${rule.text}）：${l.zh}`,
            `${period}: ${absent.length} person(s) have no entries at all in the activity log, counted as 0, below the quota (${rule.text}): ${l.en}`,
          ),
          {
            hint: t('如确有下沉工作，请补记录；否则属实未完成。', 'If they did work on site, add their entries; otherwise the shortfall stands.'),
            data: { ...base, period, subjects: absent, value: 0 },
          },
        ),
      );
    }
    const partial = c.partial.get(period);
    if (partial?.length) {
      const missing = [...new Set(partial.flatMap((x) => x.missing))].sort();
      const lz = listText(partial.map((x) => `${x.subject} ${x.value}/${x.required}`), 50);
      out.push(
        diagAt(
          'quota/no-data',
          'warning',
          rule,
          undefined,
          t(
            `${period} 的下沉工作记录不全（缺 ${listText(missing).zh}），按现有记录未达到要求（实际/要求）：${lz.zh}（${rule.text}）`,
            `${period}: the activity log is incomplete (missing ${listText(missing).en}); on the entries there are, below the quota (value/required): ${lz.en} (${rule.text})`,
          ),
          {
            hint: NO_DATA['no-log']!.hint,
            data: { ...base, period, reason: 'partial-log', missingMonths: missing, subjects: partial.map((x) => ({ subject: x.subject, value: x.value, required: x.required })) },
          },
        ),
      );
    }
  }
}

// ------------------------------------------------------------------ require (per assignment)

function checkRequire(env: Env, rule: QuotaRule, out: Diagnostic[], judged: QuotaJudgement[]): void {
  const req = rule.require!;
  if (!req.minGrade && !req.orTitle) return;
  const wantZh = [req.minGrade ? `${req.minGrade}及以上` : undefined, req.orTitle ? `${req.orTitle}${req.minYearsInTitle ? `满 ${req.minYearsInTitle} 年` : ''}` : undefined].filter(Boolean).join('，或');
  const wantEn = [req.minGrade ? `${req.minGrade} or above` : undefined, req.orTitle ? `${req.orTitle}${req.minYearsInTitle ? ` for ${req.minYearsInTitle}+ years` : ''}` : undefined].filter(Boolean).join(', or ');
  for (const x of env.assignments) {
    if (!unitMatches(rule, x.target)) continue;
    const p = x.person;
    const who = `${p.name}（${env.alliance.units.label(x.target as Unit & { name: string })}，${x.a.start} 起）`;
    const data = { quota: rule.id, text: rule.text, subject: who, person: p.name, start: x.a.start };
    const judge = (met: boolean) =>
      judged.push({ quota: rule.id, text: rule.text, alliance: env.alliance.data.id ?? env.alliance.data.name, each: rule.each, period: '', subject: who, kind: 'assignment', met, fraction: false, span: [x.a.start, x.a.end ?? FAR], ...(isAssumed(rule, 'require') ? { assumed: true as const } : {}) });
    const v = meetsSeniority(p, x.a.start, req);
    if ('unknown' in v) {
      out.push(
        v.unknown === 'no-grade'
          ? diagAt('quota/no-data', 'warning', rule, undefined, t(`无法判定 ${who} 的职称等级（${p.title ?? '未写职称'}），不能检查：要求${wantZh}（${rule.text}）`, `Cannot tell the grade of ${who} (${p.title ?? 'no title'}); required ${wantEn} (${rule.text})`), {
              hint: t('在名单中写明 title 或 grade。', 'Give title or grade in the roster.'),
              data: { ...data, reason: 'no-grade' },
            })
          : diagAt('quota/no-data', 'warning', rule, undefined, t(`${who}为${p.title ?? v.grade}，但没有取得职称时间（titleSince），无法判断是否满 ${req.minYearsInTitle} 年（${rule.text}）`, `${who} is ${p.title ?? v.grade} but has no titleSince; cannot tell ${req.minYearsInTitle}+ years (${rule.text})`), {
              hint: t('在名单中写 titleSince: 2012-09。', 'Add titleSince: 2012-09 to the person.'),
              data: { ...data, reason: 'no-titleSince' },
            }),
      );
      continue;
    }
    judge(v.ok);
    if (v.ok) continue;
    const grade = v.grade;
    // 高年资 has no number in the sources: an `assumed: [require]` year count says so.
    const flag = isAssumed(rule, 'require') ? t(`（年限为${ASSUMED_LABEL.zh}）`, ` (the years are ${ASSUMED_LABEL.en})`) : t('', '');
    out.push(
      v.years !== undefined
        ? diagAt('quota/unqualified', 'error', rule, undefined, t(`${who}为${p.title ?? grade}，${p.titleSince} 取得，到下派时不满 ${req.minYearsInTitle} 年${flag.zh}（${v.years} 年），不符合要求：${wantZh}（${rule.text}）`, `${who} is ${p.title ?? grade} since ${p.titleSince}: ${v.years} year(s) at the start, under ${req.minYearsInTitle}${flag.en}; required ${wantEn} (${rule.text})`), {
            data: { ...data, grade, titleSince: p.titleSince, years: v.years },
          })
        : diagAt('quota/unqualified', 'error', rule, undefined, t(`${who}为${p.title ?? grade}（${grade}），不符合要求：${wantZh}（${rule.text}）`, `${who} is ${p.title ?? grade} (${grade}); required ${wantEn} (${rule.text})`), {
            data: { ...data, grade },
          }),
    );
  }
}

// ------------------------------------------------------------------ the rule

/** A rule that could not be judged for want of data (no log, no Indicators …), and in which periods. */
export interface QuotaNoData {
  quota: string;
  alliance: string;
  reason: string;
  /** The periods concerned; empty: every period (no cycle, no span). */
  periods: string[];
}

export interface QuotaEvaluation {
  findings: Diagnostic[];
  noData: QuotaNoData[];
  judgements: QuotaJudgement[];
}

const evaluations = new WeakMap<Workspace, Map<string, QuotaEvaluation>>();

/**
 * Every Quotas rule of the workspace as of a date: the findings `check` reports, and every
 * judgement behind them (reports count 达标/应考核 from these). Cached per Workspace and date,
 * so `check` and `report` in one run evaluate once.
 */
export function evaluateQuotas(ws: Workspace, asOf: string): QuotaEvaluation {
  let byDate = evaluations.get(ws);
  if (!byDate) evaluations.set(ws, (byDate = new Map()));
  const hit = byDate.get(asOf);
  if (hit) return hit;
  const result = computeQuotas(ws, asOf);
  byDate.set(asOf, result);
  return result;
}

function computeQuotas(ws: Workspace, asOf: string): QuotaEvaluation {
  const judgements: QuotaJudgement[] = [];
  const noData: QuotaNoData[] = [];
  const docs = ws.data('Quotas');
  if (!docs.some((d) => d.rules.length)) return { findings: [], judgements, noData };
  const out: Diagnostic[] = [];
  let cal: WorkCalendar | undefined;
  try {
    cal = calendarOf(ws);
  } catch (e) {
    // The calendar-conflict rule reports it at the dates; working-day quotas are skipped.
    if (!(e instanceof CalendarConflictError)) throw e;
  }
  const fold = foldActivity(ws);
  const envs = new Map<AllianceEntry, Env>();
  const gaps = new Map<number, QuotaRule>();
  for (const doc of docs) {
    const alliance = ws.allianceFor(doc.alliance);
    if (!alliance) continue; // references reports it
    let env = envs.get(alliance);
    if (!env) envs.set(alliance, (env = new Env(ws, alliance, fold, asOf, cal)));
    for (const rule of doc.rules) evaluate(env, rule, out, gaps, judgements, noData);
  }
  for (const [y, rule] of [...gaps].sort(([a], [b]) => a - b)) {
    const e = new CalendarGapError(y);
    out.push(diagAt('calendar/gap', 'error', rule, undefined, e.text, { hint: e.hint, data: { year: y, quota: rule.id } }));
  }
  return { findings: out, judgements, noData };
}

export const quotas: Rule = {
  id: 'quotas',
  meta: { description: t('考核指标每期达标', 'Quotas are met in every closed period'), defaultSeverity: 'error', codes: [QUOTA_CODES] },
  check(ws, ctx) {
    const asOf = ctx.asOf;
    if (!asOf) return [];
    return [...evaluateQuotas(ws, asOf).findings];
  },
};
