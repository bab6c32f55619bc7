// How the quota judgements (judge/quotas.ts) read as findings: one quota/below or quota/above per
// subject and bound that fell short in a closed period, the people with no entries at all
// grouped per period, shortfalls on an incomplete log as one warning per period, one
// quota/no-data warning per rule and reason, quota/unqualified per assignment. Words only: every
// number comes from the judgement.
import { ASSUMED_LABEL, isAssumed } from '../model/assumed.js';
import { t, type Diagnostic, type Text } from '../model/diagnostic.js';
import type { QuotaRule } from '../model/kinds.js';
import type { QuotaJudgement, QuotaNoData, QuotaPeriodJudgement, RequireJudgement } from '../judge/quotas.js';
import { listText, pct } from '../judge/quota-measure.js';
import { where } from './report.js';
import { QUOTA_CODES } from './quota-codes.js';
import { parsePeriodKey, yearEarlier } from '../time/periods.js';

const UNIT_WORDS: Record<string, { zh: string; short: string; en: string }> = {
  count: { zh: '次', short: '次', en: 'time(s)' },
  halfDays: { zh: '个半天', short: '个', en: 'half-day(s)' },
  workdays: { zh: '个工作日', short: '个', en: 'working day(s)' },
  batches: { zh: '批', short: '批', en: 'batch(es)' },
  people: { zh: '人', short: '人', en: 'person(s)' },
  trainees: { zh: '人', short: '人', en: 'trainee(s)' },
  visits: { zh: '天', short: '天', en: 'day(s)' },
};

/** What a measure counts, before its number (门诊、查房 3 个工作日). */
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

/** The measured value as a message quotes it (门诊、查房、带教 3 个工作日; a ratio as its parts). */
export function valueText(rule: QuotaRule, j: Pick<QuotaJudgement, 'value' | 'shown'>): Text {
  const words = UNIT_WORDS[rule.measure ?? ''];
  const what = whatOf(rule);
  return j.shown ?? t(`${what.zh}${j.value} ${words?.zh ?? ''}`.trimEnd(), `${what.en}${j.value} ${words?.en ?? ''}`.trimEnd());
}

/** A requirement as a message quotes it: 4 个, or 40% for fractions. */
export function requiredText(rule: QuotaRule, fraction: boolean, required: number): Text {
  if (fraction) return t(pct(required), pct(required));
  const words = UNIT_WORDS[rule.measure ?? ''];
  return t(`${required} ${words?.short ?? ''}`.trimEnd(), `${required} ${words?.en ?? ''}`.trimEnd());
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
  'no-last-year': {
    zh: '缺少上年同期的指标数据（Indicators），不能与上年比较',
    en: 'no Indicators figures for the same period a year earlier to compare with',
    hint: t('在 Indicators 中补充上年同期（期间写法同本期，年份减一）的数据。', 'Add the figures of the same period a year earlier (the same period key, a year back) to an Indicators document.'),
  },
  'zero-den': { zh: '分母为 0', en: 'the denominator is 0', hint: t('检查 Indicators 中的数据。', 'Check the Indicators figures.') },
};

