// Codes of the structure and reference rules `validate` runs, one family per rule: the rule id is
// the code prefix (issue 8). The former ids (refs/*, structure/*) stay as deprecatedIds, so CI
// alerts and Settings keyed on them keep working.
import { t } from '../model/diagnostic.js';
import { family } from './declare.js';

export const REFERENCES_CODES = family('references', t('引用', 'reference'), {
  unknown: {
    severity: 'error',
    description: t('引用的单位、人员、科室或医联体不存在。', 'A referenced unit, person, department or alliance does not exist.'),
    help: t('按提示改正名称；或在名单或医联体文件中添加它，或把这个写法加入已有记录的 aliases。', 'Correct the name as suggested; or add the record to the roster or alliance file, or add this spelling to an existing record\'s aliases.'),
    deprecatedIds: ['refs/unknown'],
  },
  ambiguous: {
    severity: 'error',
    description: t('引用的名称可能指多条记录。', 'A reference could mean several records.'),
    help: t('改用编号（id）或全称。', 'Use the id or the full name.'),
    deprecatedIds: ['refs/ambiguous'],
  },
  'alliance-required': {
    severity: 'error',
    description: t('工作区有多个医联体，文档没有写明属于哪一个。', 'The workspace has several alliances and the document does not name its own.'),
    help: t('在文档中写 alliance: 医联体编号。', 'Add alliance: with the alliance id to the document.'),
    deprecatedIds: ['refs/alliance-required'],
  },
  'duplicate-id': {
    severity: 'error',
    description: t('编号（id）重复。', 'An id is used twice.'),
    help: t('每个编号只能用一次。', 'Each id may be used once.'),
    deprecatedIds: ['refs/duplicate-id'],
  },
  'duplicate-name': {
    severity: 'error',
    description: t('名称重复，而同名记录没有各自的编号。', 'A name is used twice without distinct ids.'),
    help: t('给同名的记录各加一个不同的 id，引用时用 id。', 'Give each record of that name its own id, and refer to them by id.'),
    deprecatedIds: ['refs/duplicate-name'],
  },
  unchecked: {
    severity: 'info',
    description: t(
      '定义这些记录的文件（名单或医联体文件）有错误没能读入，对其中记录的引用未核对。',
      'The file that defines these records (a roster or alliance file) has errors and was not read, so references to them were not checked.',
    ),
    help: t('先改正该文件的错误，再运行一次。', 'Fix the errors in that file, then run again.'),
    deprecatedIds: ['refs/unchecked'],
  },
});

export const MEMBER_LEAD_CODES = family('member-lead', t('结构', 'structure'), {
  'no-lead': {
    severity: 'error',
    description: t('医联体没有牵头单位。', 'The alliance has no lead unit.'),
    help: t('在 units 中给牵头单位写 role: lead。', 'Give the lead unit role: lead under units.'),
    deprecatedIds: ['structure/no-lead'],
  },
  invalid: {
    severity: 'error',
    description: t('成员单位的 lead 写法不对：牵头单位写了 lead，或 lead 不是牵头单位，或多个牵头单位时没写 lead。', 'A member\'s lead is wrong: a lead unit has one, it names a non-lead unit, or it is missing where there are several leads.'),
    help: t('lead 只写在成员单位上，并指向 role: lead 的单位。', 'Write lead on member units only, naming a unit with role: lead.'),
    deprecatedIds: ['structure/member-lead'],
  },
});

export const GROUP_COMPOSITION_CODES = family('group-composition', t('结构', 'structure'), {
  count: {
    severity: 'error',
    description: t('工作组的人数不符合 composition 的要求。', 'A group\'s members do not match its composition.'),
    help: t('检查 members 中该角色的人数，或改正 composition。', 'Check how many members have that role, or correct the composition.'),
    deprecatedIds: ['structure/group-composition'],
  },
  rule: {
    severity: 'error',
    description: t('composition 的人数规则自相矛盾。', 'A composition rule contradicts itself.'),
    help: t('用 count，或用 min/max，不要同时使用；min 不大于 max。', 'Use count or min/max, not both; min must not exceed max.'),
    deprecatedIds: ['structure/group-rule'],
  },
  'duplicate-member': {
    severity: 'warning',
    description: t('同一人以同一角色在工作组中重复列出。', 'A person is listed twice with the same role in a group.'),
    help: t('删去重复的一行。', 'Remove the duplicate line.'),
    deprecatedIds: ['structure/duplicate-member'],
  },
});

