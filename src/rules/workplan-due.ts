// deadline/unknown-due: every `due:` (and `first:`, `years:`) must be an expression we can
// schedule; a plan whose items need a year must say which. Also item numbers are unique.
import { t, type Diagnostic } from '../model/diagnostic.js';
import { diagAt } from './report.js';
import type { Rule } from './rule.js';
import { scheduleIn } from '../judge/schedule.js';

export const workplanDue: Rule = {
  id: 'workplan-due',
  meta: { description: t('完成时间写法可识别', 'Due expressions can be read'), defaultSeverity: 'error' },
  check(ws) {
    const out: Diagnostic[] = [];
    for (const plan of ws.data('WorkPlan')) {
      const seen = new Set<string>();
      for (const item of plan.items) {
        const no = String(item.no);
        if (seen.has(no))
          out.push(diagAt('workplan-due/duplicate-item', 'error', item, 'no', t(`序号 ${no} 重复。`, `Item number ${no} is used twice.`)));
        seen.add(no);
        const s = scheduleIn(ws, plan, item);
        if (s.kind === 'error')
          out.push(
            diagAt(s.error.code === 'due/invalid-date' ? 'deadline/invalid-date' : 'deadline/unknown-due', 'error', item, s.field === 'years' && !item.years ? undefined : s.field, s.error.message, {
              hint: s.error.accepted.zh ? s.error.accepted : undefined,
              data: { item: item.no },
            }),
          );
        else if (s.kind === 'no-year') out.push(diagAt('deadline/no-year', 'error', item, 'due', s.message, { data: { item: item.no } }));
        else if (s.kind === 'no-cycle')
          out.push(diagAt('deadline/no-cycle', 'error', item, 'due', s.message, { hint: t('在 Alliance 写 cycle: { start: …, end: … }。', 'Give the Alliance a cycle: { start, end }.'), data: { item: item.no } }));
        else if (s.kind === 'dated') {
          // 2月29日 in a common year: the deadline moves to 28 Feb; say so.
          const moved = s.deadlines.filter((d) => d.clamped).map((d) => d.deadline);
          if (moved.length)
            out.push(
              diagAt('deadline/clamped', 'warning', item, 'due', t(`「${item.due}」在平年不存在，期限按 ${moved.join('、')} 计算。`, `"${item.due}" does not exist in a common year; the deadline is taken as ${moved.join(', ')}.`), {
                hint: t('如要月底截止，可写 2月底。', 'To mean the end of February, write 2月底.'),
                data: { item: item.no, due: moved },
              }),
            );
        }
        if (s.kind !== 'recurring' && item.first)
          out.push(diagAt('deadline/first-without-recurrence', 'warning', item, 'first', t('first 只用于周期性事项（每季度等）。', 'first applies to recurring items only.')));
      }
    }
    return out;
  },
};
