import { describe, expect, it } from 'vitest';
import { locate, testRule } from '../helpers/test-rule.js';

const rule = 'group-disjoint';
const alliance = (supervisors: string) => `
  kind: Alliance
  id: t
  name: 测试医疗集团
  type: 城市医疗集团
  units: [ { id: a, name: 甲医院, role: lead } ]
  groups:
    - id: board
      name: 理事会
      type: board
      members: [ { name: 赵一, role: 理事长 }, { name: 钱二, role: 理事 } ]
    - id: sup
      name: 监事会
      type: supervisory
      disjointFrom: [理事会]
      members:
${supervisors}
`;

describe(rule, () => {
  it('accepts disjoint groups', () => {
    expect(testRule(rule, alliance('        - { name: 孙三, role: 监事长 }'))).toEqual([]);
  });

  it('reports a supervisor who also sits on the board, at the member', () => {
    const text = alliance('        - { name: 孙三, role: 监事长 }\n        - { name: 钱二, role: 监事 }');
    const found = testRule(rule, text);
    expect(found).toMatchObject([{ code: 'group-disjoint/overlap', severity: 'error', at: locate('a.yaml', text, '钱二, role: 监事 ') }]);
    expect(found[0]!.message).toBe('钱二 sits on both "监事会" and "理事会", which must not overlap.');
  });

  it('leaves an unknown disjointFrom group to the references rule', () => {
    expect(testRule(rule, alliance('        - { name: 钱二, role: 监事 }').replace('[理事会]', '[董事会]'))).toEqual([]);
  });
});
