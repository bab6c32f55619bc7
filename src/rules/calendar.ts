// calendar/conflict: a day may not be both an extra holiday and an extra workday, within one
// Calendar or across several (working-day quotas could not be counted).
import { t, type Diagnostic } from '../model/diagnostic.js';
import { where } from './report.js';
import type { Rule } from './rule.js';
import { family, msg } from '../codes/declare.js';

/** The calendar/* codes: conflict raised here, gap wherever a working-day count meets a year with no calendar (quotas, check). */
export const CALENDAR_CODES = family('calendar', t('日历', 'calendar'), {
  gap: {
    severity: 'error',
    label: t('缺日历', 'no calendar'),
    description: t('某年没有官方工作日历，按工作日计算的期限和指标无法检查。', 'A year has no official working-day calendar, so working-day deadlines and quotas cannot be checked.'),
    help: t('添加 Calendar 文档，写明 years 及该年的节假日和调休上班日；或改用自然日（如 --within 14d）。', 'Add a Calendar document with years and that year\'s holidays and 调休 workdays; or use calendar days (e.g. --within 14d).'),
    message: msg(
      '{year}年没有官方工作日历（国务院放假安排）：请在计划文件夹里添加 calendar-{year}.yaml（Calendar 文档，写明 years: [{year}] 及该年的放假日和调休上班日，模板见下方）。',
      'No official working-day calendar for {year}: add calendar-{year}.yaml, a Calendar document with `years: [{year}]` and that year\'s holidays and 调休 workdays (template below).',
    ),
  },
  conflict: {
    severity: 'error',
    label: t('日历冲突', 'calendar clash'),
    description: t('同一天在 Calendar 中既是节假日又是上班日。', 'A date is both a holiday and a workday in the Calendar.'),
    help: t('删去其中一处。', 'Remove one of the two.'),
    message: msg('{date} 在 Calendar 中既列为节假日（holidays）又列为上班日（workdays）；按工作日计算的指标无法检查。', '{date} is listed both as a holiday and as a workday in Calendar; working-day quotas cannot be checked.'),
  },
});

export const calendar: Rule = {
  id: 'calendar',
  meta: { description: t('日历中同一天不能既放假又上班', 'No day is both holiday and workday'), defaultSeverity: 'error', codes: [CALENDAR_CODES] },
  check(ws) {
    const holidays = new Set(ws.data('Calendar').flatMap((c) => c.holidays));
    const out: Diagnostic[] = [];
    const seen = new Set<string>();
    for (const c of ws.data('Calendar'))
      c.workdays.forEach((d, i) => {
        if (!holidays.has(d) || seen.has(d)) return;
        seen.add(d);
        out.push(
          CALENDAR_CODES.raise('calendar/conflict', { date: d }, {
            ...where(c.workdays, i),
            hint: t('删去其中一处。', 'Remove one of the two.'), data: { dates: [d] },
          }),
        );
      });
    return out;
  },
};