export const GROUP_DISJOINT_CODES = family('group-disjoint', t('结构', 'structure'), {
  overlap: {
    severity: 'error',
    description: t('同一人在两个不得交叉的工作组中任职。', 'A person sits on two groups that must not overlap.'),
    help: t('从其中一个工作组中删去此人，或改正 disjointFrom。', 'Remove the person from one of the groups, or correct disjointFrom.'),
    deprecatedIds: ['structure/group-disjoint'],
  },
});

export const DATE_ORDER_CODES = family('date-order', t('结构', 'structure'), {
  reversed: {
    severity: 'error',
    description: t('结束日期早于开始日期。', 'An end date is before its start date.'),
    help: t('对调或改正 start 和 end。', 'Swap or correct start and end.'),
    deprecatedIds: ['structure/date-order'],
  },
});

export const ASSIGNMENT_CYCLE_CODES = family('assignment-cycle', t('结构', 'structure'), {
  outside: {
    severity: 'warning',
    description: t('下派日期不在医联体的建设周期内。', 'A posting date is outside the alliance\'s cycle.'),
    help: t('检查下派日期，或改正 Alliance 中的 cycle。', 'Check the posting dates, or correct the cycle of the Alliance.'),
    deprecatedIds: ['structure/assignment-outside-cycle'],
  },
});

export const PHONE_FORMAT_CODES = family('phone-format', t('结构', 'structure'), {
  invalid: {
    severity: 'error',
    description: t('电话不是有效的手机号或座机号。', 'A phone is not a valid mobile or landline number.'),
    help: t('写 11 位手机号，或带区号的座机号如 0376-1234567。', 'Write an 11-digit mobile or a landline with its area code, e.g. 0376-1234567.'),
    deprecatedIds: ['structure/phone-format'],
  },
});

export const TITLE_GRADE_CODES = family('title-grade', t('结构', 'structure'), {
  'practice-qualification': {
    severity: 'warning',
    description: t('职称一栏写的是执业资格（如 执业医师），无法确定职称等级。', 'A title is a practice qualification (e.g. 执业医师), so the grade is unknown.'),
    help: t('写职称（如 主治医师），或写 grade。', 'Write the title (e.g. 主治医师), or a grade.'),
    deprecatedIds: ['structure/practice-qualification'],
  },
  'unknown-title': {
    severity: 'warning',
    description: t('无法从职称推出等级（初级、中级、副高、正高）。', 'No grade can be derived from a title.'),
    help: t('写规范的职称名称，或写 grade。', 'Write the standard title, or a grade.'),
    deprecatedIds: ['structure/unknown-title'],
  },
});

export const ACTIVITY_MONTH_CODES = family('activity-month', t('结构', 'structure'), {
  'outside-month': {
    severity: 'error',
    description: t('活动记录的日期不在该记录的月份内。', 'An activity date is outside the log\'s month.'),
    help: t('改正日期，或把该条移到对应月份的记录中。', 'Correct the date, or move the entry to that month\'s log.'),
    deprecatedIds: ['structure/activity-month'],
  },
});

export const WORKPLAN_DUE_CODES = family('workplan-due', t('结构', 'structure'), {
  'duplicate-item': {
    severity: 'error',
    description: t('工作计划中有两个相同的序号。', 'Two work-plan items have the same number.'),
    help: t('给每个事项一个不同的 no。', 'Give each item its own no.'),
    deprecatedIds: ['structure/duplicate-item'],
  },
});

export const CALENDAR_CODES = family('calendar', t('日历', 'calendar'), {
  gap: {
    severity: 'error',
    label: t('缺日历', 'no calendar'),
    description: t('某年没有官方工作日历，按工作日计算的期限和指标无法检查。', 'A year has no official working-day calendar, so working-day deadlines and quotas cannot be checked.'),
    help: t('添加 Calendar 文档，写明 years 及该年的节假日和调休上班日；或改用自然日（如 --within 14d）。', 'Add a Calendar document with years and that year\'s holidays and 调休 workdays; or use calendar days (e.g. --within 14d).'),
  },
  conflict: {
    severity: 'error',
    label: t('日历冲突', 'calendar clash'),
    description: t('同一天在 Calendar 中既是节假日又是上班日。', 'A date is both a holiday and a workday in the Calendar.'),
    help: t('删去其中一处。', 'Remove one of the two.'),
  },
});
