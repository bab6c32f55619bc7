// recurrence/*: a recurring duty (每季度召开一次…, 每年3月和9月…) must show an occurrence in
// every period once that period has closed, and its first one by `first:`; occurrences outside
// every period are suspicious. Worded from the one judgement of items (judge/items.ts).
import { t, type Diagnostic } from '../model/diagnostic.js';
import { judgeItems } from '../judge/items.js';
import { daysBetween } from '../time/dates.js';
import { itemData, missingText, unitsData } from './deadline.js';
import { where } from './report.js';
import type { Rule, RuleContext } from './rule.js';
import { family, msg } from '../codes/declare.js';

/** The codes this rule raises. */
export const RECURRENCE_CODES = family('recurrence', t('周期', 'recurrence'), {
  missed: {
    severity: 'error',
    label: t('漏期', 'missed'),
    description: t('周期性事项在某一期没有记录。', 'A recurring item has no occurrence in a past period.'),
    help: t('在该事项的 held 中补上当期完成的日期；确未开展的，记入整改。', 'Add the date it was held to the item\'s held list; if it was not held, plan the make-up.'),
    messages: {
      none: msg('第{no}项（{due}）在 {period} {per}没有记录{missing}。', 'Item {no} ({due}) has no occurrence in {per} {period}{missing}.'),
      units: msg('第{no}项（{due}）在 {period} {per}{missing}。', 'Item {no} ({due}), {per} {period}{missing}.'),
    },
  },
  'due-soon': {
    severity: 'warning',
    label: t('本期待办', 'due this period'),
    description: t('周期性事项本期尚无记录，期末将至。', 'A recurring item has no occurrence yet in a period that ends soon.'),
    help: t('本期完成后把日期加入 held。', 'When it is held this period, add the date to held.'),
    messages: {
      first: msg('第{no}项首次应在 {deadline} 前（还有 {days} 天），尚无记录。', 'Item {no}: the first occurrence is due by {deadline} (in {days} day(s)); none yet.'),
      none: msg('第{no}项（{due}）本期 {period} 尚无记录，{deadline} 截止（还有 {days} 天）{missing}。', 'Item {no} ({due}) has no occurrence yet in {period}; the period closes on {deadline} (in {days} day(s)){missing}.'),
      units: msg('第{no}项（{due}）本期 {period} 尚未完成，{deadline} 截止（还有 {days} 天）{missing}。', 'Item {no} ({due}) is not done yet in {period}; the period closes on {deadline} (in {days} day(s)){missing}.'),
    },
  },
  'first-overdue': {
    severity: 'error',
    label: t('首次逾期', 'first overdue'),
    description: t('周期性事项的首次（first）期限已过，仍没有记录。', 'The first occurrence of a recurring item (first:) is past its day and none is recorded.'),
    help: t('已开展的在 held 中写上日期；确未开展的，尽快安排。', 'If it happened, add its date to held; if not, arrange it now.'),
    message: msg('第{no}项（{due}）首次应在 {deadline} 前（first: {first}），至今没有记录，已逾期 {days} 天{missing}。', 'Item {no} ({due}): the first occurrence was due by {deadline} (first: {first}) and none is recorded ({days} day(s) overdue){missing}.'),
  },
  'first-late': {
    severity: 'warning',
    label: t('首次延期', 'first late'),
    description: t('周期性事项的首次记录晚于 first 的期限。', 'The first occurrence of a recurring item came after its first: day.'),
    help: t('仅作记录；如日期写错，改正 held。', 'For the record; if the date is wrong, correct held.'),
    message: msg('第{no}项首次记录 {date} 晚于 first: {first}（{deadline}）{days} 天。', 'Item {no}: the first occurrence on {date} is {days} day(s) after first: {first} ({deadline}).'),
  },
  'outside-period': {
    severity: 'warning',
    label: t('期外记录', 'outside period'),
    description: t('周期性事项的一条记录不在任何要求的期间内。', 'An occurrence of a recurring item falls outside every required period.'),
    help: t('检查该日期，或检查 due、first 和 years。', 'Check the date, or the item\'s due, first and years.'),
    message: msg('第{no}项的记录 {date} 不在任何要求的期间内（{due}{first}）。', 'Occurrence {date} of item {no} falls outside every required period ({due}{first}).'),
  },
});

