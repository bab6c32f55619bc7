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
