// The assessment of dispatched staff as a deliverable (绍兴「对下派人员的出勤情况和工作质量进行考核」,
// 务川「…履职情况和工作质量进行考核」): owed after the dispatch ends (`due: 结束后一个月内`), recorded with
// its result (`result: true`, or graded); a record without the result does not count.
import { describe, expect, it } from 'vitest';
import { loadInline, locate, testRule } from '../helpers/test-rule.js';

const ALLIANCE = `
  kind: Alliance
  id: wc
  name: 对口帮扶务川
  type: 对口帮扶
  units:
    - { id: sx, name: 绍兴市中医院, role: lead }
    - { id: wc, name: 务川自治县中医院, aliases: [务川], role: member }
`;
const roster = (result: string, delivered: string) => ({
  'alliance.yaml': ALLIANCE,
  'roster.yaml': `
    kind: Roster
    alliance: wc
    deliverables:
      - { id: assessment, text: 对下派人员的履职情况和工作质量进行考核, each: assignment, items: [考核], due: 结束后一个月内, result: ${result} }
    people:
      - { name: 章建平, unit: 绍兴市中医院 }
      - { name: 俞晓东, unit: 绍兴市中医院 }
    assignments:
      - { person: 章建平, target: 务川, start: 2017-09-18, end: 2017-10-17, batch: 第一批, delivered: { 考核: { date: 2017-11-03, result: 合格 } } }
      - { person: 俞晓东, target: 务川, start: 2017-09-18, end: 2017-10-17, batch: 第一批${delivered} }
`,
});

describe('assessments of dispatched staff (deliverables with due: and result:)', () => {
  it('owed a month after the batch ends: nothing at the end, due soon before the day, missing after it', () => {
    const files = roster('true', '');
    expect(testRule('deliverables', files, { asOf: '2017-10-20', withinDays: 14 })).toEqual([]);
    expect(testRule('deliverables', files, { asOf: '2017-11-10', withinDays: 14 }).map((f) => [f.code, f.message])).toEqual([
      ['deliverables/due-soon', '"对下派人员的履职情况和工作质量进行考核": batch 第一批 (2017-09-18 to 2017-10-17) owes it by 2017-11-17 (in 7 day(s)); 俞晓东 owes 考核.'],
    ]);
    expect(testRule('deliverables', files, { asOf: '2017-11-18' }).map((f) => [f.code, f.message])).toEqual([
      ['deliverables/missing', '"对下派人员的履职情况和工作质量进行考核": batch 第一批 (2017-09-18 to 2017-10-17) has ended, owed by 2017-11-17; 俞晓东 owes 考核.'],
    ]);
  });

  it('a record without the result does not count, and validate says where', () => {
    const files = roster('true', ', delivered: { 考核: 2017-11-03 }');
    expect(testRule('deliverables', files, { asOf: '2017-11-18' }).map((f) => f.message)).toEqual([
      '"对下派人员的履职情况和工作质量进行考核": batch 第一批 (2017-09-18 to 2017-10-17) has ended, owed by 2017-11-17; 俞晓东 owes 考核（没有结果）.',
    ]);
    expect(testRule('duties', files).map((f) => [f.code, f.at])).toEqual([['duties/no-result', locate('roster.yaml', files['roster.yaml'], '2017-11-03 }', '考核: ')]]);
  });

  it('graded results: a grade not listed is refused at its place and does not count', () => {
    const files = roster('[优秀, 合格, 不合格]', ', delivered: { 考核: { date: 2017-11-03, result: 良 } }');
    expect(testRule('duties', files).map((f) => [f.code, f.at, f.message])).toEqual([
      ['duties/no-result', locate('roster.yaml', files['roster.yaml'], '良', 'result: '), 'The result "良" of "考核" is not one of the grades listed (优秀, 合格, 不合格).'],
    ]);
    expect(testRule('deliverables', files, { asOf: '2017-11-18' }).map((f) => f.code)).toEqual(['deliverables/missing']);
  });

  it('a due form yilian does not read is a schema error at its place', () => {
    const files = roster('true', '');
    files['roster.yaml'] = files['roster.yaml'].replace('结束后一个月内', '结束后尽快');
    const { diagnostics } = loadInline(files);
    expect(diagnostics.map((d) => [d.code, `${d.file}:${d.line}:${d.col}`])).toEqual([['schema/invalid', locate('roster.yaml', files['roster.yaml'], '结束后尽快')]]);
  });
});
