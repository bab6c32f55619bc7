// quotas: every measure with a passing and a failing case, proration, the official calendar,
// and missing data reported once as quota/no-data. Workspaces are written to a temp folder and
// read with the real loader (io/workspace.ts), as `yilian check` reads them.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadWorkspace } from '../../src/io/workspace.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { SCHEDULE_RULES, STRUCTURE_RULES } from '../../src/rules/index.js';
import { dedent } from '../helpers/test-rule.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function load(files: Record<string, string>) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'yilian-quotas-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), dedent(text));
  const { workspace, diagnostics } = await loadWorkspace([dir]);
  const structure = Object.values(STRUCTURE_RULES).flatMap((r) => r.check(workspace, {}));
  const bad = [...diagnostics, ...structure].filter((d) => d.severity === 'error');
  if (bad.length) throw new Error(`test input does not load clean:\n${bad.map((d) => `${d.code} ${d.message.en}`).join('\n')}`);
  return { workspace, dir };
}

async function quotas(files: Record<string, string>, asOf: string): Promise<Diagnostic[]> {
  const { workspace } = await load(files);
  return SCHEDULE_RULES.quota!.check(workspace, { asOf });
}

const brief = (ds: Diagnostic[]) => ds.map((d) => [d.code, d.severity, d.message.zh]);

const ALLIANCE = `
  kind: Alliance
  id: gs
  name: 光山县医疗服务集团
  type: 医共体
  cycle: { start: 2021-05-01, end: 2022-04-30 }
  units:
    - { id: gs-rmyy, name: 光山县人民医院, role: lead, level: county }
    - { id: zhaihe, name: 寨河镇分院, aliases: [寨河], role: member, level: township, lead: gs-rmyy, staff: { professional: 20 } }
    - { id: pohe, name: 泼河镇分院, aliases: [泼河], role: member, level: township, lead: gs-rmyy }
    - { id: shequ, name: 城关社区卫生服务中心, aliases: [城关], role: member, level: community, lead: gs-rmyy, staff: { professional: 9 } }
`;

const ROSTER = `
  kind: Roster
  alliance: gs
  people:
    - { name: 甲, unit: 光山县人民医院, title: 主治医师, titleSince: 2014-09 }
    - { name: 乙, unit: 光山县人民医院, title: 住院医师 }
  assignments:
    - { person: 甲, target: 寨河, start: 2021-05-01, end: 2022-04-30 }
    - { person: 乙, target: 泼河, start: 2021-05-01, end: 2022-04-30 }
`;

const quotasDoc = (rules: string) => `
  kind: Quotas
  alliance: gs
  rules:
${rules}`;

const log = (month: string, entries: string) => `
  kind: ActivityLog
  alliance: gs
  month: ${month}
  entries:
${entries}`;

