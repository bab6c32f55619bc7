// workplan-due/*: every `due:` (and `first:`, `years:`) must be an expression we can
// schedule; a plan whose items need a year must say which. Also item numbers are unique.
import { t, type Diagnostic } from '../model/diagnostic.js';
import { where } from './report.js';
import type { Rule } from './rule.js';
import { scheduleIn } from '../judge/schedule.js';
import { family, msg } from '../codes/declare.js';

/** The codes this rule raises. */
export const WORKPLAN_DUE_CODES = family('workplan-due', t('期限写法', 'due form'), {
  'duplicate-item': {
    severity: 'error',
    label: t('结构', 'structure'),
    description: t('工作计划中有两个相同的序号。', 'Two work-plan items have the same number.'),
    help: t('给每个事项一个不同的 no。', 'Give each item its own no.'),
    deprecatedIds: ['structure/duplicate-item'],
    message: msg('序号 {no} 重复。', 'Item number {no} is used twice.'),
  },
  'unknown-due': {
    severity: 'error',
    label: t('期限写法', 'due form'),
    description: t('完成时间（due、first、years）的写法无法识别。', 'A due expression (due, first or years) cannot be read.'),
    help: t('写作 2021年6月底、每季度、每年12月31日前 等（见 FORMAT.md）。', 'Write it as 2021年6月底, 每季度, 每年12月31日前 and so on (see FORMAT.md).'),
    deprecatedIds: ['deadline/unknown-due'],
    // time/due.ts words what it could not read (an unknown form, an empty due, a reversed range)
    message: msg('{reason}', '{reason}'),
  },
  'invalid-date': {
    severity: 'error',
    label: t('期限日期', 'due date'),
    description: t('完成时间中的日期不存在（如 2月30日）。', 'A date in a due expression does not exist (e.g. 2月30日).'),
    help: t('改为存在的日期，月底可写作 X月底。', 'Use a day that exists; write X月底 for the end of a month.'),
    deprecatedIds: ['deadline/invalid-date'],
    // time/due.ts words which date or month does not exist
    message: msg('{reason}', '{reason}'),
  },
  'no-year': {
    severity: 'error',
    label: t('缺年份', 'no year'),
    description: t('期限没有年份，工作计划也没有写 years 或 year。', 'A deadline has no year, and the work plan gives no years or year.'),
    help: t('在期限中写年份，或在工作计划中写 years: 2018-2022。', 'Put the year in the deadline, or give the work plan years: 2018-2022.'),
    deprecatedIds: ['deadline/no-year'],
    message: msg('第 {no} 项的完成时间「{due}」没有年份：请在 WorkPlan 写 year: 或 years:。', 'Item {no}: "{due}" has no year; give the WorkPlan a year: or years:.'),
  },
  clamped: {
    severity: 'warning',
    label: t('期限调整', 'due moved'),
    description: t('期限日期在平年不存在（2月29日），已按 2月28日 计算。', 'A deadline does not exist in a common year (29 February) and is taken as 28 February.'),
    help: t('如要月底截止，写 2月底。', 'To mean the end of February, write 2月底.'),
    deprecatedIds: ['deadline/clamped'],
    message: msg('「{due}」在平年不存在，期限按 {deadlines} 计算。', '"{due}" does not exist in a common year; the deadline is taken as {deadlines}.'),
  },
  'no-cycle': {
    severity: 'error',
    label: t('缺周期', 'no cycle'),
    description: t('期限按周期结束计算（如 下沉周期结束后一个月内），但医联体没有写 cycle。', 'A deadline counts from the cycle end (e.g. 下沉周期结束后一个月内), but the alliance has no cycle.'),
    help: t('在 Alliance 写 cycle: { start: …, end: … }，或把 due 写成具体日期。', 'Give the Alliance cycle: { start, end }, or write due as a date.'),
    deprecatedIds: ['deadline/no-cycle'],
    message: msg('第 {no} 项的完成时间「{due}」按周期结束计算，但医联体没有写 cycle（建设周期）。', 'Item {no}: "{due}" counts from the cycle\'s end, but the alliance has no cycle.'),
  },
  'first-without-recurrence': {
    severity: 'warning',
    label: t('期限', 'deadline'),
    description: t('非周期性事项写了 first。', 'An item that does not recur has first.'),
    help: t('first 只用于周期性事项（每季度等）；删去它，或把 due 写成周期。', 'first is for recurring items (每季度 and so on); remove it, or write due as a recurrence.'),
    deprecatedIds: ['deadline/first-without-recurrence'],
    message: msg('first 只用于周期性事项（每季度等）。', 'first applies to recurring items only.'),
  },
});

export const workplanDue: Rule = {
  id: 'workplan-due',
  meta: { description: t('完成时间写法可识别', 'Due expressions can be read'), defaultSeverity: 'error', codes: [WORKPLAN_DUE_CODES] },
  check(ws) {
    const out: Diagnostic[] = [];
    for (const plan of ws.data('WorkPlan')) {
      const seen = new Set<string>();
      for (const item of plan.items) {
        const no = String(item.no);
        if (seen.has(no))
          out.push(WORKPLAN_DUE_CODES.raise('workplan-due/duplicate-item', { no }, where(item, 'no')));
        seen.add(no);
        const s = scheduleIn(ws, plan, item);
        if (s.kind === 'error')
          out.push(
            WORKPLAN_DUE_CODES.raise(s.error.code === 'due/invalid-date' ? 'workplan-due/invalid-date' : 'workplan-due/unknown-due', { reason: s.error.message }, {
              ...where(item, s.field === 'years' && !item.years ? undefined : s.field),
              hint: s.error.accepted.zh ? s.error.accepted : undefined,
              data: { item: item.no },
            }),
          );
        else if (s.kind === 'no-year') out.push(WORKPLAN_DUE_CODES.raise('workplan-due/no-year', { no: item.no, due: item.due }, { ...where(item, 'due'), data: { item: item.no } }));
        else if (s.kind === 'no-cycle')
          out.push(WORKPLAN_DUE_CODES.raise('workplan-due/no-cycle', { no: item.no, due: item.due }, { ...where(item, 'due'), hint: t('在 Alliance 写 cycle: { start: …, end: … }。', 'Give the Alliance a cycle: { start, end }.'), data: { item: item.no } }));
        else if (s.kind === 'dated') {
          // 2月29日 in a common year: the deadline moves to 28 Feb; say so.
          const moved = s.deadlines.filter((d) => d.clamped).map((d) => d.deadline);
          if (moved.length)
            out.push(
              WORKPLAN_DUE_CODES.raise('workplan-due/clamped', { due: item.due, deadlines: t(moved.join('、'), moved.join(', ')) }, {
                ...where(item, 'due'),
                hint: t('如要月底截止，可写 2月底。', 'To mean the end of February, write 2月底.'),
                data: { item: item.no, due: moved },
              }),
            );
        }
        if (s.kind !== 'recurring' && item.first)
          out.push(WORKPLAN_DUE_CODES.raise('workplan-due/first-without-recurrence', {}, where(item, 'first')));
      }
    }
    return out;
  },
};
