import { describe, expect, it } from 'vitest';
import { locate, testRule } from '../helpers/test-rule.js';
import { PLAN_ALLIANCE as alliance, planFiles as plan } from '../helpers/workplan.js';

describe('recurrence', () => {
  const quarterly = (held: string) => plan(`
    - { no: 8, task: 每季度召开沟通协调会, due: 每季度, first: 5月底, lead: 外联办, held: [${held}] }
`);
  it('a closed quarter without a meeting is missed; the current one is due soon near its end', () => {
    const found = testRule('recurrence', quarterly('2017-05-26'), { asOf: '2017-12-20', withinDays: 14 });
    expect(found.map((f) => [f.code, f.severity, f.message])).toEqual([
      ['recurrence/missed', 'error', 'Item 8 (每季度) has no occurrence in quarter 2017-Q3.'],
      ['recurrence/due-soon', 'warning', 'Item 8 (每季度) has no occurrence yet in 2017-Q4; the period closes on 2017-12-31 (in 11 day(s)).'],
    ]);
  });
  it('periods before first: are not required; an occurrence outside every period is a warning', () => {
    const files = quarterly('2017-02-10, 2017-05-26, 2017-08-01, 2017-11-11');
    const found = testRule('recurrence', files, { asOf: '2018-01-01' });
    expect(found.map((f) => [f.code, f.at])).toEqual([['recurrence/outside-period', locate('plan.yaml', files['plan.yaml'], '2017-02-10')]]);
  });
  it('每年3月和9月 needs both months', () => {
    const found = testRule('recurrence', { 'alliance.yaml': alliance, 'plan.yaml': `
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
    const found = testRule('recurrence', files, { asOf: '2021-07-05' });
    expect(found.map((f) => f.message)).toEqual(['Item 1 (每季度) has no occurrence in quarter 2021-Q2.']);
  });
});
