// deadline/*: dated work-plan items as of a date — overdue, due soon, done late, open — worded
// from the one judgement of items (judge/items.ts); this module decides no state itself.
import { isAssumed, quoteValue } from '../model/assumed.js';
import { t, type Diagnostic, type Text } from '../model/diagnostic.js';
import type { WorkItem, WorkPlan } from '../model/kinds.js';
import { judgeItems, type Duty } from '../judge/items.js';
import { daysBetween } from '../time/dates.js';
import { where } from './report.js';
import type { Workspace } from '../load/workspace.js';
import { canonicalLead } from './workplan-departments.js';
import type { Rule, RuleContext } from './rule.js';
import { family, msg } from '../codes/declare.js';

/** The codes this rule raises (the workplan-due rule raises the deadline/* codes of how a due is written). */
export const DEADLINE_CODES = family('deadline', t('期限', 'deadline'), {
  overdue: {
    severity: 'error',
    label: t('逾期', 'overdue'),
    description: t('事项已过期限仍未完成。', 'An item is past its deadline and not done.'),
    help: t('完成后在该事项写 done: 完成日期；期限有变的，改正 due。', 'When it is done, add done: with the date to the item; if the deadline changed, correct due.'),
    message: msg('第{no}项「{task}」已逾期 {days} 天（期限 {deadline}，{due}）{missing}。', 'Item {no} ({task}) is {days} day(s) overdue (due {deadline}, {due}){missing}.'),
  },
  'due-soon': {
    severity: 'warning',
    label: t('即将到期', 'due soon'),
    description: t('事项将在提醒期内到期。', 'An item falls due within the look-ahead window.'),
    help: t('按期完成后写 done: 完成日期。', 'Finish it in time and add done: with the date.'),
    message: msg('第{no}项「{task}」将于 {deadline} 到期（还有 {days} 天）{missing}。', 'Item {no} ({task}) is due on {deadline} (in {days} day(s)){missing}.'),
  },
  'done-late': {
    severity: 'warning',
    label: t('延期完成', 'done late'),
    description: t('事项完成日期晚于期限。', 'An item was done after its deadline.'),
    help: t('仅作记录；如完成日期写错，改正 done。', 'For the record; if the date is wrong, correct done.'),
    message: msg('第{no}项「{task}」于 {date} 完成，晚于期限 {deadline} {days} 天{proof}。', 'Item {no} ({task}) was done on {date}, {days} day(s) after {deadline}{proof}.'),
  },
  open: {
    severity: 'info',
    label: t('未设期限', 'open'),
    description: t('事项未完成，也没有具体期限（如 长期坚持）。', 'An item is open and has no fixed deadline (e.g. 长期坚持).'),
    help: t('无需处理；如有期限，把 due 写成具体日期或周期。', 'Nothing to do; if it has a deadline, write due as a date or a recurrence.'),
    message: msg('第{no}项「{task}」未完成，未设期限（{due}）{missing}。', 'Item {no} ({task}) is open with no deadline ({due}){missing}.'),
  },
});

export function itemData(ws: Workspace, plan: WorkPlan, item: WorkItem, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { item: item.no, lead: canonicalLead(ws, plan, item), task: item.task, ...(plan.title ? { plan: plan.title } : {}), ...extra };
}

const short = (task: string) => ([...task].length > 28 ? [...task].slice(0, 27).join('') + '…' : task);

/** `：2018年9月没有下派记录` — what the evidence the item names does not show. */
export function missingText(d: Duty): Text {
  return d.missing.length ? t(`：${d.missing.map((m) => m.zh).join('；')}`, `: ${d.missing.map((m) => m.en).join('; ')}`) : t('', '');
}

/** For a per-unit duty, the units still missing (scripts read them from `data.units`). */
export const unitsData = (d: Duty): Record<string, unknown> => (d.units?.missing.length ? { units: d.units.missing } : {});

/** `（依据：章建平 2018-09-03 下派…）` — the records that showed an item done. */
export function proofText(d: Duty): Text {
  const xs = d.proofs.filter((p) => p.kind !== 'done' && p.kind !== 'held' && p.kind !== 'status');
  return xs.length ? t(`（依据：${xs.map((p) => p.text.zh).join('；')}）`, ` (shown by: ${xs.map((p) => p.text.en).join('; ')})`) : t('', '');
}

export const deadline: Rule = {
  id: 'deadline',
  meta: { description: t('工作计划事项按期完成', 'Work-plan items are done on time'), defaultSeverity: 'error', codes: [DEADLINE_CODES] },
  check(ws, ctx: RuleContext) {
    const asOf = ctx.asOf;
    if (!asOf) return [];
    const out: Diagnostic[] = [];
    for (const { plan, item, form, duties } of judgeItems(ws, { asOf, withinDays: ctx.withinDays ?? 14 })) {
      const what = { no: item.no, task: short(item.task) };
      if (form === 'open') {
        if (duties[0]?.state === 'open')
          out.push(
            DEADLINE_CODES.raise('deadline/open', { ...what, due: item.due, missing: missingText(duties[0]) }, {
              ...where(item, 'due'),
              data: itemData(ws, plan, item, unitsData(duties[0])),
            }),
          );
        continue;
      }
      if (form !== 'dated') continue;
      for (const d of duties) {
        const deadline = d.deadline!;
        const data = itemData(ws, plan, item, { due: deadline, ...(d.key ? { period: d.key } : {}), ...unitsData(d) });
        const miss = missingText(d);
        // A due or done date the source does not state (assumed:) is flagged where it is quoted.
        const due = quoteValue(deadline, isAssumed(item, 'due'));
        if (d.state === 'done-late') {
          const late = daysBetween(deadline, d.date!);
          const field = d.proofs[0]?.kind === 'done' ? 'done' : d.proofs[0]?.kind === 'held' ? 'held' : 'due';
          const by = proofText(d);
          const on = quoteValue(d.date!, (field === 'done' || field === 'held') && isAssumed(item, field));
          out.push(
            DEADLINE_CODES.raise('deadline/done-late', { ...what, date: on, deadline: due, days: late, proof: by }, {
              ...where(item, field),
              data: { ...data, daysLate: late },
            }),
          );
        } else if (d.state === 'overdue')
          out.push(
            DEADLINE_CODES.raise('deadline/overdue', { ...what, days: daysBetween(deadline, asOf), deadline: due, due: item.due, missing: miss }, {
              ...where(item, 'due'),
              hint: t('完成后填写 done: 日期；不再执行的写 status: 取消。', 'When done, add done: with the date; if dropped, status: 取消.'),
              data: { ...data, daysOverdue: daysBetween(deadline, asOf) },
            }),
          );
        else if (d.state === 'due-soon')
          out.push(
            DEADLINE_CODES.raise('deadline/due-soon', { ...what, deadline: due, days: daysBetween(asOf, deadline), missing: miss }, {
              ...where(item, 'due'),
              data: { ...data, daysLeft: daysBetween(asOf, deadline) },
            }),
          );
      }
    }
    return out;
  },
};
