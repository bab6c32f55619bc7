// The rule registry: explicit, so the list of what `validate` checks is readable in one place.
// Keys match the module and test file names.
import type { Diagnostic } from '../model/diagnostic.js';
import type { Workspace } from '../load/workspace.js';
import { activityMonth } from './activity-month.js';
import { assignmentCycle } from './assignment-cycle.js';
import { calendarConflict } from './calendar-conflict.js';
import { dateOrder } from './date-order.js';
import { duties } from './duties.js';
import { groupComposition } from './group-composition.js';
import { groupDisjoint } from './group-disjoint.js';
import { memberLead } from './member-lead.js';
import { phoneFormat } from './phone-format.js';
import { references } from './references.js';
import type { Rule, RuleContext } from './rule.js';
import { applyLevels, workspaceLevels, type Levels } from './severity.js';
import { settings } from './settings.js';
import { titleGrade } from './title-grade.js';
import { workplanDepartments } from './workplan-departments.js';
import { workplanDue } from './workplan-due.js';
import { coverage } from './coverage.js';
import { deadlines } from './deadlines.js';
import { expiring } from './expiring.js';
import { recurrences } from './recurrences.js';
import { promotions } from './promotions.js';
import { quotaDefinitions } from './quota-definitions.js';
import { quotas } from './quotas.js';

/** Rules `validate` runs: structure and references, independent of any as-of date. */
export const STRUCTURE_RULES: Record<string, Rule> = {
  settings,
  references,
  'workplan-departments': workplanDepartments,
  'workplan-due': workplanDue,
  duties,
  'group-composition': groupComposition,
  'group-disjoint': groupDisjoint,
  'member-lead': memberLead,
  'date-order': dateOrder,
  'assignment-cycle': assignmentCycle,
  'phone-format': phoneFormat,
  'title-grade': titleGrade,
  'activity-month': activityMonth,
  'quota-definitions': quotaDefinitions,
  'calendar-conflict': calendarConflict,
};

/** Rules `check` adds: everything that depends on the as-of date. */
export const SCHEDULE_RULES: Record<string, Rule> = {
  deadlines,
  recurrences,
  coverage,
  expiring,
  quotas,
  promotions,
};

/** Every rule id a setting or `--rule` may name. */
export function RULE_IDS(): string[] {
  return [...Object.values(STRUCTURE_RULES), ...Object.values(SCHEDULE_RULES)].map((r) => r.id);
}

/** The rule with this id, for `--rule` and `explain`. */
export function ruleById(id: string): Rule | undefined {
  return [...Object.values(STRUCTURE_RULES), ...Object.values(SCHEDULE_RULES)].find((r) => r.id === id);
}

/** The levels in force: the workspace's Settings, then the command line's `--rule` over them. */
export function levelsFor(ws: Workspace, overrides: Levels = new Map()): Levels {
  const { levels } = workspaceLevels(ws, RULE_IDS());
  for (const [k, v] of overrides) levels.set(k, v);
  return levels;
}

/** Run rules; each finding gets the severity the workspace and the command line set for it. */
export function runRules(rules: Record<string, Rule>, ws: Workspace, ctx: RuleContext): Diagnostic[] {
  const levels = levelsFor(ws, ctx.levels);
  return Object.values(rules).flatMap((r) => applyLevels(r.check(ws, ctx), r, levels));
}
