// The one judgement of quotas as of a date (FORMAT.md, Quotas): every rule × period, and in it
// every subject (person, assignment, unit or the alliance) measured on its active days. A period
// is closed (its end is before the as-of date), open (it holds the as-of date: what is measured
// so far and what is still needed) or not yet owed. A subject in a closed period is satisfied or
// short (prorated when it was active for part of the period, judged on what there is when the
// log covers only some months); what cannot be judged says why (no data, no calendar). Each
// judgement carries the evidence that decided it. `check` words these (rules/quota-wording.ts),
// `report` and the ics calendar show them: neither re-derives a period or a status. Pure.
import type { AllianceEntry, Workspace } from '../load/workspace.js';
import { isAssumed, ASSUMED_LABEL } from '../model/assumed.js';
import { t, type Text } from '../model/diagnostic.js';
import type { QuotaRule } from '../model/kinds.js';
import { meetsSeniority } from '../money/grade.js';
import { calendarOf } from '../rules/calendar-of.js';
import { foldActivity, parseComparison, unitMatches, type Interval } from '../rules/quota-measures.js';
import { CalendarConflictError, CalendarGapError, type WorkCalendar } from '../time/calendar.js';
import { yearEarlier, type Period } from '../time/periods.js';
import { LOG_MEASURES, measure, measureScope, pct, workdaysIn, type MeasureScope, type NoDataReason, type NoteNoData } from './quota-measure.js';
import { activeIn, FAR, QuotaEnv, rulePeriods, subjectsOf, type Subject } from './quota-subjects.js';

const EPS = 1e-9;
/** Measures summed over time: a partial period prorates their `min`. */
const ADDITIVE = new Set(['count', 'halfDays', 'workdays', 'batches', 'visits', 'trainees']);
/** Measures a `rise` may compare with last year: figures, which the Indicators hold per period. */
export const RISES = new Set(['ratio', 'share', 'value']);
const OF_WORDS: Record<string, string> = { 'staff.professional': '专技人数', 'staff.total': '职工人数' };

/** One bound a value is held to: `min` (prorated), `minRatio` × staff, `max`, or last year's value (`rise`). */
export interface QuotaCheck {
  /** rise: above the same period a year earlier (`required` is that period's value). */
  kind: 'min' | 'max' | 'rise';
  required: number;
  /** The rule's own `min` before proration. */
  orig?: number;
  /** How a `minRatio` requirement was worked out (专技人数 120 × 10% = 12). */
  basis?: Text;
  failed: boolean;
}

/** What decided a judgement: which records were counted, from which files. */
export interface QuotaEvidence {
  source: 'ActivityLog' | 'Roster' | 'Training' | 'Indicators';
  /** Log entries, assignments, trainees or Indicators entries counted. */
  records: number;
  /** The files those records were read from (as loaded). */
  files: string[];
}

/** One subject judged in one period of one quota. */
export interface QuotaJudgement {
  quota: string;
  text: string;
  /** The alliance id (else name) the Quotas document belongs to. */
  alliance: string;
  each: QuotaRule['each'];
  measure?: QuotaRule['measure'];
  /** Period key (`2021-06`, `2021-Q2` …). */
  period: string;
  periodStart: string;
  periodEnd: string;
  subject: string;
  kind: Subject['kind'];
  /**
   * satisfied / short: the period has closed. open: the period holds the as-of date and the
   * subject has not met it yet (value so far, `stillNeeded`); met early it is satisfied.
   */
  state: 'satisfied' | 'short' | 'open';
  value: number;
  /** The bound shown (the failed one, else the first); after proration. */
  required?: number;
  bound?: QuotaCheck['kind'];
  met: boolean;
  /** For a `rise`: the same period a year earlier, and its value. */
  previous?: { period: string; value: number; shown?: Text };
  /** For an open period: what is still needed to reach the minimum. */
  stillNeeded?: number;
  /** value and required are fractions (ratio, share). */
  fraction: boolean;
  /** Judged on a log that covers only some months of the period. */
  incomplete?: boolean;
  prorated?: boolean;
  /** The requirement rests on a value marked `assumed` (the rule's bound, or the unit's staff). */
  assumed?: true;
  checks: QuotaCheck[];
  /** Proration: the subject's working days in the period of the period's. */
  pro?: { wa: number; wp: number; from: string; to: string };
  /** A ratio or share as its parts. */
  shown?: Text;
  /** Nobody recorded anything at all (person/assignment log measures). */
  absent?: boolean;
  /** Months of the active part the log does not cover. */
  missingMonths?: readonly string[];
  staff?: number;
  evidence: QuotaEvidence;
}