describe('quotas: workdays (official calendar)', () => {
  const rules = quotasDoc(`
    - { id: onsite-days, text: 每月下沉值诊带教不少于4个工作日, each: person, per: month,
        measure: workdays, activities: [门诊, 查房, 带教], min: 4 }
`);

  it('counts distinct working days; 端午 2021-06-14 and a Saturday do not count; other types do not count', async () => {
    const found = await quotas(
      {
        'alliance.yaml': ALLIANCE,
        'roster.yaml': ROSTER,
        'quotas.yaml': rules,
        'log-05.yaml': log(
          '2021-05',
          ['甲', '乙'].flatMap((p) => [10, 11, 12, 13].map((d) => `    - { date: 2021-05-${d}, person: ${p}, unit: ${p === '甲' ? '寨河' : '泼河'}, type: 门诊 }`)).join('\n') + '\n',
        ),
        'log-06.yaml': log(
          '2021-06',
          `
    - { date: 2021-06-01, person: 甲, unit: 寨河, type: 门诊, halfDays: 2 }
    - { date: 2021-06-01, person: 甲, unit: 寨河, type: 查房 }
    - { date: 2021-06-02, person: 甲, unit: 寨河, type: 查房 }
    - { date: 2021-06-03, person: 甲, unit: 寨河, type: 带教 }
    - { date: 2021-06-04, person: 甲, unit: 寨河, type: 门诊 }
    - { date: 2021-06-01, person: 乙, unit: 泼河, type: 门诊 }
    - { date: 2021-06-02, person: 乙, unit: 泼河, type: 门诊 }
    - { date: 2021-06-03, person: 乙, unit: 泼河, type: 门诊 }
    - { date: 2021-06-03, person: 乙, unit: 泼河, type: 查房 }
    - { date: 2021-06-12, person: 乙, unit: 泼河, type: 门诊 }
    - { date: 2021-06-14, person: 乙, unit: 泼河, type: 门诊 }
    - { date: 2021-06-15, person: 乙, unit: 泼河, type: 会诊 }
`,
        ),
      },
      '2021-07-01',
    );
    expect(brief(found)).toEqual([
      ['quota/below', 'error', '乙 2021-06 门诊、查房、带教 3 个工作日，要求不少于 4 个（每月下沉值诊带教不少于4个工作日）'],
    ]);
    expect(found[0]!.data).toMatchObject({ quota: 'onsite-days', period: '2021-06', subject: '乙', value: 3, required: 4 });
    expect(found[0]!.file).toMatch(/quotas\.yaml$/);
    expect(found[0]!.line).toBe(5); // the rule's line in quotas.yaml
    expect(found[0]!.message.en).toBe('乙 2021-06: 门诊/查房/带教: 3 working day(s), required at least 4 working day(s) (每月下沉值诊带教不少于4个工作日)');
  });

  it('a 调休 Saturday (2021-09-18) is a working day; a local Calendar holiday is not', async () => {
    const files = {
      'alliance.yaml': ALLIANCE,
      'roster.yaml': ROSTER.replace('end: 2022-04-30 }\n    - { person: 乙', 'end: 2022-04-30 }\n    - { person: 乙').replace(/start: 2021-05-01/g, 'start: 2021-09-01'),
      'quotas.yaml': rules,
      'log.yaml': log(
        '2021-09',
        `
    - { date: 2021-09-18, person: 甲, unit: 寨河, type: 门诊 }
    - { date: 2021-09-22, person: 甲, unit: 寨河, type: 门诊 }
    - { date: 2021-09-23, person: 甲, unit: 寨河, type: 门诊 }
    - { date: 2021-09-24, person: 甲, unit: 寨河, type: 门诊 }
    - { date: 2021-09-22, person: 乙, unit: 泼河, type: 门诊 }
    - { date: 2021-09-23, person: 乙, unit: 泼河, type: 门诊 }
    - { date: 2021-09-24, person: 乙, unit: 泼河, type: 门诊 }
    - { date: 2021-09-27, person: 乙, unit: 泼河, type: 门诊 }
`,
      ),
    };
    expect(await quotas(files, '2021-10-01')).toEqual([]);
    const local = await quotas({ ...files, 'calendar.yaml': 'kind: Calendar\nholidays: [2021-09-27]\n' }, '2021-10-01');
    expect(local.map((d) => d.message.zh)).toEqual(['乙 2021-09 门诊、查房、带教 3 个工作日，要求不少于 4 个（每月下沉值诊带教不少于4个工作日）']);
  });

  it('a partial first month is prorated by working days and the message says so', async () => {
    // May 2021 has 19 working days (1–5 May off, Sat 8 May worked); 17–31 May has 11:
    // round(4 × 11 / 19) = 2.
    const found = await quotas(
      {
        'alliance.yaml': ALLIANCE,
        'roster.yaml': ROSTER.replace('{ person: 甲, target: 寨河, start: 2021-05-01', '{ person: 甲, target: 寨河, start: 2021-05-17'),
        'quotas.yaml': rules,
        'log.yaml': log(
          '2021-05',
          `
    - { date: 2021-05-20, person: 甲, unit: 寨河, type: 门诊 }
    - { date: 2021-05-06, person: 乙, unit: 泼河, type: 门诊 }
    - { date: 2021-05-07, person: 乙, unit: 泼河, type: 门诊 }
    - { date: 2021-05-08, person: 乙, unit: 泼河, type: 门诊 }
    - { date: 2021-05-10, person: 乙, unit: 泼河, type: 门诊 }
`,
        ),
      },
      '2021-06-01',
    );
    expect(brief(found)).toEqual([
      ['quota/below', 'error', '甲 2021-05 门诊、查房、带教 1 个工作日，要求不少于 2 个（按工作日折算：2021-05-17 起在岗，11/19 个工作日，原要求 4 个）（每月下沉值诊带教不少于4个工作日）'],
    ]);
    expect(found[0]!.data).toMatchObject({ value: 1, required: 2, prorated: { from: 4, workdays: 11, periodWorkdays: 19 } });
    expect(found[0]!.message.en).toContain('prorated by working days: active from 2021-05-17, 11/19 working days, of 4 working day(s)');
    expect(found.some((d) => d.code === 'quota/prorated')).toBe(false);
  });

  it('a partial last month is prorated too; entries after the end do not count', async () => {
    // 1–15 Oct 2021: 7 of October's 17 working days → round(4 × 7 / 17) = 2.
    const found = await quotas(
      {
        'alliance.yaml': ALLIANCE,
        'roster.yaml': ROSTER.replace('start: 2021-05-01, end: 2022-04-30 }\n    - { person: 乙', 'start: 2021-05-01, end: 2021-10-15 }\n    - { person: 乙'),
        'quotas.yaml': rules,
        'log.yaml': log(
          '2021-10',
          `
    - { date: 2021-10-11, person: 甲, unit: 寨河, type: 门诊 }
    - { date: 2021-10-18, person: 甲, unit: 寨河, type: 门诊 }
    - { date: 2021-10-11, person: 乙, unit: 泼河, type: 门诊 }
    - { date: 2021-10-12, person: 乙, unit: 泼河, type: 门诊 }
    - { date: 2021-10-13, person: 乙, unit: 泼河, type: 门诊 }
    - { date: 2021-10-14, person: 乙, unit: 泼河, type: 门诊 }
`,
        ),
      },
      '2021-11-01',
    );
    expect(found.filter((d) => d.code === 'quota/below').map((d) => d.message.zh)).toEqual([
      '甲 2021-10 门诊、查房、带教 1 个工作日，要求不少于 2 个（按工作日折算：在岗至 2021-10-15，7/17 个工作日，原要求 4 个）（每月下沉值诊带教不少于4个工作日）',
    ]);
  });

  it('months with no log at all are one quota/no-data warning per rule, not an error per person; open months are not judged', async () => {
    const found = await quotas(
      {
        'alliance.yaml': ALLIANCE,
        'roster.yaml': ROSTER,
        'quotas.yaml': rules,
        'log.yaml': log('2021-06', `    - { date: 2021-06-01, person: 甲, unit: 寨河, type: 门诊 }\n`),
      },
      '2021-09-15',
    );
    expect(brief(found)).toEqual([
      ['quota/no-data', 'warning', '2021-05、2021-07、2021-08 没有下沉工作记录（ActivityLog），无法检查（每月下沉值诊带教不少于4个工作日）'],
      ['quota/below', 'error', '甲 2021-06 门诊、查房、带教 1 个工作日，要求不少于 4 个（每月下沉值诊带教不少于4个工作日）'],
      ['quota/below', 'error', '2021-06 以下 1 人在下沉工作记录中没有任何记录，按 0 计，未达到要求（每月下沉值诊带教不少于4个工作日）：乙'],
    ]);
    expect(found[0]!.data).toMatchObject({ periods: ['2021-05', '2021-07', '2021-08'], reason: 'no-log' });
    expect(found[2]!.data).toMatchObject({ subjects: ['乙'], value: 0, period: '2021-06' });
    // An empty log that declares its month says "nothing happened": then it is a shortfall.
    const declared = await quotas(
      { 'alliance.yaml': ALLIANCE, 'roster.yaml': ROSTER, 'quotas.yaml': rules, 'log.yaml': 'kind: ActivityLog\nalliance: gs\nmonth: 2021-05\nentries: []\n' },
      '2021-06-01',
    );
    expect(declared.map((d) => [d.code, d.data?.subjects])).toEqual([['quota/below', ['甲', '乙']]]);
  });

  it('a year with no official calendar is a calendar/gap error, never a weekday guess', async () => {
    const files = {
      'alliance.yaml': ALLIANCE.replace('cycle: { start: 2021-05-01, end: 2022-04-30 }', 'cycle: { start: 2030-01-01, end: 2030-12-31 }'),
      'roster.yaml': ROSTER.replace(/start: 2021-05-01, end: 2022-04-30/g, 'start: 2030-01-01, end: 2030-12-31'),
      'quotas.yaml': rules,
      'log.yaml': log('2030-01', `    - { date: 2030-01-07, person: 甲, unit: 寨河, type: 门诊 }\n`),
    };
    const found = await quotas(files, '2030-02-01');
    expect(found.map((d) => [d.code, d.severity])).toEqual([['calendar/gap', 'error']]);
    expect(found[0]!.message.zh).toContain('2030年没有官方工作日历');
    // It points at the quota rule that needed the year.
    expect(found[0]!.file).toMatch(/quotas\.yaml$/);
    expect(found[0]!.line).toBeGreaterThan(0);
  });
});

