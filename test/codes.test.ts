// The code registry (src/codes, collecting the rules' meta.codes) declares every code yilian can
// emit. These tests fail when a code is raised but not declared: found as a literal in the
// source, expected by a test or fixture, or seen in the real CLI's output over the examples and
// the bad-input corpus.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { family, msg, placeholdersOf } from '../src/codes/declare.js';
import { ALL_CODES, CODE_FAMILIES, codeInfo, codeLabel } from '../src/codes/index.js';
import { t } from '../src/model/diagnostic.js';
import { RULE_IDS, ruleById } from '../src/rules/index.js';
import { ROOT, runCli } from './helpers/cli.js';

/** Code-shaped literals in the source that are not finding codes, with the reason. */
const NOT_FINDING_CODES: Record<string, string> = {
  'due/empty': 'a parse error of time/due.ts; rules turn it into deadline/* findings',
  'due/unknown': 'a parse error of time/due.ts; rules turn it into deadline/* findings',
  'due/invalid-date': 'a parse error of time/due.ts; rules turn it into deadline/* findings',
  'due/invalid-years': 'a parse error of time/due.ts; rules turn it into deadline/* findings',
  'due/period': 'a column heading of the check table (期限/期间)',
  'quota/prorated': 'a test asserts it is never raised (proration is a note on quota/below)',
};

/** Messages whose placeholder one language leaves out, with the reason. */
const ONE_LANGUAGE = new Map([
  ['yaml/syntax unknown', "the YAML parser's own sentence, in English only"],
  ['io/xlsx-unreadable invalid', "the zip reader's own reason, in English only"],
]);

const FAMILIES = new Set(CODE_FAMILIES.map((f) => f.prefix));

const CODE_LITERAL = /['"`]([a-z]+(?:-[a-z]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*)['"`]/g;

function files(dir: string, keep: (f: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p, keep) : keep(p) ? [p] : [];
  });
}

function literalsIn(paths: string[], pattern: RegExp): Map<string, string> {
  const found = new Map<string, string>();
  for (const p of paths)
    for (const m of readFileSync(p, 'utf8').matchAll(pattern)) if (!found.has(m[1]!)) found.set(m[1]!, path.relative(ROOT, p));
  return found;
}

function undeclared(found: Map<string, string>): string[] {
  return [...found].filter(([code]) => !codeInfo(code) && !(code in NOT_FINDING_CODES)).map(([code, where]) => `${code} (${where})`);
}

