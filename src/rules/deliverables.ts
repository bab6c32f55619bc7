// deliverables/*: what each dispatch owes by its end (Roster `deliverables:`), worded from the one
// judgement (judge/deliverables.ts): one finding per deliverable × batch naming who owes what.
import { t, type Diagnostic } from '../model/diagnostic.js';
import { judgeDeliverables } from '../judge/deliverables.js';
import { daysBetween } from '../time/dates.js';
import { where } from './report.js';
import type { Rule, RuleContext } from './rule.js';
import { family, msg } from '../codes/declare.js';

/** The codes this rule raises. */
export const DELIVERABLES_CODES = family('deliverables', t('下派成果', 'deliverables'), {
  missing: {
    severity: 'error',
    label: t('成果未完成', 'not delivered'),
    description: t('下派批次已结束，专家（或批次）仍有应完成的事项没有记录（如“五个一”、一次综合质量管理检查）。', 'A dispatch batch has ended and an expert (or the batch) still owes items (e.g. the 五个一, one quality inspection).'),
    help: t('已完成的在该下派记录的 delivered: 中写上事项和日期；确未完成的，安排补做。', 'For what was done, add the item and its date under delivered: on the assignment; otherwise arrange it.'),
    message: msg('「{text}」：{batch}（{start} 至 {end}）已于 {end} 结束{by}，{owes}。', '"{text}": batch {batch} ({start} to {end}) has ended{by}; {owes}.'),
  },
  'due-soon': {
    severity: 'warning',
    label: t('成果待完成', 'to deliver'),
    description: t('下派批次即将结束，仍有应完成的事项没有记录。', 'A dispatch batch ends soon and items are still owed.'),
    help: t('在批次结束前完成，并在 delivered: 中写上日期。', 'Finish them before the batch ends and add the dates under delivered:.'),
    messages: {
      ends: msg('「{text}」：{batch}（{start} 至 {end}）还有 {days} 天结束，{owes}。', '"{text}": batch {batch} ({start} to {end}) ends in {days} day(s); {owes}.'),
      owedBy: msg('「{text}」：{batch}（{start} 至 {end}）应于 {due} 前完成，还有 {days} 天，{owes}。', '"{text}": batch {batch} ({start} to {end}) owes it by {due} (in {days} day(s)); {owes}.'),
    },
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
      // owed after the end (due: 结束后一个月内): the message names the day it was owed by
      const by = j.due !== j.end ? t(`，应于 ${j.due} 前完成`, `, owed by ${j.due}`) : t('', '');
      const words = { text: d.text, batch: j.batch, start: j.start, end: j.end, owes: t(owes, owesEn) };
      const data = { quota: d.id, subject: j.batch, period: j.batch, owing: j.owing };
      if (j.state === 'overdue')
        out.push(
          DELIVERABLES_CODES.raise('deliverables/missing', { ...words, by }, {
            ...where(j.at),
            hint: t('已完成的在该下派记录写 delivered: { 事项: 日期 }。', 'For what was done, add delivered: { item: date } to the assignment.'),
            data,
          }),
        );
      else
        out.push(
          j.due !== j.end
            ? DELIVERABLES_CODES.raise('deliverables/due-soon', 'owedBy', { ...words, due: j.due, days: daysBetween(asOf, j.due) }, { ...where(j.at), data })
            : DELIVERABLES_CODES.raise('deliverables/due-soon', 'ends', { ...words, days: daysBetween(asOf, j.end) }, { ...where(j.at), data }),
        );
    }
    return out;
  },
};
