// quota/*: every Quotas rule, for every scope (`each`) over every period of `per` that has
// closed by the as-of date while the scope was active. The judgement is judge/quotas.ts (who is
// measured: judge/quota-subjects.ts; measuring: judge/quota-measure.ts, on the aggregates of
// quota-measures.ts); this rule only words it (quota-wording.ts). Working days come from the
// official calendar, and a year it does not cover is a calendar/gap error, never a guess.
//
// Missing data is not a shortfall: a period with no activity log at all for the alliance, no
// Indicators entry or no staff figure is one quota/no-data warning per rule (listing the
// periods or units), not an error per person. A period whose log covers only some of its
// months is judged on what is there: a shortfall is then a warning, not an error.
import { t, type Diagnostic } from '../model/diagnostic.js';
import type { QuotaRule } from '../model/kinds.js';
import { cachedQuotas, judgeEachRule, quotaHorizon, type QuotaPeriodJudgement, type QuotaVerdicts } from '../judge/quotas.js';
import { calendarGapFinding } from './calendar-gap.js';
import { PeriodWording, quotaRuleFindings } from './quota-wording.js';
import type { Rule } from './rule.js';
import { QUOTA_CODES } from './quota-codes.js';

/** The codes this rule raises, declared in quota-codes.ts so that the wording module can raise them. */
export { QUOTA_CODES };

/** The findings of a set of quota verdicts, rule by rule in document order, then the calendar gaps. */
export function quotaFindings(v: QuotaVerdicts): Diagnostic[] {
  const byRule = new Map<QuotaRule, Parameters<typeof quotaRuleFindings>[0]>(v.rules.map((r) => [r, { requirements: [], noData: [], periods: [] }]));
  for (const r of v.requirements) byRule.get(r.rule)!.requirements.push(r);
  for (const p of v.periods) byRule.get(p.rule)!.periods.push(p);
  for (const n of v.noData) byRule.get(n.rule)!.noData.push(n);
  return [...[...byRule.values()].flatMap((r) => quotaRuleFindings(r)), ...v.gaps.map((g) => calendarGapFinding(g.year, g.rule))];
}

export const quota: Rule = {
  id: 'quota',
  meta: { description: t('考核指标每期达标', 'Quotas are met in every closed period'), defaultSeverity: 'error', codes: [QUOTA_CODES] },
  check(ws, ctx) {
    const asOf = ctx.asOf;
    if (!asOf) return [];
    // Verdicts a report or calendar already made are worded as they are; otherwise each
    // judgement is worded as it is made and dropped, so a province's 120,000 are never kept.
    const made = cachedQuotas(ws, asOf);
    if (made) return quotaFindings(made);
    const out: Diagnostic[] = [];
    let worded = new Map<QuotaPeriodJudgement, PeriodWording>();
    const gaps = judgeEachRule(
      ws,
      asOf,
      quotaHorizon(asOf),
      (r) => {
        for (const d of quotaRuleFindings(r, worded)) out.push(d);
        worded = new Map();
      },
      // each judgement worded as it is made and dropped; only closed periods are worded
      (pj, j) => {
        if (pj.time !== 'closed') return;
        let w = worded.get(pj);
        if (!w) worded.set(pj, (w = new PeriodWording(pj)));
        w.add(j);
      },
    );
    for (const g of gaps) out.push(calendarGapFinding(g.year, g.rule));
    return out;
  },
};
