// Worksheet names: Excel allows 31 UTF-16 units (a character beyond the BMP, such as 𠮷, takes
// two), forbids : \ / ? * [ ], and compares names without case. Two long names that agree in
// their first 31 units must still give two sheets, and no name may end in half a character.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { sheetName } from '../src/render/xlsx-common.js';
import { runCli } from './helpers/cli.js';

const JI = '𠮷'; // U+20BB7, two UTF-16 units
const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe('sheetName', () => {
  it('cuts at 31 UTF-16 units, never inside a character', () => {
    const name = sheetName(JI.repeat(20) + '医院', new Set());
    expect(name.length).toBeLessThanOrEqual(31);
    expect(wellFormed(name)).toBe(true);
    expect(name).toBe(JI.repeat(15));
  });

  it('two names that agree in their first 31 units become two names, the second with (2)', () => {
    const taken = new Set<string>();
    const a = sheetName(JI.repeat(20) + '甲医院', taken);
    const b = sheetName(JI.repeat(20) + '乙医院', taken);
    expect(a).not.toBe(b);
    expect(b).toBe(JI.repeat(14) + '(2)');
    expect(b.length).toBeLessThanOrEqual(31);
    expect(wellFormed(b)).toBe(true);
  });

  it('replaces the characters Excel forbids and compares without case', () => {
    const taken = new Set<string>();
    expect(sheetName('a:b\\c/d?e*f[g]h', taken)).toBe('a b c d e f g h');
    expect(sheetName('Summary', taken)).toBe('Summary');
    expect(sheetName('SUMMARY', taken)).toBe('SUMMARY(2)');
  });
});

describe('roster and subsidy with lead units named beyond the BMP', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'yilian-sheetname-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const lead1 = JI.repeat(20) + '甲医院';
  const lead2 = JI.repeat(20) + '乙医院';
  writeFileSync(
    path.join(tmp, 'alliance.yaml'),
    `kind: Alliance\nid: t\nname: 测试医共体\ntype: 医共体\ncycle: { start: 2021-01-01, end: 2021-12-31 }\nunits:\n` +
      `  - { id: a, name: ${lead1}, role: lead, level: county }\n` +
      `  - { id: b, name: ${lead2}, role: lead, level: county }\n` +
      `  - { id: m, name: 某镇卫生院, role: member, level: township, lead: a }\n`,
  );
  writeFileSync(
    path.join(tmp, 'roster.yaml'),
    `kind: Roster\nalliance: t\npeople:\n  - { name: 张三, unit: a, title: 主任医师 }\n  - { name: 李四, unit: b, title: 主任医师 }\n` +
      `assignments:\n  - { person: 张三, target: m, start: 2021-01-01 }\n  - { person: 李四, target: m, start: 2021-01-01 }\n`,
  );

  writeFileSync(
    path.join(tmp, 'subsidy.yaml'),
    `kind: SubsidyPolicy\nid: p\nalliance: t\neffective: 2021-01-01\nrates: []\n` +
      `allowances:\n  - { name: 交通补贴, amount: 100, per: trip, payer: lead }\n`,
  );
  writeFileSync(
    path.join(tmp, 'activity.yaml'),
    `kind: ActivityLog\nalliance: t\nentries:\n  - { date: 2021-06-03, person: 张三, unit: m, type: 门诊 }\n` +
      `  - { date: 2021-06-03, person: 李四, unit: m, type: 门诊 }\n`,
  );

  it('subsidy writes one sheet per payer', async () => {
    const out = path.join(tmp, 'subsidy.xlsx');
    const r = await runCli(['subsidy', '.', '--month', '2021-06', '-o', out], { cwd: tmp });
    expect(r.stderr).not.toContain('内部错误');
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out));
    const names = wb.worksheets.map((w) => w.name);
    expect(names.filter((n) => n.startsWith(JI))).toHaveLength(2);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(wellFormed(n) && !n.includes('\uFFFD')).toBe(true);
  });

  it('roster writes one sheet per lead unit, both names whole characters', async () => {
    const out = path.join(tmp, 'roster.xlsx');
    const r = await runCli(['roster', '.', '-o', out], { cwd: tmp });
    expect(r.stderr).not.toContain('内部错误');
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out));
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toHaveLength(3);
    expect(new Set(names).size).toBe(3);
    for (const n of names) expect(wellFormed(n) && !n.includes('\uFFFD')).toBe(true);
  });
});
