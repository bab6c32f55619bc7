// Codes of deadlines and recurring items. Issue 8 moves each declaration onto the rule module
// that raises it; the registry then collects them from there.
import { t } from '../model/diagnostic.js';
import { family } from './declare.js';

export const DEADLINE_CODES = family('deadline', t('期限', 'deadline'), {
  overdue: {
    severity: 'error',
    label: t('逾期', 'overdue'),
    description: t('事项已过期限仍未完成。', 'An item is past its deadline and not done.'),
    help: t('完成后在该事项写 done: 完成日期；期限有变的，改正 due。', 'When it is done, add done: with the date to the item; if the deadline changed, correct due.'),
  },
  'due-soon': {
    severity: 'warning',
    label: t('即将到期', 'due soon'),
    description: t('事项将在提醒期内到期。', 'An item falls due within the look-ahead window.'),
    help: t('按期完成后写 done: 完成日期。', 'Finish it in time and add done: with the date.'),
  },
  'done-late': {
    severity: 'warning',
    label: t('延期完成', 'done late'),
    description: t('事项完成日期晚于期限。', 'An item was done after its deadline.'),
    help: t('仅作记录；如完成日期写错，改正 done。', 'For the record; if the date is wrong, correct done.'),
  },
  open: {
    severity: 'info',
    label: t('未设期限', 'open'),
    description: t('事项未完成，也没有具体期限（如 长期坚持）。', 'An item is open and has no fixed deadline (e.g. 长期坚持).'),
    help: t('无需处理；如有期限，把 due 写成具体日期或周期。', 'Nothing to do; if it has a deadline, write due as a date or a recurrence.'),
  },
  'unknown-due': {
    severity: 'error',
    label: t('期限写法', 'due form'),
    description: t('完成时间（due、first、years）的写法无法识别。', 'A due expression (due, first or years) cannot be read.'),
    help: t('写作 2021年6月底、每季度、每年12月31日前 等（见 FORMAT.md）。', 'Write it as 2021年6月底, 每季度, 每年12月31日前 and so on (see FORMAT.md).'),
  },
  'invalid-date': {
    severity: 'error',
    label: t('期限日期', 'due date'),
    description: t('完成时间中的日期不存在（如 2月30日）。', 'A date in a due expression does not exist (e.g. 2月30日).'),
    help: t('改为存在的日期，月底可写作 X月底。', 'Use a day that exists; write X月底 for the end of a month.'),
  },
  'no-year': {
    severity: 'error',
    label: t('缺年份', 'no year'),
    description: t('期限没有年份，工作计划也没有写 years 或 year。', 'A deadline has no year, and the work plan gives no years or year.'),
    help: t('在期限中写年份，或在工作计划中写 years: 2018-2022。', 'Put the year in the deadline, or give the work plan years: 2018-2022.'),
  },
  clamped: {
    severity: 'warning',
    label: t('期限调整', 'due moved'),
    description: t('期限日期在平年不存在（2月29日），已按 2月28日 计算。', 'A deadline does not exist in a common year (29 February) and is taken as 28 February.'),
    help: t('如要月底截止，写 2月底。', 'To mean the end of February, write 2月底.'),
  },
  'no-cycle': {
    severity: 'error',
    label: t('缺周期', 'no cycle'),
    description: t('期限按周期结束计算（如 下沉周期结束后一个月内），但医联体没有写 cycle。', 'A deadline counts from the cycle end (e.g. 下沉周期结束后一个月内), but the alliance has no cycle.'),
    help: t('在 Alliance 写 cycle: { start: …, end: … }，或把 due 写成具体日期。', 'Give the Alliance cycle: { start, end }, or write due as a date.'),
  },
  'first-without-recurrence': {
    severity: 'warning',
    description: t('非周期性事项写了 first。', 'An item that does not recur has first.'),
    help: t('first 只用于周期性事项（每季度等）；删去它，或把 due 写成周期。', 'first is for recurring items (每季度 and so on); remove it, or write due as a recurrence.'),
  },
});

