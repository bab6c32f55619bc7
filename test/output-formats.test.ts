// The machine-readable outputs are valid for their consumers.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers/cli.js';

const BAD = 'kind: Alliance\nid: x\nname: 甲\ntype: 医联休\nunits:\n  - { name: 乙院, role: lead, levle: county }\n';

async function badWorkspace(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'yilian-fmt-'));
  await writeFile(path.join(dir, 'a.yaml'), BAD);
  return dir;
}

describe('machine-readable formats', () => {
  it('SARIF output validates against the official SARIF 2.1.0 schema', async () => {
    const schema = JSON.parse(
      await readFile(path.join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
    );
    delete schema.$schema; // draft-04 ids; ajv 8 reads the keywords used here the same way
    delete schema.id;
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const dir = await badWorkspace();
    const r = await runCli(['validate', '--format', 'sarif', 'a.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(log.version).toBe('2.1.0');
    const results = log.runs[0].results;
    expect(results).toHaveLength(2);
    const rules = log.runs[0].tool.driver.rules.map((x: { id: string }) => x.id);
    for (const res of results) expect(rules[res.ruleIndex]).toBe(res.ruleId);
    expect(results[0].locations[0].physicalLocation.region).toEqual({ startLine: 4, startColumn: 7 });
    // A broken log must fail the same check, or this test proves nothing.
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
  });

  it('JSON output has one record per diagnostic with file, line, col and code', async () => {
    const dir = await badWorkspace();
    const r = await runCli(['validate', '--format', 'json', '--lang', 'en', 'a.yaml'], { cwd: dir });
    const out = JSON.parse(r.stdout);
    expect(out.diagnostics).toEqual([
      expect.objectContaining({ code: 'schema/invalid-value', severity: 'error', file: 'a.yaml', line: 4, col: 7 }),
      expect.objectContaining({ code: 'schema/unknown-key', file: 'a.yaml', line: 6, col: 29, message: 'Unknown key "levle". did you mean "level"?' }),
    ]);
  });
});
