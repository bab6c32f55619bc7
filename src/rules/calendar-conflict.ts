// calendar/conflict: a day may not be both an extra holiday and an extra workday, within one
// Calendar or across several (working-day quotas could not be counted).
import { t, type Diagnostic } from '../model/diagnostic.js';
import { diagAt } from './report.js';
import type { Rule } from './rule.js';

export const calendarConflict: Rule = {
  id: 'calendar-conflict',
  meta: { description: t('日历中同一天不能既放假又上班', 'No day is both holiday and workday'), defaultSeverity: 'error' },
  check(ws) {
    const holidays = new Set(ws.data('Calendar').flatMap((c) => c.holidays));
    const out: Diagnostic[] = [];
    const seen = new Set<string>();
    for (const c of ws.data('Calendar'))
      c.workdays.forEach((d, i) => {
        if (!holidays.has(d) || seen.has(d)) return;
        seen.add(d);
        out.push(
          diagAt(
            'calendar/conflict',
            'error',
            c.workdays,
            i,
            t(`${d} 在 Calendar 中既列为节假日（holidays）又列为上班日（workdays）；按工作日计算的指标无法检查。`, `${d} is listed both as a holiday and as a workday in Calendar; working-day quotas cannot be checked.`),
            { hint: t('删去其中一处。', 'Remove one of the two.'), data: { dates: [d] } },
          ),
        );
      });
    return out;
  },
};