function noDataFindings(n: QuotaNoData): Diagnostic[] {
  const { rule, reason, periods } = n;
  const out: Diagnostic[] = [];
  const base = { quota: rule.id, text: rule.text };
  const subjects = [...new Set([...n.subjects.values()].flat())];
  const extra = (hint?: Text, data: Record<string, unknown> = {}) => ({ ...where(rule), ...(hint ? { hint } : {}), data: { ...base, reason, ...data } });
  const addCycle = t('在 Alliance 中写 cycle: { start, end }。', 'Add cycle: { start, end } to the Alliance.');
  const r = rule.text;
  if (reason === 'no-span') out.push(QUOTA_CODES.raise('quota/no-data', 'noSpan', { rule: r }, extra(addCycle)));
  else if (reason === 'no-cycle') out.push(QUOTA_CODES.raise('quota/no-data', 'noCycle', { rule: r }, extra(addCycle)));
  else if (reason === 'no-staff') {
    const hint = t(`在 Alliance 的单位上写 staff: { professional: 人数 }。`, 'Add staff: { professional: N } to these units in the Alliance.');
    out.push(QUOTA_CODES.raise('quota/no-data', 'noStaff', { of: rule.of ?? 'staff.professional', units: listText(subjects), rule: r }, extra(hint, { subjects })));
  } else if (reason === 'no-indicators' || reason === 'zero-den' || reason === 'no-last-year') {
    const w = NO_DATA[reason]!;
    for (const period of periods) {
      const subs = n.subjects.get(period)!;
      const last = reason === 'no-last-year' ? yearEarlier(parsePeriodKey(period)!).key : undefined;
      const missing = last ? t(`${w.zh}（${last}）`, `${w.en} (${last})`) : t(w.zh, w.en);
      out.push(QUOTA_CODES.raise('quota/no-data', 'unitsInPeriod', { period, missing, units: listText(subs), rule: r }, extra(w.hint, { period, subjects: subs, ...(last ? { previous: last } : {}) })));
    }
  } else {
    const w = NO_DATA[reason]!;
    out.push(QUOTA_CODES.raise('quota/no-data', 'periods', { periods: listText(periods), missing: t(w.zh, w.en), rule: r }, extra(w.hint, { periods })));
  }
  return out;
}

/**
 * The findings of one closed period, worded a subject at a time (`add`) so that check need not
 * keep the judgements: shortfalls per subject, then the absent, then an incomplete log (`end`).
 */
export class PeriodWording {
  private readonly out: Diagnostic[] = [];
  private readonly absent: string[] = [];
  private readonly partial: { subject: string; value: number; required: number; missing: readonly string[] }[] = [];

  constructor(private readonly pj: QuotaPeriodJudgement) {}

  add(j: QuotaJudgement): void {
    for (const ch of j.checks) if (ch.failed) for (const d of shortfall(this.pj.rule, j, ch, this.absent, this.partial)) this.out.push(d);
  }

  end(): Diagnostic[] {
    const { rule, period: p } = this.pj;
    const { out, absent, partial } = this;
    if (absent.length) {
      const l = listText(absent, 50);
      out.push(
        QUOTA_CODES.raise('quota/below', 'absent', { period: p.key, count: absent.length, rule: rule.text, people: l }, {
          ...where(rule),
          hint: t('如确有下沉工作，请补记录；否则属实未完成。', 'If they did work on site, add their entries; otherwise the shortfall stands.'),
          data: { quota: rule.id, text: rule.text, period: p.key, subjects: absent, value: 0 },
        }),
      );
    }
    if (partial.length) {
      const missing = [...new Set(partial.flatMap((x) => x.missing))].sort();
      const lz = listText(partial.map((x) => `${x.subject} ${x.value}/${x.required}`), 50);
      out.push(
        QUOTA_CODES.raise('quota/no-data', 'partialLog', { period: p.key, months: listText(missing), subjects: lz, rule: rule.text }, {
          ...where(rule),
          hint: NO_DATA['no-log']!.hint,
          data: { quota: rule.id, text: rule.text, period: p.key, reason: 'partial-log', missingMonths: missing, subjects: partial.map((x) => ({ subject: x.subject, value: x.value, required: x.required })) },
        }),
      );
    }
    return out;
  }
}

/** The findings of one closed period from the judgements kept in it. */
function periodFindings(pj: QuotaPeriodJudgement): Diagnostic[] {
  const w = new PeriodWording(pj);
  for (const j of pj.subjects) w.add(j);
  return w.end();
}

