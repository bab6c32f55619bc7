// yilian check, run as a user would, on the seed examples and small variations of them.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers/cli.js';

interface JsonFinding {
  code: string;
  severity: string;
  item?: number | string;
  period?: string;
  due?: string;
  file?: string;
  line?: number;
  col?: number;
  message: string;
}

async function check(args: string[], env: Record<string, string> = {}, cwd = ROOT) {
  const r = await runCli(['check', '--format', 'json', ...args], { env, cwd });
  return { ...r, json: JSON.parse(r.stdout) as { asOf: string; findings: JsonFinding[] } };
}

const items = (fs: JsonFinding[], code: string) => fs.filter((f) => f.code === code).map((f) => f.item);

async function copyExample(name: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `yilian-${name}-`));
  await cp(path.join(ROOT, 'examples', name), dir, { recursive: true });
  return dir;
}

describe('yilian check', () => {
  it('shaoxing-tcm-2017 as of 2017-06-30: exactly items 7 and 15 overdue, 16 due that day', async () => {
    const r = await check(['examples/shaoxing-tcm-2017', '--as-of', '2017-06-30']);
    expect(r.code).toBe(1);
    expect(r.json.asOf).toBe('2017-06-30');
    expect(items(r.json.findings, 'deadline/overdue')).toEqual([7, 15]);
    expect(items(r.json.findings, 'deadline/due-soon')).toEqual([16]);
    expect(items(r.json.findings, 'recurrence/missed')).toEqual([]);
    const overdue7 = r.json.findings.find((f) => f.item === 7)!;
    expect(overdue7).toMatchObject({ severity: 'error', due: '2017-05-31', file: 'examples/shaoxing-tcm-2017/workplan-2017.yaml' });
    expect(overdue7.message).toContain('已逾期 30 天');
    // Nothing but work-plan findings, and the one pairing the seed requires that no file names yet
    // (三（二）4「总院重点科室与成员单位形成一对一的对接关系，并明确联络人」): otherwise clean.
    expect(r.json.findings.filter((f) => f.item === undefined).map((f) => f.code)).toEqual(['partners/unpaired']);
  });

  it('before anything is due, nothing is overdue; done dates after the as-of date do not count', async () => {
    const early = await check(['examples/shaoxing-tcm-2017', '--as-of', '2017-04-01']);
    expect(items(early.json.findings, 'deadline/overdue')).toEqual([]);
    expect(early.code).toBe(0);
    // Item 1 (4月底) was done 2017-04-26; as of 04-25 it is not done yet and due within 14 days.
    const r = await check(['examples/shaoxing-tcm-2017', '--as-of', '2017-04-25']);
    expect(items(r.json.findings, 'deadline/due-soon')).toEqual([1, 5]);
  });

  it('a quarter with no meeting is a missed period (每季度, first 5月底)', async () => {
    const r = await check(['examples/shaoxing-tcm-2017', '--as-of', '2018-01-05']);
    const missed = r.json.findings.filter((f) => f.code === 'recurrence/missed');
    expect(missed.map((f) => [f.item, f.period])).toEqual([[8, '2017-Q4']]);
    expect(missed[0]!.severity).toBe('error');

    const dir = await copyExample('shaoxing-tcm-2017');
    const file = path.join(dir, 'workplan-2017.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace(/held: \[2017-05-26, 2017-09-12\]/, 'held: [2017-05-26, 2017-07-20, 2017-08-02]'));
    const again = await check([dir, '--as-of', '2017-12-31']);
    // Q3 has two meetings, Q4 none yet but still open on 12-31: due soon, not missed.
    expect(again.json.findings.filter((f) => f.code === 'recurrence/missed')).toEqual([]);
    expect(again.json.findings.filter((f) => f.code === 'recurrence/due-soon').map((f) => f.period)).toEqual(['2017-Q4']);
    const later = await check([dir, '--as-of', '2018-01-01']);
    expect(later.json.findings.filter((f) => f.code === 'recurrence/missed').map((f) => f.period)).toEqual(['2017-Q4']);
  });

  it('每年3月和9月 over years: 2018-2022 needs both months each year', async () => {
    const r = await check(['examples/wuchuan-2017', '--as-of', '2019-10-01']);
    const missed = r.json.findings.filter((f) => f.code === 'recurrence/missed' && f.item === 7).map((f) => f.period);
    expect(missed.length).toBeGreaterThan(0);
    for (const p of missed) expect(p).toMatch(/^(2018|2019)-(03|09)$/);
  });

  it('the same findings whatever the machine time zone, and today is China\'s today', async () => {
    const la = await check(['examples/shaoxing-tcm-2017', '--as-of', '2017-06-30'], { TZ: 'America/Los_Angeles' });
    const sh = await check(['examples/shaoxing-tcm-2017', '--as-of', '2017-06-30'], { TZ: 'Asia/Shanghai' });
    expect(la.stdout).toBe(sh.stdout);
    const todayLa = await check(['examples/shaoxing-tcm-2017'], { TZ: 'America/Los_Angeles' });
    const todaySh = await check(['examples/shaoxing-tcm-2017'], { TZ: 'Asia/Shanghai' });
    const china = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(todayLa.json.asOf).toBe(china);
    expect(todaySh.json.asOf).toBe(china);
  });

  it('region coverage: 梁平 is fully covered by 2018-10-31; a unit left out is an error', async () => {
    const ok = await check(['examples/liangping-2018', '--as-of', '2018-11-01']);
    expect(ok.json.findings.filter((f) => f.code.startsWith('coverage/'))).toEqual([]);
    const dir = await copyExample('liangping-2018');
    const file = path.join(dir, 'region.yaml');
    await writeFile(file, (await readFile(file, 'utf8')) + '  - { name: 新开镇卫生院, level: township }\n');
    const bad = await check([dir, '--as-of', '2018-11-01']);
    const f = bad.json.findings.filter((x) => x.code === 'coverage/uncovered');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('新开镇卫生院');
    expect(f[0]!.file).toMatch(/region\.yaml$/);
    expect(bad.code).toBe(1);
  });

  it('text output groups by lead department and ends with a summary', async () => {
    const r = await runCli(['check', 'examples/shaoxing-tcm-2017', '--as-of', '2017-06-30']);
    expect(r.stdout).toContain('牵头科室：外联办');
    expect(r.stdout).toContain('牵头科室：护理部'); // the table's 护理 resolves to the department 护理部
    expect(r.stdout).toMatch(/2 个错误，2 个警告.*逾期 2 项/); // 第16项 due soon; no pairing yet (partners/unpaired)
    const en = await runCli(['check', 'examples/shaoxing-tcm-2017', '--as-of', '2017-06-30', '--lang', 'en']);
    expect(en.stdout).toContain('Lead department: 外联办');
    expect(en.stdout).toMatch(/2 error\(s\), 2 warning\(s\).*2 overdue/);
  });

  it('rejects a bad --as-of and --within with exit 2; --within in working days uses the official calendar', async () => {
    expect((await runCli(['check', 'examples', '--as-of', '2017-02-30'])).code).toBe(2);
    expect((await runCli(['check', 'examples', '--within', 'soon'])).code).toBe(2);
    // 2017-09-29 (Fri) + 5 working days: 09-30 is a 调休 Saturday workday, the National Day
    // holiday runs 10-01..10-08, then 10-09..10-12 — so the window ends on 2017-10-12.
    const wd = await check(['examples/shaoxing-tcm-2017', '--as-of', '2017-09-29', '--within', '5wd']);
    expect((wd.json as unknown as { withinDays: number }).withinDays).toBe(13);
    const gap = await runCli(['check', 'examples/shaoxing-tcm-2017', '--as-of', '2027-06-01', '--within', '5wd', '--format', 'json']);
    expect(JSON.parse(gap.stdout).findings.some((f: JsonFinding) => f.code === 'calendar/gap')).toBe(true);
  });

  it('group terms: 理事会每届任期3年 expiring within the window is reported', async () => {
    const r = await check(['examples/jingmen-dongbao', '--as-of', '2026-12-20']);
    const terms = r.json.findings.filter((f) => f.code === 'expiring/term');
    expect(terms.length).toBeGreaterThanOrEqual(2);
    for (const f of terms) expect(f.due).toBe('2026-12-31');
  });
});

describe('yilian check: a Calendar that contradicts itself', () => {
  it('is one positioned error, never an internal error, with quotas and with --within in working days', async () => {
    const dir = await copyExample('guangshan-2021');
    await writeFile(path.join(dir, 'calendar.yaml'), 'kind: Calendar\nholidays: [2021-06-18]\nworkdays: [2021-06-18]\n');
    for (const extra of [[], ['--within', '10wd']]) {
      const r = await check([dir, '--as-of', '2021-07-05', ...extra]);
      expect(r.stderr).not.toContain('内部错误');
      expect(r.code).toBe(1);
      const conflicts = r.json.findings.filter((f) => f.code === 'calendar/conflict');
      expect(conflicts).toMatchObject([{ severity: 'error', file: expect.stringMatching(/calendar\.yaml$/), line: 3, col: 12 }]);
    }
    const v = await runCli(['validate', dir, '--format', 'json']);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain('calendar/conflict');
  });
});

describe('yilian check text: the 类别 column', () => {
  it('is Chinese for every finding, also for validation errors check lists (never a rule code)', async () => {
    const dir = await copyExample('guangshan-2021');
    const roster = path.join(dir, 'roster.yaml');
    await writeFile(roster, (await readFile(roster, 'utf8')).replace('target: 光山县人民医院寨河镇分院', 'target: 寨和'));
    await writeFile(path.join(dir, 'extra.yaml'), 'kind: WorkPlan\nalliance: guangshan-2021\nyear: 2021\nitems:\n  - { no: 1, task: 事项, due: 2月29日, lead: 院办 }\n---\nyear: 2021\n');
    const r = await runCli(['check', dir, '--as-of', '2021-07-01', '--no-color']);
    expect(r.code).toBe(1);
    const kinds = r.stdout.split('\n').filter((l) => l.startsWith('│ ')).map((l) => l.split('│')[2]!.trim());
    expect(kinds.filter((k) => /[a-z]\//.test(k))).toEqual([]);
    expect(kinds).toContain('引用');
  });
});
