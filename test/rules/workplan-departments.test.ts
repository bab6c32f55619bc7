import { describe, expect, it } from 'vitest';
import { locate, testRule } from '../helpers/test-rule.js';

const rule = 'workplan-departments';
const alliance = `
  kind: Alliance
  id: sx
  name: 绍兴市中医院医联体
  type: 医联体
  units:
    - { id: sx-tcm, name: 绍兴市中医院, role: lead,
        departments: [外联办, 院办, { name: 医务科, aliases: [医务] }, 科教科] }
    - { id: ty, name: 陶堰社区卫生服务中心, role: member, lead: sx-tcm }
`;

describe(rule, () => {
  it('accepts departments by name and alias', () => {
    expect(
      testRule(rule, {
        'alliance.yaml': alliance,
        'plan.yaml': `
          kind: WorkPlan
          alliance: sx
          items:
            - { no: 1, task: 建立合作关系, due: 4月底, lead: 外联办, support: [院办, 医务] }
        `,
      }),
    ).toEqual([]);
  });

  it('reports an unknown lead or support department with a suggestion', () => {
    const found = testRule(rule, {
      'alliance.yaml': alliance,
      'plan.yaml': `
        kind: WorkPlan
        alliance: sx
        items:
          - no: 1
            task: 建立合作关系
            due: 4月底
            lead: 外联科
            support: [院办, 科教办]
      `,
    });
    expect(found.map((f) => [f.code, f.at, f.message])).toEqual([
      ['references/unknown', 'plan.yaml:7:11', 'Unknown department "外联科"; did you mean "外联办"?'],
      ['references/unknown', 'plan.yaml:8:19', 'Unknown department "科教办"; did you mean "科教科"?'],
    ]);
  });

  it('skips units that list no departments, and checks an item unit reference', () => {
    const text = `
        kind: WorkPlan
        alliance: sx
        items:
          - { no: 1, task: 自查, due: 年底, lead: 任何科室, unit: ty }
          - { no: 2, task: 自查, due: 年底, lead: 任何科室, unit: 陶偃 }
      `;
    const found = testRule(rule, { 'alliance.yaml': alliance, 'plan.yaml': text });
    expect(found).toMatchObject([{ code: 'references/unknown', at: locate('plan.yaml', text, '陶偃'), message: 'Unknown unit "陶偃".' }]);
  });
});

describe(`${rule}: names run together`, () => {
  it('a full-width comma inside a list item is named as the cause', () => {
    const found = testRule(rule, {
      'alliance.yaml': alliance,
      'plan.yaml': `
        kind: WorkPlan
        alliance: sx
        items:
          - { no: 1, task: 建立合作关系, due: 4月底, lead: 外联办, support: [院办，医务] }
      `,
    });
    expect(found.map((f) => [f.code, f.message])).toEqual([['references/unknown', 'Unknown department "院办，医务": it looks like 2 names run together.']]);
  });
});
