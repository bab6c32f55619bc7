// Work-plan evidence from the other files (FORMAT.md, WorkPlan evidence) and the duty forms
// counted from the cycle, on inline workspaces through the real loader.
import { describe, expect, it } from 'vitest';
import { judgeItems } from '../../src/judge/items.js';
import { parseDue, resolveCycleEnd } from '../../src/time/due.js';
import { loadInline, testRule } from '../helpers/test-rule.js';

const alliance = `
  kind: Alliance
  id: a
  name: 甲医联体
  type: 医联体
  cycle: { start: 2021-05-01, end: 2022-04-30 }
  units:
    - { id: lead, name: 甲医院, role: lead }
    - { id: m1, name: 乙卫生院, role: member, level: township }
`;
const plan = (items: string, head = 'year: 2021') => ({
  'alliance.yaml': alliance,
  'plan.yaml': `
  kind: WorkPlan
  alliance: a
  ${head}
  items:
${items}`,
});

describe('activity evidence: 讲座每年4次', () => {
  const files = (n: number) => ({
    ...plan(`
    - { no: 1, task: 举办讲座（每年4次）, due: 每年, lead: 科教科, evidence: { activity: { types: [讲座], min: 4 } } }
`),
    'roster.yaml': `
  kind: Roster
  alliance: a
  people: [ { name: 张三, unit: 甲医院, title: 主任医师 } ]
  assignments: [ { person: 张三, target: 乙卫生院, start: 2021-05-01, end: 2022-04-30 } ]
`,
    'log.yaml': `
  kind: ActivityLog
  entries:
${Array.from({ length: n }, (_, i) => `    - { date: 2021-0${6 + i}-10, person: 张三, unit: 乙卫生院, type: 学术讲座 }`).join('\n')}
    - { date: 2021-06-11, person: 张三, unit: 乙卫生院, type: 门诊 }
`,
  });

  it('four lectures in the year satisfy it, dated by the fourth', () => {
    const { workspace, diagnostics } = loadInline(files(4));
    expect(diagnostics).toEqual([]);
    const [j] = judgeItems(workspace, { asOf: '2022-01-05', withinDays: 14 });
    expect(j!.duties.map((d) => [d.key, d.state, d.date])).toEqual([
      ['2021', 'satisfied', '2021-09-10'],
    ]);
    expect(testRule('recurrence', files(4), { asOf: '2022-01-05' })).toEqual([]);
  });

  it('three are not enough, and the message says how many', () => {
    expect(testRule('recurrence', files(3), { asOf: '2022-01-05' }).map((f) => f.message)).toEqual([
      'Item 1 (每年) has no occurrence in year 2021: 2021年: 3 讲座 entries, 4 required.',
    ]);
  });
});

describe('training evidence and a plan over its whole cycle', () => {
  const files = (head: string) => ({
    ...plan(`
    - { no: 1, task: 接收进修, due: 每季度, lead: 科教科, evidence: { training: true } }
`, head),
    'training.yaml': `
  kind: Training
  alliance: a
  entries:
    - { person: 王五, from: 乙卫生院, at: 甲医院, start: 2021-05-10, end: 2021-08-09 }
    - { person: 赵六, from: 乙卫生院, at: 甲医院, start: 2021-08-02, end: 2021-11-01 }
    - { person: 钱七, from: 乙卫生院, at: 甲医院, start: 2021-10-08, end: 2022-01-07 }
    - { person: 孙八, from: 乙卫生院, at: 甲医院, start: 2022-02-14, end: 2022-05-13 }
`,
  });

  it('year: 2021 alone stops at 2021-Q4; cycle: true owes 2022-Q1 and 2022-Q2 as well', () => {
    const keys = (head: string) =>
      judgeItems(loadInline(files(head)).workspace, { asOf: '2022-07-01', withinDays: 14 })[0]!.duties.map((d) => `${d.key} ${d.state}`);
    expect(keys('year: 2021')).toEqual(['2021-Q2 satisfied', '2021-Q3 satisfied', '2021-Q4 satisfied']);
    expect(keys('year: 2021\n  cycle: true')).toEqual(['2021-Q2 satisfied', '2021-Q3 satisfied', '2021-Q4 satisfied', '2022-Q1 satisfied', '2022-Q2 missed']);
  });
});

describe('due counted from the cycle end (下沉周期结束后一个月内)', () => {
  it('parses the forms and resolves a month after the last day', () => {
    expect(parseDue('下沉周期结束后一个月内')).toEqual({ kind: 'cycleEnd', months: 1, days: 0 });
    expect(parseDue('周期结束后30天内')).toEqual({ kind: 'cycleEnd', months: 0, days: 30 });
    expect(parseDue('周期结束时')).toEqual({ kind: 'cycleEnd', months: 0, days: 0 });
    expect(resolveCycleEnd({ kind: 'cycleEnd', months: 1, days: 0 }, '2022-04-30')).toBe('2022-05-30');
    expect(resolveCycleEnd({ kind: 'cycleEnd', months: 1, days: 0 }, '2022-01-31')).toBe('2022-02-28');
  });

  it('is not overdue on the day after the cycle, and is once the month has passed', () => {
    const files = plan(`
    - { no: 6, task: 联合管理考核, due: 下沉周期结束后一个月内, lead: 医务科 }
`);
    expect(testRule('deadline', files, { asOf: '2022-05-01' })).toEqual([]);
    expect(testRule('deadline', files, { asOf: '2022-05-31' }).map((f) => f.code)).toEqual(['deadline/overdue']);
  });

  it('without a cycle it is an error that says to give one', () => {
    const files = {
      'alliance.yaml': alliance.replace('  cycle: { start: 2021-05-01, end: 2022-04-30 }\n', ''),
      'plan.yaml': plan(`
    - { no: 6, task: 联合管理考核, due: 下沉周期结束后一个月内, lead: 医务科 }
`)['plan.yaml'],
    };
    expect(testRule('workplan-due', files).map((f) => f.code)).toEqual(['workplan-due/no-cycle']);
  });
});

describe('coverage evidence', () => {
  it('a Region not yet covered by the deadline keeps the item overdue, naming the gap', () => {
    const files = {
      ...plan(`
    - { no: 1, task: 区域内医联体全覆盖, due: 2021-10-31, lead: 卫健委, evidence: { coverage: 甲区 } }
`),
      'region.yaml': `
  kind: Region
  name: 甲区
  coverage: { by: 2021-10-31, levels: [township] }
  units: [ { name: 乙卫生院, level: township }, { name: 丙卫生院, level: township } ]
`,
    };
    expect(testRule('deadline', files, { asOf: '2021-11-02' }).map((f) => f.message)).toEqual([
      'Item 1 (区域内医联体全覆盖) is 2 day(s) overdue (due 2021-10-31, 2021-10-31): 甲区: 1/2 covered; 1 not in exactly one alliance.',
    ]);
  });
});