describe('quotas: count and halfDays', () => {
  const files = (rules: string) => ({
    'alliance.yaml': ALLIANCE,
    'roster.yaml': ROSTER,
    'quotas.yaml': quotasDoc(rules),
    'log.yaml': log(
      '2021-06',
      `
    - { date: 2021-06-01, person: 甲, unit: 寨河, type: 培训 }
    - { date: 2021-06-02, person: 甲, unit: 寨河, type: 门诊, halfDays: 2 }
    - { date: 2021-06-03, person: 甲, unit: 寨河, type: 门诊 }
    - { date: 2021-06-04, person: 甲, unit: 寨河, type: 门诊 }
    - { date: 2021-06-01, person: 乙, unit: 泼河, type: 门诊, halfDays: 2 }
    - { date: 2021-06-02, person: 乙, unit: 泼河, type: 门诊 }
`,
    ),
  });

  it('count: entries of the listed types', async () => {
    const found = await quotas(
      files(`
    - { id: training, text: 技能培训每月不少于1次, each: person, per: month, measure: count, activities: [培训], min: 1 }
`),
      '2021-07-01',
    );
    // May has no log: one warning; June: 甲 has 1 培训, 乙 none.
    expect(brief(found)).toEqual([
      ['quota/no-data', 'warning', '2021-05 没有下沉工作记录（ActivityLog），无法检查（技能培训每月不少于1次）'],
      ['quota/below', 'error', '乙 2021-06 培训 0 次，要求不少于 1 次（技能培训每月不少于1次）'],
    ]);
  });

  it('halfDays: sums halfDays (default 1); max is checked too', async () => {
    const found = await quotas(
      files(`
    - { id: half, text: 每月门诊不少于4个半天、不超过3个半天（测试）, each: person, per: month, measure: halfDays, activities: [门诊], min: 4 }
    - { id: half-max, text: 每月门诊不超过3个半天, each: person, per: month, measure: halfDays, activities: [门诊], max: 3 }
`),
      '2021-07-01',
    );
    expect(found.filter((d) => d.code !== 'quota/no-data').map((d) => [d.code, d.message.zh])).toEqual([
      ['quota/below', '乙 2021-06 门诊 3 个半天，要求不少于 4 个（每月门诊不少于4个半天、不超过3个半天（测试））'],
      ['quota/above', '甲 2021-06 门诊 4 个半天，要求不超过 3 个（每月门诊不超过3个半天）'],
    ]);
  });

  it('alliance scope counts every entry of the alliance; a log covering only some months of the period warns instead of failing', async () => {
    const rules = `
    - { id: lectures, text: 每季度讲座不少于2次, each: alliance, per: quarter, measure: count, activities: [门诊], min: 2 }
    - { id: lectures-9, text: 每季度门诊不少于9次, each: alliance, per: quarter, measure: count, activities: [门诊], min: 9 }
`;
    const found = await quotas(files(rules), '2021-07-01');
    // Q2 2021 counts from 1 May (the cycle): 40 of its 60 working days, so min 2 → 1 and
    // min 9 → 6. The log has 5 门诊 entries in June and no log for May: 5 < 6, but judged on an
    // incomplete log, so a warning that names the missing month.
    expect(found.map((d) => [d.code, d.severity])).toEqual([['quota/no-data', 'warning']]);
    expect(found[0]!.message.zh).toMatch(/^2021-Q2 的下沉工作记录不全（缺 2021-05）/);
  });
});

