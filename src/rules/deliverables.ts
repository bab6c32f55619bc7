// deliverables/*: what each dispatch owes by its end (Roster `deliverables:`), worded from the one
// judgement (judge/deliverables.ts): one finding per deliverable × batch naming who owes what.
import { t, type Diagnostic } from '../model/diagnostic.js';
import { judgeDeliverables } from '../judge/deliverables.js';
import { daysBetween } from '../time/dates.js';
import { diagAt } from './report.js';
import type { Rule, RuleContext } from './rule.js';
import { family } from '../codes/declare.js';

/** The codes this rule raises. */
export const DELIVERABLES_CODES = family('deliverables', t('下派成果', 'deliverables'), {
  missing: {
    severity: 'error',
    label: t('成果未完成', 'not delivered'),
    description: t('下派批次已结束，专家（或批次）仍有应完成的事项没有记录（如“五个一”、一次综合质量管理检查）。', 'A dispatch batch has ended and an expert (or the batch) still owes items (e.g. the 五个一, one quality inspection).'),
    help: t('已完成的在该下派记录的 delivered: 中写上事项和日期；确未完成的，安排补做。', 'For what was done, add the item and its date under delivered: on the assignment; otherwise arrange it.'),
  },
  'due-soon': {
    severity: 'warning',
    label: t('成果待完成', 'to deliver'),
    description: t('下派批次即将结束，仍有应完成的事项没有记录。', 'A dispatch batch ends soon and items are still owed.'),
    help: t('在批次结束前完成，并在 delivered: 中写上日期。', 'Finish them before the batch ends and add the dates under delivered:.'),
  },
});


export const deliverables: Rule = {
  id: 'deliverables',
  meta: { description: t('下派期间完成规定的事项（如“五个一”）', 'Each dispatch delivers what it owes (e.g. the 五个一)'), defaultSeverity: 'error', codes: [DELIVERABLES_CODES] },
  check(ws, ctx: RuleContext) {
    const asOf = ctx.asOf;
    if (!asOf) return [];
    const out: Diagnostic[] = [];
    for (const j of judgeDeliverables(ws, { asOf, withinDays: ctx.withinDays ?? 14 })) {
      if (j.state !== 'overdue' && j.state !== 'due-soon') continue;
      const d = j.deliverable;
      const owes = j.owing.map((o) => (d.each === 'assignment' ? `${o.who} 尚缺 ${o.items.join('、')}` : `尚缺 ${o.items.join('、')}`)).join('；');
      const owesEn = j.owing.map((o) => (d.each === 'assignment' ? `${o.who} owes ${o.items.join(', ')}` : `owes ${o.items.join(', ')}`)).join('; ');
      const batch = `${j.batch}（${j.start} 至 ${j.end}）`;
      // owed after the end (due: 结束后一个月内): the message names the day it was owed by
      const by = j.due !== j.end ? t(`，应于 ${j.due} 前完成`, `, owed by ${j.due}`) : t('', '');
      const data = { quota: d.id, subject: j.batch, period: j.batch, owing: j.owing };
      if (j.state === 'overdue')
        out.push(
          diagAt('deliverables/missing', 'error', j.at, undefined, t(`「${d.text}」：${batch}已于 ${j.end} 结束${by.zh}，${owes}。`, `"${d.text}": batch ${j.batch} (${j.start} to ${j.end}) has ended${by.en}; ${owesEn}.`), {
            hint: t('已完成的在该下派记录写 delivered: { 事项: 日期 }。', 'For what was done, add delivered: { item: date } to the assignment.'),
            data,
          }),
        );
      else
        out.push(
          diagAt('deliverables/due-soon', 'warning', j.at, undefined, j.due !== j.end
            ? t(`「${d.text}」：${batch}应于 ${j.due} 前完成，还有 ${daysBetween(asOf, j.due)} 天，${owes}。`, `"${d.text}": batch ${j.batch} (${j.start} to ${j.end}) owes it by ${j.due}; ${owesEn}.`)
            : t(`「${d.text}」：${batch}还有 ${daysBetween(asOf, j.end)} 天结束，${owes}。`, `"${d.text}": batch ${j.batch} ends on ${j.end}; ${owesEn}.`), { data }),
        );
    }
    return out;
  },
};
