// promotions/*: a promotion (Roster person `promotions:`) must follow the service at 基层 units
// the Quotas' `promotions:` preconditions ask (晋升前在基层工作至少半年), worded from the one
// judgement of promotions (judge/promotions.ts).
import { flagAssumed, isAssumed, quoteValue } from '../model/assumed.js';
import { t, type Diagnostic } from '../model/diagnostic.js';
import { judgePromotions } from '../judge/promotions.js';
import { where } from './report.js';
import type { Rule, RuleContext } from './rule.js';
import { family, msg } from '../codes/declare.js';

/** The codes this rule raises. */
export const PROMOTIONS_CODES = family('promotions', t('晋升条件', 'promotion'), {
  'short-service': {
    severity: 'error',
    label: t('基层服务不足', 'short service'),
    description: t('人员已晋升，但晋升前在基层单位工作的时间不足规定（如 晋升前必须在基层工作至少半年）。', 'A person was promoted with less service at 基层 units before it than required (e.g. half a year).'),
    help: t('核对下派记录（Roster 的 assignments）和晋升日期；确实不足的，按规定补足或说明。', 'Check the assignments in the Roster and the promotion date; if the service really is short, make it up or record why.'),
    message: msg('{person} 于 {date} 晋升{to}，此前在基层单位工作 {served} 天{proofs}，不足要求的 {need}（{rule}）。', '{person} was promoted to {to} on {date} after {served} day(s) at 基层 units{proofs}, short of {need} ({rule}).'),
  },
  'planned-short': {
    severity: 'warning',
    label: t('晋升前待下沉', 'service to arrange'),
    description: t('人员计划晋升，但已安排的基层工作时间还不足规定。', 'A person has a planned promotion and the service at 基层 units arranged before it is short.'),
    help: t('在晋升前安排足够的下派（Roster 的 assignments），或推迟晋升日期。', 'Arrange enough dispatches (Roster assignments) before the promotion, or move its date.'),
    message: msg(
      '{person} 计划于 {date} 晋升{to}，此前已安排在基层单位工作 {served} 天{proofs}，还差 {short} 天（要求 {need}，{rule}）。',
      '{person} is to be promoted to {to} on {date}; {served} day(s) at 基层 units are arranged before it{proofs}, {short} short of {need} ({rule}).',
    ),
  },
});

export const promotions: Rule = {
  id: 'promotions',
  meta: { description: t('晋升前在基层工作满规定时间', 'Service at 基层 units before promotion'), defaultSeverity: 'error', codes: [PROMOTIONS_CODES] },
  check(ws, ctx: RuleContext) {
    const asOf = ctx.asOf;
    if (!asOf) return [];
    const out: Diagnostic[] = [];
    for (const j of judgePromotions(ws, asOf)) {
      if (j.state === 'met') continue;
      const { person, promotion: p, rule } = j;
      const to = t(p.title ? `${p.title}（${p.grade}）` : p.grade, p.grade);
      const need = flagAssumed(t(`${j.required} 天`, `${j.required} days`), isAssumed(rule, 'minDays'));
      const on = quoteValue(p.date, j.dateAssumed);
      const proofs = j.proofs.length ? t(`（${j.proofs.map((x) => x.text.zh).join('；')}）`, ` (${j.proofs.map((x) => x.text.en).join('; ')})`) : t('，没有下派记录', '; no dispatch recorded');
      const data = { quota: rule.id, subject: person.name, person: person.name, promotion: p.date, grade: p.grade, served: j.served, required: j.required };
      const words = { person: person.name, date: on, to, served: j.served, proofs, rule: rule.text };
      if (j.state === 'short')
        out.push(
          PROMOTIONS_CODES.raise('promotions/short-service', { ...words, need }, {
            ...where(p, 'date'),
            hint: t('核对 Roster 中的下派记录和晋升日期。', 'Check the assignments in the Roster and the promotion date.'),
            data,
          }),
        );
      else
        out.push(
          PROMOTIONS_CODES.raise('promotions/planned-short', { ...words, short: j.required - j.served, need }, {
            ...where(p, 'date'),
            hint: t('在晋升前安排下派（Roster 的 assignments），或推迟晋升日期。', 'Arrange a dispatch before the promotion (Roster assignments), or move its date.'),
            data,
          }),
        );
    }
    return out;
  },
};