describe('quotas: visits', () => {
  const rules = quotasDoc(`
    - { id: visits, text: 每两月深入成员单位指导, each: unit, units: { role: member, level: township }, per: bimonth, measure: visits, min: 2 }
`);
  it('distinct dates with any entry at the unit', async () => {
    const found = await quotas(
      {
        'alliance.yaml': ALLIANCE,
        'roster.yaml': ROSTER,
        'quotas.yaml': rules,
        'log-07.yaml': log('2021-07', `    - { date: 2021-07-05, person: 甲, unit: 寨河, type: 门诊 }\n    - { date: 2021-07-05, person: 乙, unit: 寨河, type: 讲座 }\n    - { date: 2021-07-06, person: 乙, unit: 泼河, type: 讲座 }\n`),
        'log-08.yaml': log('2021-08', `    - { date: 2021-08-07, person: 甲, unit: 寨河, type: 查房 }\n`),
      },
      '2021-09-01',
    );
    // B3 (May–Jun) has no log: one warning. B4 (Jul–Aug): 寨河 2 dates, 泼河 1.
    expect(brief(found)).toEqual([
      ['quota/no-data', 'warning', '2021-B3 没有下沉工作记录（ActivityLog），无法检查（每两月深入成员单位指导）'],
      ['quota/below', 'error', '泼河镇分院 2021-B4 有下沉记录的日期 1 天，要求不少于 2 天（每两月深入成员单位指导）'],
    ]);
  });
});

