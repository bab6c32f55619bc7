// expiring/*: things that end within the window — the alliance cycle, assignments, group terms
// (理事会每届任期3年) — so the office prepares the next round in time. Words the judgements of
// judge/ends.ts.
import { quoteValue } from '../model/assumed.js';
import { t, type Diagnostic } from '../model/diagnostic.js';
import { daysBetween } from '../time/dates.js';
import { judgeEnds } from '../judge/ends.js';
import { where } from './report.js';
import type { Rule, RuleContext } from './rule.js';
import { family, msg } from '../codes/declare.js';

/** The codes this rule raises. */
export const EXPIRING_CODES = family('expiring', t('到期', 'ending'), {
  cycle: {
    severity: 'warning',
    label: t('周期到期', 'cycle ends'),
    description: t('医联体的建设周期即将结束。', 'The alliance\'s cycle ends soon.'),
    help: t('准备总结和下一周期的计划；新周期确定后更新 cycle。', 'Prepare the review and the next plan; update cycle once the new one is set.'),
    message: msg('「{alliance}」的周期将于 {end} 结束（还有 {days} 天）。', 'The cycle of {alliance} ends on {end} (in {days} day(s)).'),
  },
  term: {
    severity: 'warning',
    label: t('任期届满', 'term ends'),
    description: t('工作组的本届任期即将届满。', 'A group\'s term ends soon.'),
    help: t('准备换届，换届后更新 term 和 members。', 'Prepare the new term, then update term and members.'),
    message: msg('「{group}」本届任期将于 {end} 届满，请准备换届。', 'The term of {group} ends on {end}.'),
  },
  'term-expired': {
    severity: 'warning',
    label: t('任期已满', 'term ended'),
    description: t('工作组的任期已经届满。', 'A group\'s term has ended.'),
    help: t('换届后更新 term 和 members。', 'Update term and members after the new term begins.'),
    message: msg('「{group}」任期已于 {end} 届满，请更新 term。', 'The term of {group} ended on {end}; update term.'),
  },
  assignment: {
    severity: 'info',
    label: t('下派到期', 'posting ends'),
    description: t('人员的下派即将结束。', 'A posting ends soon.'),
    help: t('安排接替人员，或延长 end。', 'Arrange a successor, or extend end.'),
    message: msg('「{person}」在「{target}」的下派将于 {end} 结束。', '{person}\'s assignment at {target} ends on {end}.'),
  },
});

export const expiring: Rule = {
  id: 'expiring',
  meta: { description: t('周期、下派、任期即将到期', 'Cycles, assignments and terms ending soon'), defaultSeverity: 'warning', codes: [EXPIRING_CODES] },
  check(ws, ctx: RuleContext) {
    const asOf = ctx.asOf;
    if (!asOf) return [];
    const out: Diagnostic[] = [];
    for (const j of judgeEnds(ws, { asOf, withinDays: ctx.withinDays ?? 14 })) {
      const end = quoteValue(j.end, j.assumed); // an end the notice does not print says so
      const data = { due: j.end };
      if (j.kind === 'cycle' && j.state === 'ending-soon') {
        const name = j.alliance.data.name;
        out.push(EXPIRING_CODES.raise('expiring/cycle', { alliance: name, end, days: daysBetween(asOf, j.end) }, { ...where(j.cycle, 'end'), data }));
      } else if (j.kind === 'term' && j.state === 'ending-soon')
        out.push(EXPIRING_CODES.raise('expiring/term', { group: j.group.name, end }, { ...where(j.group, 'term'), data }));
      else if (j.kind === 'term' && j.state === 'ended')
        out.push(EXPIRING_CODES.raise('expiring/term-expired', { group: j.group.name, end }, { ...where(j.group, 'term'), data }));
      else if (j.kind === 'assignment' && j.state === 'ending-soon') {
        const { person, target } = j.assignment;
        out.push(EXPIRING_CODES.raise('expiring/assignment', { person, target, end }, { ...where(j.assignment, 'end'), data }));
      }
    }
    return out;
  },
};
