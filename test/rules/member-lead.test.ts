import { describe, expect, it } from 'vitest';
import { locate, testRule } from '../helpers/test-rule.js';

const rule = 'member-lead';
const alliance = (units: string) => `
  kind: Alliance
  id: t
  name: 测试医共体
  type: 医共体
  units:
${units}
`;

describe(rule, () => {
  it("accepts members whose lead is a lead unit", () => {
    expect(
      testRule(
        rule,
        alliance(`
    - { id: a, name: 甲医院, role: lead }
    - { id: b, name: 乙医院, role: lead }
    - { id: c, name: 丙卫生院, role: member, lead: a }
    - { id: d, name: 丁卫生院, role: backbone, lead: 乙医院 }`),
      ),
    ).toEqual([]);
  });

  it('reports a lead that is not a lead unit', () => {
    const found = testRule(
      rule,
      alliance(`    - { id: a, name: 甲医院, role: lead }
    - { id: b, name: 乙卫生院, role: backbone }
    - { id: c, name: 丙卫生院, role: member, lead: b }`),
    );
    expect(found).toMatchObject([{ code: 'member-lead/invalid', severity: 'error', at: 'a.yaml:8:46' }]);
    expect(found[0]!.message).toBe('The lead "b" of "丙卫生院" is not a lead unit.');
  });

  it('reports a lead unit with a lead, no lead at all, and a member without lead among several', () => {
    const text = alliance(`    - { id: a, name: 甲医院, role: lead }
    - { id: b, name: 乙医院, role: lead, lead: a }
    - { id: c, name: 丙卫生院, role: member }`);
    expect(testRule(rule, text).map((f) => [f.code, f.severity, f.at])).toEqual([
      ['member-lead/invalid', 'error', locate('a.yaml', text, 'a }', 'lead: ')],
      ['member-lead/invalid', 'warning', locate('a.yaml', text, '{ id: c')],
    ]);
    const noLead = alliance('    - { id: c, name: 丙卫生院, role: member }');
    expect(testRule(rule, noLead)).toMatchObject([{ code: 'member-lead/no-lead', severity: 'error', at: locate('a.yaml', noLead, '- { id: c') }]);
  });
});
