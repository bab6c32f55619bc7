// facilities/*: a share of facilities that are not member units (村卫生室, 社区卫生服务站) meeting the
// figures a Quotas `facilities:` target asks, worded from judge/facilities.ts.
import { family, msg } from '../codes/declare.js';
import { isAssumed, quoteValue } from '../model/assumed.js';
import { t, type Diagnostic } from '../model/diagnostic.js';
import { judgeFacilities } from '../judge/facilities.js';
import { where } from './report.js';
import type { Rule, RuleContext } from './rule.js';

/** The codes this rule raises. */
export const FACILITIES_CODES = family('facilities', t('机构占比', 'facility share'), {
  below: {
    severity: 'error',
    label: t('占比未达标', 'share below'),
    description: t('达到要求的村卫生室（或社区卫生服务站）占比低于目标。', 'The share of 村卫生室 (or 社区卫生服务站) meeting the figures is below the target.'),
    help: t('核对各机构的 tcmCategories、tcmTechniques；确实不足的，列入整改。', 'Check each facility\'s tcmCategories and tcmTechniques; if short, plan the improvement.'),
    message: msg(
      '「{text}」：{kind} {met}/{total} 家达到（{share}），要求不低于 {need}；未达到：{short}。',
      '"{text}": {met} of {total} {kind} meet it ({share}), {need} required; not meeting: {short}.',
    ),
  },
  none: {
    severity: 'warning',
    label: t('未列机构', 'no facilities'),
    description: t('目标针对某类机构，但医联体的单位下没有列出这类机构（facilities）。', 'A target is about a kind of facility, and no unit of the alliance lists one (facilities).'),
    help: t('在 Alliance 各单位下写 facilities: [{ name, kind }]。', 'List them under the units of the Alliance: facilities: [{ name, kind }].'),
    message: msg('「{text}」：医联体各单位下没有列出{kind}（facilities），无法核对。', '"{text}": no unit of the alliance lists a {kind} (facilities), so it cannot be checked.'),
  },
});

const pct = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;

export const facilities: Rule = {
  id: 'facilities',
  meta: { description: t('村卫生室、社区卫生服务站达标占比', 'Shares of 村卫生室 and 社区卫生服务站 meeting a target'), defaultSeverity: 'error', codes: [FACILITIES_CODES] },
  check(ws, ctx: RuleContext) {
    const asOf = ctx.asOf;
    if (!asOf) return [];
    const out: Diagnostic[] = [];
    for (const j of judgeFacilities(ws, asOf)) {
      const tg = j.target;
      const data = { quota: tg.id, subject: tg.kind, met: j.met, total: j.total, min: tg.min };
      if (j.state === 'none') {
        out.push(FACILITIES_CODES.raise('facilities/none', { text: tg.text, kind: tg.kind }, { ...where(tg, 'kind'), data }));
        continue;
      }
      if (j.state === 'met') continue;
      const need = quoteValue(pct(tg.min), isAssumed(tg, 'min'));
      const who = [...j.short, ...j.noData.map((n) => `${n}（无数据）`)];
      const words = { text: tg.text, kind: tg.kind, met: j.met, total: j.total, share: pct(j.met / j.total), need, short: t(who.join('、'), who.join(', ')) };
      out.push(FACILITIES_CODES.raise('facilities/below', words, { ...where(tg, 'min'), severity: j.state === 'below' ? 'error' : 'warning', data }));
    }
    return out;
  },
};