/** A `require` rule (seniority of whoever is posted), judged once per assignment. */
export interface RequireJudgement {
  quota: string;
  text: string;
  alliance: string;
  rule: QuotaRule;
  subject: string;
  person: string;
  /** The person's title and since when, as the roster says. */
  title?: string;
  titleSince?: string;
  start: string;
  span: [string, string];
  state: 'satisfied' | 'short' | 'cannot-judge';
  /** short: the grade found, and the years in title when that decided it. */
  grade?: string;
  years?: number;
  /** cannot-judge: no grade can be told from the title, or the years need titleSince. */
  reason?: 'no-grade' | 'no-titleSince';
  assumed?: true;
  /** The assignment's place in the roster. */
  evidence: { file?: string; line?: number };
}

/** One period of one quota: its state as of the date and every subject judged in it. */
export interface QuotaPeriodJudgement {
  quota: string;
  text: string;
  alliance: string;
  rule: QuotaRule;
  period: Period;
  /** closed: end before the as-of date; open: holds it; not-yet-owed: starts after it. */
  time: 'closed' | 'open' | 'not-yet-owed';
  subjects: QuotaJudgement[];
  /** Why some or all subjects could not be judged (closed periods). */
  noData: NoDataReason[];
  /** The year the working-day calendar lacks, when that stopped the judgement. */
  calendarGap?: number;
}

/** A rule that could not be judged for want of data, and in which periods. */
export interface QuotaNoData {
  quota: string;
  alliance: string;
  rule: QuotaRule;
  reason: NoDataReason;
  /** The periods concerned, sorted; empty: every period (no cycle, no span) or none named. */
  periods: string[];
  /** period → units or subjects lacking data ('' for none named), in the order found. */
  subjects: Map<string, string[]>;
}

export interface QuotaVerdicts {
  asOf: string;
  through: string;
  /** Every rule judged, in document order. */
  rules: QuotaRule[];
  periods: QuotaPeriodJudgement[];
  requirements: RequireJudgement[];
  noData: QuotaNoData[];
  /** Years the official calendar lacks, each with the first rule that needed it. */
  gaps: { year: number; rule: QuotaRule }[];
}

// ------------------------------------------------------------------ one subject in one period

/**
 * What every subject of one rule shares in one period, worked out once per period rather than
 * once per subject: the period's working days (or the calendar gap that stops them, rethrown
 * for each subject that needs them, as computing them again would) and the evidence files.
 */
interface PeriodFacts {
  pj: QuotaPeriodJudgement;
  open: boolean;
  workdays?: number | CalendarGapError;
  files?: string[];
}

/** The period's working days. @throws CalendarGapError when the calendar lacks a year of it. */
function periodWorkdays(cal: WorkCalendar, pf: PeriodFacts): number {
  if (pf.workdays === undefined) {
    try {
      pf.workdays = cal.workdaysBetween(pf.pj.period.start, pf.pj.period.end);
    } catch (e) {
      if (!(e instanceof CalendarGapError)) throw e;
      pf.workdays = e;
    }
  }
  if (pf.workdays instanceof CalendarGapError) throw pf.workdays;
  return pf.workdays;
}

/** What one rule's judgements share across subjects and periods. */
interface RuleFacts {
  rule: QuotaRule;
  measure: NonNullable<QuotaRule['measure']>;
  additive: boolean;
  fraction: boolean;
  source: QuotaEvidence['source'];
  scope: MeasureScope;
}

function ruleFacts(rule: QuotaRule): RuleFacts {
  const m = rule.measure!;
  const source = LOG_MEASURES.has(m) ? 'ActivityLog' : m === 'batches' || m === 'people' ? 'Roster' : m === 'trainees' ? 'Training' : 'Indicators';
  return { rule, measure: m, additive: ADDITIVE.has(m), fraction: m === 'share' || m === 'ratio', source, scope: measureScope(rule) };
}

/**
 * Judge a subject over `active` (its days in the period). For an open period the value is
 * measured up to the as-of date and held to the whole period's requirement.
 * @throws CalendarGapError when working days are needed in a year the calendar lacks.
 */
