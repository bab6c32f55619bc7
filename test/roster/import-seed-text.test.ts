// The seed's own attachment table (003, 附件2), saved as tab-separated text the way a clerk
// copies it out of Word: a caption line first, blank continuation cells, phones as digits.
// The excerpt is vendored in test/fixtures/seeds/ (source noted in test/fixtures/README.md).
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { ROOT } from './helpers.js';

const SEED = path.join(ROOT, 'test', 'fixtures', 'seeds', '003-attachment2.txt');

describe('import the seed attachment as text', () => {
  it('finds the header below the caption, carries 泼河/斛山 down, resolves short names', async () => {
    const text = readFileSync(SEED, 'utf8');
    const table = text.slice(text.indexOf('附件2:')).split('\n').filter((l) => l.trim()).join('\r\n');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'yilian-seedtxt-'));
    const csv = path.join(dir, '中医院名单.csv');
    writeFileSync(csv, table);
    const out = path.join(dir, 'roster.yaml');
    const r = await runCli(['import', 'roster', csv, '-o', out, '-w', 'examples/guangshan-2021']);
    expect(r.code, r.stderr).toBe(0);
    const doc = parse(readFileSync(out, 'utf8'));
    expect(doc.people).toHaveLength(9);
    expect(doc.people[0]).toMatchObject({ name: '林承福', unit: '光山县中医院', title: '全科执业医师', phone: '13949188365' });
    const target = (n: string) => doc.assignments.find((a: { person: string }) => a.person === n).target;
    expect(target('曾文武')).toBe('光山县中医院泼河镇分院');
    expect(target('屈莉')).toBe('光山县中医院斛山乡分院');
    expect(target('赵小增')).toBe('光山县妇幼保健院');
  });

  it('a sheet with no recognisable header writes nothing and exits 1', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'yilian-nohdr-'));
    const csv = path.join(dir, 'x.csv');
    writeFileSync(csv, '附件\n说明\n');
    const out = path.join(dir, 'x.yaml');
    const r = await runCli(['import', 'roster', csv, '-o', out]);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(r.stderr).toContain('未写入');
  });
});
