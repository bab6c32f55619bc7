// The code registry: every finding code yilian can emit, with its description, help, default
// severity and label. Consumers (SARIF rules[], check's 类别 column) ask this module only, so the
// declarations can move (issue 8: onto the rule modules) without changing them.
import type { Text } from '../model/diagnostic.js';
import type { CodeDeclaration, CodeFamily } from './declare.js';
import { IMPORT_CODES } from './import.js';
import { IO_CODES } from './io.js';
import { DOC_CODES, SCHEMA_CODES, TEXT_CODES, YAML_CODES } from './loader.js';
import { ROSTER_CODES, SUBSIDY_CODES } from './outputs.js';
import { QUOTA_CODES } from './quota.js';
import { SETTINGS_CODES } from './settings.js';
import { COVERAGE_CODES, DEADLINE_CODES, EXPIRING_CODES, RECURRENCE_CODES } from './schedule.js';
import {
  ACTIVITY_MONTH_CODES,
  ASSIGNMENT_CYCLE_CODES,
  CALENDAR_CODES,
  DATE_ORDER_CODES,
  GROUP_COMPOSITION_CODES,
  GROUP_DISJOINT_CODES,
  MEMBER_LEAD_CODES,
  PHONE_FORMAT_CODES,
  REFERENCES_CODES,
  TITLE_GRADE_CODES,
  WORKPLAN_DUE_CODES,
} from './structure.js';
import { DUTIES_CODES, PROMOTIONS_CODES } from './duties.js';

export type { CodeDeclaration, CodeFamily, CodeSpec } from './declare.js';
export { family } from './declare.js';

/** Every family, in the order tables group them. */
export const CODE_FAMILIES: readonly CodeFamily[] = [
  YAML_CODES,
  TEXT_CODES,
  IO_CODES,
  DOC_CODES,
  SCHEMA_CODES,
  SETTINGS_CODES,
  REFERENCES_CODES,
  MEMBER_LEAD_CODES,
  GROUP_COMPOSITION_CODES,
  GROUP_DISJOINT_CODES,
  DATE_ORDER_CODES,
  ASSIGNMENT_CYCLE_CODES,
  PHONE_FORMAT_CODES,
  TITLE_GRADE_CODES,
  ACTIVITY_MONTH_CODES,
  WORKPLAN_DUE_CODES,
  DEADLINE_CODES,
  RECURRENCE_CODES,
  DUTIES_CODES,
  PROMOTIONS_CODES,
  QUOTA_CODES,
  COVERAGE_CODES,
  EXPIRING_CODES,
  CALENDAR_CODES,
  ROSTER_CODES,
  SUBSIDY_CODES,
  IMPORT_CODES,
];

const byId = new Map<string, CodeDeclaration>();
const familyByPrefix = new Map<string, CodeFamily>();
for (const f of CODE_FAMILIES) {
  familyByPrefix.set(f.prefix, f);
  for (const c of f.codes) for (const id of [c.id, ...(c.deprecatedIds ?? [])]) byId.set(id, c);
}

/** Every declared code, sorted by id (code point order, the same on every machine). */
export const ALL_CODES: readonly CodeDeclaration[] = CODE_FAMILIES.flatMap((f) => f.codes).sort((a, b) =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
);

/** The declaration of a code, also found by one of its former ids; undefined if undeclared. */
export function codeInfo(id: string): CodeDeclaration | undefined {
  return byId.get(id);
}

/** A code's short label for tables: its own, else its family's; undefined for an unknown family. */
export function codeLabel(id: string): Text | undefined {
  return codeInfo(id)?.label ?? familyByPrefix.get(id.split('/')[0]!)?.label;
}

/** Families whose codes no workspace setting or `--rule` may change: a file that does not load has nothing else to check. */
export const LOCKED_FAMILIES: readonly string[] = ['yaml', 'text', 'doc', 'schema', 'io', 'import', 'settings'];
