// Codes of the sheets people hand in: the dispatch roster and the subsidy payment sheets. They
// say why a row is missing or a sum is smaller than expected — never a silently wrong number.
import { t } from '../model/diagnostic.js';
import { family, msg } from './declare.js';

export const ROSTER_CODES = family('roster', t('名单', 'roster'), {
  'no-roster': {
    severity: 'warning',
    description: t('医联体没有下派人员名单（Roster），名单为空。', 'The alliance has no Roster document; the list is empty.'),
    help: t('添加 Roster 文档，或用 yilian import roster 从已有表格生成。', 'Add a Roster document, or make one from an existing sheet with yilian import roster.'),
    message: msg('医联体「{alliance}」没有 Roster（下派人员名单）文件，名单为空，汇总表列出全部成员单位。', 'Alliance "{alliance}" has no Roster document; the list is empty and the summary lists every member unit.'),
  },
  'unknown-unit': {
    severity: 'warning',
    description: t('人员单位不是医联体的成员单位。', 'A person\'s unit is not a unit of the alliance.'),
    help: t('改为单位全称，或在 Alliance 中把这个写法加入该单位的 aliases。', 'Use the full name, or add this spelling to the unit\'s aliases in the Alliance.'),
    message: msg('人员单位“{unit}”不是医联体的成员单位', 'person unit "{unit}" is not a unit of the alliance'),
  },
  'unknown-person': {
    severity: 'error',
    description: t('下派安排中的人员不在名单中。', 'A posting names a person who is not in the roster.'),
    help: t('在 Roster 的 people 中添加此人，或改正 assignments 中的姓名。', 'Add the person to the Roster\'s people, or correct the name under assignments.'),
    message: msg('下派安排中的人员“{person}”不在名单中', 'assignment person "{person}" is not in the roster'),
  },
  'target-not-member': {
    severity: 'warning',
    description: t('下派单位不是医联体的成员单位。', 'A receiving unit is not a member unit of the alliance.'),
    help: t('改为成员单位的全称，或把该单位加入 Alliance 的 units。', 'Use the member unit\'s full name, or add the unit to the Alliance\'s units.'),
    message: msg('下派单位“{target}”不是医联体的成员单位', 'receiving unit "{target}" is not a member unit of the alliance'),
  },
});

/**
 * An activity that earns nothing, once per person, activity and reason. The reason is worded where
 * it is found (money/subsidy-charges.ts): the 明细 sheet shows the same words in its note column.
 */
const UNPAID = {
  one: msg('{reason}：{person} {activity}未计费。', "{reason}: {person}'s {activity} earns nothing."),
  many: msg('{reason}：{person} {activity} 共 {entries} 条（{halfDays} 个半天）未计费。', "{reason}: {person}'s {activity} ({entries} entries, {halfDays} half-days) earns nothing."),
};

export const SUBSIDY_CODES = family('subsidy', t('补贴', 'subsidy'), {
  'unknown-person': {
    severity: 'warning',
    description: t('活动记录中的人员不在名单中，该条未计费。', 'An activity names a person who is in no roster; it earns nothing.'),
    help: t('在 Roster 中添加此人，或改正活动记录中的姓名。', 'Add the person to a Roster, or correct the name in the activity log.'),
    messages: UNPAID,
  },
  'no-policy': {
    severity: 'warning',
    description: t('活动日期没有生效的补贴标准，该条未计费。', 'No subsidy policy is in force on the activity\'s date; it earns nothing.'),
    help: t('添加 SubsidyPolicy，或检查其 effective 日期。', 'Add a SubsidyPolicy, or check its effective date.'),
    messages: UNPAID,
  },
  'no-rate': {
    severity: 'warning',
    description: t('补贴标准中没有该类活动（或该等级人员）的标准，该条未计费。', 'The policy has no rate for that activity (or that grade); it earns nothing.'),
    help: t('如该项应付费，在 SubsidyPolicy 的 rates 中补上标准。', 'If it should be paid, add a rate to the SubsidyPolicy.'),
    messages: UNPAID,
  },
  'unknown-grade': {
    severity: 'warning',
    description: t('人员职称等级不明，而该类活动只有按等级的标准，该条未计费。', 'The person\'s grade is unknown and the activity is paid by grade only; it earns nothing.'),
    help: t('在名单中写明职称（如 主治医师）或 grade。', 'Give the person a title (e.g. 主治医师) or a grade in the roster.'),
    messages: UNPAID,
  },
  capped: {
    severity: 'info',
    description: t('劳务费超过上限，超出部分未计（先到先付）。', 'Fees exceed the cap; the excess is not paid (first come, first paid).'),
    help: t('按政策执行，无需处理；上限有误的，改正 SubsidyPolicy 的 caps。', 'Nothing to do under the policy; if the cap is wrong, correct caps in the SubsidyPolicy.'),
    messages: {
      personMonth: msg(
        '{name} 本月劳务费超过上限 {cap} 元，自 {from} 起少计 {cut} 元（先到先付）。',
        "{name}'s fees exceed the monthly cap of {cap} yuan; {cut} yuan not paid from {from} on (first come, first paid).",
      ),
      personYear: msg(
        '{name} 本年劳务费超过上限 {cap} 元，自 {from} 起少计 {cut} 元（先到先付）。',
        "{name}'s fees exceed the yearly cap of {cap} yuan; {cut} yuan not paid from {from} on (first come, first paid).",
      ),
    },
  },
  'no-entries': {
    severity: 'warning',
    description: t('该月没有下沉工作记录，发放表为空。', 'The month has no activity-log entries; the sheets are empty.'),
    help: t('检查 --month 和活动记录文件。', 'Check --month and the activity-log files.'),
    message: msg('{month} 没有下沉工作记录，发放表为空。', 'No activity-log entries in {month}; the sheets are empty.'),
  },
});
