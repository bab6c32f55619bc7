// recurrence/*: a recurring duty (每季度召开一次…, 每年3月和9月…) must show an occurrence in
// every period once that period has closed; occurrences outside every period are suspicious.
import { t, type Diagnostic } from '../model/diagnostic.js';
import { addDays, daysBetween } from '../time/dates.js';
import { itemData } from './deadlines.js';
import { diagAt } from './report.js';
import type { Rule, RuleContext } from './rule.js';
import { scheduledItems } from './schedule.js';

const PERIOD_WORD: Record<string, { zh: string; en: string }> = {
  month: { zh: '月', en: 'month' },
  bimonth: { zh: '双月', en: 'two-month period' },
  quarter: { zh: '季度', en: 'quarter' },
  halfYear: { zh: '半年', en: 'half-year' },
  year: { zh: '年度', en: 'year' },
};

export const recurrences: Rule = {
  id: 'recurrences',
  meta: { description: t('周期性事项每期都有记录', 'Recurring duties occur every period'), defaultSeverity: 'error' },
  check(ws, ctx: RuleContext) {
    const asOf = ctx.asOf;
    if (!asOf) return [];
    const soon = addDays(asOf, ctx.withinDays ?? 14);
    const out: Diagnostic[] = [];
    for (const { plan, item, schedule: s } of scheduledItems(ws, asOf)) {
      if (s.kind !== 'recurring') continue;
      const held = [...(item.held ?? [])].filter((h) => h <= asOf).sort();
      const word = PERIOD_WORD[s.spec.per === 'months' ? 'month' : s.spec.per]!;
      const owed = s.periods; // already limited to the alliance cycle (scheduleIn)
      for (const p of owed) {
        if (p.start > asOf) break;
        const occurred = held.some((h) => h >= p.start && h <= p.end);
        if (occurred) continue;
        const data = itemData(ws, plan, item, { period: p.key, due: p.end });
        if (p.end < asOf)
          out.push(
            diagAt('recurrence/missed', 'error', item, 'due', t(`第${item.no}项（${item.due}）在 ${p.key} ${word.zh}没有记录。`, `Item ${item.no} (${item.due}) has no occurrence in ${word.en} ${p.key}.`), {
              hint: t(`已完成的请在 held: 中补上日期（${p.start} 至 ${p.end} 之间）。`, `If it happened, add its date (${p.start}–${p.end}) to held:.`),
              data,
            }),
          );
        else if (p.end <= soon)
          out.push(
            diagAt('recurrence/due-soon', 'warning', item, 'due', t(`第${item.no}项（${item.due}）本期 ${p.key} 尚无记录，${p.end} 截止（还有 ${daysBetween(asOf, p.end)} 天）。`, `Item ${item.no} (${item.due}) has no occurrence yet in ${p.key}; the period closes on ${p.end}.`), {
              data,
            }),
          );
      }
      (item.held ?? []).forEach((h, i) => {
        if (h > asOf) return;
        if (!owed.some((p) => h >= p.start && h <= p.end))
          out.push(
            diagAt('recurrence/outside-period', 'warning', item.held!, i, t(`第${item.no}项的记录 ${h} 不在任何要求的期间内（${item.due}${item.first ? `，首次 ${item.first}` : ''}）。`, `Occurrence ${h} of item ${item.no} falls outside every required period (${item.due}).`), {
              data: itemData(ws, plan, item, { date: h }),
            }),
          );
      });
    }
    return out;
  },
};
