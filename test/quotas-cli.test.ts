// yilian check on the seed examples: the quotas each one encodes, as a user would run them.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers/cli.js';

interface F {
  code: string;
  severity: string;
  message: string;
  file?: string;
  line?: number;
  quota?: string;
  period?: string;
  subject?: string;
  subjects?: string[];
  periods?: string[];
  value?: number;
  required?: number;
  reason?: string;
}

async function check(args: string[]) {
  const r = await runCli(['check', '--format', 'json', ...args]);
  const findings = (JSON.parse(r.stdout) as { findings: F[] }).findings;
  return { code: r.code, all: findings, quota: findings.filter((f) => f.code.startsWith('quota/') || f.code.startsWith('calendar/')) };
}

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function copyExample(name: string, edit: Record<string, (text: string) => string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `yilian-quota-${name}-`));
  dirs.push(dir);
  await cp(path.join(ROOT, 'examples', name), dir, { recursive: true });
  for (const [file, fn] of Object.entries(edit)) {
    const p = path.join(dir, file);
    const before = await readFile(p, 'utf8');
    const after = fn(before);
    if (after === before) throw new Error(`edit of ${file} changed nothing`);
    await writeFile(p, after);
  }
  return dir;
}

// The 2021-06 log (activity-2021-06.yaml) covers all 23 dispatched people. 屈莉 has only 3
// working days and 陈娥 no 培训; the other 17 are written after the "其余 17 人" marker.
const OTHERS_2021_06 = ['宋文斌', '李天向', '程坤', '张光明', '徐华丽', '董磊', '潘海玲', '袁磊', '程稳', '阮祥辉', '胡玉洁', '祝锋', '林承福', '曾文武', '刘维维', '方堂', '赵小增'];

