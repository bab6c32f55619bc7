// The bad-input corpus (test/fixtures/bad) and its clean controls (test/fixtures/good), run
// through the CLI's main() in this process (runCli): `yilian validate <fixture> --format json`, with the fixture's
// folder as cwd so reported paths are the fixture's own name. Every expected diagnostic must
// appear at its exact line:col with its severity, and nothing else may: bad input gets a clear
// error and nothing more. Exit code: 1 when an error is expected, 0 for warnings only and clean.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseYamlDocuments } from '../src/load/yaml.js';
import type { Diagnostic } from '../src/model/diagnostic.js';
import { runCli, type CliResult } from './helpers/cli.js';
import { decodeFixture, parseFileSpec, parseFolderSpec, type FixtureSpec } from './helpers/fixture-spec.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BAD = path.join(ROOT, 'test', 'fixtures', 'bad');
const GOOD = path.join(ROOT, 'test', 'fixtures', 'good');

type RunResult = CliResult;

const run = (args: string[], cwd: string): Promise<RunResult> => runCli(args, { cwd });

interface JsonDiag {
  code: string;
  severity: string;
  message: string;
  file?: string;
  line?: number;
  col?: number;
}

async function validateJson(target: string, cwd: string, extra: string[] = []): Promise<RunResult & { diags: JsonDiag[] }> {
  const r = await run(['validate', target, '--format', 'json', '--lang', 'en', ...extra], cwd);
  let diags: JsonDiag[];
  try {
    diags = (JSON.parse(r.stdout) as { diagnostics: JsonDiag[] }).diagnostics;
  } catch {
    throw new Error(`validate ${target} did not print JSON (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
  }
  return { ...r, diags };
}

const key = (d: { file?: string; line?: number; col?: number; code: string; severity: string }) =>
  `${d.file}:${d.line}:${d.col} ${d.code} ${d.severity}`;

/** The compiled CLI must match the sources this test is about, or we would test stale code. */
function assertBuildFresh(): void {
  const stale: string[] = [];
  for (const dir of ['cli', 'io', 'load', 'model', 'rules', 'render'])
    for (const f of readdirSync(path.join(ROOT, 'src', dir))) {
      if (!f.endsWith('.ts')) continue;
      const js = path.join(ROOT, 'dist', dir, f.replace(/\.ts$/, '.js'));
      if (!existsSync(js) || statSync(js).mtimeMs < statSync(path.join(ROOT, 'src', dir, f)).mtimeMs) stale.push(`src/${dir}/${f}`);
    }
  if (stale.length) throw new Error(`dist/ is older than ${stale.join(', ')}: run \`npm run build\` (npm test does) first`);
}

interface Fixture {
  name: string;
  dir: string;
  /** A fixture whose expectation is missing or malformed becomes a failing test, not a skip. */
  spec: FixtureSpec | Error;
}

function specOrError(f: () => FixtureSpec): FixtureSpec | Error {
  try {
    return f();
  } catch (e) {
    return e as Error;
  }
}

function loadBad(): Fixture[] {
  return readdirSync(BAD)
    .filter((n) => !n.startsWith('.'))
    .sort()
    .map((name) => {
      const full = path.join(BAD, name);
      if (statSync(full).isDirectory()) {
        const exp = path.join(full, 'expect.txt');
        return {
          name,
          dir: BAD,
          spec: specOrError(() => {
            if (!existsSync(exp)) throw new Error(`fixture folder ${name}/ has no expect.txt`);
            return parseFolderSpec(name, readFileSync(exp, 'utf8'));
          }),
        };
      }
      return {
        name,
        dir: BAD,
        spec: specOrError(() => {
          if (!/\.ya?ml$/.test(name)) throw new Error(`${name}: a bad fixture is a .yaml/.yml file or a folder`);
          return parseFileSpec(name, decodeFixture(readFileSync(full)));
        }),
      };
    });
}

function loadGood(): Fixture[] {
  return readdirSync(GOOD)
    .filter((n) => !n.startsWith('.'))
    .sort()
    .map((name) => {
      const full = path.join(GOOD, name);
      const texts = statSync(full).isDirectory()
        ? readdirSync(full).map((f) => decodeFixture(readFileSync(path.join(full, f))))
        : [decodeFixture(readFileSync(full))];
      const spec = texts.some((t) => /^\uFEFF?#\s*expect/m.test(t))
        ? new Error(`good fixture ${name} carries expectations: move it to test/fixtures/bad`)
        : { expects: [], messages: [] };
      return { name, dir: GOOD, spec };
    });
}

async function checkFixture(f: Fixture): Promise<void> {
  const spec = f.spec;
  if (spec instanceof Error) throw spec;
  const r = await validateJson(f.name, f.dir);
  expect(r.stderr, 'nothing on stderr (no stack traces)').toBe('');
  const actual = r.diags.map(key).sort();
  const expected = spec.expects.map(key).sort();
  expect(actual, `diagnostics of ${f.name}:\n${r.diags.map((d) => `  ${key(d)}  ${d.message}`).join('\n')}`).toEqual(expected);
  for (const m of spec.messages)
    expect(
      r.diags.some((d) => d.message.includes(m)),
      `some message of ${f.name} contains ${JSON.stringify(m)}; got:\n${r.diags.map((d) => `  ${d.message}`).join('\n')}`,
    ).toBe(true);
  const wantExit = spec.expects.some((e) => e.severity === 'error') ? 1 : 0;
  expect(r.code, `exit code of ${f.name}`).toBe(wantExit);
}

describe('fixture expectations are strict', () => {
  it('rejects a fixture with no expectation', () => {
    expect(() => parseFileSpec('x.yaml', 'kind: Calendar\n')).toThrow(/no "# expect/);
    expect(() => parseFolderSpec('x', '# only a comment\n')).toThrow(/no "file:line:col code"/);
  });
  it('rejects malformed expectation lines', () => {
    expect(() => parseFileSpec('x.yaml', '# expect: schema/unknown-key\nkind: Calendar\n')).toThrow(/malformed/);
    expect(() => parseFileSpec('x.yaml', '# expect: schema/unknown-key 7\n')).toThrow(/malformed/);
    expect(() => parseFileSpec('x.yaml', '# expect: unknown-key 7:5\n')).toThrow(/not a rule code/);
    expect(() => parseFileSpec('x.yaml', '# expects: yaml/tag 1:1\n')).toThrow(/malformed/);
    expect(() => parseFileSpec('x.yaml', '# expect: yaml/tag 0:1\n')).toThrow(/1-based/);
    expect(() => parseFolderSpec('x', 'a.yaml 3:4 references/unknown\n')).toThrow(/malformed/);
    expect(() => parseFolderSpec('x', 'a.yaml:3:4 references/unknown fatal\n')).toThrow(/malformed/);
  });
  it('parses what the fixtures use', () => {
    expect(parseFileSpec('x.yaml', '\uFEFF# expect: yaml/tag 3:12\r\n# expect: io/encoding-gb18030 1:1 warning\r\n# expect-message: did you mean "name"?\r\n')).toEqual({
      expects: [
        { file: 'x.yaml', line: 3, col: 12, code: 'yaml/tag', severity: 'error' },
        { file: 'x.yaml', line: 1, col: 1, code: 'io/encoding-gb18030', severity: 'warning' },
      ],
      messages: ['did you mean "name"?'],
    });
    expect(parseFolderSpec('d', '# c\nroster.yaml:7:39 assignment-cycle/outside warning\nmessage: 寨河\n')).toEqual({
      expects: [{ file: 'd/roster.yaml', line: 7, col: 39, code: 'assignment-cycle/outside', severity: 'warning' }],
      messages: ['寨河'],
    });
  });
});

describe('test/fixtures/bad', () => {
  const fixtures = loadBad();
  it('the built CLI is current', () => assertBuildFresh());
  it('holds at least 36 bad inputs', () => expect(fixtures.length).toBeGreaterThanOrEqual(36));
  it.concurrent.each(fixtures.map((f) => [f.name, f] as const))('%s', async (_name, f) => {
    await checkFixture(f);
  });
});

describe('test/fixtures/good', () => {
  const fixtures = loadGood();
  it('holds clean controls', () => expect(fixtures.length).toBeGreaterThanOrEqual(3));
  it.concurrent.each(fixtures.map((f) => [f.name, f] as const))('%s validates clean', async (_name, f) => {
    await checkFixture(f);
  });
});

describe('generated inputs', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'yilian-fixtures-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('a file over --max-file-size is refused unread with io/too-large at 1:1', async () => {
    // Over the limit and also full of mistakes: none of them may be reported, the file is not read.
    const body = 'kind: Calendar\nholidays:\n' + '  - 2021-02-30\n'.repeat(200);
    writeFileSync(path.join(tmp, 'huge.yaml'), body);
    expect(Buffer.byteLength(body)).toBeGreaterThan(1024);
    const r = await validateJson('huge.yaml', tmp, ['--max-file-size', '1KB']);
    expect(r.stderr).toBe('');
    expect(r.diags.map(key)).toEqual(['huge.yaml:1:1 io/too-large error']);
    expect(r.diags[0]!.message).toContain('huge.yaml');
    expect(r.code).toBe(1);
    // The same file under a limit it fits reads normally (and then its bad dates are found).
    const ok = await validateJson('huge.yaml', tmp, ['--max-file-size', '1MB']);
    expect(ok.diags.length).toBe(200);
    expect(new Set(ok.diags.map((d) => d.code))).toEqual(new Set(['schema/invalid-date']));
  });

  it('the text format shows file:line:col, the Chinese message and the code', async () => {
    const r = await run(['validate', 'unknown-unit-reference', '--no-color'], BAD);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('unknown-unit-reference/roster.yaml:6:28');
    expect(r.stdout).toContain('未知单位「寨和」，是否为「寨河」？');
    expect(r.stdout).toContain('[references/unknown]');
  });

  it('a deeper alias bomb is refused at once, without expanding it', () => {
    // 30 levels of 10 aliases each: 10^30 nodes if anything expanded it.
    let text = 'kind: Calendar\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i <= 30; i++) text += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    const diags: Diagnostic[] = [];
    const t0 = performance.now();
    const docs = parseYamlDocuments(text, 'bomb.yaml', diags);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(docs).toEqual([]);
    expect(diags.length).toBeGreaterThan(0);
    expect(new Set(diags.map((d) => d.code))).toEqual(new Set(['yaml/alias']));
    expect(diags[0]).toMatchObject({ line: 2, col: 5 });
  });
});