const PERIOD_EN: Record<string, string> = { 月: 'month', 双月: 'two-month period', 季度: 'quarter', 半年: 'half-year', 年度: 'year' };

export const recurrence: Rule = {
  id: 'recurrence',
  meta: { description: t('周期性事项每期都有记录', 'Recurring duties occur every period'), defaultSeverity: 'error', codes: [RECURRENCE_CODES] },
  check(ws, ctx: RuleContext) {
    const asOf = ctx.asOf;
    if (!asOf) return [];
    const out: Diagnostic[] = [];
    for (const { plan, item, form, per, duties, outside } of judgeItems(ws, { asOf, withinDays: ctx.withinDays ?? 14 })) {
      if (form !== 'recurring') continue;
      const word = { zh: per ?? '', en: PERIOD_EN[per ?? ''] ?? 'period' };
      for (const d of duties) {
        const miss = missingText(d);
        if (d.key === 'first') {
          const data = itemData(ws, plan, item, { period: 'first', due: d.deadline, ...unitsData(d) });
          if (d.state === 'overdue')
            out.push(
              RECURRENCE_CODES.raise('recurrence/first-overdue', { no: item.no, due: item.due, deadline: d.deadline!, first: item.first!, days: daysBetween(d.deadline!, asOf), missing: miss }, {
                ...where(item, 'first'),
                hint: t('已举行的请在 held: 中写上日期。', 'If it happened, add its date to held:.'),
                data,
              }),
            );
          else if (d.state === 'due-soon')
            out.push(RECURRENCE_CODES.raise('recurrence/due-soon', 'first', { no: item.no, deadline: d.deadline!, days: daysBetween(asOf, d.deadline!) }, { ...where(item, 'first'), data }));
          else if (d.state === 'done-late')
            out.push(
              RECURRENCE_CODES.raise('recurrence/first-late', { no: item.no, date: d.date!, first: item.first!, deadline: d.deadline!, days: daysBetween(d.deadline!, d.date!) }, {
                ...where(item, 'first'),
                data: { ...data, daysLate: daysBetween(d.deadline!, d.date!) },
              }),
            );
          continue;
        }
        const data = itemData(ws, plan, item, { period: d.key, due: d.deadline, ...unitsData(d) });
        if (d.state === 'missed')
          out.push(
            RECURRENCE_CODES.raise('recurrence/missed', d.units ? 'units' : 'none', { no: item.no, due: item.due, period: d.key!, per: word, missing: miss }, {
              ...where(item, 'due'),
              hint: d.units
                ? t(`已完成的单位请在 units: 中该单位下补上日期（${d.start} 至 ${d.deadline} 之间）。`, `For a unit that did it, add the date (${d.start}–${d.deadline}) under that unit in units:.`)
                : t(`已完成的请在 held: 中补上日期（${d.start} 至 ${d.deadline} 之间）。`, `If it happened, add its date (${d.start}–${d.deadline}) to held:.`),
              data,
            }),
          );
        else if (d.state === 'due-soon')
          out.push(
            RECURRENCE_CODES.raise('recurrence/due-soon', d.units?.shown.length ? 'units' : 'none', { no: item.no, due: item.due, period: d.key!, deadline: d.deadline!, days: daysBetween(asOf, d.deadline!), missing: miss }, {
              ...where(item, 'due'),
              data,
            }),
          );
      }
      for (const { date: h, index: i } of outside)
        out.push(
          RECURRENCE_CODES.raise('recurrence/outside-period', { no: item.no, date: h, due: item.due, first: item.first ? t(`，首次 ${item.first}`, `, first ${item.first}`) : '' }, {
            ...where(item.held!, i),
            data: itemData(ws, plan, item, { date: h }),
          }),
        );
    }
    return out;
  },
};
