// activity-month/outside-month: a log that declares `month:` holds only that month's entries.
import { t, type Diagnostic } from '../model/diagnostic.js';
import { diagAt } from './report.js';
import type { Rule } from './rule.js';

export const activityMonth: Rule = {
  id: 'activity-month',
  meta: { description: t('活动记录日期在所写月份内', 'Log entries fall in the declared month'), defaultSeverity: 'error' },
  check(ws) {
    const out: Diagnostic[] = [];
    for (const log of ws.data('ActivityLog')) {
      if (!log.month) continue;
      for (const e of log.entries)
        if (!e.date.startsWith(log.month))
          out.push(diagAt('activity-month/outside-month', 'error', e, 'date', t(`日期 ${e.date} 不在本记录的月份 ${log.month} 内。`, `${e.date} is not in this log's month ${log.month}.`)));
    }
    return out;
  },
};