function judgeSubject(env: QuotaEnv, rf: RuleFacts, s: Subject, pf: PeriodFacts, active: Interval[], note: NoteNoData): QuotaJudgement | undefined {
  const { rule, measure: m } = rf;
  const { period: p } = pf.pj;
  const open = pf.open;
  // Proration: the share of the period's working days the scope was active.
  let pro: QuotaJudgement['pro'];
  const whole = active.length === 1 && active[0]![0] === p.start && active[0]![1] === p.end;
  if (!env.cal && (m === 'workdays' || (!whole && rf.additive))) return undefined;
  if (!whole && rf.additive) {
    const wp = periodWorkdays(env.cal!, pf);
    const wa = workdaysIn(env.cal!, active);
    if (wp > 0 && wa < wp) pro = { wa, wp, from: active[0]![0], to: active[active.length - 1]![1] };
  }
  // Working days need the official calendar for the whole period: a gap throws here, before
  // anyone is judged on a guess.
  if (m === 'workdays' && !pro) periodWorkdays(env.cal!, pf);
  const measured = open ? clipTo(active, env.asOf) : active;
  if (!measured.length) return undefined;
  const got = measure(env, rule, rf.scope, s, p, measured, note);
  if (!got) return undefined;
  // 上年同期: measured the same way; without it a rise cannot be judged (never a silent pass)
  let previous: QuotaJudgement['previous'];
  if (rule.rise !== undefined) {
    const q = yearEarlier(p);
    const last = measure(env, rule, rf.scope, s, q, [[q.start, q.end]], (r, _period, subject) => note(r === 'no-indicators' ? 'no-last-year' : r, p.key, subject));
    if (!last) return undefined;
    previous = { period: q.key, value: last.value };
    if (last.shown) previous.shown = last.shown;
  }
  const f = pro ? pro.wa / pro.wp : 1;

  const checks: QuotaCheck[] = [];
  const below = (required: number) => required > 0 && got.value + EPS < required;
  if (rule.min !== undefined) {
    const required = pro ? Math.round(rule.min * f) : rule.min;
    checks.push({ kind: 'min', required, orig: rule.min, failed: below(required) });
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
      failed: below(required),
    });
  }
  if (rule.max !== undefined) checks.push({ kind: 'max', required: rule.max, failed: got.value > rule.max + EPS });
  if (previous) checks.push({ kind: 'rise', required: previous.value, failed: got.value <= previous.value + EPS });

  let failed: QuotaCheck | undefined;
  let stillNeeded: number | undefined;
  for (const ch of checks) {
    if (!ch.failed) continue;
    failed ??= ch;
    if (ch.kind === 'min' && (stillNeeded === undefined || ch.required - got.value > stillNeeded)) stillNeeded = ch.required - got.value;
  }
  const shown = failed ?? checks[0];
  const j: QuotaJudgement = {
    quota: rule.id,
    text: rule.text,
    alliance: env.id,
    each: rule.each,
    measure: m,
    period: p.key,
    periodStart: p.start,
    periodEnd: p.end,
    subject: s.label,
    kind: s.kind,
    state: !failed ? 'satisfied' : open ? 'open' : 'short',
    value: got.value,
    met: !failed,
    fraction: rf.fraction,
    checks,
    evidence: { source: rf.source, records: got.records ?? 0, files: (pf.files ??= env.filesOf(rf.source, p.start, p.end)) },
  };
  // the optional facts only where they hold, as the judgement's readers test for them
  if (shown) {
    j.required = shown.required;
    j.bound = shown.kind;
    if (isAssumed(rule, shown.kind === 'rise' ? 'rise' : shown.orig !== undefined ? 'min' : shown.kind === 'max' ? 'max' : 'minRatio') || (shown.basis && isAssumed(s.unit, 'staff'))) j.assumed = true;
  }
  if (previous) j.previous = previous;
  if (open && stillNeeded !== undefined) j.stillNeeded = stillNeeded;
  if (got.missing?.length) {
    if (failed) j.incomplete = true;
    j.missingMonths = got.missing;
  }
  if (pro) {
    j.prorated = true;
    j.pro = pro;
  }
  if (got.shown) j.shown = got.shown;
  if (got.absent) j.absent = true;
  if (got.staff !== undefined) j.staff = got.staff;
  return j;
}

const clipTo = (xs: Interval[], to: string): Interval[] => xs.flatMap(([a, b]) => (a > to ? [] : [[a, b < to ? b : to] as Interval]));

// ------------------------------------------------------------------ require (per assignment)

