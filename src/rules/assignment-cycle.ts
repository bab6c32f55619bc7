// assignment-cycle/outside: an assignment that starts or ends outside the alliance
// cycle (建设周期/下沉周期) is probably a typo in a year.
import { t, type Diagnostic } from '../model/diagnostic.js';
import { where } from './report.js';
import type { Rule } from './rule.js';
import { family, msg } from '../codes/declare.js';

/** The codes this rule raises. */
export const ASSIGNMENT_CYCLE_CODES = family('assignment-cycle', t('结构', 'structure'), {
  outside: {
    severity: 'warning',
    description: t('下派日期不在医联体的建设周期内。', 'A posting date is outside the alliance\'s cycle.'),
    help: t('检查下派日期，或改正 Alliance 中的 cycle。', 'Check the posting dates, or correct the cycle of the Alliance.'),
    deprecatedIds: ['structure/assignment-outside-cycle'],
    messages: {
      start: msg('「{person}」的下派开始日期 {date} 不在周期 {cycleStart} 至 {cycleEnd} 内。', '{person}\'s assignment start {date} is outside the cycle {cycleStart}–{cycleEnd}.'),
      end: msg('「{person}」的下派结束日期 {date} 不在周期 {cycleStart} 至 {cycleEnd} 内。', '{person}\'s assignment end {date} is outside the cycle {cycleStart}–{cycleEnd}.'),
    },
  },
});

export const assignmentCycle: Rule = {
  id: 'assignment-cycle',
  meta: { description: t('下派时间在医联体周期内', 'Assignments fall inside the alliance cycle'), defaultSeverity: 'warning', codes: [ASSIGNMENT_CYCLE_CODES] },
  check(ws) {
    const out: Diagnostic[] = [];
    for (const r of ws.data('Roster')) {
      const cycle = ws.allianceFor(r.alliance)?.data.cycle;
      if (!cycle) continue;
      for (const a of r.assignments) {
        const bad: ['start' | 'end', string][] = [];
        if (a.start < cycle.start || a.start > cycle.end) bad.push(['start', a.start]);
        if (a.end && (a.end > cycle.end || a.end < cycle.start)) bad.push(['end', a.end]);
        for (const [field, value] of bad)
          out.push(
            ASSIGNMENT_CYCLE_CODES.raise('assignment-cycle/outside', field, { person: a.person, date: value, cycleStart: cycle.start, cycleEnd: cycle.end }, where(a, field)),
          );
      }
    }
    return out;
  },
};