describe('quotas: batches and people (roster)', () => {
  const roster = (assignments: string) => `
  kind: Roster
  alliance: wc
  people:
    - { name: 甲, unit: 绍兴市中医院, title: 副主任医师 }
    - { name: 乙, unit: 绍兴市中医院, title: 主治医师, titleSince: 2010-09 }
    - { name: 丙, unit: 绍兴市中医院, title: 主治医师, titleSince: 2015-01 }
    - { name: 丁, unit: 绍兴市中医院, title: 住院医师 }
    - { name: 戊, unit: 绍兴市中医院, title: 主治医师 }
    - { name: 己, unit: 绍兴市中医院, title: 护士 }
  assignments:
${assignments}`;
  const alliance = `
  kind: Alliance
  id: wc
  name: 对口帮扶务川
  type: 对口帮扶
  cycle: { start: 2018-01-01, end: 2022-12-31 }
  units:
    - { id: sx, name: 绍兴市中医院, role: lead, level: city }
    - { id: wc-tcm, name: 务川自治县中医院, aliases: [务川], role: member, level: county }
`;
  const rules = `
  kind: Quotas
  alliance: wc
  rules:
    - { id: batches, text: 每年派出2期, each: alliance, per: year, measure: batches, min: 2 }
    - { id: people, text: 每年派出2—3名, each: alliance, per: year, measure: people, min: 2, max: 3 }
`;
  it('batches: distinct batch labels, else distinct start dates, of assignments starting in the period', async () => {
    const found = await quotas(
      {
        'alliance.yaml': alliance,
        'quotas.yaml': rules,
        'roster.yaml': roster(`
    - { person: 甲, target: 务川, start: 2018-03-05, end: 2018-04-04, batch: 第一批 }
    - { person: 乙, target: 务川, start: 2018-03-05, end: 2018-04-04, batch: 第一批 }
    - { person: 甲, target: 务川, start: 2018-09-03, end: 2018-10-02 }
    - { person: 丙, target: 务川, start: 2019-03-04, end: 2019-04-03, batch: 第三批 }
    - { person: 丁, target: 务川, start: 2019-03-04, end: 2019-04-03, batch: 第三批 }
    - { person: 戊, target: 务川, start: 2019-09-02, end: 2019-10-01, batch: 第三批 }
    - { person: 己, target: 务川, start: 2019-12-20, end: 2020-01-20 }
`),
      },
      '2020-01-01',
    );
    // 2018: 第一批 + one unlabeled start date = 2 batches, 2 people. 2019: 第三批 + 2019-12-20 = 2
    // batches, but 4 people (丙 丁 戊 己) > 3.
    expect(brief(found)).toEqual([['quota/above', 'error', '对口帮扶务川 2019 在岗下派人员 4 人，要求不超过 3 人（每年派出2—3名）']]);
    const one = await quotas(
      {
        'alliance.yaml': alliance,
        'quotas.yaml': rules,
        'roster.yaml': roster(`
    - { person: 甲, target: 务川, start: 2018-03-05, end: 2018-04-04, batch: 第一批 }
    - { person: 乙, target: 务川, start: 2018-03-05, end: 2018-04-04, batch: 第一批 }
`),
      },
      '2019-01-01',
    );
    expect(one.map((d) => d.message.zh)).toEqual(['对口帮扶务川 2018 派出 1 批，要求不少于 2 批（每年派出2期）']);
  });

  it('require: minGrade, or orTitle held minYearsInTitle years at the assignment start', async () => {
    const found = await quotas(
      {
        'alliance.yaml': alliance,
        'quotas.yaml': `
  kind: Quotas
  alliance: wc
  rules:
    - { id: seniority, text: 副主任医师或高年资主治医师以上, each: assignment, require: { minGrade: 副高, orTitle: 主治医师, minYearsInTitle: 5 } }
`,
        'roster.yaml': roster(`
    - { person: 甲, target: 务川, start: 2018-03-05, end: 2018-04-04 }
    - { person: 乙, target: 务川, start: 2018-03-05, end: 2018-04-04 }
    - { person: 丙, target: 务川, start: 2019-03-04, end: 2019-04-03 }
    - { person: 丙, target: 务川, start: 2020-03-02, end: 2020-04-01 }
    - { person: 丁, target: 务川, start: 2019-03-04, end: 2019-04-03 }
    - { person: 戊, target: 务川, start: 2019-09-02, end: 2019-10-01 }
`),
      },
      '2018-01-01',
    );
    expect(brief(found)).toEqual([
      ['quota/unqualified', 'error', '丙（务川自治县中医院，2019-03-04 起）为主治医师，2015-01 取得，到下派时不满 5 年（4 年），不符合要求：副高及以上，或主治医师满 5 年（副主任医师或高年资主治医师以上）'],
      ['quota/unqualified', 'error', '丁（务川自治县中医院，2019-03-04 起）为住院医师（初级），不符合要求：副高及以上，或主治医师满 5 年（副主任医师或高年资主治医师以上）'],
      ['quota/no-data', 'warning', '戊（务川自治县中医院，2019-09-02 起）为主治医师，但没有取得职称时间（titleSince），无法判断是否满 5 年（副主任医师或高年资主治医师以上）'],
    ]);
  });
});

