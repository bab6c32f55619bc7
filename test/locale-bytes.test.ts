// The same workspace gives the same bytes on any machine: a Chinese or an English locale, the C
// locale, another time zone. File names mix Chinese (光山, 五常, 名单) and Latin of both cases,
// which a locale's collation orders differently from code points.
import { execFile } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byCodePoint } from '../src/model/order.js';
import { BIN, ROOT } from './helpers/cli.js';

const ENVS: Record<string, Record<string, string>> = {
  'zh_CN.UTF-8': { LANG: 'zh_CN.UTF-8' },
  'en_US.UTF-8 + LC_ALL=C': { LANG: 'en_US.UTF-8', LC_ALL: 'C' },
  'en_US.UTF-8 in America/Los_Angeles': { LANG: 'en_US.UTF-8', TZ: 'America/Los_Angeles' },
};

// shaoxing-tcm-2017 under names that sort differently by locale and by code point.
const RENAME: Record<string, string> = {
  'alliance.yaml': '五常.yaml',
  'workplan-2017.yaml': '光山.yaml',
  'roster.yaml': '名单.yaml',
  'referrals.yaml': '转诊.yaml',
  'quotas.yaml': 'Quotas.yaml',
  'subsidy.yaml': 'a.yaml',
  'training.yaml': 'training.yaml',
  'activity-2017-06.yaml': 'activity-2017-06.yaml',
};

let tmp = '';
const plan = () => path.join(tmp, 'plan');
const lint = () => path.join(tmp, 'lint');

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'yilian-locale-'));
  for (const dir of [plan(), lint()]) {
    mkdirSync(dir);
    for (const [from, to] of Object.entries(RENAME)) copyFileSync(path.join(ROOT, 'examples/shaoxing-tcm-2017', from), path.join(dir, to));
  }
  // The lint copy has a mistake in most files, so the diagnostics span them all.
  for (const f of ['五常.yaml', '光山.yaml', 'Quotas.yaml', 'a.yaml', 'training.yaml', '转诊.yaml']) appendFileSync(path.join(lint(), f), 'extra: 1\n');
  const roster = path.join(lint(), '名单.yaml');
  writeFileSync(roster, readFileSync(roster, 'utf8').replace('phone: "13800000101"', 'phone: "1380000010"'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The CLI with only PATH/HOME from this process: no inherited LANG, LC_*, LANGUAGE or TZ. */
function run(args: string[], env: Record<string, string>, cwd: string): Promise<{ code: number; stdout: Buffer }> {
  const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmp, NO_COLOR: '1', COLUMNS: '120' };
  return new Promise((resolve) =>
    execFile(process.execPath, [BIN, ...args], { cwd, env: { ...base, ...env }, encoding: 'buffer', maxBuffer: 64 << 20 }, (err, stdout) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout }),
    ),
  );
}

/** Runs one command under every environment; returns each environment's bytes (stdout, or the -o file). */
async function underEach(args: (out: string) => string[], ext: string, cwd: string): Promise<{ code: number; bytes: Buffer }[]> {
  return Promise.all(
    Object.values(ENVS).map(async (env, i) => {
      const out = path.join(tmp, `out-${i}-${Math.random().toString(36).slice(2)}.${ext}`);
      const r = await run(args(out), env, cwd);
      return { code: r.code, bytes: ext === 'stdout' ? r.stdout : readFileSync(out) };
    }),
  );
}

function expectSameBytes(results: { code: number; bytes: Buffer }[]): void {
  expect(results[0]!.bytes.length).toBeGreaterThan(0);
  for (const r of results.slice(1)) {
    expect(r.code).toBe(results[0]!.code);
    expect(r.bytes.equals(results[0]!.bytes), r.bytes.toString('utf8').slice(0, 2000)).toBe(true);
  }
}

describe('the same bytes under any LANG, LC_ALL and TZ', () => {
  it('validate --format json lists the files by code point', async () => {
    const rs = await underEach(() => ['validate', '.', '--format', 'json'], 'stdout', lint());
    expectSameBytes(rs);
    expect(rs[0]!.code).toBe(1);
    const files = (JSON.parse(rs[0]!.bytes.toString('utf8')) as { diagnostics: { file: string }[] }).diagnostics.map((d) => d.file);
    const distinct = [...new Set(files)];
    expect(distinct).toEqual(expect.arrayContaining(['五常.yaml', '光山.yaml', '名单.yaml', 'Quotas.yaml', 'a.yaml']));
    expect(distinct).toEqual([...distinct].sort(byCodePoint));
  });

  it.each([
    ['check --format json', ['check', '.', '--as-of', '2017-06-30', '--format', 'json'], 'lint'],
    ['check (terminal table)', ['check', '.', '--as-of', '2017-06-30'], 'plan'],
    ['subsidy --format json', ['subsidy', '.', '--month', '2017-06', '--format', 'json', '-o', '-'], 'plan'],
  ])('%s', async (_name, args, dir) => {
    expectSameBytes(await underEach(() => args, 'stdout', dir === 'lint' ? lint() : plan()));
  });

  it.each([
    ['roster', (o: string) => ['roster', '.', '-o', o], 'xlsx'],
    ['subsidy', (o: string) => ['subsidy', '.', '--month', '2017-06', '-o', o], 'xlsx'],
    ['report xlsx', (o: string) => ['report', '.', '--as-of', '2017-06-30', '-o', o], 'xlsx'],
    ['report html', (o: string) => ['report', '.', '--as-of', '2017-06-30', '-o', o], 'html'],
    ['report md', (o: string) => ['report', '.', '--as-of', '2017-06-30', '-o', o], 'md'],
  ])('%s', async (_name, args, ext) => {
    const rs = await underEach(args, ext, plan());
    expect(rs[0]!.code).toBe(0);
    expectSameBytes(rs);
  });
});
