import { describe, expect, it } from 'vitest';
import { locate, testRule } from '../helpers/test-rule.js';

const rule = 'group-composition';
const group = (members: string, rules: string) => `
  kind: Alliance
  id: t
  name: 测试医疗集团
  type: 城市医疗集团
  units: [ { id: a, name: 甲医院, role: lead } ]
  groups:
    - id: g
      name: 理事会
      type: board
      members: ${members}
      rules: ${rules}
`;

describe(rule, () => {
  it('accepts a group that meets count, min and max', () => {
    expect(
      testRule(
        rule,
        group(
          '[ { name: 赵一, role: 理事长 }, { name: 钱二, role: 副理事长 }, { name: 孙三, role: 副理事长 }, { name: 李四, role: 副理事长 }, { name: 周五, role: 副理事长 } ]',
          '[ { role: 理事长, count: 1 }, { role: 副理事长, min: 4, max: 5 } ]',
        ),
      ),
    ).toEqual([]);
  });

  it('reports two 组长 where count is 1', () => {
    const text = group('[ { name: 吴一, role: 组长 }, { name: 杨二, role: 组长 } ]', '[ { role: 组长, count: 1 } ]');
    const found = testRule(rule, text);
    // At the rule that is not met.
    expect(found).toMatchObject([{ code: 'group-composition/count', severity: 'error', at: locate('a.yaml', text, '{ role: 组长, count') }]);
    expect(found[0]!.message).toBe('"理事会" needs exactly 1 组长, has 2.');
  });

  it('reports 3 副理事长 where min is 4, and too many where max is 5', () => {
    const three = '[ { name: 钱二, role: 副理事长 }, { name: 孙三, role: 副理事长 }, { name: 李四, role: 副理事长 } ]';
    const text = group(three, '[ { role: 副理事长, min: 4 } ]');
    expect(testRule(rule, text)).toMatchObject([
      { code: 'group-composition/count', at: locate('a.yaml', text, '{ role: 副理事长, min'), message: '"理事会" needs at least 4 副理事长, has 3.' },
    ]);
    expect(testRule(rule, group(three, '[ { role: 副理事长, max: 2 } ]'))).toMatchObject([
      { code: 'group-composition/count', message: '"理事会" needs at most 2 副理事长, has 3.' },
    ]);
  });

  it('reports a contradictory rule and a member listed twice', () => {
    const text = group('[ { name: 吴一, role: 组长 }, { name: 吴一, role: 副组长 }, { name: 吴一, role: 组长 } ]', '[ { role: 组长, min: 3, max: 2 } ]');
    const found = testRule(rule, text);
    expect(found.map((f) => [f.code, f.severity, f.at])).toEqual([
      ['group-composition/count', 'error', locate('a.yaml', text, '{ role: 组长, min')],
      ['group-composition/rule', 'error', locate('a.yaml', text, '3, max', 'min: ')],
      ['group-composition/duplicate-member', 'warning', locate('a.yaml', text, '吴一', '副组长 }, { name: ')],
    ]);
  });
});

// 梁平「分管领导及各成员单位负责人为副组长」: one 副组长 from each unit the group's lead leads.
describe(`${rule}: each unit`, () => {
  const two = (members: string, rules: string) => `
    kind: Alliance
    id: lp
    name: 梁平区医联体
    type: 医联体
    units:
      - { id: rmyy, name: 梁平区人民医院, role: lead }
      - { id: zyy, name: 梁平区中医医院, role: lead }
      - { id: pingjin, name: 屏锦中心卫生院, role: member, level: township, lead: rmyy }
      - { id: liangshan, name: 梁山街道社区卫生服务中心, role: member, level: community, lead: rmyy }
      - { id: baijia, name: 柏家中心卫生院, role: member, level: township, lead: zyy }
    groups:
      - id: g
        name: 领导小组
        type: leadership
        unit: rmyy
        members: ${members}
        rules: ${rules}
  `;
  const full = '[ { name: 甲, role: 组长, unit: rmyy }, { name: 乙, role: 副组长, unit: rmyy }, { name: 丙, role: 副组长, unit: pingjin }, { name: 丁, role: 副组长, unit: liangshan } ]';

  it('accepts one 副组长 from each unit the host leads, and the host\'s own', () => {
    expect(testRule(rule, two(full, '[ { role: 副组长, each: unit }, { role: 副组长, each: { units: [rmyy] } } ]'))).toEqual([]);
  });

  it('names each unit with no 副组长, within the host lead\'s units only', () => {
    const members = '[ { name: 甲, role: 组长, unit: rmyy }, { name: 丙, role: 组长, unit: pingjin } ]';
    const text = two(members, '[ { role: 副组长, each: unit } ]');
    const found = testRule(rule, text);
    // one finding naming both, at the rule: the fix is one list, the group's members
    expect(found.map((f) => [f.code, f.at, f.message])).toEqual([
      ['group-composition/each-unit', locate('a.yaml', text, 'unit }', 'each: '), '"领导小组" needs a 副组长 from each unit; none from 屏锦中心卫生院, 梁山街道社区卫生服务中心.'],
    ]);
  });

  it('without role, any member counts; a filter narrows the units', () => {
    const members = '[ { name: 甲, role: 组长, unit: rmyy }, { name: 丙, role: 成员, unit: pingjin } ]';
    expect(testRule(rule, two(members, '[ { each: { unit: { level: township } } } ]'))).toEqual([]);
    expect(testRule(rule, two(members, '[ { each: unit } ]')).map((f) => f.message)).toEqual(['"领导小组" needs a member from each unit; none from 梁山街道社区卫生服务中心.']);
  });

  it('a group hosted nowhere asks it of every unit that is not a lead', () => {
    const text = two(full, '[ { role: 副组长, each: unit } ]').replace('unit: rmyy\n        members', 'members');
    expect(testRule(rule, text).map((f) => f.message)).toEqual(['"领导小组" needs a 副组长 from each unit; none from 柏家中心卫生院.']);
  });

  it('reports count without role, a filter matching nothing, and an unknown unit', () => {
    const text = two(full, '[ { count: 3 }, { role: 副组长, each: { unit: { level: village } } }, { role: 副组长, each: { units: [屏井] } } ]');
    expect(testRule(rule, text).map((f) => [f.code, f.at])).toEqual([
      ['group-composition/rule', locate('a.yaml', text, '{ count: 3 }')],
      ['group-composition/rule', locate('a.yaml', text, '{ unit: { level: village', 'each: ')],
      ['references/unknown', locate('a.yaml', text, '屏井')],
    ]);
  });
});