describe('quotas: trainees', () => {
  const training = (entries: string) => `
  kind: Training
  alliance: gs
  entries:
${entries}`;
  const rules = quotasDoc(`
    - { id: trainees, text: 进修人数不低于专技人数的10%, each: unit, units: { role: member }, per: year, measure: trainees, minDays: 90, minRatio: 0.10, of: staff.professional }
`);
  it('counts entries of at least minDays from the unit, against minRatio × staff; no staff figure is a warning', async () => {
    const alliance = ALLIANCE.replace('cycle: { start: 2021-05-01, end: 2022-04-30 }', 'cycle: { start: 2021-01-01, end: 2022-12-31 }');
    const found = await quotas(
      {
        'alliance.yaml': alliance,
        'quotas.yaml': rules,
        'training.yaml': training(`
    - { person: 张, from: 寨河, at: 光山县人民医院, start: 2021-03-01, end: 2021-06-10 }
    - { person: 李, from: 寨河, at: 光山县人民医院, start: 2021-09-01, end: 2021-10-31 }
    - { person: 王, from: 城关, at: 光山县人民医院, start: 2021-03-01, end: 2021-05-29 }
`),
      },
      '2022-01-01',
    );
    // 寨河: 20 staff → 2 needed; 李 trained 61 days and does not count. 城关: 9 staff → 0.9 → 1
    // needed; 王 trained exactly 90 days (2021-03-01..05-29) and counts. 泼河 has no staff figure.
    expect(brief(found)).toEqual([
      ['quota/no-data', 'warning', '以下单位没有专技人数（staff.professional），无法按比例检查：泼河镇分院（进修人数不低于专技人数的10%）'],
      ['quota/below', 'error', '寨河镇分院 2021 进修满90天的 1 人，要求不少于 2 人（专技人数 20 × 10% = 2）（进修人数不低于专技人数的10%）'],
    ]);
  });

  it('no Training documents at all: one no-data warning', async () => {
    const found = await quotas({ 'alliance.yaml': ALLIANCE, 'quotas.yaml': rules }, '2023-01-01');
    expect(brief(found)).toEqual([['quota/no-data', 'warning', '2021、2022 没有进修记录（Training），无法检查（进修人数不低于专技人数的10%）']]);
  });
});

