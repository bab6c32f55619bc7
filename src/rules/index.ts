// Running the rules: the registry (registry.ts) plus the settings rule, with the levels the
// workspace and the command line set.
import type { Diagnostic } from '../model/diagnostic.js';
import type { Workspace } from '../load/workspace.js';
import { FORMER_RULE_IDS, SCHEDULE_RULES, STRUCTURE_CHECKS } from './registry.js';
import type { Rule, RuleContext } from './rule.js';
import { applyLevels, workspaceLevels, type Levels } from './severity.js';
import { settings } from './settings.js';

export { SCHEDULE_RULES } from './registry.js';

/** Rules `validate` runs: the workspace's own settings first, then structure and references. */
export const STRUCTURE_RULES: Record<string, Rule> = { settings, ...STRUCTURE_CHECKS };

/** Every rule id a setting or `--rule` may name. */
export function RULE_IDS(): string[] {
  return [...Object.values(STRUCTURE_RULES), ...Object.values(SCHEDULE_RULES)].map((r) => r.id);
}

/** The rule with this id (or a former id of it), for `--rule` and `explain`. */
export function ruleById(id: string): Rule | undefined {
  const want = Object.hasOwn(FORMER_RULE_IDS, id) ? FORMER_RULE_IDS[id] : id;
  return [...Object.values(STRUCTURE_RULES), ...Object.values(SCHEDULE_RULES)].find((r) => r.id === want);
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
