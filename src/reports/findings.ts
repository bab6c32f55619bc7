// The findings `check` reports and `report` lists, computed one way for both: the structure
// rules (validate), then everything that depends on the as-of date. Pure.
import type { Workspace } from '../load/workspace.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { runRules, SCHEDULE_RULES, STRUCTURE_RULES } from '../rules/index.js';
import type { Levels } from '../rules/severity.js';

/** Structure and reference findings, independent of any date (what `validate` adds to loading). */
export function structureFindings(ws: Workspace, levels?: Levels): Diagnostic[] {
  return runRules(STRUCTURE_RULES, ws, { levels });
}

/** Deadlines, recurrences, coverage, expiring terms and quotas as of a date. */
export function scheduleFindings(ws: Workspace, asOf: string, withinDays: number, levels?: Levels): Diagnostic[] {
  return runRules(SCHEDULE_RULES, ws, { asOf, withinDays, levels });
}

/** Both, in the order `check` lists them. */
export function collectFindings(ws: Workspace, asOf: string, withinDays: number): Diagnostic[] {
  return [...structureFindings(ws), ...scheduleFindings(ws, asOf, withinDays)];
}
