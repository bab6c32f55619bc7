import { describe, expect, it } from 'vitest';
import { ALLIANCE, locate, testRule } from '../helpers/test-rule.js';

const rule = 'assignment-cycle';
const roster = (assignments: string) => `
  kind: Roster
  people: [ { name: 刘鹏飞, unit: gs-rmyy } ]
  assignments:
${assignments}
`;

describe(rule, () => {
  it('accepts assignments inside the cycle, including its first and last day', () => {
    expect(
      testRule(rule, {
        'alliance.yaml': ALLIANCE,
        'roster.yaml': roster('    - { person: 刘鹏飞, target: 寨河, start: 2021-05-01, end: 2022-04-30 }\n    - { person: 刘鹏飞, target: 泼河, start: 2021-10-01 }'),
      }),
    ).toEqual([]);
  });

  it('warns at a start or end outside the cycle', () => {
    const text = roster('    - { person: 刘鹏飞, target: 寨河, start: 2012-05-01, end: 2022-04-30 }\n    - { person: 刘鹏飞, target: 泼河, start: 2021-05-01, end: 2023-04-30 }');
    const found = testRule(rule, { 'alliance.yaml': ALLIANCE, 'roster.yaml': text });
    expect(found.map((f) => [f.code, f.severity, f.at])).toEqual([
      ['assignment-cycle/outside', 'warning', locate('roster.yaml', text, '2012-05-01')],
      ['assignment-cycle/outside', 'warning', locate('roster.yaml', text, '2023-04-30')],
    ]);
    expect(found[0]!.message).toBe("刘鹏飞's assignment start 2012-05-01 is outside the cycle 2021-05-01–2022-04-30.");
  });

  it('says nothing when the alliance has no cycle', () => {
    expect(
      testRule(rule, {
        'alliance.yaml': ALLIANCE.replace(/\n\s*cycle:.*\n/, '\n'),
        'roster.yaml': roster('    - { person: 刘鹏飞, target: 寨河, start: 2012-05-01 }'),
      }),
    ).toEqual([]);
  });
});
