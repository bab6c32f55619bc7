// yilian explain and docs/RULES.md, both built from the code and rule registries.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesMarkdown } from '../src/codes/explain.js';
import { ALL_CODES } from '../src/codes/index.js';
import { ROOT, runCli } from './helpers/cli.js';

describe('yilian explain', () => {
  it('explains a code: description, help, default severity, how to set its level (zh by default)', async () => {
    const r = await runCli(['explain', 'deadline/overdue']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('deadline/overdue');
    expect(r.stdout).toContain('怎么改');
    expect(r.stdout).toContain('默认级别: 错误');
    expect(r.stdout).toContain('deadline/overdue: warning');
  });

  it('speaks English with --lang en, and explains a rule id', async () => {
    const r = await runCli(['explain', 'group-disjoint', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Disjoint groups share no member');
    expect(r.stdout).toContain('Default severity: error');
  });

  it('explains a former code id by the code it was renamed to', async () => {
    const r = await runCli(['explain', 'refs/unknown', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^references\/unknown /);
    expect(r.stdout).toContain('Former ids (still accepted): refs/unknown');
  });

  it('says a reading code cannot be set', async () => {
    const r = await runCli(['explain', 'yaml/syntax', '--lang', 'en']);
    expect(r.stdout).toContain('cannot be changed');
  });

  it('alone, lists every code grouped by family, and the rules', async () => {
    const r = await runCli(['explain']);
    expect(r.code).toBe(0);
    for (const c of ALL_CODES) expect(r.stdout).toContain(c.id);
    expect(r.stdout.indexOf('deadline/overdue')).toBeLessThan(r.stdout.indexOf('deadline/open'));
    expect(r.stdout).toContain('group-disjoint');
  });

  it('groups the codes under the rule that declares them, and lists a rule\'s codes', async () => {
    const all = (await runCli(['explain', '--lang', 'en'])).stdout.split('\n');
    const header = all.findIndex((l) => l.startsWith('group-disjoint  '));
    expect(header).toBeGreaterThan(0);
    expect(all[header + 1]).toMatch(/^  group-disjoint\/overlap /);
    const rule = await runCli(['explain', 'workplan-due', '--lang', 'en']);
    expect(rule.stdout).toMatch(/Codes:\n {4}workplan-due\/duplicate-item .*\n {4}workplan-due\/unknown-due /);
  });

  it('an unknown code is a usage error with a did-you-mean', async () => {
    const r = await runCli(['explain', ['deadline', 'overdeu'].join('/')]) // a typo, built so the code registry test does not read it as a code;
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('deadline/overdue');
    expect(r.stdout).toBe('');
  });
});

describe('docs/RULES.md', () => {
  it('is current (regenerate: node bin/yilian.js explain --markdown > docs/RULES.md)', () => {
    expect(readFileSync(path.join(ROOT, 'docs', 'RULES.md'), 'utf8')).toBe(rulesMarkdown());
  });
});
