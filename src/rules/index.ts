// The rule registry: explicit, so the list of what `validate` checks is readable in one place.
// Keys match the module and test file names.
import type { Diagnostic } from '../model/diagnostic.js';
import type { Workspace } from '../load/workspace.js';
import { activityMonth } from './activity-month.js';
import { assignmentCycle } from './assignment-cycle.js';
import { calendarConflict } from './calendar-conflict.js';
import { dateOrder } from './date-order.js';
import { groupComposition } from './group-composition.js';
import { groupDisjoint } from './group-disjoint.js';
import { memberLead } from './member-lead.js';
import { phoneFormat } from './phone-format.js';
import { references } from './references.js';
import type { Rule, RuleContext } from './rule.js';
import { titleGrade } from './title-grade.js';
import { workplanDepartments } from './workplan-departments.js';
import { workplanDue } from './workplan-due.js';
import { coverage } from './coverage.js';
import { deadlines } from './deadlines.js';
import { expiring } from './expiring.js';
import { recurrences } from './recurrences.js';
import { quotaDefinitions } from './quota-definitions.js';
import { quotas } from './quotas.js';

/** Rules `validate` runs: structure and references, independent of any as-of date. */
export const STRUCTURE_RULES: Record<string, Rule> = {
  references,
  'workplan-departments': workplanDepartments,
  'workplan-due': workplanDue,
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
};

export function runRules(rules: Record<string, Rule>, ws: Workspace, ctx: RuleContext): Diagnostic[] {
  return Object.values(rules).flatMap((r) => r.check(ws, ctx));
}
