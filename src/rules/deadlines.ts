// deadline/*: one-off work-plan items as of a date — overdue, due soon, done late, open.
import { t, type Diagnostic } from '../model/diagnostic.js';
import type { WorkItem, WorkPlan } from '../model/kinds.js';
import { addDays, daysBetween } from '../time/dates.js';
import { diagAt } from './report.js';
import type { Workspace } from '../load/workspace.js';
import { canonicalLead } from './workplan-departments.js';
import type { Rule, RuleContext } from './rule.js';
import { scheduledItems } from './schedule.js';

export function itemData(ws: Workspace, plan: WorkPlan, item: WorkItem, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { item: item.no, lead: canonicalLead(ws, plan, item), task: item.task, ...(plan.title ? { plan: plan.title } : {}), ...extra };
}

const short = (task: string) => ([...task].length > 28 ? [...task].slice(0, 27).join('') + '…' : task);

export const deadlines: Rule = {
  id: 'deadlines',
  meta: { description: t('工作计划事项按期完成', 'Work-plan items are done on time'), defaultSeverity: 'error' },
  check(ws, ctx: RuleContext) {
    const asOf = ctx.asOf;
    if (!asOf) return [];
    const soon = addDays(asOf, ctx.withinDays ?? 14);
    const out: Diagnostic[] = [];
    for (const { plan, item, schedule: s, state: st } of scheduledItems(ws, asOf)) {
      const label = `${item.no}项「${short(item.task)}」`;
      const labelEn = `${item.no} (${short(item.task)})`;
      if (s.kind === 'open') {
        if (!st.done)
          out.push(
            diagAt('deadline/open', 'info', item, 'due', t(`第${label}未完成，未设期限（${item.due}）。`, `Item ${labelEn} is open with no deadline (${item.due}).`), {
              data: itemData(ws, plan, item),
            }),
          );
        continue;
      }
      if (s.kind !== 'dated') continue;
      // A dated item over several years (years: 2018-2022) recurs yearly: its `held` dates
      // are the yearly occurrences and each year's deadline is judged on its own.
      const multi = s.deadlines.length > 1;
      for (const d of s.deadlines) {
        const occurrence = multi
          ? (item.held ?? []).filter((h) => h.startsWith(String(d.year)) && h <= asOf).sort()[0]
          : st.date;
        const done = multi ? occurrence !== undefined : st.done;
        const data = itemData(ws, plan, item, { due: d.deadline, ...(multi ? { period: String(d.year) } : {}) });
        if (done && occurrence && occurrence > d.deadline)
          out.push(
            diagAt('deadline/done-late', 'warning', item, multi ? 'held' : 'done', t(`第${label}于 ${occurrence} 完成，晚于期限 ${d.deadline} ${daysBetween(d.deadline, occurrence)} 天。`, `Item ${labelEn} was done on ${occurrence}, ${daysBetween(d.deadline, occurrence)} day(s) after ${d.deadline}.`), {
              data: { ...data, daysLate: daysBetween(d.deadline, occurrence) },
            }),
          );
        if (done) continue;
        if (d.deadline < asOf)
          out.push(
            diagAt('deadline/overdue', 'error', item, 'due', t(`第${label}已逾期 ${daysBetween(d.deadline, asOf)} 天（期限 ${d.deadline}，${item.due}）。`, `Item ${labelEn} is ${daysBetween(d.deadline, asOf)} day(s) overdue (due ${d.deadline}, ${item.due}).`), {
              hint: t('完成后填写 done: 日期；不再执行的写 status: 取消。', 'When done, add done: with the date; if dropped, status: 取消.'),
              data: { ...data, daysOverdue: daysBetween(d.deadline, asOf) },
            }),
          );
        else if (d.deadline <= soon && (!d.windowStart || d.windowStart <= soon))
          out.push(
            diagAt('deadline/due-soon', 'warning', item, 'due', t(`第${label}将于 ${d.deadline} 到期（还有 ${daysBetween(asOf, d.deadline)} 天）。`, `Item ${labelEn} is due on ${d.deadline} (in ${daysBetween(asOf, d.deadline)} day(s)).`), {
              data: { ...data, daysLeft: daysBetween(asOf, d.deadline) },
            }),
          );
      }
    }
    return out;
  },
};
