// Codes no other test raised (issue 8): each is raised here from the smallest plan that earns it,
// so test/codes.test.ts can require every declared code to be raised by some test.
import { describe, expect, it } from 'vitest';
import { ALLIANCE, loadInline, locate, testRule } from '../helpers/test-rule.js';

describe('seldom-raised codes', () => {
  it('coverage/multiple: a unit of the region in two alliances', () => {
    const alliance = (id: string, name: string) => `
      kind: Alliance
      id: ${id}
      name: ${name}
      type: 医联体
      units:
        - { id: lead, name: ${name}, role: lead }
        - { name: 屏锦中心卫生院, role: member, level: township }
    `;
    const files = {
      'a.yaml': alliance('a', '区人民医院'),
      'b.yaml': alliance('b', '区中医院'),
      'region.yaml': `
      kind: Region
      name: 梁平区
      coverage: { by: 2018-10-31, levels: [township] }
      units:
        - { name: 屏锦中心卫生院, level: township }
`,
    };
    const found = testRule('coverage', files, { asOf: '2018-11-01' });
    expect(found.map((f) => [f.code, f.severity, f.at])).toEqual([['coverage/multiple', 'error', locate('region.yaml', files['region.yaml'], '屏锦中心卫生院')]]);
    expect(found[0]!.message).toContain('区中医院');
  });

  const alliance = 'kind: Alliance\nid: sx\nname: 绍兴市中医院医联体\ntype: 医联体\nunits: [ { id: sx-tcm, name: 绍兴市中医院, role: lead } ]\n';
  const plan = (items: string[]) => `kind: WorkPlan\nyear: 2017\nitems:\n${items.map((i) => `  - ${i}\n`).join('')}`;

  it('workplan-due/invalid-date: a due date that does not exist, at the due', () => {
    const text = plan(['{ no: 1, task: 事项, due: 2017年2月30日, lead: 院办 }']);
    const found = testRule('workplan-due', { 'a.yaml': alliance, 'plan.yaml': text });
    expect(found.map((f) => [f.code, f.severity, f.at])).toEqual([['workplan-due/invalid-date', 'error', locate('plan.yaml', text, '2017年2月30日')]]);
  });

  it('workplan-due/first-without-recurrence: first on a one-off item, at first', () => {
    const text = plan(['{ no: 1, task: 事项, due: 6月底, first: 5月底, lead: 院办 }']);
    const found = testRule('workplan-due', { 'a.yaml': alliance, 'plan.yaml': text });
    expect(found.map((f) => [f.code, f.severity, f.at])).toEqual([['workplan-due/first-without-recurrence', 'warning', locate('plan.yaml', text, '5月底')]]);
  });

  it('a share condition that is not a comparison is one schema finding at the condition (quota/bad-comparison could never fire and is gone)', () => {
    const text = `
  kind: Quotas
  alliance: gs
  rules:
    - { id: a, text: x, each: alliance, per: year, measure: share, units: { level: township }, where: { tcmCategories: "六类以上" }, min: 1 }
`;
    const { diagnostics } = loadInline({ 'alliance.yaml': ALLIANCE, 'quotas.yaml': text });
    expect(diagnostics.map((d) => [d.code, `${d.file}:${d.line}:${d.col}`])).toEqual([['schema/invalid-comparison', locate('quotas.yaml', text, '"六类以上"')]]);
  });
});
