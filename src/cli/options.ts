// Parsing of option values shared by several commands.
import { DEFAULT_MAX_FILE_BYTES } from '../io/read.js';
export { DEFAULT_MAX_FILE_SIZE } from '../io/read.js';
import { normalizeDate, todayInChina } from '../time/dates.js';
import { RULE_LEVELS, type RuleLevel } from '../model/kinds.js';
import { RULE_IDS } from '../rules/index.js';
import { renamedNote, resolveTarget, targetProblem, type Levels } from '../rules/severity.js';
import type { GlobalOptions, Io } from './context.js';

/** `20MB`, `512KB`, `1048576` → bytes; not given → the default limit. */
export function parseSizeOption(v: string | undefined, io: Io, g: GlobalOptions): number | undefined {
  if (v === undefined) return DEFAULT_MAX_FILE_BYTES;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?\s*$/i.exec(v ?? '');
  if (!m) {
    io.err(g.lang === 'zh' ? `无法识别的大小「${v}」，应写作 20MB 或 512KB。` : `Cannot read size "${v}"; write 20MB or 512KB.`);
    return undefined;
  }
  const unit = (m[2] ?? 'b').toLowerCase()[0]!;
  const mult = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Math.floor(Number(m[1]) * mult);
}

/**
 * `--as-of 2021-06-30` (or any form `normalizeDate` reads) → the ISO date. `undefined` when the
 * option was not given; `null`, after printing why, when it is not a date.
 */
export function parseAsOfOption(v: string | undefined, io: Io, g: GlobalOptions, example = '2021-06-30'): string | null | undefined {
  if (v === undefined) return undefined;
  const asOf = normalizeDate(v);
  if (asOf) return asOf;
  io.err(g.lang === 'zh' ? `--as-of 的日期「${v}」无效，应写作 ${example}。` : `--as-of "${v}" is not a date; write ${example}.`);
  return null;
}

/**
 * "Today" in China, the default as-of date. `YILIAN_TODAY=2021-07-01` pins it — for tests only
 * (the dropped-folder flow has no --as-of); it is not a user setting and is not documented as one.
 */
export function defaultAsOf(io: Io): string {
  const pinned = io.env.YILIAN_TODAY;
  return (pinned && normalizeDate(pinned)) || todayInChina();
}

/** `--rule` is repeatable: commander folds each value into the list. */
export function collectRule(v: string, prev: string[] = []): string[] {
  return [...prev, v];
}

/**
 * `--rule group-disjoint=warning` (repeatable; a rule id, a code or a former code id) → levels
 * over the workspace's Settings. Undefined, after printing why, when one cannot be used.
 */
export function parseRuleOptions(values: string[] | undefined, io: Io, g: GlobalOptions): Levels | undefined {
  const levels = new Map<string, RuleLevel>();
  for (const v of values ?? []) {
    const m = /^\s*([^=\s]+)\s*[=:]\s*([a-z]+)\s*$/i.exec(v);
    const level = m?.[2]!.toLowerCase() as RuleLevel | undefined;
    if (!m || !level || !(RULE_LEVELS as readonly string[]).includes(level)) {
      io.err(g.lang === 'zh' ? `--rule「${v}」无效，应写作 规则=级别，如 --rule group-disjoint=warning（级别：error、warning、info、off）。` : `--rule "${v}" is not valid; write rule=level, e.g. --rule group-disjoint=warning (levels: error, warning, info, off).`);
      return undefined;
    }
    const target = resolveTarget(m[1]!, RULE_IDS());
    const problem = targetProblem(target);
    if (problem) {
      const hint = problem.hint ? ` ${problem.hint[g.lang]}` : '';
      io.err(`--rule: ${problem.message[g.lang]}${hint}`);
      return undefined;
    }
    const renamed = renamedNote(m[1]!);
    if (renamed) io.err(`--rule: ${renamed.message[g.lang]}`);
    levels.set('rule' in target ? target.rule : (target as { code: string }).code, level);
  }
  return levels;
}
