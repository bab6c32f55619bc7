// The check report model: findings as of a date, grouped by 牵头科室 (who the clerk chases).
import { codeLabel } from '../codes/index.js';
import { sortDiagnostics, t, type Finding, type Severity, type Text } from '../model/diagnostic.js';
import { byPinyin } from '../model/order.js';

/** A finding's short label (the 类别 column of check and report): its code's, else its family's. */
export function findingKindLabel(code: string): Text | undefined {
  return codeLabel(code);
}

/** A finding's level as check's table and the report's 问题清单 word it (级别). */
export const SEVERITY_WORDS: Record<Severity, Text> = { error: t('错误', 'error'), warning: t('警告', 'warning'), info: t('提示', 'info') };

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
  const ordered = [...groups.entries()].sort(([a], [b]) => byPinyin(a, b)).map(([, g]) => g);
  return { asOf, withinDays, findings: sorted, groups: ordered, counts, byCode, filesChecked };
}
