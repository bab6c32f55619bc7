// Guards of the YAML loader: shapes that used to overflow the stack, run for minutes or exhaust
// memory now end in one sentence at the place, and what plan files really hold still reads.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseYamlDocuments } from '../../src/load/yaml.js';
import { DEFAULT_YAML_LIMITS, MAX_DOCUMENTS, MAX_NESTING_DEPTH } from '../../src/load/yaml-stream.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { runCli } from '../helpers/cli.js';

function load(text: string, limits = DEFAULT_YAML_LIMITS) {
  const diags: Diagnostic[] = [];
  const docs = parseYamlDocuments(text, 'a.yaml', diags, limits);
  return { docs, diags, brief: diags.map((d) => `${d.line}:${d.col} ${d.code}`) };
}

describe('nesting depth', () => {
  it('10,000 levels of [ are "nested too deeply" at the first level past the limit, not a stack overflow', () => {
    const { docs, diags, brief } = load(`kind: Calendar\nx: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`);
    expect(docs).toEqual([]);
    // `x:` is level 1 (the top mapping), each [ one more: the 100th [ is level 101.
    expect(brief).toEqual([`2:${4 + MAX_NESTING_DEPTH - 1} yaml/too-deep`]);
    expect(diags[0]!.message.en).toContain('nested too deeply');
    expect(diags[0]!.message.zh).toContain('嵌套太深');
  });

  it('deep block indentation is refused the same way', () => {
    let text = 'kind: Calendar\n';
    for (let i = 0; i < 150; i++) text += `${' '.repeat(i)}a${i}:\n`;
    const { brief } = load(text + `${' '.repeat(150)}x: 1\n`);
    // a_i sits on line i + 2 at column i + 1, in the mapping of level i + 1.
    expect(brief).toEqual([`${MAX_NESTING_DEPTH + 2}:${MAX_NESTING_DEPTH + 1} yaml/too-deep`]);
  });

  it('nesting up to the limit reads', () => {
    const depth = MAX_NESTING_DEPTH - 1;
    const { docs, diags } = load(`kind: Calendar\nx: ${'['.repeat(depth)}1${']'.repeat(depth)}\n`);
    expect(diags).toEqual([]);
    expect(docs).toHaveLength(1);
  });
});

describe('%YAML directives', () => {
  for (const v of ['1.1', '1.3', '9.9', '2.0'])
    it(`%YAML ${v} is refused at the directive`, () => {
      const { brief, diags } = load(`# note\n%YAML ${v}\n---\nkind: Calendar\n`);
      expect(brief).toEqual(['2:1 yaml/directive']);
      expect(diags[0]!.message.en).toContain(`%YAML ${v}`);
    });

  it('%YAML 1.2 is accepted', () => {
    const { docs, diags } = load('%YAML 1.2\n---\nkind: Calendar\n');
    expect(diags).toEqual([]);
    expect(docs).toHaveLength(1);
  });
});

describe('duplicate keys', () => {
  // `yaml`'s own check is quadratic (40,000 keys took 12 s, 50,000 72 s on a busy machine): at
  // 70,000 it cannot finish within the suite's 60 s timeout; the linear check takes a few seconds.
  it('a flat mapping of 70,000 keys reads, and a repeated key is found at its place', () => {
    const n = 70_000;
    const lines = ['kind: Calendar'];
    for (let i = 0; i < n; i++) lines.push(`k${i}: 1`);
    lines.push('k17: 2');
    const { brief, docs } = load(lines.join('\n') + '\n');
    expect(brief).toEqual([`${n + 2}:1 yaml/duplicate-key`]);
    expect(docs).toEqual([]);
  });

  it('a mapping without repeats reads every key', () => {
    const { docs, diags } = load('kind: Calendar\na: 1\nb: 2\nc: { a: 1, b: 2 }\n');
    expect(diags).toEqual([]);
    expect(Object.keys(docs[0]!.value as object)).toEqual(['kind', 'a', 'b', 'c']);
  });

  it('keys that differ only by quotes or pasted invisible spaces are the same key', () => {
    expect(load('kind: Calendar\nname: a\n"name": b\n').brief).toEqual(['3:1 yaml/duplicate-key']);
    expect(load('kind: Calendar\nname: a\n"name\u200b": b\n').brief).toEqual(['3:1 yaml/duplicate-key']);
  });
});

describe('documents and tokens', () => {
  it(`more than ${MAX_DOCUMENTS} documents in one file: one error at the first one too many`, () => {
    const { docs, brief } = load('kind: Calendar\n' + '---\n'.repeat(MAX_DOCUMENTS + 500));
    expect(docs).toEqual([]);
    expect(brief).toEqual([`${MAX_DOCUMENTS + 1}:1 yaml/too-many-documents`]);
  });

  it('a file over its token budget stops early with one error, and reads under a larger one', () => {
    const text = `kind: Calendar\nx: [${Array(5000).fill('1').join(',')}]\n`;
    const small = load(text, { ...DEFAULT_YAML_LIMITS, maxTokens: 2000 });
    expect(small.docs).toEqual([]);
    expect(small.diags.map((d) => d.code)).toEqual(['yaml/too-many-values']);
    expect(small.diags[0]!.line).toBe(2);
    expect(load(text, { ...DEFAULT_YAML_LIMITS, maxTokens: 20_000 }).diags).toEqual([]);
  });

  it('blank lines past the budget are refused by the quick count, at the line where it passes', () => {
    // The parser alone would stop a few lines earlier (the first line holds 7 tokens), after
    // building the syntax tree of every line before: 1.9 GB for 19 MB of blank lines.
    const { docs, brief } = load('kind: Calendar\n' + '\n'.repeat(3000), { ...DEFAULT_YAML_LIMITS, maxTokens: 2000 });
    expect(docs).toEqual([]);
    expect(brief).toEqual(['2001:1 yaml/too-many-values']);
  });
});

describe('the token budget follows --max-file-size', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'yilian-guard-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('a dense 100 KB list is refused under a 120 KB limit and read under the default', async () => {
    writeFileSync(path.join(tmp, 'dense.yaml'), `kind: Calendar\nx: [${Array(50_000).fill('1').join(',')}]\n`);
    const tight = await runCli(['validate', 'dense.yaml', '--format', 'json', '--lang', 'en', '--max-file-size', '120KB'], { cwd: tmp });
    const codes = (JSON.parse(tight.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code);
    expect(codes).toEqual(['yaml/too-many-values']);
    const roomy = await runCli(['validate', 'dense.yaml', '--format', 'json', '--lang', 'en'], { cwd: tmp });
    const roomyCodes = (JSON.parse(roomy.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code);
    expect(roomyCodes).not.toContain('yaml/too-many-values');
  });
});