describe('code registry', () => {
  it('declares every code-shaped literal in src/', () => {
    const found = literalsIn(files(path.join(ROOT, 'src'), (f) => f.endsWith('.ts')), CODE_LITERAL);
    expect(found.size).toBeGreaterThan(100);
    // Declare a new code on the rule that raises it (meta.codes), or in src/codes/ if no rule does.
    expect(undeclared(found)).toEqual([]);
  });

  it('declares every code the tests and fixtures expect', () => {
    const tests = files(path.join(ROOT, 'test'), (f) => f.endsWith('.ts') && !f.endsWith('codes.test.ts'));
    // Tests also name folders (examples/…, src/rules): only literals of a code family count.
    const fromTests = new Map([...literalsIn(tests, CODE_LITERAL)].filter(([c]) => FAMILIES.has(c.split('/')[0]!)));
    const specs = files(path.join(ROOT, 'test', 'fixtures'), (f) => /\.(ya?ml|txt)$/.test(f));
    const fromFixtures = literalsIn(specs, /(?:#\s*expect:\s*|:\d+:\d+\s+)([a-z]+(?:-[a-z]+)*\/[a-z0-9-]+)/g);
    expect(fromFixtures.size).toBeGreaterThan(30);
    expect([...undeclared(fromTests), ...undeclared(fromFixtures)]).toEqual([]);
  });

  it('has every declared code raised by some test: named by a test or a fixture expectation', () => {
    const texts = files(path.join(ROOT, 'test'), (f) => (f.endsWith('.ts') && !f.endsWith('codes.test.ts')) || (f.includes(`${path.sep}fixtures${path.sep}`) && /\.(ya?ml|txt)$/.test(f))).map((f) =>
      readFileSync(f, 'utf8'),
    );
    const named = (id: string) => {
      const word = new RegExp(`(^|[^a-z0-9/-])${id.replace('/', '\\/')}($|[^a-z0-9/-])`);
      return texts.some((text) => word.test(text));
    };
    // A code no test names is either dead (remove it) or untested (add a rule test, or a fixture in test/fixtures/bad).
    const untested = ALL_CODES.filter((c) => ![c.id, ...(c.deprecatedIds ?? [])].some(named)).map((c) => c.id);
    expect(untested).toEqual([]);
  });

  it('declares every code the CLI emits over the examples and the bad-input corpus', async () => {
    const runs = await Promise.all([
      runCli(['check', 'examples', '--as-of', '2021-07-01', '--format', 'json']),
      runCli(['validate', 'test/fixtures/bad', 'test/fixtures/good', '--format', 'json']),
    ]);
    const seen = new Set<string>();
    for (const r of runs) {
      const out = JSON.parse(r.stdout) as { findings?: { code: string }[]; diagnostics?: { code: string }[] };
      for (const d of out.findings ?? out.diagnostics ?? []) seen.add(d.code);
    }
    expect(seen.size).toBeGreaterThan(10);
    expect([...seen].filter((c) => !codeInfo(c))).toEqual([]);
  });

  it('gives every code its family prefix, one id, and both languages of every text', () => {
    const ids = ALL_CODES.flatMap((c) => [c.id, ...(c.deprecatedIds ?? [])]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of CODE_FAMILIES)
      for (const c of f.codes) {
        expect(c.id.startsWith(`${f.prefix}/`), c.id).toBe(true);
        for (const text of [c.description, c.help, ...(c.label ? [c.label] : [])]) {
          expect(text.zh.trim(), c.id).not.toBe('');
          expect(text.en.trim(), c.id).not.toBe('');
        }
      }
  });

  it('has each rule declare its codes, prefixed with the rule id (issue 8 §2)', () => {
    const LOCKED_OWN = new Set(['settings']);
    const offPrefix: string[] = [];
    for (const id of RULE_IDS())
      for (const f of ruleById(id)!.meta.codes)
        if (f.prefix !== id && !LOCKED_OWN.has(f.prefix)) offPrefix.push(`${id}: ${f.prefix}/*`);
    expect(offPrefix).toEqual([]);
    // Every rule's family is in the registry, and nothing a rule declares is declared twice.
    const fromRules = RULE_IDS().flatMap((id) => ruleById(id)!.meta.codes);
    for (const f of fromRules) expect(CODE_FAMILIES).toContain(f);
    const ids = fromRules.flatMap((f) => f.codes.map((c) => c.id));
    expect(new Set(ids).size).toBe(ids.length);
    // The renamed codes keep their former ids.
    expect(codeInfo('refs/unknown')?.id).toBe('references/unknown');
    expect(codeInfo('structure/group-disjoint')?.id).toBe('group-disjoint/overlap');
    expect(ALL_CODES.filter((c) => /^(refs|structure)\//.test(c.id))).toEqual([]);
    // how a due or a quota is written is its own rule's (workplan-due, quota-definitions); the
    // deadline and quota rules, renamed from deadlines and quotas, keep the codes of what is met
    expect(codeInfo('deadline/unknown-due')?.id).toBe('workplan-due/unknown-due');
    expect(codeInfo('quota/no-measure')?.id).toBe('quota-definitions/no-measure');
    expect(codeInfo('deadline/overdue')?.id).toBe('deadline/overdue');
  });

  it('declares a zh and an en message for every code, with the same placeholders (issue 8 §2)', () => {
    const missing: string[] = [];
    for (const c of ALL_CODES) {
      const messages = Object.entries(c.messages);
      if (!messages.length) missing.push(c.id);
      for (const [id, m] of messages) {
        expect(m.zh.trim(), `${c.id} ${id}`).not.toBe('');
        expect(m.en.trim(), `${c.id} ${id}`).not.toBe('');
        if (!ONE_LANGUAGE.has(`${c.id} ${id}`)) expect(placeholdersOf(m.en).sort(), `${c.id} ${id}`).toEqual(placeholdersOf(m.zh).sort());
      }
    }
    expect(missing).toEqual([]);
  });

  it('raises a finding only from a declared code and message, with exactly its placeholders', () => {
    const F = family('probe', t('探针', 'probe'), {
      one: { severity: 'error', description: t('一', 'one'), help: t('改', 'fix'), message: msg('{a} 在 {b}。', '{a} at {b}.') },
      two: {
        severity: 'warning',
        description: t('二', 'two'),
        help: t('改', 'fix'),
        messages: { short: msg('短 {a}', 'short {a}'), long: msg('长 {a}，{when}', 'long {a}, {when}') },
      },
    });
    expect(F.raise('probe/one', { a: 'x', b: 3 }, { file: 'f.yaml', line: 2, col: 1 })).toEqual({
      code: 'probe/one',
      severity: 'error',
      file: 'f.yaml',
      line: 2,
      col: 1,
      message: { zh: 'x 在 3。', en: 'x at 3.' },
    });
    // A placeholder's value may be worded per language; a raise site may pick another severity.
    expect(F.raise('probe/two', 'long', { a: '甲', when: t('6月', 'June') }, { severity: 'info' })).toMatchObject({
      severity: 'info',
      message: { zh: '长 甲，6月', en: 'long 甲, June' },
    });
    // A value filled in is not filled again.
    expect(F.raise('probe/two', 'short', { a: '{a}' }).message).toEqual({ zh: '短 {a}', en: 'short {a}' });
    // Each of these is a type error too; the casts show what the types rule out.
    const raise = F.raise as (...args: unknown[]) => unknown;
    expect(() => raise('probe/three', { a: 1 })).toThrow(/not declared/);
    expect(() => raise('other/one', { a: 1, b: 2 })).toThrow(/not declared/);
    expect(() => raise('probe/two', 'medium', { a: 1 })).toThrow(/no message medium/);
    expect(() => raise('probe/one', { a: 1 })).toThrow(/no value for \{b\}/);
    expect(() => raise('probe/one', { a: 1, b: 2, c: 3 })).toThrow(/\{c\} is in no template/);
  });

  it('labels a code by its own label, else by its family', () => {
    expect(codeLabel('deadline/overdue')).toEqual({ zh: '逾期', en: 'overdue' });
    expect(codeLabel('references/unknown')).toEqual({ zh: '引用', en: 'reference' });
    expect(codeLabel('nosuch/code')).toBeUndefined();
  });
});
