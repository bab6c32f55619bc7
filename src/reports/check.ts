// The check report model: findings as of a date, grouped by 牵头科室 (who the clerk chases).
import { sortDiagnostics, type Finding, type Severity, type Text } from '../model/diagnostic.js';

/** A short label for each finding code (the 类别 column of check and report). */
const KIND_LABELS: Record<string, Text> = {
  'deadline/overdue': { zh: '逾期', en: 'overdue' },
  'deadline/due-soon': { zh: '即将到期', en: 'due soon' },
  'deadline/done-late': { zh: '延期完成', en: 'done late' },
  'deadline/open': { zh: '未设期限', en: 'open' },
  'recurrence/missed': { zh: '漏期', en: 'missed' },
  'recurrence/due-soon': { zh: '本期待办', en: 'due this period' },
  'recurrence/outside-period': { zh: '期外记录', en: 'outside period' },
  'quota/below': { zh: '未达标', en: 'below quota' },
  'quota/above': { zh: '超上限', en: 'above quota' },
  'quota/unqualified': { zh: '资格不符', en: 'unqualified' },
  'quota/no-data': { zh: '缺数据', en: 'no data' },
  'coverage/uncovered': { zh: '未覆盖', en: 'uncovered' },
  'coverage/pending': { zh: '待覆盖', en: 'to cover' },
  'coverage/multiple': { zh: '重复加入', en: 'in several' },
  'expiring/cycle': { zh: '周期到期', en: 'cycle ends' },
  'expiring/term': { zh: '任期届满', en: 'term ends' },
  'expiring/term-expired': { zh: '任期已满', en: 'term ended' },
  'expiring/assignment': { zh: '下派到期', en: 'posting ends' },
  'calendar/gap': { zh: '缺日历', en: 'no calendar' },
  'calendar/conflict': { zh: '日历冲突', en: 'calendar clash' },
  'deadline/unknown-due': { zh: '期限写法', en: 'due form' },
  'deadline/invalid-date': { zh: '期限日期', en: 'due date' },
  'deadline/no-year': { zh: '缺年份', en: 'no year' },
  'deadline/clamped': { zh: '期限调整', en: 'due moved' },
};

/** Validation findings check also lists: labelled by their family, never shown as a code. */
const FAMILY_LABELS: Record<string, Text> = {
  yaml: { zh: 'YAML格式', en: 'YAML' },
  schema: { zh: '字段', en: 'field' },
  doc: { zh: '文档', en: 'document' },
  refs: { zh: '引用', en: 'reference' },
  structure: { zh: '结构', en: 'structure' },
  io: { zh: '读取', en: 'file' },
  deadline: { zh: '期限', en: 'deadline' },
  recurrence: { zh: '周期', en: 'recurrence' },
  quota: { zh: '考核指标', en: 'quota' },
  coverage: { zh: '覆盖', en: 'coverage' },
  expiring: { zh: '到期', en: 'ending' },
  calendar: { zh: '日历', en: 'calendar' },
};

/** A code's own label, else its family's; undefined for a code of neither. */
export function findingKindLabel(code: string): Text | undefined {
  return KIND_LABELS[code] ?? FAMILY_LABELS[code.split('/')[0]!];
}

const FAMILY_ORDER = ['quota', 'coverage', 'expiring', 'calendar'];

export interface CheckGroup {
  /** The lead department, or undefined for findings not tied to a work-plan item. */
  lead?: string;
  /** For the rest: the code family (quota, coverage, expiring …). */
  family?: string;
  findings: Finding[];
}

export interface CheckReport {
  asOf: string;
  withinDays: number;
  findings: Finding[];
  groups: CheckGroup[];
  counts: Record<Severity, number>;
  byCode: Record<string, number>;
  filesChecked: number;
}

export function buildCheckReport(findings: Finding[], asOf: string, withinDays: number, filesChecked: number): CheckReport {
  const sorted = sortDiagnostics(findings);
  const groups = new Map<string, CheckGroup>();
  for (const f of sorted) {
    const lead = typeof f.data?.lead === 'string' ? f.data.lead : undefined;
    const family = lead ? undefined : f.code.split('/')[0];
    // Departments first (sorted), then the families in a fixed order.
    const key = lead ?? `\uffff${FAMILY_ORDER.indexOf(family!) < 0 ? 9 : FAMILY_ORDER.indexOf(family!)}${family}`;
    if (!groups.has(key)) groups.set(key, { lead, family, findings: [] });
    groups.get(key)!.findings.push(f);
  }
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byCode: Record<string, number> = {};
  for (const f of sorted) {
    counts[f.severity]++;
    byCode[f.code] = (byCode[f.code] ?? 0) + 1;
  }
  const ordered = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'zh')).map(([, g]) => g);
  return { asOf, withinDays, findings: sorted, groups: ordered, counts, byCode, filesChecked };
}
