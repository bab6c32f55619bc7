// The rule registry: explicit, so the list of what `validate` and `check` run is readable in one
// place. Keys match the module and test file names. The code registry (codes/index.ts) collects
// the rules' declared codes from here; the settings rule is added in rules/index.ts instead,
// because it reads the code registry (its settings/* codes are declared in codes/settings.ts).
import { activityMonth } from './activity-month.js';
import { assignmentCycle } from './assignment-cycle.js';
import { calendar } from './calendar.js';
import { coverage } from './coverage.js';
import { dateOrder } from './date-order.js';
import { deadline } from './deadline.js';
import { deliverables } from './deliverables.js';
import { duties } from './duties.js';
import { expiring } from './expiring.js';
import { facilities } from './facilities.js';
import { groupComposition } from './group-composition.js';
import { groupDisjoint } from './group-disjoint.js';
import { memberLead } from './member-lead.js';
import { partners } from './partners.js';
import { phoneFormat } from './phone-format.js';
import { promotions } from './promotions.js';
import { quotaDefinitions } from './quota-definitions.js';
import { quota } from './quota.js';
import { recurrence } from './recurrence.js';
import { references } from './references.js';
import type { Rule } from './rule.js';
import { titleGrade } from './title-grade.js';
import { unitPosts } from './unit-posts.js';
import { workplanDepartments } from './workplan-departments.js';
import { workplanDue } from './workplan-due.js';

/** Rules `validate` runs (after settings): structure and references, independent of any as-of date. */
export const STRUCTURE_CHECKS: Record<string, Rule> = {
  references,
  'workplan-departments': workplanDepartments,
  'workplan-due': workplanDue,
  duties,
  'group-composition': groupComposition,
  'group-disjoint': groupDisjoint,
  'unit-posts': unitPosts,
  partners,
  'member-lead': memberLead,
  'date-order': dateOrder,
  'assignment-cycle': assignmentCycle,
  'phone-format': phoneFormat,
  'title-grade': titleGrade,
  'activity-month': activityMonth,
  'quota-definitions': quotaDefinitions,
  calendar,
};

/** Rules `check` adds: everything that depends on the as-of date. */
export const SCHEDULE_RULES: Record<string, Rule> = {
  deadline,
  recurrence,
  coverage,
  expiring,
  quota,
  promotions,
  deliverables,
  facilities,
};

/** Former ids of renamed rules (the rule id is its codes' prefix), still accepted in Settings, `--rule` and `explain`. */
export const FORMER_RULE_IDS: Readonly<Record<string, string>> = {
  deadlines: 'deadline',
  recurrences: 'recurrence',
  quotas: 'quota',
  'calendar-conflict': 'calendar',
};