function shortfall(rule: QuotaRule, j: QuotaJudgement, ch: QuotaJudgement['checks'][number], absent: string[], partial: { subject: string; value: number; required: number; missing: readonly string[] }[]): Diagnostic[] {
  const words = UNIT_WORDS[rule.measure ?? ''];
  const fmt = (x: number) => (j.fraction ? pct(x) : String(x));
  const unitShort = j.fraction ? '' : ` ${words?.short ?? ''}`;
  const unitEn = j.fraction ? '' : ` ${words?.en ?? ''}`;
  const v = valueText(rule, j);
  // Written out, not spread: V8 gives each `{ ...base, … }` of these 45,000 findings a hidden
  // class of its own (12 MB of maps at province scale); literals of one shape share one.
  const facts = (required: number): Record<string, unknown> => ({ quota: rule.id, text: rule.text, period: j.period, subject: j.subject, value: j.value, required });
  if (ch.kind === 'max')
    return [
      QUOTA_CODES.raise(
        'quota/above',
        { subject: j.subject, period: j.period, value: v, required: t(`${fmt(ch.required)}${unitShort}`, `${fmt(ch.required)}${unitEn}`), rule: rule.text },
        { ...where(rule), data: facts(ch.required) },
      ),
    ];
  if (ch.kind === 'rise') return [notRising(rule, j, v)];
  if (j.missingMonths?.length) {
    partial.push({ subject: j.subject, value: j.value, required: ch.required, missing: j.missingMonths });
    return [];
  }
  if (j.absent) {
    absent.push(j.subject);
    return [];
  }
  const pro = j.pro;
  const data = facts(ch.required);
  if (pro) data.prorated = { from: ch.orig ?? ch.basis?.en, workdays: pro.wa, periodWorkdays: pro.wp };
  // A threshold the source does not state (`assumed: [min]`) says so where it is quoted.
  const flag = isAssumed(rule, ch.orig !== undefined ? 'min' : 'minRatio') ? t(`（${ASSUMED_LABEL.zh}）`, ` (${ASSUMED_LABEL.en})`) : t('', '');
  let pn: Text | undefined;
  if (pro) {
    const orig = ch.orig !== undefined ? t(`${fmt(ch.orig)}${unitShort}`, `${fmt(ch.orig)}${unitEn}`) : ch.basis!;
    const dutyZh = j.kind === 'person' || j.kind === 'assignment' ? '在岗' : '在周期内';
    const range = pro.from === j.periodStart ? `${dutyZh}至 ${pro.to}` : pro.to === j.periodEnd ? `${pro.from} 起${dutyZh}` : `${pro.from} 至 ${pro.to} ${dutyZh}`;
    const rangeEn = pro.from === j.periodStart ? `until ${pro.to}` : pro.to === j.periodEnd ? `from ${pro.from}` : `${pro.from} to ${pro.to}`;
    pn = t(`按工作日折算：${range}，${pro.wa}/${pro.wp} 个工作日，原要求 ${orig.zh}`, `prorated by working days: active ${rangeEn}, ${pro.wa}/${pro.wp} working days, of ${orig.en}`);
  }
  const extraZh = [ch.basis && !pro ? ch.basis.zh : undefined, pn?.zh].filter(Boolean).join('；');
  const extraEn = [ch.basis && !pro ? ch.basis.en : undefined, pn?.en].filter(Boolean).join('; ');
  const said = {
    subject: j.subject,
    period: j.period,
    value: v,
    required: t(`${fmt(ch.required)}${unitShort}`, `${fmt(ch.required)}${unitEn}`),
    flag,
    basis: t(extraZh ? `（${extraZh}）` : '', extraEn ? ` (${extraEn})` : ''),
    rule: rule.text,
  };
  return [QUOTA_CODES.raise('quota/below', 'below', said, { ...where(rule), data })];
}

/**
 * quota/not-rising: the value is not above the same period a year earlier, both named. Where the
 * rule quotes the source's words (`rise: 合理增长`, no number given) it is a warning that says so.
 */
function notRising(rule: QuotaRule, j: QuotaJudgement, v: Text): Diagnostic {
  const prev = j.previous!;
  const previous = valueText(rule, { value: prev.value, ...(prev.shown ? { shown: prev.shown } : {}) });
  const words = typeof rule.rise === 'string' ? rule.rise : undefined;
  const flag = j.assumed ? t(`（${ASSUMED_LABEL.zh}）`, ` (${ASSUMED_LABEL.en})`) : t('', '');
  const values = { subject: j.subject, period: j.period, value: v, previousPeriod: prev.period, previous, flag, text: rule.text };
  const extra = {
    ...where(rule, 'rise'),
    data: { quota: rule.id, text: rule.text, period: j.period, subject: j.subject, value: j.value, previous: { period: prev.period, value: prev.value }, ...(words ? { words } : {}) },
  };
  return words
    ? QUOTA_CODES.raise('quota/not-rising', 'words', { ...values, words }, { ...extra, severity: 'warning' })
    : QUOTA_CODES.raise('quota/not-rising', 'plain', values, extra);
}

