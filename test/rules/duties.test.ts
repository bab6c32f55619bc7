// Per-unit duties (`each: unit`): one finding per item × period naming the units still missing,
// and validation of the units an item names (FORMAT.md, "Per-unit duties").
import { describe, expect, it } from 'vitest';
import { loadInline, locate, testRule } from '../helpers/test-rule.js';
import { judgeItems } from '../../src/judge/items.js';

const ALLIANCE = `
  kind: Alliance
  id: lp
  name: 梁平区医联体
  type: 医联体
  units:
    - { id: rmyy, name: 梁平区人民医院, role: lead, level: district }
    - { id: pingjin, name: 屏锦中心卫生院, aliases: [屏锦], role: member, level: township }
    - { id: fulu, name: 福禄中心卫生院, aliases: [福禄], role: member, level: township }
    - { id: liangshan, name: 梁山街道社区卫生服务中心, role: member, level: community }
    - { id: late, name: 龙门镇卫生院, role: member, level: township, joined: 2018-11-15 }
`;
const plan = (item: string) => ({
  'alliance.yaml': ALLIANCE,
  'plan.yaml': `
    kind: WorkPlan
    alliance: lp
    year: 2018
    items:
${item}`,
});

const quarterly = plan(`
      - no: 6
        task: 各单位每季度向区卫生计生委报告工作进展情况
        due: 每季度
        each: unit
        lead: 各成员单位
        units:
          屏锦: [2018-03-20, 2018-06-28, 2018-09-25]
          福禄中心卫生院: [2018-03-21, 2018-09-26]
          梁山街道社区卫生服务中心: [2018-03-22, 2018-06-20]
`);

describe('each: unit on a recurring item', () => {
  it('one finding per period that names the units still missing, not one per unit', () => {
    const found = testRule('recurrence', quarterly, { asOf: '2018-10-10', withinDays: 14 });
    expect(found.map((f) => [f.code, f.message])).toEqual([
      ['recurrence/missed', 'Item 6 (每季度), quarter 2018-Q2: 1 of 3 units have no record (福禄中心卫生院).'],
      ['recurrence/missed', 'Item 6 (每季度), quarter 2018-Q3: 1 of 3 units have no record (梁山街道社区卫生服务中心).'],
    ]);
  });

  it('a unit that joins later owes only the periods after it joined; all shown is done', () => {
    const { workspace } = loadInline(quarterly);
    const [j] = judgeItems(workspace, { asOf: '2019-01-10', withinDays: 14 });
    const q4 = j!.duties.find((d) => d.key === '2018-Q4')!;
    expect(q4.state).toBe('missed');
    expect(q4.units?.owed).toEqual(['屏锦中心卫生院', '福禄中心卫生院', '梁山街道社区卫生服务中心', '龙门镇卫生院']);
    expect(q4.units?.missing).toHaveLength(4);
    expect(j!.duties.find((d) => d.key === '2018-Q1')).toMatchObject({ state: 'done', date: '2018-03-22' });
  });

  it('a held: date on the item counts for every unit', () => {
    const files = plan(`
      - { no: 6, task: 季度报告, due: 每季度, each: unit, lead: 各成员单位, held: [2018-03-30] }
`);
    const found = testRule('recurrence', files, { asOf: '2018-04-02' });
    expect(found).toEqual([]);
  });
});

describe('each: unit on items with a deadline or none', () => {
  it('a dated item is overdue until every unit shows a date, and names them', () => {
    const files = plan(`
      - { no: 2, task: 与各成员单位签订任务责任书, due: 6月底, each: unit, lead: 理事会, units: { 屏锦: 2018-05-10, 福禄: 2018-07-02 } }
`);
    const found = testRule('deadline', files, { asOf: '2018-07-05' });
    expect(found.map((f) => f.message)).toEqual([
      'Item 2 (与各成员单位签订任务责任书) is 5 day(s) overdue (due 2018-06-30, 6月底): 1 of 3 units have no record (梁山街道社区卫生服务中心).',
    ]);
    // once the last unit signs, late: the day the last unit did it
    const done = testRule('deadline', plan(`
      - { no: 2, task: 与各成员单位签订任务责任书, due: 6月底, each: unit, lead: 理事会, units: { 屏锦: 2018-05-10, 福禄: 2018-07-02, 梁山街道社区卫生服务中心: 2018-06-01 } }
`), { asOf: '2018-07-05' });
    expect(done.map((f) => [f.code, f.message])).toEqual([['deadline/done-late', 'Item 2 (与各成员单位签订任务责任书) was done on 2018-07-02, 2 day(s) after 2018-06-30 (shown by: 3/3 units recorded).']]);
  });

  it('with no deadline, the open item lists who has not; a filter narrows the units', () => {
    const files = plan(`
      - { no: 9, task: 明确分管领导及专人, due: 待定, each: { unit: { level: township } }, lead: 各成员单位, units: { 屏锦: 2018-05-10 } }
`);
    const found = testRule('deadline', files, { asOf: '2018-07-05' });
    expect(found.map((f) => f.message)).toEqual(['Item 9 (明确分管领导及专人) is open with no deadline (待定): 1 of 2 units have no record (福禄中心卫生院).']);
  });

  it('every unit named by each: { units } shows a date: done, nothing raised', () => {
    const files = plan(`
      - { no: 9, task: 明确专人, due: 待定, each: { units: [屏锦, 福禄] }, lead: 各成员单位, units: { 屏锦: 2018-05-10, 福禄: 2018-05-11 } }
`);
    expect(testRule('deadline', files, { asOf: '2018-07-05' })).toEqual([]);
  });
});

describe('duties: the units a per-unit item names', () => {
  it('an unknown unit under units: is references/unknown at its place, with a suggestion', () => {
    const files = plan(`
      - no: 6
        task: 季度报告
        due: 每季度
        each: unit
        lead: 各成员单位
        units:
          屏景: [2018-03-20]
`);
    const found = testRule('duties', files);
    expect(found.map((f) => [f.code, f.at, f.message])).toEqual([
      ['references/unknown', locate('plan.yaml', files['plan.yaml'], '[2018-03-20]'), 'Unknown unit "屏景"; did you mean "屏锦"?'],
    ]);
  });

  it('a unit the item does not ask of, units: without each:, and a filter that matches nothing', () => {
    const files = plan(`
      - { no: 1, task: 甲, due: 待定, each: unit, lead: 各成员单位, units: { 梁平区人民医院: 2018-05-10 } }
      - { no: 2, task: 乙, due: 待定, lead: 各成员单位, units: { 屏锦: 2018-05-10 } }
      - { no: 3, task: 丙, due: 待定, each: { unit: { level: village } }, lead: 各成员单位 }
`);
    const found = testRule('duties', files);
    expect(found.map((f) => [f.code, f.at])).toEqual([
      ['duties/not-owed', locate('plan.yaml', files['plan.yaml'], '2018-05-10 } }\n  - { no: 2', '梁平区人民医院: ')],
      ['duties/units-without-each', locate('plan.yaml', files['plan.yaml'], '{ 屏锦: 2018-05-10 }')],
      ['duties/no-units', locate('plan.yaml', files['plan.yaml'], '{ unit: { level: village } }')],
    ]);
  });

  it('an each: that is neither unit nor a filter is a schema error at its place', () => {
    const { diagnostics } = loadInline(plan(`
      - { no: 1, task: 甲, due: 待定, each: units, lead: 各成员单位 }
`));
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([[expect.stringMatching(/^schema\//), 6]]);
  });
});