function judgeRequire(env: QuotaEnv, rule: QuotaRule): RequireJudgement[] {
  const req = rule.require!;
  if (!req.minGrade && !req.orTitle) return [];
  const out: RequireJudgement[] = [];
  for (const x of env.assignments) {
    if (!unitMatches(rule, x.target)) continue;
    const base = {
      quota: rule.id,
      text: rule.text,
      alliance: env.id,
      rule,
      subject: `${x.person.name}（${env.label(x.target)}，${x.a.start} 起）`,
      person: x.person.name,
      ...(x.person.title ? { title: x.person.title } : {}),
      ...(x.person.titleSince ? { titleSince: x.person.titleSince } : {}),
      start: x.a.start,
      span: [x.a.start, x.a.end ?? FAR] as [string, string],
      ...(isAssumed(rule, 'require') ? { assumed: true as const } : {}),
      evidence: env.placeOf(x.a),
    };
    const v = meetsSeniority(x.person, x.a.start, req);
    if ('unknown' in v) out.push({ ...base, state: 'cannot-judge', reason: v.unknown === 'no-grade' ? 'no-grade' : 'no-titleSince', ...(v.unknown === 'no-grade' ? {} : { grade: v.grade }) });
    else if (v.ok) out.push({ ...base, state: 'satisfied' });
    else out.push({ ...base, state: 'short', grade: v.grade, ...(v.years !== undefined ? { years: v.years } : {}) });
  }
  return out;
}

// ------------------------------------------------------------------ one rule

/** Whether a measured rule is written completely enough to judge (quota-definitions reports the rest). */
function judgeable(rule: QuotaRule): boolean {
  const m = rule.measure;
  if (!m || !rule.per) return false;
  if (rule.min === undefined && rule.max === undefined && rule.minRatio === undefined && rule.rise === undefined) return false;
  if (rule.rise !== undefined && !RISES.has(m)) return false;
  if ((m === 'ratio' && (!rule.num || !rule.den)) || (m === 'share' && !rule.where) || (m === 'value' && !rule.field)) return false;
  return !(m === 'share' && Object.values(rule.where ?? {}).some((v) => !parseComparison(v)));
}

/** One rule's judgements: what `check` words and then drops before judging the next rule. */
export interface RuleVerdicts {
  rule: QuotaRule;
  periods: QuotaPeriodJudgement[];
  requirements: RequireJudgement[];
  noData: QuotaNoData[];
}

/**
 * Where a subject's judgement goes: into its period's `subjects` (report and the calendar show
 * them), or straight to a reader that words it and lets it go (check).
 */
export type JudgementSink = (pj: QuotaPeriodJudgement, j: QuotaJudgement) => void;
const keepInPeriod: JudgementSink = (pj, j) => pj.subjects.push(j);

function judgeRule(env: QuotaEnv, rule: QuotaRule, through: string, gaps: Map<number, QuotaRule>, sink: JudgementSink = keepInPeriod): RuleVerdicts {
  const v: RuleVerdicts = { rule, periods: [], requirements: rule.require ? judgeRequire(env, rule) : [], noData: [] };
  if (!judgeable(rule)) return v;
  const noData = new Map<NoDataReason, Map<string, string[]>>();
  const note = (reason: NoDataReason, period: string, subject = '') => {
    let m = noData.get(reason);
    if (!m) noData.set(reason, (m = new Map()));
    const s = m.get(period) ?? [];
    if (subject && !s.includes(subject)) s.push(subject);
    m.set(period, s);
  };
  const subjects = subjectsOf(env, rule);
  const found = rulePeriods(env, rule, subjects, through);
  if (subjects === 'no-span') note('no-span', '');
  else if (found === 'no-cycle' && subjects.length) note('no-cycle', '');
  const periods = subjects === 'no-span' || found === 'no-cycle' ? [] : found;
  const asOf = env.asOf;
  const judged = periods.map((p): QuotaPeriodJudgement => ({
    quota: rule.id,
    text: rule.text,
    alliance: env.id,
    rule,
    period: p,
    time: p.end < asOf ? 'closed' : p.start > asOf ? 'not-yet-owed' : 'open',
    subjects: [],
    noData: [],
  }));
  const rf = ruleFacts(rule);
  const owed = judged.filter((pj) => pj.time !== 'not-yet-owed').map((pj): PeriodFacts => ({ pj, open: pj.time === 'open' }));
  // an open period that has no log yet is not a want of data: the month is not over
  const ignore: NoteNoData = () => {};
  // subject by subject (the order findings list them in), each over its periods
  for (const s of subjects === 'no-span' ? [] : subjects)
    for (const pf of owed) {
      const pj = pf.pj;
      const active = activeIn(s, pj.period);
      if (!active.length) continue;
      try {
        const j = judgeSubject(env, rf, s, pf, active, pf.open ? ignore : note);
        if (j) sink(pj, j);
      } catch (e) {
        if (!(e instanceof CalendarGapError)) throw e;
        pj.calendarGap = e.year;
        if (!pf.open && !gaps.has(e.year)) gaps.set(e.year, rule); // reported once, at the first rule that needs it
      }
    }
  for (const pj of judged) pj.noData = [...noData].filter(([, byPeriod]) => byPeriod.has(pj.period.key) || byPeriod.has('')).map(([r]) => r);
  v.periods = judged;
  for (const [reason, byPeriod] of noData)
    v.noData.push({ quota: rule.id, alliance: env.id, rule, reason, periods: [...byPeriod.keys()].filter(Boolean).sort(), subjects: byPeriod });
  return v;
}

