// The registries in src/rules/index.ts, their modules and these tests stay in step: every rule a
// module exports is registered, and every registered rule (structure and schedule alike) has its
// module, its id, a description and a test file named for it that runs it. A rule added without
// a test fails here.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEDULE_RULES, STRUCTURE_RULES } from '../../src/rules/index.js';
import { ROOT } from '../helpers/cli.js';

const REGISTERED = { ...STRUCTURE_RULES, ...SCHEDULE_RULES };

/** `export const name: Rule = {` in src/rules/*.ts, as `file-key` → export name. */
function ruleModules(): Map<string, string> {
  const found = new Map<string, string>();
  for (const f of readdirSync(path.join(ROOT, 'src/rules')).filter((x) => x.endsWith('.ts'))) {
    const text = readFileSync(path.join(ROOT, 'src/rules', f), 'utf8');
    for (const m of text.matchAll(/^export const (\w+)\s*:\s*Rule\s*=/gm)) found.set(f.replace(/\.ts$/, ''), m[1]!);
  }
  return found;
}

/** The test runs the rule: by its key (`testRule('key', …)`, `const rule = 'key'`) or as `RULES.name`. */
function runsRule(testText: string, key: string, exportName: string): boolean {
  return testText.includes(`'${key}'`) || new RegExp(`_RULES\\.${exportName}\\b`).test(testText);
}

describe('rule registry', () => {
  it('registers every rule a module in src/rules exports, and no key twice', () => {
    expect(Object.keys(STRUCTURE_RULES).filter((k) => k in SCHEDULE_RULES)).toEqual([]);
    expect(Object.keys(REGISTERED).sort()).toEqual([...ruleModules().keys()].sort());
  });

  it.each(Object.entries(REGISTERED))('%s has its module, its id, a description and a test that runs it', (key, rule) => {
    expect(rule.id).toBe(key);
    expect(existsSync(path.join(ROOT, 'src/rules', `${key}.ts`))).toBe(true);
    const testFile = path.join(ROOT, 'test/rules', `${key}.test.ts`);
    expect(existsSync(testFile), `test/rules/${key}.test.ts is missing`).toBe(true);
    const exportName = ruleModules().get(key) ?? '';
    expect(runsRule(readFileSync(testFile, 'utf8'), key, exportName), `test/rules/${key}.test.ts never runs ${key}`).toBe(true);
    expect(rule.meta.description.zh && rule.meta.description.en).toBeTruthy();
  });

  it('the test check itself tells a test that runs the rule from one that does not', () => {
    expect(runsRule("testRule('deadline', files)", 'deadline', 'deadline')).toBe(true);
    expect(runsRule('SCHEDULE_RULES.quota!.check(ws, {})', 'quota', 'quota')).toBe(true);
    expect(runsRule("testRule('recurrence', files)", 'deadline', 'deadline')).toBe(false);
  });
});
