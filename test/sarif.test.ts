// SARIF for a workspace the way offices name folders: under an absolute path, in Chinese, with
// spaces. The log must validate against the SARIF 2.1.0 schema Microsoft's validator uses and
// pass the checks that validator and GitHub apply: URIs relative to %SRCROOT% and percent-encoded
// (SARIF1002, SARIF1004, SARIF2016), rule metadata present (GH2012).
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ALL_CODES } from '../src/codes/index.js';
import { t } from '../src/model/diagnostic.js';
import { artifactLocation, fileUri, renderSarif } from '../src/render/sarif.js';
import { ROOT, runCli } from './helpers/cli.js';

interface Rule {
  id: string;
  name: string;
  shortDescription?: { text: string };
  fullDescription?: { text: string };
  help?: { text: string; markdown: string };
  defaultConfiguration?: { level: string };
  deprecatedIds?: string[];
}
interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations?: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[];
}
interface Log {
  runs: { tool: { driver: { rules: Rule[] } }; originalUriBaseIds: Record<string, { uri: string }>; results: Result[] }[];
}

const schema = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/sarif/sarif-2.1.0.json'), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
const validate = ajv.compile(schema);

// RFC 3986: unreserved, sub-delims, ":", "@", "/" and percent-escapes; nothing else (no space,
// no raw Chinese, no backslash).
const URI_CHARS = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-F]{2})*$/;

const tmp = mkdtempSync(path.join(os.tmpdir(), 'yilian-sarif-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** `<tmp>/工作区/湖滨 2022` (the working directory) and `<tmp>/工作区/湖滨2022` beside it. */
function workspace(): { inside: string; outside: string } {
  const inside = path.join(tmp, '工作区', '湖滨 2022');
  const outside = path.join(tmp, '工作区', '湖滨2022');
  cpSync(path.join(ROOT, 'examples/guangshan-2021'), path.join(inside, '光山 2021'), { recursive: true });
  cpSync(path.join(ROOT, 'examples/liangping-2018'), outside, { recursive: true });
  // A broken file whose name needs escaping: a space, brackets, a percent sign, a hash.
  writeFileSync(path.join(inside, '坏 文件[1]%#.yaml'), 'kind: Alliance\nid: x\nname: 甲\ntype: 医联休\nunits:\n  - { name: 乙院, role: lead, levle: county }\n');
  return { inside, outside };
}

function checkLog(log: Log, cwd: string): void {
  expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  const run = log.runs[0]!;
  const rules = run.tool.driver.rules;
  // SARIF1004: the base is an absolute file: URI of the working directory, ending in "/".
  const root = run.originalUriBaseIds['%SRCROOT%']!.uri;
  expect(root).toMatch(/^file:\/\/\/.*\/$/);
  expect(URI_CHARS.test(root), root).toBe(true);
  expect(fileURLToPath(root)).toBe(cwd + path.sep);
  // GH2012: every rule explains itself; ids are unique; every declared code is there.
  expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
  for (const c of ALL_CODES) expect(rules.some((r) => r.id === c.id), c.id).toBe(true);
  for (const r of rules) {
    expect(r.name, r.id).toMatch(/^[A-Z][A-Za-z0-9]*$/);
    for (const text of [r.shortDescription?.text, r.fullDescription?.text, r.help?.text, r.help?.markdown]) expect(text?.trim(), r.id).toBeTruthy();
    expect(['error', 'warning', 'note']).toContain(r.defaultConfiguration?.level);
  }
  expect(run.results.length).toBeGreaterThan(0);
  for (const res of run.results) {
    expect(rules[res.ruleIndex]?.id).toBe(res.ruleId);
    for (const loc of res.locations ?? []) {
      const { uri, uriBaseId } = loc.physicalLocation.artifactLocation;
      // SARIF1002: a valid, percent-encoded URI reference.
      expect(URI_CHARS.test(uri), uri).toBe(true);
      if (uriBaseId) {
        // SARIF2016/SARIF1004: relative to %SRCROOT%, no leading slash, no scheme.
        expect(uriBaseId).toBe('%SRCROOT%');
        expect(uri).not.toMatch(/^\/|^[a-z]+:/i);
      } else expect(uri).toMatch(/^file:\/\/\//);
      // And it leads to the file the finding is about.
      expect(existsSync(fileURLToPath(new URL(uri, uriBaseId ? root : undefined))), uri).toBe(true);
    }
  }
}

describe('SARIF', () => {
  const { inside, outside } = workspace();

  it('check: a Chinese, spaced workspace under an absolute path gives a valid log with relative, encoded URIs', async () => {
    const r = await runCli(['check', '.', outside, '--as-of', '2021-07-01', '--format', 'sarif'], { cwd: inside });
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout) as Log;
    checkLog(log, inside);
    const uris = log.runs[0]!.results.flatMap((x) => x.locations ?? []).map((l) => l.physicalLocation.artifactLocation);
    expect(uris).toContainEqual({ uri: '%E5%9D%8F%20%E6%96%87%E4%BB%B6%5B1%5D%25%23.yaml', uriBaseId: '%SRCROOT%' });
    expect(uris).toContainEqual({ uri: '%E5%85%89%E5%B1%B1%202021/quotas.yaml', uriBaseId: '%SRCROOT%' });
    // Outside the working directory: an absolute file: URI, encoded too.
    expect(uris.some((u) => !u.uriBaseId && u.uri.endsWith('/%E6%B9%96%E6%BB%A82022/quotas.yaml'))).toBe(true);
    // A broken log fails the same schema, or this test proves nothing.
    expect(validate({ ...log, runs: [{ ...log.runs[0], results: [{ ruleId: 1 }] }] })).toBe(false);
  });

  it('validate: the same with absolute paths on the command line', async () => {
    const r = await runCli(['validate', inside, '--format', 'sarif', '--lang', 'en'], { cwd: inside });
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout) as Log;
    checkLog(log, inside);
    expect(log.runs[0]!.results.map((x) => x.ruleId)).toContain('schema/unknown-key');
  });

  it('encodes every segment and keeps "/"', () => {
    const cwd = path.join(tmp, '湖滨 2022');
    expect(artifactLocation(path.join(cwd, 'a b', '表[1].yaml'), cwd)).toEqual({ uri: 'a%20b/%E8%A1%A8%5B1%5D.yaml', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('sub/x.yaml', cwd)).toEqual({ uri: 'sub/x.yaml', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('../其他/x.yaml', cwd).uri).toBe(fileUri(path.join(tmp, '其他', 'x.yaml')));
    expect(fileUri('/a b/湖|^[x]')).toBe('file:///a%20b/%E6%B9%96%7C%5E%5Bx%5D');
    expect(fileUri('/srv/湖滨 2022', true)).toBe('file:///srv/%E6%B9%96%E6%BB%A8%202022/');
  });

  it('lists the former ids of a renamed code as deprecatedIds, and resolves results to its rule', () => {
    const codes = [{ id: 'demo/renamed', severity: 'error' as const, deprecatedIds: ['demo/old-name'], description: t('未达标。', 'Below.'), help: t('补上。', 'Make it up.') }];
    const log = JSON.parse(renderSarif([{ code: 'demo/renamed', severity: 'error', message: t('少了', 'short') }], { lang: 'zh', cwd: tmp, codes })) as Log;
    expect(log.runs[0]!.tool.driver.rules[0]).toMatchObject({ id: 'demo/renamed', name: 'DemoRenamed', deprecatedIds: ['demo/old-name'] });
    expect(log.runs[0]!.results[0]).toMatchObject({ ruleId: 'demo/renamed', ruleIndex: 0, level: 'error' });
  });
});