// ------------------------------------------------------------------ the workspace

const cache = new WeakMap<Workspace, Map<string, QuotaVerdicts>>();

/** The last day of the 12th month after the as-of month: how far ahead periods are judged by default. */
export function quotaHorizon(asOf: string): string {
  const y = Number(asOf.slice(0, 4)) + 1;
  return `${y}${asOf.slice(4, 7)}-${String(new Date(Date.UTC(y, Number(asOf.slice(5, 7)), 0)).getUTCDate()).padStart(2, '0')}`;
}

/**
 * Every quota of the workspace as of a date, with its periods up to `through` (default: 12
 * months ahead, quotaHorizon; periods after the as-of date come out open or not yet owed). Cached per Workspace and dates, so `check`,
 * `report` and the calendar in one run judge once.
 */
export function judgeQuotas(ws: Workspace, asOf: string, through: string = quotaHorizon(asOf)): QuotaVerdicts {
  let byKey = cache.get(ws);
  if (!byKey) cache.set(ws, (byKey = new Map()));
  const key = `${asOf}/${through}`;
  let v = byKey.get(key);
  if (!v) {
    v = { asOf, through: through < asOf ? asOf : through, rules: [], periods: [], requirements: [], noData: [], gaps: [] };
    const all = v;
    all.gaps = judgeEachRule(ws, asOf, through, (r) => {
      all.rules.push(r.rule);
      all.periods.push(...r.periods);
      all.requirements.push(...r.requirements);
      all.noData.push(...r.noData);
    });
    byKey.set(key, v);
  }
  return v;
}

/** The verdicts judgeQuotas has already made for these dates, if any (nothing is judged here). */
export function cachedQuotas(ws: Workspace, asOf: string, through: string = quotaHorizon(asOf)): QuotaVerdicts | undefined {
  return cache.get(ws)?.get(`${asOf}/${through}`);
}

/**
 * Judge the workspace's quotas rule by rule, in document order, handing each rule's verdicts to
 * `each` before judging the next. With a `sink`, every subject's judgement goes there as it is
 * made instead of into its period: check words it at once and keeps none of a province's
 * 120,000 (kept, even a rule's worth at a time, V8 came to allocate them all in the old heap,
 * 40 MB more at the peak). Returns the years the official calendar lacks, each with the first
 * rule that needed it.
 */
export function judgeEachRule(ws: Workspace, asOf: string, through: string, each: (r: RuleVerdicts) => void, sink?: JudgementSink): QuotaVerdicts['gaps'] {
  if (through < asOf) through = asOf;
  const docs = ws.data('Quotas');
  if (!docs.some((d) => d.rules.length)) return [];
  let cal: WorkCalendar | undefined;
  try {
    cal = calendarOf(ws);
  } catch (e) {
    // The calendar rule reports it at the dates; working-day quotas are skipped.
    if (!(e instanceof CalendarConflictError)) throw e;
  }
  const fold = foldActivity(ws);
  const envs = new Map<AllianceEntry, QuotaEnv>();
  const gaps = new Map<number, QuotaRule>();
  for (const doc of docs) {
    const alliance = ws.allianceFor(doc.alliance);
    if (!alliance) continue; // references reports it
    let env = envs.get(alliance);
    if (!env) envs.set(alliance, (env = new QuotaEnv(ws, alliance, fold, asOf, cal)));
    for (const rule of doc.rules) each(judgeRule(env, rule, through, gaps, sink));
  }
  return [...gaps].sort(([a], [b]) => a - b).map(([year, rule]) => ({ year, rule }));
}

/** The closed-period subject judgements of a verdict set (what check's findings count). */
export const closedJudgements = (v: QuotaVerdicts): QuotaJudgement[] => v.periods.filter((p) => p.time === 'closed').flatMap((p) => p.subjects);