describe('quotas: share and ratio (Indicators)', () => {
  const alliance = `
  kind: Alliance
  id: jm
  name: 荆门市人民医院医疗集团
  type: 城市医疗集团
  units:
    - { id: jm-rmyy, name: 荆门市人民医院, role: lead, level: city }
    - { id: jm-b, name: 第二医院, role: lead, level: city }
    - { id: a, name: 牌楼镇卫生院, role: member, level: township }
    - { id: b, name: 仙居乡卫生院, role: member, level: township }
    - { id: c, name: 栗溪镇卫生院, role: member, level: township }
`;
  const rules = `
  kind: Quotas
  alliance: jm
  rules:
    - { id: slots-down, text: 至少1/3的门诊号源向基层下沉, each: unit, units: { role: lead }, per: year, measure: ratio, num: outpatientSlotsShared, den: outpatientSlots, min: 0.3333 }
    - { id: tcm, text: 100%的乡镇卫生院能开展6类10项以上中医药适宜技术, each: alliance, units: { level: township }, per: year, measure: share, where: { tcmCategories: ">= 6", tcmTechniques: ">= 10" }, min: 1.0 }
`;
  const indicators = (entries: string) => `
  kind: Indicators
  alliance: jm
  entries:
${entries}`;

  it('passes when every figure meets the bar', async () => {
    const found = await quotas(
      {
        'alliance.yaml': alliance,
        'quotas.yaml': rules,
        'ind.yaml': indicators(`
    - { period: 2024, unit: 荆门市人民医院, outpatientSlots: 1560000, outpatientSlotsShared: 540000 }
    - { period: 2024, unit: 第二医院, outpatientSlots: 3000, outpatientSlotsShared: 1000 }
    - { period: 2024, unit: 牌楼镇卫生院, tcmCategories: 7, tcmTechniques: 12 }
    - { period: 2024, unit: 仙居乡卫生院, tcmCategories: 6, tcmTechniques: 10 }
    - { period: 2024, unit: 栗溪镇卫生院, tcmCategories: 6, tcmTechniques: 11 }
`),
      },
      '2025-01-01',
    );
    expect(found).toEqual([]);
  });

  it('fails below the ratio / share; a unit with no entry for the period is a no-data warning', async () => {
    const found = await quotas(
      {
        'alliance.yaml': alliance,
        'quotas.yaml': rules,
        'ind.yaml': indicators(`
    - { period: 2024, unit: 荆门市人民医院, outpatientSlots: 1560000, outpatientSlotsShared: 500000 }
    - { period: 2024, unit: 牌楼镇卫生院, tcmCategories: 7, tcmTechniques: 12 }
    - { period: 2024, unit: 仙居乡卫生院, tcmCategories: 5, tcmTechniques: 10 }
    - { period: 2024-Q1, unit: 栗溪镇卫生院, tcmCategories: 6, tcmTechniques: 11 }
`),
      },
      '2025-01-01',
    );
    expect(brief(found)).toEqual([
      ['quota/no-data', 'warning', '2024 缺少指标数据（Indicators）：第二医院，无法检查（至少1/3的门诊号源向基层下沉）'],
      ['quota/below', 'error', '荆门市人民医院 2024 outpatientSlotsShared/outpatientSlots = 500000/1560000 = 32.05%，要求不少于 33.33%（至少1/3的门诊号源向基层下沉）'],
      ['quota/no-data', 'warning', '2024 缺少指标数据（Indicators）：栗溪镇卫生院，无法检查（100%的乡镇卫生院能开展6类10项以上中医药适宜技术）'],
      ['quota/below', 'error', '荆门市人民医院医疗集团 2024 达到 tcmCategories >= 6、tcmTechniques >= 10 的单位 1/2 个（50%），未达到：仙居乡卫生院，要求不少于 100%（100%的乡镇卫生院能开展6类10项以上中医药适宜技术）'],
    ]);
    expect(found[1]!.data).toMatchObject({ quota: 'slots-down', period: '2024', subject: '荆门市人民医院', required: 0.3333 });
  });
});

