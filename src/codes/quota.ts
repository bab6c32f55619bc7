// Codes of quotas: how a quota is written (checked by `validate`) and whether it is met (`check`).
// Issue 8 moves each declaration onto the rule module that raises it.
import { t } from '../model/diagnostic.js';
import { family } from './declare.js';

export const QUOTA_CODES = family('quota', t('考核指标', 'quota'), {
  below: {
    severity: 'error',
    label: t('未达标', 'below quota'),
    description: t('某人、某单位或医联体在某期未达到指标下限。', 'A person, unit or alliance is below a quota\'s minimum in a period.'),
    help: t('补做或补录该期的工作；数据已有但未录入的，补充活动记录或 Indicators。', 'Make up the work of that period; if it was done but not recorded, add the activity log or Indicators.'),
  },
  above: {
    severity: 'error',
    label: t('超上限', 'above quota'),
    description: t('某期的数值超过指标上限。', 'A value is above a quota\'s maximum in a period.'),
    help: t('核对记录是否重复；确属超出的，按要求调整。', 'Check the records for duplicates; if it is really above, adjust as required.'),
  },
  unqualified: {
    severity: 'error',
    label: t('资格不符', 'unqualified'),
    description: t('下派人员的职称或任职年限不符合要求。', 'A posted person\'s title or years in it do not meet the requirement.'),
    help: t('改派符合条件的人员；如职称写错，改正名单中的 title 或 titleSince。', 'Post someone who qualifies; if the title is wrong, correct title or titleSince in the roster.'),
  },
  'no-data': {
    severity: 'warning',
    label: t('缺数据', 'no data'),
    description: t('缺少检查指标所需的数据（活动记录、名单、进修或 Indicators），无法判定。', 'Data the quota needs (activity log, roster, training or Indicators) is missing, so it cannot be judged.'),
    help: t('按提示补充相应的文档；确实为零的，提交写明期间的空记录。', 'Add the documents named; where there truly was nothing, add an empty record for the period.'),
  },
  'no-measure': {
    severity: 'error',
    description: t('指标既没有 measure 也没有 require，无法检查。', 'A quota has neither measure nor require; nothing can be checked.'),
    help: t('写 measure（如 workdays）和 min，或写 require。', 'Give it a measure (e.g. workdays) with min, or a require.'),
  },
  'missing-per': {
    severity: 'error',
    description: t('按数量计量的指标没有写 per（按什么期间）。', 'A counted quota has no per (the period).'),
    help: t('写 per: month、bimonth、quarter、halfYear、year 或 cycle。', 'Add per: month, bimonth, quarter, halfYear, year or cycle.'),
  },
  'no-target': {
    severity: 'error',
    description: t('指标没有可比较的目标值。', 'A quota gives nothing to compare with.'),
    help: t('measure 须写 min、max 或 minRatio；require 须写 minGrade 或 orTitle。', 'A measure needs min, max or minRatio; a require needs minGrade or orTitle.'),
  },
  'missing-field': {
    severity: 'error',
    description: t('指标缺少其计量方式所需的字段。', 'A quota lacks a field its measure needs.'),
    help: t('按提示补上字段（如 ratio 的分子分母、share 的 where、minYearsInTitle 对应的 orTitle）。', 'Add the field named (e.g. a ratio\'s fields, a share\'s where, the orTitle of minYearsInTitle).'),
  },
  'field-not-allowed': {
    severity: 'error',
    description: t('指标写了其计量方式用不到的字段。', 'A quota has a field its measure does not use.'),
    help: t('删去该字段，或改正 measure。', 'Remove the field, or correct measure.'),
  },
  'unknown-of': {
    severity: 'error',
    description: t('指标的 of 路径不是已知路径。', 'A quota\'s of path is not a known one.'),
    help: t('改为提示中列出的路径之一。', 'Use one of the paths listed in the message.'),
  },
  'min-above-max': {
    severity: 'error',
    description: t('指标的 min 大于 max。', 'A quota\'s min is above its max.'),
    help: t('改正 min 或 max。', 'Correct min or max.'),
  },
  'no-cycle': {
    severity: 'error',
    description: t('指标按建设周期检查（per: cycle），但医联体没有写 cycle。', 'A quota is per: cycle but the alliance has no cycle.'),
    help: t('在 Alliance 中写 cycle: { start, end }。', 'Add cycle: { start, end } to the Alliance.'),
  },
  'duplicate-id': {
    severity: 'error',
    description: t('指标编号重复。', 'A quota id is used twice.'),
    help: t('给每个指标一个不同的 id。', 'Give each quota its own id.'),
  },
});