function requireWants(rule: QuotaRule): { zh: string; en: string } {
  const req = rule.require!;
  return {
    zh: [req.minGrade ? `${req.minGrade}及以上` : undefined, req.orTitle ? `${req.orTitle}${req.minYearsInTitle ? `满 ${req.minYearsInTitle} 年` : ''}` : undefined].filter(Boolean).join('，或'),
    en: [req.minGrade ? `${req.minGrade} or above` : undefined, req.orTitle ? `${req.orTitle}${req.minYearsInTitle ? ` for ${req.minYearsInTitle}+ years` : ''}` : undefined].filter(Boolean).join(', or '),
  };
}

/** quota/unqualified, or quota/no-data when the grade or the years cannot be told. */
function requireFinding(r: RequireJudgement): Diagnostic | undefined {
  const { title, titleSince } = r;
  if (r.state === 'satisfied') return undefined;
  const { rule, subject: who } = r;
  const req = rule.require!;
  const want = requireWants(rule);
  const data = { quota: rule.id, text: rule.text, subject: who, person: r.person, start: r.start };
  if (r.state === 'cannot-judge')
    return r.reason === 'no-grade'
      ? QUOTA_CODES.raise('quota/no-data', 'noGrade', { who, title: t(title ?? '未写职称', title ?? 'no title'), want, rule: rule.text }, {
          ...where(rule),
          hint: t('在名单中写明 title 或 grade。', 'Give title or grade in the roster.'),
          data: { ...data, reason: 'no-grade' },
        })
      : QUOTA_CODES.raise('quota/no-data', 'noTitleSince', { who, title: String(title ?? r.grade), min: String(req.minYearsInTitle), rule: rule.text }, {
          ...where(rule),
          hint: t('在名单中写 titleSince: 2012-09。', 'Add titleSince: 2012-09 to the person.'),
          data: { ...data, reason: 'no-titleSince' },
        });
  const grade = r.grade!;
  // 高年资 has no number in the sources: an `assumed: [require]` year count says so.
  const flag = r.assumed ? t(`（年限为${ASSUMED_LABEL.zh}）`, ` (the years are ${ASSUMED_LABEL.en})`) : t('', '');
  return r.years !== undefined
    ? QUOTA_CODES.raise('quota/unqualified', 'years', { who, title: title ?? grade, since: String(titleSince), min: String(req.minYearsInTitle), flag, years: r.years, want, rule: rule.text }, {
        ...where(rule),
        data: { ...data, grade, titleSince, years: r.years },
      })
    : QUOTA_CODES.raise('quota/unqualified', 'grade', { who, title: title ?? grade, grade, want, rule: rule.text }, {
        ...where(rule),
        data: { ...data, grade },
      });
}

/** Everything one rule's judgements say, in the order check lists them. */
export function quotaRuleFindings(
  parts: { requirements: RequireJudgement[]; noData: QuotaNoData[]; periods: QuotaPeriodJudgement[] },
  /** The closed periods already worded subject by subject (their judgements not kept). */
  worded?: ReadonlyMap<QuotaPeriodJudgement, PeriodWording>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const r of parts.requirements) {
    const d = requireFinding(r);
    if (d) out.push(d);
  }
  for (const n of parts.noData) out.push(...noDataFindings(n));
  const closed = parts.periods.filter((p) => p.time === 'closed').sort((a, b) => (a.period.key < b.period.key ? -1 : a.period.key > b.period.key ? 1 : 0));
  for (const pj of closed) out.push(...(worded?.get(pj)?.end() ?? periodFindings(pj)));
  return out;
}
