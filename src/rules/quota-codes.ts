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
    messages: {
      below: msg('{subject} {period} {value}，要求不少于 {required}{flag}{basis}（{rule}）', '{subject} {period}: {value}, required at least {required}{flag}{basis} ({rule})'),
      absent: msg(
        '{period} 以下 {count} 人在下沉工作记录中没有任何记录，按 0 计，未达到要求（{rule}）：{people}',
        '{period}: {count} person(s) have no entries at all in the activity log, counted as 0, below the quota ({rule}): {people}',
      ),
    },
  },
  above: {
    severity: 'error',
    label: t('超上限', 'above quota'),
    description: t('某期的数值超过指标上限。', 'A value is above a quota\'s maximum in a period.'),
    help: t('核对记录是否重复；确属超出的，按要求调整。', 'Check the records for duplicates; if it is really above, adjust as required.'),
    message: msg('{subject} {period} {value}，要求不超过 {required}（{rule}）', '{subject} {period}: {value}, required at most {required} ({rule})'),
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
    messages: {
      years: msg(
        '{who}为{title}，{since} 取得，到下派时不满 {min} 年{flag}（{years} 年），不符合要求：{want}（{rule}）',
        '{who} is {title} since {since}: {years} year(s) at the start, under {min}{flag}; required {want} ({rule})',
      ),
      grade: msg('{who}为{title}（{grade}），不符合要求：{want}（{rule}）', '{who} is {title} ({grade}); required {want} ({rule})'),
    },
  },
  'no-data': {
    severity: 'warning',
    label: t('缺数据', 'no data'),
    description: t('缺少检查指标所需的数据（活动记录、名单、进修或 Indicators，与上年比较时还有上年同期的数据），无法判定。', 'Data the quota needs (activity log, roster, training or Indicators, and last year\'s figures for a year-on-year rise) is missing, so it cannot be judged.'),
    help: t('按提示补充相应的文档；确实为零的，提交写明期间的空记录。', 'Add the documents named; where there truly was nothing, add an empty record for the period.'),
    messages: {
      noSpan: msg('医联体没有写建设周期（cycle），也没有任何记录可确定检查期间，无法检查（{rule}）', 'The alliance has no cycle and no data to tell which periods to check; cannot check ({rule})'),
      noCycle: msg('医联体没有写建设周期（cycle），无法按周期检查（{rule}）', 'The alliance has no cycle; a per: cycle quota cannot be checked ({rule})'),
      noStaff: msg('以下单位没有专技人数（{of}），无法按比例检查：{units}（{rule}）', 'No staff figure ({of}) for these units, so the ratio cannot be checked: {units} ({rule})'),
      unitsInPeriod: msg('{period} {missing}：{units}，无法检查（{rule}）', '{period}: {missing} for {units}; cannot check ({rule})'),
      periods: msg('{periods} {missing}，无法检查（{rule}）', '{missing} for {periods}; cannot check ({rule})'),
      partialLog: msg(
        '{period} 的下沉工作记录不全（缺 {months}），按现有记录未达到要求（实际/要求）：{subjects}（{rule}）',
        '{period}: the activity log is incomplete (missing {months}); on the entries there are, below the quota (value/required): {subjects} ({rule})',
      ),
      noGrade: msg('无法判定 {who} 的职称等级（{title}），不能检查：要求{want}（{rule}）', 'Cannot tell the grade of {who} ({title}); required {want} ({rule})'),
      noTitleSince: msg('{who}为{title}，但没有取得职称时间（titleSince），无法判断是否满 {min} 年（{rule}）', '{who} is {title} but has no titleSince; cannot tell {min}+ years ({rule})'),
    },
  },
});

