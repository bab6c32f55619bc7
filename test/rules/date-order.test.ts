import { describe, expect, it } from 'vitest';
import { ALLIANCE, locate, testRule } from '../helpers/test-rule.js';

const rule = 'date-order';

describe(rule, () => {
  it('accepts start on or before end, in either date spelling', () => {
    expect(
      testRule(rule, {
        'alliance.yaml': ALLIANCE,
        'roster.yaml': `
          kind: Roster
          people: [ { name: 刘鹏飞, unit: gs-rmyy } ]
          assignments:
            - { person: 刘鹏飞, target: 寨河, start: 2021-05-01, end: 2021年5月1日 }
            - { person: 刘鹏飞, target: 寨河, start: 2021-05-01 }
        `,
      }),
    ).toEqual([]);
  });

  it('reports a cycle that ends before it starts, at the end date', () => {
    const text = ALLIANCE.replace('start: 2021-05-01, end: 2022-04-30', 'start: 2022-05-01, end: 2021-04-30');
    const found = testRule(rule, text);
    expect(found).toMatchObject([{ code: 'date-order/reversed', severity: 'error', at: locate('a.yaml', text, '2021-04-30') }]);
    expect(found[0]!.message).toBe('End 2021-04-30 is before start 2022-05-01.');
  });

  it('reports swapped dates in assignments, training and policies (Chinese dates compared as dates)', () => {
    const other = `
        kind: Roster
        people: [ { name: 刘鹏飞, unit: gs-rmyy } ]
        assignments:
          - { person: 刘鹏飞, target: 寨河, start: 2021年11月1日, end: 2021年5月1日 }
        ---
        kind: Training
        entries: [ { person: 王某, from: 寨河, at: gs-rmyy, start: 2021-09-01, end: 2021-06-01 } ]
        ---
        kind: SubsidyPolicy
        id: p
        effective: 2018-01-01
        until: 2017-12-31
      `;
    const found = testRule(rule, { 'alliance.yaml': ALLIANCE, 'other.yaml': other });
    expect(found.map((f) => [f.code, f.at])).toEqual([
      ['date-order/reversed', locate('other.yaml', other, '2021年5月1日')],
      ['date-order/reversed', locate('other.yaml', other, '2021-06-01', 'end: ')],
      ['date-order/reversed', locate('other.yaml', other, '2017-12-31')],
    ]);
  });
});
