// Severity a workspace sets (kind: Settings) or the command line overrides (`--rule id=level`),
// ESLint/Spectral style: a level per rule id or per code. Pure: the CLI parses `--rule`, this
// module decides what a level means for each finding.
import { ALL_CODES, codeInfo, LOCKED_FAMILIES } from '../codes/index.js';
import { didYouMean } from '../load/suggest.js';
import type { Workspace } from '../load/workspace.js';
import { t, type Diagnostic, type Severity, type Text } from '../model/diagnostic.js';
import type { RuleLevel } from '../model/kinds.js';
import { SETTINGS_CODES } from '../codes/settings.js';
import { where } from './report.js';
import { FORMER_RULE_IDS } from './registry.js';
import type { Rule } from './rule.js';

/** Levels keyed by rule id or by (current) code id. */
export type Levels = ReadonlyMap<string, RuleLevel>;

const RANK: Record<RuleLevel, number> = { error: 0, warning: 1, info: 2, off: 3 };

/** What a key names: a rule, a code (by its current id, also when given a former one), or neither. */
export type Target = { rule: string } | { code: string } | { locked: string } | { unknown: string; hint?: Text };

export function resolveTarget(key: string, ruleIds: Iterable<string>): Target {
  const ids = [...ruleIds];
  if (ids.includes(key)) return { rule: key };
  const renamed = Object.hasOwn(FORMER_RULE_IDS, key) ? FORMER_RULE_IDS[key]! : undefined;
  if (renamed && ids.includes(renamed)) return { rule: renamed };
  const code = codeInfo(key);
  if (code) return LOCKED_FAMILIES.includes(code.id.split('/')[0]!) ? { locked: code.id } : { code: code.id };
  if (LOCKED_FAMILIES.includes(key.split('/')[0]!)) return { locked: key };
  return { unknown: key, hint: didYouMean(key, ids) ?? didYouMean(key, ALL_CODES.filter((c) => !LOCKED_FAMILIES.includes(c.id.split('/')[0]!)).map((c) => c.id)) };
}

/** One sentence for a key that cannot be set, for the settings file or `--rule`. */
export function targetProblem(target: Target): Diagnostic | undefined {
  if ('locked' in target) return SETTINGS_CODES.raise('settings/locked', { key: target.locked });
  if ('unknown' in target)
    return SETTINGS_CODES.raise('settings/unknown-rule', { key: target.unknown }, { hint: target.hint ?? t('用 yilian explain 查看全部规则和代码。', 'Run yilian explain to list every rule and code.') });
  return undefined;
}

/** A gentle note when a key is a code's former id: the setting still applies, under the new name. */
export function renamedNote(key: string): Diagnostic | undefined {
  const now = Object.hasOwn(FORMER_RULE_IDS, key) ? FORMER_RULE_IDS[key] : codeInfo(key)?.id;
  if (!now || now === key) return undefined;
  return SETTINGS_CODES.raise('settings/renamed', { key, now });
}

/**
 * The levels the Settings documents set, and their mistakes as positioned findings. When two
 * documents set one key differently the stricter level wins, whatever order the files load in.
 */
export function workspaceLevels(ws: Workspace, ruleIds: Iterable<string>): { levels: Map<string, RuleLevel>; problems: Diagnostic[] } {
  const levels = new Map<string, RuleLevel>();
  const problems: Diagnostic[] = [];
  const ids = [...ruleIds];
  for (const s of ws.data('Settings'))
    for (const [key, level] of Object.entries(s.rules)) {
      const target = resolveTarget(key, ids);
      const problem = targetProblem(target);
      if (problem) {
        problems.push({ ...problem, ...where(s.rules, key) });
        continue;
      }
      const renamed = renamedNote(key);
      if (renamed) problems.push({ ...renamed, ...where(s.rules, key) });
      const id = 'rule' in target ? target.rule : (target as { code: string }).code;
      const had = levels.get(id);
      if (!had || RANK[level] < RANK[had]) levels.set(id, level);
    }
  return { levels, problems };
}

/**
 * A finding's effective severity, or undefined when turned off. A code's own level wins; else the
 * rule's level applies to what the rule raises at (or above) its default severity, and caps what
 * it raises below it (a rule set to warning keeps its info notes as info).
 */
export function effectiveSeverity(d: Diagnostic, rule: Rule | undefined, levels: Levels): Severity | undefined {
  const id = codeInfo(d.code)?.id ?? d.code;
  if (LOCKED_FAMILIES.includes(id.split('/')[0]!)) return d.severity;
  const own = levels.get(id) ?? levels.get(d.code);
  if (own) return own === 'off' ? undefined : own;
  const ruleLevel = rule ? levels.get(rule.id) : undefined;
  if (!ruleLevel) return d.severity;
  if (ruleLevel === 'off') return undefined;
  if (RANK[d.severity] <= RANK[rule!.meta.defaultSeverity]) return ruleLevel;
  return RANK[d.severity] >= RANK[ruleLevel] ? d.severity : ruleLevel;
}

/** Findings with their effective severity; those turned off are left out. */
export function applyLevels(ds: Diagnostic[], rule: Rule | undefined, levels: Levels): Diagnostic[] {
  if (!levels.size) return ds;
  const out: Diagnostic[] = [];
  for (const d of ds) {
    const severity = effectiveSeverity(d, rule, levels);
    if (severity) out.push(severity === d.severity ? d : { ...d, severity });
  }
  return out;
}
