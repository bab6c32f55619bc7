// expiring/*: things that end within the window — the alliance cycle, assignments, group terms
// (理事会每届任期3年) — so the office prepares the next round in time.
import { isAssumed, quoteValue } from '../model/assumed.js';
import { t, type Diagnostic } from '../model/diagnostic.js';
import { addDays, daysBetween, isoDate, parseIso } from '../time/dates.js';
import { diagAt } from './report.js';
import type { Rule, RuleContext } from './rule.js';
import { family } from '../codes/declare.js';

/** The codes this rule raises. */
export const EXPIRING_CODES = family('expiring', t('到期', 'ending'), {
  cycle: {
    severity: 'warning',
    label: t('周期到期', 'cycle ends'),
    description: t('医联体的建设周期即将结束。', 'The alliance\'s cycle ends soon.'),
    help: t('准备总结和下一周期的计划；新周期确定后更新 cycle。', 'Prepare the review and the next plan; update cycle once the new one is set.'),
  },
  term: {
    severity: 'warning',
    label: t('任期届满', 'term ends'),
    description: t('工作组的本届任期即将届满。', 'A group\'s term ends soon.'),
    help: t('准备换届，换届后更新 term 和 members。', 'Prepare the new term, then update term and members.'),
  },
  'term-expired': {
    severity: 'warning',
    label: t('任期已满', 'term ended'),
    description: t('工作组的任期已经届满。', 'A group\'s term has ended.'),
    help: t('换届后更新 term 和 members。', 'Update term and members after the new term begins.'),
  },
  assignment: {
    severity: 'info',
    label: t('下派到期', 'posting ends'),
    description: t('人员的下派即将结束。', 'A posting ends soon.'),
    help: t('安排接替人员，或延长 end。', 'Arrange a successor, or extend end.'),
  },
});

/** Last day of a term of `years` years that starts on `start`. */
export function termEnd(start: string, years: number): string {
  const { y, m, d } = parseIso(start);
  const end = isoDate(y + years, m, Math.min(d, m === 2 ? 28 : d));
  return addDays(end, -1);
}

export const expiring: Rule = {
  id: 'expiring',
  meta: { description: t('周期、下派、任期即将到期', 'Cycles, assignments and terms ending soon'), defaultSeverity: 'warning', codes: [EXPIRING_CODES] },
  check(ws, ctx: RuleContext) {
    const asOf = ctx.asOf;
    if (!asOf) return [];
    const soon = addDays(asOf, ctx.withinDays ?? 14);
    const within = (end: string) => end >= asOf && end <= soon;
    const out: Diagnostic[] = [];
    for (const a of ws.alliances) {
      const c = a.data.cycle;
      if (c && within(c.end)) {
        const end = quoteValue(c.end, isAssumed(c, 'end')); // an end the notice does not print says so
        out.push(diagAt('expiring/cycle', 'warning', c, 'end', t(`「${a.data.name}」的周期将于 ${end.zh} 结束（还有 ${daysBetween(asOf, c.end)} 天）。`, `The cycle of ${a.data.name} ends on ${end.en}.`), { data: { due: c.end } }));
      }
      for (const g of a.data.groups ?? []) {
        if (!g.term) continue;
        const end = termEnd(g.term.start, g.term.years);
        const q = quoteValue(end, isAssumed(g.term, 'start') || isAssumed(g.term, 'years'));
        if (within(end))
          out.push(diagAt('expiring/term', 'warning', g, 'term', t(`「${g.name}」本届任期将于 ${q.zh} 届满，请准备换届。`, `The term of ${g.name} ends on ${q.en}.`), { data: { due: end } }));
        else if (end < asOf)
          out.push(diagAt('expiring/term-expired', 'warning', g, 'term', t(`「${g.name}」任期已于 ${q.zh} 届满，请更新 term。`, `The term of ${g.name} ended on ${q.en}; update term.`), { data: { due: end } }));
      }
    }
    for (const r of ws.data('Roster'))
      for (const asg of r.assignments)
        if (asg.end && within(asg.end)) {
          const end = quoteValue(asg.end, isAssumed(asg, 'end') || isAssumed(r));
          out.push(diagAt('expiring/assignment', 'info', asg, 'end', t(`「${asg.person}」在「${asg.target}」的下派将于 ${end.zh} 结束。`, `${asg.person}'s assignment at ${asg.target} ends on ${end.en}.`), { data: { due: asg.end } }));
        }
    return out;
  },
};
