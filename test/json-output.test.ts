// The JSON contract of docs/OUTPUT.md: every JSON output starts with its format version, and
// columns are UTF-16 code units in JSON and SARIF alike (said so in the SARIF run).
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

describe('JSON output', () => {
  it('validate, check and subsidy put "version": 1 first', async () => {
    const runs = await Promise.all([
      runCli(['validate', 'examples/guangshan-2021', '--format', 'json']),
      runCli(['check', 'examples/guangshan-2021', '--as-of', '2021-07-01', '--format', 'json']),
      runCli(['subsidy', 'examples/shaoxing-tcm-2017', '--month', '2017-06', '--format', 'json']),
    ]);
    expect(runs.map((r) => r.code)).toEqual([0, 1, 0]);
    for (const r of runs) {
      const out = JSON.parse(r.stdout) as Record<string, unknown>;
      expect(Object.keys(out)[0]).toBe('version');
      expect(out.version).toBe(1);
    }
    expect(Object.keys(JSON.parse(runs[1]!.stdout))).toEqual(['version', 'asOf', 'withinDays', 'findings']);
  });

  it('counts columns in UTF-16 code units, and SARIF says so', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'yilian-col-'));
    // 𠮷 is one character but two UTF-16 code units: levle starts at unit 31 (code point 29).
    writeFileSync(path.join(dir, 'a.yaml'), 'kind: Alliance\nid: x\nname: 甲\ntype: 医联体\nunits:\n  - { name: 𠮷𠮷, role: lead, levle: county }\n');
    const [json, sarif] = await Promise.all([
      runCli(['validate', 'a.yaml', '--format', 'json'], { cwd: dir }),
      runCli(['validate', 'a.yaml', '--format', 'sarif'], { cwd: dir }),
    ]);
    expect(JSON.parse(json.stdout).diagnostics[0]).toMatchObject({ code: 'schema/unknown-key', line: 6, col: 31 });
    const run = JSON.parse(sarif.stdout).runs[0];
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.results[0].locations[0].physicalLocation.region).toEqual({ startLine: 6, startColumn: 31 });
  });
});
