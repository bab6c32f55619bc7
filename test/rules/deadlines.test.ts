import { describe, expect, it } from 'vitest';
import { locate, testRule } from '../helpers/test-rule.js';

const alliance = `
  kind: Alliance
  id: a
  name: 甲医联体
  type: 医联体
  units:
    - { id: lead, name: 甲医院, role: lead, departments: [外联办, { name: 医务科, aliases: [医务] }] }
`;
const plan = (items: string) => ({ 'alliance.yaml': alliance, 'plan.yaml': `
  kind: WorkPlan
  alliance: a
  year: 2017
  items:
${items}` });

describe('deadlines', () => {
  it('overdue when the deadline has passed and the item is not done', () => {
    const files = plan(`
    - { no: 1, task: 建立合作关系, due: 4月底, lead: 外联办 }
    - { no: 2, task: 已完成的事项, due: 4月底, lead: 外联办, done: 2017-04-20 }
    - { no: 3, task: 取消的事项, due: 4月底, lead: 外联办, status: 取消 }
    - { no: 4, task: 已完成无日期, due: 4月底, lead: 医务, status: 已完成 }
`);
    const found = testRule('deadlines', files, { asOf: '2017-05-02' });
    expect(found).toEqual([
      {
        code: 'deadline/overdue',
        severity: 'error',
        at: locate('plan.yaml', files['plan.yaml'], '4月底', '{ no: 1, task: 建立合作关系, due: '),
        message: 'Item 1 (建立合作关系) is 2 day(s) overdue (due 2017-04-30, 4月底).',
      },
    ]);
  });

  it('due soon within the window, nothing before it, done late as a warning with the days', () => {
    const items = `
    - { no: 1, task: 甲, due: 6月底, lead: 外联办 }
    - { no: 2, task: 乙, due: 5月底, lead: 外联办, done: 2017-06-04 }
`;
    expect(testRule('deadlines', plan(items), { asOf: '2017-06-20', withinDays: 14 }).map((f) => [f.code, f.message])).toEqual([
      ['deadline/due-soon', 'Item 1 (甲) is due on 2017-06-30 (in 10 day(s)).'],
      ['deadline/done-late', 'Item 2 (乙) was done on 2017-06-04, 4 day(s) after 2017-05-31.'],
    ]);
    expect(testRule('deadlines', plan(items), { asOf: '2017-05-01', withinDays: 14 }).map((f) => f.code)).toEqual([]);
    // As of 06-01 item 2 is not done yet (its done date is later): overdue then.
    expect(testRule('deadlines', plan(items), { asOf: '2017-06-01', withinDays: 14 }).map((f) => f.code)).toEqual(['deadline/overdue']);
  });

  it('open items (择时实施) are listed as info and never overdue', () => {
    const found = testRule('deadlines', plan(`
    - { no: 11, task: 远程会诊, due: 择时实施, lead: 外联办 }
`), { asOf: '2030-01-01' });
    expect(found.map((f) => [f.code, f.severity])).toEqual([['deadline/open', 'info']]);
  });

  it('a dated item over years: 2018-2022 recurs yearly and each year is judged on its held dates', () => {
    const files = { 'alliance.yaml': alliance, 'plan.yaml': `
      kind: WorkPlan
      alliance: a
      years: 2018-2022
      items:
        - { no: 9, task: 年度总结会, due: 年终, lead: 外联办, held: [2018-12-20, 2020-01-10] }
    ` };
    const found = testRule('deadlines', files, { asOf: '2020-02-01' });
    expect(found.map((f) => f.message)).toEqual(['Item 9 (年度总结会) is 32 day(s) overdue (due 2019-12-31, 年终).']);
  });
});

