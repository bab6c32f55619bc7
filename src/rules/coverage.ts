// coverage/*: a Region's units of the listed levels each belong to exactly one alliance by the
// coverage date (梁平: 2018年10月底，区域内医联体全覆盖).
import { t, type Diagnostic } from '../model/diagnostic.js';
import { regionCoverage } from '../judge/coverage.js';
import { addDays } from '../time/dates.js';
import { diagAt } from './report.js';
import type { Rule, RuleContext } from './rule.js';

export const coverage: Rule = {
  id: 'coverage',
  meta: { description: t('区域内机构全部纳入医联体', 'Every unit of a region is in one alliance'), defaultSeverity: 'error' },
  check(ws, ctx: RuleContext) {
    const asOf = ctx.asOf;
    if (!asOf) return [];
    const out: Diagnostic[] = [];
    for (const region of ws.data('Region')) {
      const c = region.coverage;
      if (!c) continue;
      const pending = asOf <= c.by;
      if (pending && c.by > addDays(asOf, ctx.withinDays ?? 14)) continue;
      for (const { unit: u, homes } of regionCoverage(ws, region, c.by).units) {
        if (homes.length === 1) continue;
        const data = { unit: u.name, due: c.by };
        if (homes.length === 0)
          out.push(
            diagAt(pending ? 'coverage/pending' : 'coverage/uncovered', pending ? 'warning' : 'error', u, 'name', t(`「${u.name}」${pending ? `尚未加入医联体，须在 ${c.by} 前加入` : `到 ${c.by} 仍未加入任何医联体`}。`, `${u.name} ${pending ? `must join an alliance by ${c.by}` : `was in no alliance by ${c.by}`}.`), { data }),
          );
        else
          out.push(
            diagAt('coverage/multiple', 'error', u, 'name', t(`「${u.name}」同时属于 ${homes.length} 个医联体：${homes.map((h) => h.data.name).join('、')}。`, `${u.name} belongs to ${homes.length} alliances: ${homes.map((h) => h.data.name).join(', ')}.`), { data }),
          );
      }
    }
    return out;
  },
};
