// Severity a workspace sets (kind: Settings) and `--rule` overrides: the level in force decides
// what is shown and the exit code; reading codes cannot be changed.
import { describe, expect, it } from 'vitest';
import { effectiveSeverity } from '../../src/rules/severity.js';
import type { Rule } from '../../src/rules/rule.js';
import { t, type Diagnostic } from '../../src/model/diagnostic.js';
import { runCli } from '../helpers/cli.js';
import { locate, testRule } from '../helpers/test-rule.js';

const SOFT = 'test/fixtures/settings/soft-disjoint';
const HARD = 'test/fixtures/bad/group-disjoint.yaml';

interface Json {
  diagnostics: { code: string; severity: string; line?: number }[];
}

async function validate(args: string[]): Promise<{ code: number; json: Json; stderr: string }> {
  const r = await runCli(['validate', ...args, '--format', 'json']);
  return { code: r.code, json: r.stdout ? (JSON.parse(r.stdout) as Json) : { diagnostics: [] }, stderr: r.stderr };
}

describe('workspace Settings and --rule', () => {
  it('a hard rule is an error and exits 1 without settings', async () => {
    const r = await validate([HARD]);
    expect(r.json.diagnostics.map((d) => `${d.code} ${d.severity}`)).toEqual(['group-disjoint/overlap error']);
    expect(r.code).toBe(1);
  });

  it('a workspace marking the rule as warning reports a warning and exits 0', async () => {
    const r = await validate([SOFT]);
    expect(r.json.diagnostics.map((d) => `${d.code} ${d.severity}`)).toEqual(['group-disjoint/overlap warning']);
    expect(r.code).toBe(0);
  });

  it('--rule wins over the workspace, by rule id or by the code (old id)', async () => {
    const byRule = await validate([SOFT, '--rule', 'group-disjoint=error']);
    expect(byRule.json.diagnostics.map((d) => d.severity)).toEqual(['error']);
    expect(byRule.code).toBe(1);
    const byCode = await validate([HARD, '--rule', 'group-disjoint/overlap=info']);
    expect(byCode.json.diagnostics.map((d) => d.severity)).toEqual(['info']);
    expect(byCode.code).toBe(0);
  });

  it('a former code id (before the rename to rule-id prefixes) still works, with a note that it was renamed', async () => {
    const settings = await validate(['test/fixtures/settings/former-code']);
    expect(settings.json.diagnostics.map((d) => `${d.code} ${d.severity} ${d.line ?? ''}`)).toEqual(['group-disjoint/overlap warning 18', 'settings/renamed info 5']);
    expect(settings.code).toBe(0);
    const cli = await validate([HARD, '--rule', 'structure/group-disjoint=info', '--lang', 'en']);
    expect(cli.json.diagnostics.map((d) => `${d.code} ${d.severity}`)).toEqual(['group-disjoint/overlap info']);
    expect(cli.stderr).toContain('"structure/group-disjoint" was renamed "group-disjoint/overlap"');
    expect(cli.code).toBe(0);
  });

  it('a former rule id (deadlines, recurrences, quotas, calendar-conflict) still sets the renamed rule', async () => {
    const check = async (...rule: string[]) => {
      const r = await runCli(['check', 'examples/wuchuan-2017', '--as-of', '2018-10-10', '--format', 'json', '--lang', 'en', ...rule]);
      return { codes: (JSON.parse(r.stdout) as { findings: { code: string }[] }).findings.map((f) => f.code), stderr: r.stderr };
    };
    expect((await check()).codes.filter((c) => c.startsWith('deadline/')).length).toBeGreaterThan(0);
    const off = await check('--rule', 'deadlines=off');
    expect(off.codes.filter((c) => c.startsWith('deadline/'))).toEqual([]);
    expect(off.stderr).toContain('"deadlines" was renamed "deadline"');
    const explained = await runCli(['explain', 'quotas', '--lang', 'en']);
    expect(explained.code).toBe(0);
    expect(explained.stdout).toContain('quota/below');
  });

  it('off leaves the findings out', async () => {
    const r = await validate([HARD, '--rule', 'group-disjoint=off']);
    expect(r.json.diagnostics).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('an unknown rule on the command line is a usage error with a did-you-mean', async () => {
    const r = await runCli(['validate', HARD, '--rule', 'group-disjiont=warning']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('group-disjoint');
    expect(r.stderr).not.toMatch(/at .*\.js/);
  });

  it('a reading code cannot be turned off, in one sentence', async () => {
    const r = await runCli(['validate', HARD, '--rule', 'schema/unknown-key=off', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('cannot be changed or turned off');
  });

  it('a malformed --rule says how to write it', async () => {
    const r = await runCli(['validate', HARD, '--rule', 'group-disjoint=soft']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('group-disjoint=warning');
  });

  it('check follows the levels too (the examples mark 原则上 rules as warnings)', async () => {
    const r = await runCli(['check', 'examples/guangshan-2021', '--as-of', '2021-12-31', '--format', 'json']);
    const missed = (JSON.parse(r.stdout) as { findings: { code: string; severity: string }[] }).findings.filter((f) => f.code === 'recurrence/missed');
    expect(missed.length).toBeGreaterThan(0);
    expect(new Set(missed.map((f) => f.severity))).toEqual(new Set(['warning']));
    const forced = await runCli(['check', 'examples/guangshan-2021', '--as-of', '2021-12-31', '--format', 'json', '--rule', 'recurrence/missed=error']);
    const again = (JSON.parse(forced.stdout) as { findings: { code: string; severity: string }[] }).findings.filter((f) => f.code === 'recurrence/missed');
    expect(new Set(again.map((f) => f.severity))).toEqual(new Set(['error']));
  });
});

describe('settings (the rule)', () => {
  it('reports an unknown rule with a did-you-mean and a locked code, at the key', () => {
    const text = 'kind: Settings\nrules:\n  group-disjiont: warning\n  yaml/syntax: off\n  group-disjoint: info\n';
    const found = testRule('settings', { 'yilian.yaml': text });
    expect(found.map((f) => [f.code, f.at])).toEqual([
      ['settings/unknown-rule', locate('yilian.yaml', text, 'warning', 'group-disjiont: ')],
      ['settings/locked', locate('yilian.yaml', text, 'off')],
    ]);
  });
});

describe('effectiveSeverity', () => {
  const rule: Rule = { id: 'r', meta: { description: t('r', 'r'), defaultSeverity: 'warning' }, check: () => [] };
  const d = (severity: Diagnostic['severity']): Diagnostic => ({ code: 'deadline/due-soon', severity, message: t('m', 'm') });

  it('a rule level replaces findings at or above the rule default and caps those below it', () => {
    const levels = new Map([['r', 'error' as const]]);
    expect(effectiveSeverity(d('warning'), rule, levels)).toBe('error');
    expect(effectiveSeverity(d('info'), rule, levels)).toBe('info');
    expect(effectiveSeverity(d('info'), rule, new Map([['r', 'warning' as const]]))).toBe('info');
    expect(effectiveSeverity(d('warning'), rule, new Map([['r', 'off' as const]]))).toBeUndefined();
  });

  it("a code's own level wins over its rule's; loader codes never change", () => {
    expect(effectiveSeverity(d('warning'), rule, new Map([['r', 'off' as const], ['deadline/due-soon', 'info' as const]]))).toBe('info');
    const locked: Diagnostic = { code: 'schema/unknown-key', severity: 'error', message: t('m', 'm') };
    expect(effectiveSeverity(locked, rule, new Map([['r', 'off' as const], ['schema/unknown-key', 'off' as const]]))).toBe('error');
  });
});
