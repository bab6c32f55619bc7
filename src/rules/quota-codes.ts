// The quota rule's codes (rules/quota.ts carries them in meta.codes), in a module of their own so
// that quota-wording.ts raises them without importing the rule that imports it.
import { t } from '../model/diagnostic.js';
import { family, msg } from '../codes/declare.js';

/** The codes the quota rule raises (quota-definitions raises those of how a quota is written). */
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
  'not-rising': {
    severity: 'error',
    label: t('未较上年增长', 'not above last year'),
    description: t('要求逐年提升或较上年同期增长的指标，本期未高于上年同期。原文只说“合理增长”而未给出幅度的，按高于上年同期判断，报为警告。', 'A figure that must rise year on year is not above the same period a year earlier. Where the source only says it should grow (合理增长) without a number, "above last year" is the reading, and it is a warning.'),
    help: t('核对两期的 Indicators 数据；数据无误的，分析原因并采取措施。', 'Check both periods\' Indicators figures; if they are right, look into why and act on it.'),
    messages: {
      // rise: true — the source says plainly that it rises (逐年提升)
      plain: msg('{subject} {period} {value}，未高于上年同期 {previousPeriod} 的 {previous}{flag}（{text}）', '{subject} {period}: {value}, not above the same period a year earlier, {previousPeriod}: {previous}{flag} ({text})'),
      // rise: 合理增长 — the source's words give no number: "above last year's" is yilian's reading
      words: msg(
        '{subject} {period} {value}，未高于上年同期 {previousPeriod} 的 {previous}{flag}；原文「{words}」未给出幅度，按高于上年同期判断（{text}）',
        '{subject} {period}: {value}, not above the same period a year earlier, {previousPeriod}: {previous}{flag}; the source says "{words}" without a number, read as above last year\'s ({text})',
      ),
    },
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
    description: t('缺少检查指标所需的数据（活动记录、名单、进修或 Indicators，与上年比较时还有上年同期的数据），无法判定。', 'Data the quota needs (activity log, roster, training or Indicators, and last year\'s figures for a year-on-year rise) is missing, so it cannot be judged.'),
    help: t('按提示补充相应的文档；确实为零的，提交写明期间的空记录。', 'Add the documents named; where there truly was nothing, add an empty record for the period.'),
  },
});

