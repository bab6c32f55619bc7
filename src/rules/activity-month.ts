// activity-month/outside-month: a log that declares `month:` holds only that month's entries.
import { t, type Diagnostic } from '../model/diagnostic.js';
import { where } from './report.js';
import type { Rule } from './rule.js';
import { family, msg } from '../codes/declare.js';

/** The codes this rule raises. */
export const ACTIVITY_MONTH_CODES = family('activity-month', t('结构', 'structure'), {
  'outside-month': {
    severity: 'error',
    description: t('活动记录的日期不在该记录的月份内。', 'An activity date is outside the log\'s month.'),
    help: t('改正日期，或把该条移到对应月份的记录中。', 'Correct the date, or move the entry to that month\'s log.'),
    deprecatedIds: ['structure/activity-month'],
    message: msg('日期 {date} 不在本记录的月份 {month} 内。', '{date} is not in this log\'s month {month}.'),
  },
});

export const activityMonth: Rule = {
  id: 'activity-month',
  meta: { description: t('活动记录日期在所写月份内', 'Log entries fall in the declared month'), defaultSeverity: 'error', codes: [ACTIVITY_MONTH_CODES] },
  check(ws) {
    const out: Diagnostic[] = [];
    for (const log of ws.data('ActivityLog')) {
      if (!log.month) continue;
      const s = log.entries;
      const inMonth = new Map<number, boolean>(); // per day, from the date column
      for (let i = 0; i < s.length; i++) {
        const day = s.day(i);
        let ok = inMonth.get(day);
        if (ok === undefined) inMonth.set(day, (ok = s.dayText(day).startsWith(log.month)));
        if (ok) continue;
        const e = s.at(i);
        out.push(ACTIVITY_MONTH_CODES.raise('activity-month/outside-month', { date: e.date, month: log.month }, where(e, 'date')));
      }
    }
    return out;
  },
};