export const RECURRENCE_CODES = family('recurrence', t('周期', 'recurrence'), {
  missed: {
    severity: 'error',
    label: t('漏期', 'missed'),
    description: t('周期性事项在某一期没有记录。', 'A recurring item has no occurrence in a past period.'),
    help: t('在该事项的 held 中补上当期完成的日期；确未开展的，记入整改。', 'Add the date it was held to the item\'s held list; if it was not held, plan the make-up.'),
  },
  'due-soon': {
    severity: 'warning',
    label: t('本期待办', 'due this period'),
    description: t('周期性事项本期尚无记录，期末将至。', 'A recurring item has no occurrence yet in a period that ends soon.'),
    help: t('本期完成后把日期加入 held。', 'When it is held this period, add the date to held.'),
  },
  'first-overdue': {
    severity: 'error',
    label: t('首次逾期', 'first overdue'),
    description: t('周期性事项的首次（first）期限已过，仍没有记录。', 'The first occurrence of a recurring item (first:) is past its day and none is recorded.'),
    help: t('已开展的在 held 中写上日期；确未开展的，尽快安排。', 'If it happened, add its date to held; if not, arrange it now.'),
  },
  'first-late': {
    severity: 'warning',
    label: t('首次延期', 'first late'),
    description: t('周期性事项的首次记录晚于 first 的期限。', 'The first occurrence of a recurring item came after its first: day.'),
    help: t('仅作记录；如日期写错，改正 held。', 'For the record; if the date is wrong, correct held.'),
  },
  'outside-period': {
    severity: 'warning',
    label: t('期外记录', 'outside period'),
    description: t('周期性事项的一条记录不在任何要求的期间内。', 'An occurrence of a recurring item falls outside every required period.'),
    help: t('检查该日期，或检查 due、first 和 years。', 'Check the date, or the item\'s due, first and years.'),
  },
});

export const COVERAGE_CODES = family('coverage', t('覆盖', 'coverage'), {
  uncovered: {
    severity: 'error',
    label: t('未覆盖', 'uncovered'),
    description: t('应加入医联体的单位到期仍未加入任何医联体。', 'A unit that must join an alliance has not joined any by the date required.'),
    help: t('把该单位加入一个医联体的 units。', 'Add the unit to the units of an alliance.'),
  },
  pending: {
    severity: 'warning',
    label: t('待覆盖', 'to cover'),
    description: t('应加入医联体的单位尚未加入，期限未到。', 'A unit that must join an alliance has not joined yet; the date is still ahead.'),
    help: t('在期限前把该单位加入一个医联体的 units。', 'Add the unit to the units of an alliance before the date.'),
  },
  multiple: {
    severity: 'error',
    label: t('重复加入', 'in several'),
    description: t('一个单位同时属于多个医联体。', 'A unit belongs to several alliances.'),
    help: t('只保留该单位在一个医联体中的记录。', 'Keep the unit in one alliance only.'),
  },
});

export const EXPIRING_CODES = family('expiring', t('到期', 'ending'), {
  cycle: {
    severity: 'warning',
    label: t('周期到期', 'cycle ends'),
    description: t('医联体的建设周期即将结束。', 'The alliance\'s cycle ends soon.'),
    help: t('准备总结和下一周期的计划；新周期确定后更新 cycle。', 'Prepare the review and the next plan; update cycle once the new one is set.'),
  },
  term: {
    severity: 'warning',
    label: t('任期届满', 'term ends'),
    description: t('工作组的本届任期即将届满。', 'A group\'s term ends soon.'),
    help: t('准备换届，换届后更新 term 和 members。', 'Prepare the new term, then update term and members.'),
  },
  'term-expired': {
    severity: 'warning',
    label: t('任期已满', 'term ended'),
    description: t('工作组的任期已经届满。', 'A group\'s term has ended.'),
    help: t('换届后更新 term 和 members。', 'Update term and members after the new term begins.'),
  },
  assignment: {
    severity: 'info',
    label: t('下派到期', 'posting ends'),
    description: t('人员的下派即将结束。', 'A posting ends soon.'),
    help: t('安排接替人员，或延长 end。', 'Arrange a successor, or extend end.'),
  },
});
