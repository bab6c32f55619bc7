import { describe, expect, it } from 'vitest';
import { locate, testRule } from '../helpers/test-rule.js';
import { PLAN_ALLIANCE as alliance, planFiles as plan } from '../helpers/workplan.js';

describe('deadline', () => {
  it('overdue when the deadline has passed and the item is not done', () => {
    const files = plan(`
    - { no: 1, task: 建立合作关系, due: 4月底, lead: 外联办 }
    - { no: 2, task: 已完成的事项, due: 4月底, lead: 外联办, done: 2017-04-20 }
    - { no: 3, task: 取消的事项, due: 4月底, lead: 外联办, status: 取消 }
    - { no: 4, task: 已完成无日期, due: 4月底, lead: 医务, status: 已完成 }
`);
    const found = testRule('deadline', files, { asOf: '2017-05-02' });
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
    expect(testRule('deadline', plan(items), { asOf: '2017-06-20', withinDays: 14 }).map((f) => [f.code, f.message])).toEqual([
      ['deadline/due-soon', 'Item 1 (甲) is due on 2017-06-30 (in 10 day(s)).'],
      ['deadline/done-late', 'Item 2 (乙) was done on 2017-06-04, 4 day(s) after 2017-05-31.'],
    ]);
    expect(testRule('deadline', plan(items), { asOf: '2017-05-01', withinDays: 14 }).map((f) => f.code)).toEqual([]);
    // As of 06-01 item 2 is not done yet (its done date is later): overdue then.
    expect(testRule('deadline', plan(items), { asOf: '2017-06-01', withinDays: 14 }).map((f) => f.code)).toEqual(['deadline/overdue']);
  });

  it('a due or done date marked assumed is quoted with the flag', () => {
    const items = `
    - { no: 1, task: 甲, due: 2017-06-30, lead: 外联办, assumed: [due] }
    - { no: 2, task: 乙, due: 5月底, lead: 外联办, done: 2017-06-04, assumed: [done] }
    - { no: 3, task: 丙, due: 5月底, lead: 外联办, assumed: [due] }
`;
    expect(testRule('deadline', plan(items), { asOf: '2017-06-20', withinDays: 14 }).map((f) => [f.code, f.message])).toEqual([
      ['deadline/due-soon', 'Item 1 (甲) is due on 2017-06-30 (assumed, not in the source) (in 10 day(s)).'],
      ['deadline/done-late', 'Item 2 (乙) was done on 2017-06-04 (assumed, not in the source), 4 day(s) after 2017-05-31.'],
      ['deadline/overdue', 'Item 3 (丙) is 20 day(s) overdue (due 2017-05-31 (assumed, not in the source), 5月底).'],
    ]);
  });

  it('open items (择时实施) are listed as info and never overdue', () => {
    const found = testRule('deadline', plan(`
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
    const found = testRule('deadline', files, { asOf: '2020-02-01' });
    expect(found.map((f) => f.message)).toEqual(['Item 9 (年度总结会) is 32 day(s) overdue (due 2019-12-31, 年终).']);
  });
});