describe('recurrences', () => {
  const quarterly = (held: string) => plan(`
    - { no: 8, task: 每季度召开沟通协调会, due: 每季度, first: 5月底, lead: 外联办, held: [${held}] }
`);
  it('a closed quarter without a meeting is missed; the current one is due soon near its end', () => {
    const found = testRule('recurrences', quarterly('2017-05-26'), { asOf: '2017-12-20', withinDays: 14 });
    expect(found.map((f) => [f.code, f.severity, f.message])).toEqual([
      ['recurrence/missed', 'error', 'Item 8 (每季度) has no occurrence in quarter 2017-Q3.'],
      ['recurrence/due-soon', 'warning', 'Item 8 (每季度) has no occurrence yet in 2017-Q4; the period closes on 2017-12-31.'],
    ]);
  });
  it('periods before first: are not required; an occurrence outside every period is a warning', () => {
    const files = quarterly('2017-02-10, 2017-05-26, 2017-08-01, 2017-11-11');
    const found = testRule('recurrences', files, { asOf: '2018-01-01' });
    expect(found.map((f) => [f.code, f.at])).toEqual([['recurrence/outside-period', locate('plan.yaml', files['plan.yaml'], '2017-02-10')]]);
  });
  it('每年3月和9月 needs both months', () => {
    const found = testRule('recurrences', { 'alliance.yaml': alliance, 'plan.yaml': `
      kind: WorkPlan
      alliance: a
      years: 2018-2019
      items:
        - { no: 7, task: 派出人员, due: 每年3月和9月, lead: 医务, held: [2018-03-05, 2018-09-10, 2019-03-01] }
    ` }, { asOf: '2019-12-01' });
    expect(found.map((f) => f.message)).toEqual(['Item 7 (每年3月和9月) has no occurrence in month 2019-09.']);
  });
});

describe('recurrences within the alliance cycle', () => {
  it('quarters wholly before the cycle starts are not owed', () => {
    const files = {
      'alliance.yaml': `
        kind: Alliance
        id: a
        name: 甲医共体
        type: 医共体
        cycle: { start: 2021-05-01, end: 2022-04-30 }
        units: [ { id: lead, name: 甲医院, role: lead } ]
      `,
      'plan.yaml': `
        kind: WorkPlan
        alliance: a
        year: 2021
        items:
          - { no: 1, task: 每季度全面检查, due: 每季度, lead: 医管委办公室 }
      `,
    };
    const found = testRule('recurrences', files, { asOf: '2021-07-05' });
    expect(found.map((f) => f.message)).toEqual(['Item 1 (每季度) has no occurrence in quarter 2021-Q2.']);
  });
});

describe('expiring', () => {
  it('reports a group term, the cycle and an assignment ending within the window', () => {
    const files = {
      'alliance.yaml': `
        kind: Alliance
        id: a
        name: 甲集团
        type: 城市医疗集团
        cycle: { start: 2024-01-01, end: 2026-12-31 }
        units:
          - { id: lead, name: 甲医院, role: lead }
          - { id: m, name: 乙卫生院, role: member }
        groups:
          - { id: board, name: 理事会, type: board, term: { start: 2024-01-01, years: 3 }, members: [] }
      `,
      'roster.yaml': `
        kind: Roster
        alliance: a
        people: [ { name: 张三, unit: 甲医院 } ]
        assignments: [ { person: 张三, target: 乙卫生院, start: 2026-01-01, end: 2026-12-25 } ]
      `,
    };
    const found = testRule('expiring', files, { asOf: '2026-12-20', withinDays: 14 });
    expect(found.map((f) => f.code).sort()).toEqual(['expiring/assignment', 'expiring/cycle', 'expiring/term']);
    expect(testRule('expiring', files, { asOf: '2026-11-01', withinDays: 14 })).toEqual([]);
    expect(testRule('expiring', files, { asOf: '2027-02-01', withinDays: 14 }).map((f) => f.code)).toEqual(['expiring/term-expired']);
  });
});

describe('coverage', () => {
  const region = (extra = '') => ({
    'alliance.yaml': `
      kind: Alliance
      id: a
      name: 区人民医院医联体
      type: 医联体
      units:
        - { id: lead, name: 区人民医院, role: lead }
        - { name: 屏锦中心卫生院, role: member, level: township }
        - { name: 福禄中心卫生院, role: member, level: township, joined: 2018-12-01 }
    `,
    'region.yaml': `
      kind: Region
      name: 梁平区
      coverage: { by: 2018-10-31, levels: [township] }
      units:
        - { name: 屏锦中心卫生院, level: township }
        - { name: 福禄中心卫生院, level: township }
        - { name: 某村卫生室, level: village }
${extra}`,
  });
  it('a unit that joined after the coverage date, or never, is uncovered once the date passed', () => {
    const files = region();
    const found = testRule('coverage', files, { asOf: '2018-11-01' });
    expect(found.map((f) => [f.code, f.at])).toEqual([['coverage/uncovered', locate('region.yaml', files['region.yaml'], '福禄中心卫生院')]]);
  });
  it('before the date it is a warning within the window, nothing earlier', () => {
    expect(testRule('coverage', region(), { asOf: '2018-10-25', withinDays: 14 }).map((f) => f.code)).toEqual(['coverage/pending']);
    expect(testRule('coverage', region(), { asOf: '2018-01-01', withinDays: 14 })).toEqual([]);
  });
});