describe('yilian check: quotas on the examples', () => {
  it('guangshan-2021 as of 2021-07-01: 屈莉 short of 4 workdays, 陈娥 no 培训, May has no log', async () => {
    const r = await check(['examples/guangshan-2021', '--as-of', '2021-07-01']);
    expect(r.code).toBe(1);
    const q = r.quota;
    expect(q.map((f) => [f.code, f.severity, f.quota, f.period ?? f.periods?.join(), f.subject ?? f.subjects?.length])).toEqual([
      ['quota/below', 'error', 'onsite-days', '2021-06', '屈莉'],
      ['quota/no-data', 'warning', 'onsite-days', '2021-05', undefined],
      ['quota/below', 'error', 'monthly-training', '2021-06', '陈娥'],
      ['quota/no-data', 'warning', 'monthly-training', '2021-05', undefined],
    ]);
    expect(q[0]).toMatchObject({ value: 3, required: 4, file: 'examples/guangshan-2021/quotas.yaml', line: 8 });
    expect(q[0]!.message).toBe('屈莉 2021-06 门诊、查房、带教 3 个工作日，要求不少于 4 个（每月下沉值诊带教不少于4个工作日）');
    expect(q[2]).toMatchObject({ value: 0, required: 1, line: 16 });
    expect(q[2]!.message).toBe('陈娥 2021-06 培训 0 次，要求不少于 1 次（对成员单位医务人员进行技能培训每月不少于1次）');
    expect(q[1]!.message).toBe('2021-05 没有下沉工作记录（ActivityLog），无法检查（每月下沉值诊带教不少于4个工作日）');
  });

  it('people with no entry at all in a month the log covers are grouped into one error per quota', async () => {
    const dir = await copyExample('guangshan-2021', {
      'activity-2021-06.yaml': (text) => text.slice(0, text.indexOf('  # 其余 17 人')),
    });
    const q = (await check([dir, '--as-of', '2021-07-01'])).quota.filter((f) => f.code === 'quota/below');
    expect(q.map((f) => [f.quota, f.subject ?? f.subjects?.length])).toEqual([
      ['onsite-days', '屈莉'],
      ['onsite-days', 17],
      ['monthly-training', '陈娥'],
      ['monthly-training', 17],
    ]);
    expect(q[1]!.subjects).toEqual(OTHERS_2021_06);
    expect(q[3]!.subjects).toEqual(OTHERS_2021_06);
    // 刘鹏飞, 郑鑫, 祝咏梅 and 王从福 meet both quotas (王从福's 会诊 does not count, he has 4 other days).
    for (const ok of ['刘鹏飞', '郑鑫', '祝咏梅', '王从福']) expect(q.some((f) => f.subject === ok || f.subjects?.includes(ok))).toBe(false);
  });

  it('guangshan-2021 as of 2021-06-30: June is still open, so only May (no log) is reported', async () => {
    const r = await check(['examples/guangshan-2021', '--as-of', '2021-06-30']);
    expect(r.quota.map((f) => [f.code, f.quota])).toEqual([
      ['quota/no-data', 'onsite-days'],
      ['quota/no-data', 'monthly-training'],
    ]);
  });

  it('guangshan-2021 as of 2021-10-01: months without a log are listed once per quota, not per person', async () => {
    const r = await check(['examples/guangshan-2021', '--as-of', '2021-10-01']);
    const noData = r.quota.filter((f) => f.code === 'quota/no-data');
    expect(noData.map((f) => f.periods)).toEqual([
      ['2021-05', '2021-07', '2021-08', '2021-09'],
      ['2021-05', '2021-07', '2021-08', '2021-09'],
    ]);
    expect(r.quota.filter((f) => f.code === 'quota/below').map((f) => f.subject)).toEqual(['屈莉', '陈娥']);
  });

  it('wuchuan-2017 as of 2019-01-01: 2 batches a year (2017 prorated from the cycle start), 2–3 people, all seniors', async () => {
    const r = await check(['examples/wuchuan-2017', '--as-of', '2019-01-01']);
    expect(r.quota).toEqual([]);
    // 2017 has one batch; the cycle starts 2017-06-04, so 2 is prorated to 1.
    const dir = await copyExample('wuchuan-2017', {
      'roster.yaml': (s) =>
        s
          .replace('title: 主治医师, titleSince: 2010-09', 'title: 主治医师, titleSince: 2015-01')
          // the 2018-09 batch: 章建平's assignment block, the last of the file
          .replace(/\n {2}- person: 章建平\n {4}target: 务川自治县中医院\n {4}start: 2018-09-03[\s\S]*$/, '\n'),
    });
    const bad = await check([dir, '--as-of', '2019-01-01']);
    expect(bad.quota.map((f) => [f.code, f.quota, f.period ?? null, f.value ?? null, f.required ?? null])).toEqual([
      ['quota/below', 'batches', '2018', 1, 2],
      ['quota/unqualified', 'seniority', null, null, null],
      ['quota/below', 'people', '2018', 1, 2],
    ]);
    expect(bad.quota[1]!.message).toBe(
      // 高年资 = 5 years is not in seed 002: quotas.yaml marks it assumed: [require]
      '俞晓东（务川仡佬族苗族自治县中医院，2017-09-18 起）为主治医师，2015-01 取得，到下派时不满 5 年（年限为示意值，原文未规定）（2 年），不符合要求：副高及以上，或主治医师满 5 年（副主任医师或高年资主治医师以上）',
    );
    expect(bad.quota[0]!.message).toBe(`${bad.quota[0]!.subject} 2018 派出 1 批，要求不少于 2 批（每年派出2期由副主任医师或高年资主治医师以上的医疗卫生技术人员到受助医院）`);
  });

  it('jingmen-dongbao as of 2025-01-01: slots and beds ratios and the 6类10项 share all pass; a drop or a missing unit is reported', async () => {
    const r = await check(['examples/jingmen-dongbao', '--as-of', '2025-01-01']);
    expect(r.quota).toEqual([]);
    const dir = await copyExample('jingmen-dongbao', {
      'indicators.yaml': (s) =>
        s
          .replace('bedsShared: 800', 'bedsShared: 700')
          .replace('unit: 仙居乡卫生院, tcmCategories: 6', 'unit: 仙居乡卫生院, tcmCategories: 5')
          .replace(/\n\s*- \{ period: 2024, unit: 栗溪镇卫生院.*\n/, '\n'),
    });
    const bad = await check([dir, '--as-of', '2025-01-01']);
    expect(bad.quota.map((f) => [f.code, f.quota, f.subject ?? f.subjects?.join()])).toEqual([
      ['quota/below', 'beds-down', '荆门市人民医院'],
      ['quota/below', 'tcm-coverage', '荆门市人民医院医疗集团'],
      ['quota/no-data', 'tcm-coverage', '栗溪镇卫生院'],
    ]);
    expect(bad.quota[0]!.message).toContain('bedsShared/beds = 700/3100 = 22.58%，要求不少于 25%');
    expect(bad.quota[1]!.message).toContain('5/6 个（83.33%），未达到：仙居乡卫生院');
  });

  it('liangping-2018 as of 2019-01-01: every 基层 unit is short of 10% trainees in 2018; no log at all for visits is one warning', async () => {
    const r = await check(['examples/liangping-2018', '--as-of', '2019-01-01']);
    const below = r.quota.filter((f) => f.code === 'quota/below');
    // 32 township + 2 community units; the trainees of 90+ days are 屏锦 2, 龙胜 1, 柏家 1, 铁门 1
    // (赵某己 of 双桂 trained 61 days and does not count).
    expect(below.filter((f) => f.quota === 'trainees-township')).toHaveLength(32);
    expect(below.filter((f) => f.quota === 'trainees-community').map((f) => [f.subject, f.value, f.required])).toEqual([
      ['梁山街道社区卫生服务中心', 0, 5],
      ['双桂街道社区卫生服务中心', 0, 6],
    ]);
    const counted = Object.fromEntries(below.filter((f) => f.value && f.quota?.startsWith('trainees')).map((f) => [f.subject, [f.value, f.required]]));
    expect(counted).toEqual({ 屏锦中心卫生院: [2, 8], 龙胜乡卫生院: [1, 2], 柏家中心卫生院: [1, 6], 铁门乡卫生院: [1, 2] });
    expect(below.find((f) => f.subject === '屏锦中心卫生院')!.message).toBe(
      // 专技人数 is not in seed 001: alliance.yaml marks it assumed: [staff], and the message says so
      '屏锦中心卫生院 2018 进修满90天的 2 人，要求不少于 8 人（专技人数 72（示意值，原文未规定） × 10% = 7.2）（各基层医疗机构每年派到上级医院进修学习（连续三个月以上）人数不低于专技人数的10%）',
    );
    const noData = r.quota.filter((f) => f.code === 'quota/no-data');
    expect(noData.map((f) => [f.quota, f.periods])).toEqual([['visits', ['2018-B2', '2018-B3', '2018-B4', '2018-B5', '2018-B6']]]);
    // 四（六）「全区所有贫困人口纳入签约范围」: the district's own figure (alliance:), not a sum of units
    expect(r.quota.filter((f) => f.quota === 'poor-signed').map((f) => [f.code, f.value, f.required])).toEqual([['quota/below', 21107 / 21386, 1]]);
    expect(r.quota).toHaveLength(36);
  });

  it('shaoxing-tcm-2017: nothing before the year closes; as of 2018-01-05 the 2017 plan year is judged whole', async () => {
    expect((await check(['examples/shaoxing-tcm-2017', '--as-of', '2017-06-30'])).quota).toEqual([]);
    const r = await check(['examples/shaoxing-tcm-2017', '--as-of', '2018-01-05']);
    // The cycle (assumed) starts 2017-01-01: the annex is the plan for all of 2017 (items due 4月底).
    // 清单第10项 "免费进修学习三个月（2名/家）": 陶堰 has 2, 斗门 1, the other six none — 2 each, no proration.
    // "讲座（每年4次）" and 质控检查 "每年一次": the log covers June only → one warning each.
    // 三（二）4 "每年每个基层医院至少确定一个重点需要扶持科室": 稽山 has 0 in indicators.yaml.
    expect(r.quota.map((f) => [f.code, f.quota, f.subject ?? null])).toEqual([
      ['quota/no-data', 'lectures', null],
      ...['越城区府山社区卫生服务中心', '越城区蕺山社区卫生服务中心', '越城区富盛社区卫生服务中心', '越城区北海社区卫生服务中心', '越城区稽山社区卫生服务中心', '新昌县中医院', '斗门卫生院'].map((s) => ['quota/below', 'trainees', s]),
      ['quota/no-data', 'quality-inspection', null],
      ['quota/below', 'key-departments', '绍兴市中医院医联体（双下沉）'],
    ]);
    expect(r.quota[1]!.message).toBe('越城区府山社区卫生服务中心 2017 进修满90天的 0 人，要求不少于 2 人（接收各医联体（协作单位）医务人员免费进修学习三个月（2名/家））');
    expect(r.quota.at(-1)!.message).toContain('未达到：越城区稽山社区卫生服务中心，要求不少于 100%');
  });
});
