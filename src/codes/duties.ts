// Codes of per-unit duties, per-dispatch deliverables, facility shares and promotion
// preconditions (issue 8 §5): the duties the seeds state on each unit, dispatch and person.
// Kept out of the rule modules so the registry never imports rules (no import cycle).
import { t } from '../model/diagnostic.js';
import { family } from './declare.js';

export const DUTIES_CODES = family('duties', t('按单位职责', 'per-unit duty'), {
  'units-without-each': {
    severity: 'error',
    label: t('缺 each', 'no each'),
    description: t('事项写了 units:（各单位完成日期），却没有写 each: unit。', 'An item has units: (dates per unit) but no each: unit.'),
    help: t('按单位逐一承担的事项写 each: unit；否则把日期写在 done: 或 held: 中。', 'Add each: unit to an item every unit owes; otherwise put the date in done: or held:.'),
  },
  'not-owed': {
    severity: 'error',
    label: t('非承担单位', 'not owed'),
    description: t('units: 中的单位不在 each: 所指的承担单位之内（如牵头单位）。', 'A unit under units: is not among the units each: asks it of (e.g. a lead).'),
    help: t('改正单位名称，或放宽 each: 的条件。', 'Correct the unit, or widen the each: filter.'),
  },
  'no-units': {
    severity: 'error',
    label: t('无承担单位', 'no unit owes'),
    description: t('each: 的条件没有匹配到任何单位。', 'The each: filter matches no unit.'),
    help: t('检查 each 中的 role、level，或直接列出单位：each: { units: [...] }。', 'Check role and level under each, or list the units: each: { units: [...] }.'),
  },
});

export const PROMOTIONS_CODES = family('promotions', t('晋升条件', 'promotion'), {
  'short-service': {
    severity: 'error',
    label: t('基层服务不足', 'short service'),
    description: t('人员已晋升，但晋升前在基层单位工作的时间不足规定（如 晋升前必须在基层工作至少半年）。', 'A person was promoted with less service at 基层 units before it than required (e.g. half a year).'),
    help: t('核对下派记录（Roster 的 assignments）和晋升日期；确实不足的，按规定补足或说明。', 'Check the assignments in the Roster and the promotion date; if the service really is short, make it up or record why.'),
  },
  'planned-short': {
    severity: 'warning',
    label: t('晋升前待下沉', 'service to arrange'),
    description: t('人员计划晋升，但已安排的基层工作时间还不足规定。', 'A person has a planned promotion and the service at 基层 units arranged before it is short.'),
    help: t('在晋升前安排足够的下派（Roster 的 assignments），或推迟晋升日期。', 'Arrange enough dispatches (Roster assignments) before the promotion, or move its date.'),
  },
});