describe('quotas: nothing before the as-of date closes a period', () => {
  it('no as-of date, or no closed period yet: no findings', async () => {
    const files = {
      'alliance.yaml': ALLIANCE,
      'roster.yaml': ROSTER,
      'quotas.yaml': quotasDoc(`    - { id: d, text: 每月不少于4个工作日, each: person, per: month, measure: workdays, activities: [门诊], min: 4 }\n`),
    };
    expect(await quotas(files, '2021-05-31')).toEqual([]);
    const { workspace } = await load(files);
    expect(SCHEDULE_RULES.quota!.check(workspace, {})).toEqual([]);
  });
});

describe('quotas: a bound written as a fraction (至少1/3) is the exact quotient', () => {
  const files = (min: string) => ({
    'alliance.yaml': `
  kind: Alliance
  id: jm
  name: 荆门市人民医院医疗集团
  type: 城市医疗集团
  units:
    - { id: jm-rmyy, name: 荆门市人民医院, role: lead, level: city }
    - { id: a, name: 牌楼镇卫生院, role: member, level: township }
`,
    'quotas.yaml': `
  kind: Quotas
  alliance: jm
  rules:
    - { id: slots-down, text: 至少1/3的门诊号源向基层下沉, each: unit, units: { role: lead }, per: year, measure: ratio, num: shared, den: slots, min: ${min} }
`,
    'ind.yaml': `
  kind: Indicators
  alliance: jm
  entries:
    - { period: 2024, unit: 荆门市人民医院, slots: 100000, shared: 33331 }
    - { period: 2025, unit: 荆门市人民医院, slots: 3000, shared: 1000 }
`,
  });
  const below = async (min: string) =>
    (await quotas(files(min), '2026-01-01')).filter((d) => d.code === 'quota/below').map((d) => (d.data as { period: string }).period);

  it('33331 of 100000 is short of 1/3 (0.3333 let it pass); exactly 1000 of 3000 meets it', async () => {
    expect(await below('0.3333')).toEqual([]);
    expect(await below('1/3')).toEqual(['2024']);
  });
});

describe('quotas: a bound marked assumed says so where the message quotes it', () => {
  const june = log(
    '2021-06',
    `
    - { date: 2021-06-01, person: 甲, unit: 寨河, type: 培训 }
    - { date: 2021-06-02, person: 乙, unit: 泼河, type: 培训 }
    - { date: 2021-06-03, person: 乙, unit: 泼河, type: 培训 }
`,
  );
  const run = (assumed: string) =>
    quotas(
      {
        'alliance.yaml': ALLIANCE,
        'roster.yaml': ROSTER,
        'quotas.yaml': quotasDoc(`
    - { id: training, text: 每月培训, each: person, per: month, measure: count, activities: [培训], min: 2${assumed} }
`),
        'log-05.yaml': log('2021-05', '    []\n').replace('entries:\n    []', 'entries: []'),
        'log-06.yaml': june,
      },
      '2021-07-01',
    ).then((ds) => ds.filter((d) => d.code === 'quota/below' && d.message.zh.includes('2021-06')).map((d) => [d.message.zh, d.message.en]));

  it('min from the source: no flag', async () => {
    expect(await run('')).toEqual([['甲 2021-06 培训 1 次，要求不少于 2 次（每月培训）', '甲 2021-06: 培训: 1 time(s), required at least 2 time(s) (每月培训)']]);
  });

  it('assumed: [min] flags the required number in both languages', async () => {
    expect(await run(', assumed: [min]')).toEqual([
      ['甲 2021-06 培训 1 次，要求不少于 2 次（示意值，原文未规定）（每月培训）', '甲 2021-06: 培训: 1 time(s), required at least 2 time(s) (assumed, not in the source) (每月培训)'],
    ]);
  });
});
