// coverage/*: a Region's units of the listed levels each belong to exactly one alliance by the
// coverage date (梁平: 2018年10月底，区域内医联体全覆盖).
import { t, type Diagnostic } from '../model/diagnostic.js';
import { judgeCoverage } from '../judge/coverage.js';
import { where } from './report.js';
import type { Rule, RuleContext } from './rule.js';
import { family, msg } from '../codes/declare.js';

/** The codes this rule raises. */
export const COVERAGE_CODES = family('coverage', t('覆盖', 'coverage'), {
  uncovered: {
    severity: 'error',
    label: t('未覆盖', 'uncovered'),
    description: t('应加入医联体的单位到期仍未加入任何医联体。', 'A unit that must join an alliance has not joined any by the date required.'),
    help: t('把该单位加入一个医联体的 units。', 'Add the unit to the units of an alliance.'),
    message: msg('「{unit}」到 {by} 仍未加入任何医联体。', '{unit} was in no alliance by {by}.'),
  },
  pending: {
    severity: 'warning',
    label: t('待覆盖', 'to cover'),
    description: t('应加入医联体的单位尚未加入，期限未到。', 'A unit that must join an alliance has not joined yet; the date is still ahead.'),
    help: t('在期限前把该单位加入一个医联体的 units。', 'Add the unit to the units of an alliance before the date.'),
    message: msg('「{unit}」尚未加入医联体，须在 {by} 前加入。', '{unit} must join an alliance by {by}.'),
  },
  multiple: {
    severity: 'error',
    label: t('重复加入', 'in several'),
    description: t('一个单位同时属于多个医联体。', 'A unit belongs to several alliances.'),
    help: t('只保留该单位在一个医联体中的记录。', 'Keep the unit in one alliance only.'),
    message: msg('「{unit}」同时属于 {count} 个医联体：{alliances}。', '{unit} belongs to {count} alliances: {alliances}.'),
  },
});

export const coverage: Rule = {
  id: 'coverage',
  meta: { description: t('区域内机构全部纳入医联体', 'Every unit of a region is in one alliance'), defaultSeverity: 'error', codes: [COVERAGE_CODES] },
  check(ws, ctx: RuleContext) {
    const asOf = ctx.asOf;
    if (!asOf) return [];
    const out: Diagnostic[] = [];
    for (const j of judgeCoverage(ws, { asOf, withinDays: ctx.withinDays ?? 14 })) {
      if (j.state === 'complete' || j.state === 'not-yet-owed') continue;
      const pending = j.state === 'pending';
      for (const { unit: u, homes } of j.coverage.units) {
        if (homes.length === 1) continue;
        const data = { unit: u.name, due: j.by };
        if (homes.length === 0)
          out.push(
            COVERAGE_CODES.raise(pending ? 'coverage/pending' : 'coverage/uncovered', { unit: u.name, by: j.by }, { ...where(u, 'name'), data }),
          );
        else
          out.push(
            COVERAGE_CODES.raise('coverage/multiple', { unit: u.name, count: homes.length, alliances: t(homes.map((h) => h.data.name).join('、'), homes.map((h) => h.data.name).join(', ')) }, { ...where(u, 'name'), data }),
          );
      }
    }
    return out;
  },
};
