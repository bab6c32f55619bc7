import { describe, expect, it } from 'vitest';
import { locate, testRule } from '../helpers/test-rule.js';

const rule = 'workplan-due';
const alliance = 'kind: Alliance\nid: sx\nname: 绍兴市中医院医联体\ntype: 医联体\nunits: [ { id: sx-tcm, name: 绍兴市中医院, role: lead } ]\n';
const plan = (head: string, items: string[]) => `kind: WorkPlan\n${head}items:\n${items.map((i) => `  - ${i}\n`).join('')}`;

describe(rule, () => {
  it('accepts the due expressions FORMAT.md lists', () => {
    const items = ['4月底', '2017-05-15', '2017年5月15日', '6月上旬', '下半年', '第三季度', '年底', '全年', '择时', '每月', '每年3月、9月'].map(
      (due, i) => `{ no: ${i + 1}, task: 事项, due: ${due}, lead: 院办 }`,
    );
    items.push('{ no: 99, task: 协调会, due: 每季度, first: 5月底, lead: 院办 }');
    expect(testRule(rule, { 'a.yaml': alliance, 'plan.yaml': plan('year: 2017\n', items) })).toEqual([]);
  });

  it('reports a due it cannot read, at the due', () => {
    const text = plan('year: 2017\n', ['{ no: 1, task: 事项, due: 尽快吧, lead: 院办 }']);
    const found = testRule(rule, { 'a.yaml': alliance, 'plan.yaml': text });
    expect(found).toMatchObject([{ code: 'workplan-due/unknown-due', severity: 'error', at: locate('plan.yaml', text, '尽快吧') }]);
  });

  it('reports a month-only due in a plan with no year, and a duplicate item number', () => {
    const text = plan('', ['{ no: 1, task: 事项, due: 4月底, lead: 院办 }', '{ no: 1, task: 另一事项, due: 2017-05-01, lead: 院办 }']);
    const found = testRule(rule, { 'a.yaml': alliance, 'plan.yaml': text });
    expect(found.map((f) => [f.code, f.at])).toEqual([
      ['workplan-due/no-year', locate('plan.yaml', text, '4月底')],
      ['workplan-due/duplicate-item', locate('plan.yaml', text, '1, task: 另一事项', 'no: ')],
    ]);
  });

  it('warns, at the due, when 2月29日 falls in a common year and is moved to 28 Feb (never silently)', () => {
    const text = plan('years: 2019-2021\n', ['{ no: 1, task: 事项, due: 2月29日, lead: 院办 }', '{ no: 2, task: 事项, due: 2月28日, lead: 院办 }']);
    const found = testRule(rule, { 'a.yaml': alliance, 'plan.yaml': text });
    expect(found.map((f) => [f.code, f.severity, f.at])).toEqual([['workplan-due/clamped', 'warning', locate('plan.yaml', text, '2月29日')]]);
    expect(found[0]!.message).toContain('2019-02-28');
    expect(found[0]!.message).toContain('2021-02-28');
    expect(found[0]!.message).not.toContain('2020');
  });
});
