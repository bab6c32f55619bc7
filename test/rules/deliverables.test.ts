// Per-dispatch deliverables (Roster `deliverables:`): 务川「五个一」per expert per batch and one
// 综合质量管理检查 per batch, owed by the batch's end; one finding per deliverable × batch.
import { describe, expect, it } from 'vitest';
import { locate, testRule } from '../helpers/test-rule.js';

const ALLIANCE = `
  kind: Alliance
  id: wc
  name: 对口帮扶务川
  type: 对口帮扶
  units:
    - { id: sx, name: 绍兴市中医院, role: lead }
    - { id: wc, name: 务川自治县中医院, aliases: [务川], role: member }
`;
const roster = (assignments: string) => ({
  'alliance.yaml': ALLIANCE,
  'roster.yaml': `
    kind: Roster
    alliance: wc
    deliverables:
      - { id: five-ones, text: 五个一, each: assignment, items: [对接一位学科带头人, 示范讲演一堂学术管理课] }
      - { id: inspection, text: 一次综合质量管理检查, each: batch, items: [综合质量管理检查], activity: 质控检查 }
    people:
      - { name: 章建平, unit: 绍兴市中医院 }
      - { name: 俞晓东, unit: 绍兴市中医院 }
    assignments:
${assignments}`,
});

const batch1 = roster(`
      - { person: 章建平, target: 务川, start: 2017-09-18, end: 2017-10-17, batch: 第一批,
          delivered: { 对接一位学科带头人: 2017-09-19, 示范讲演一堂学术管理课: 2017-10-13, 综合质量管理检查: 2017-10-10 } }
      - { person: 俞晓东, target: 务川, start: 2017-09-18, end: 2017-10-17, batch: 第一批,
          delivered: { 对接一位学科带头人: 2017-09-19 } }
`);

describe('deliverables', () => {
  it('after the batch ends: one finding per deliverable × batch, naming who owes which items', () => {
    const found = testRule('deliverables', batch1, { asOf: '2017-10-18' });
    expect(found.map((f) => [f.code, f.at, f.message])).toEqual([
      ['deliverables/missing', locate('roster.yaml', batch1['roster.yaml'], '{ person: 俞晓东'), '"五个一": batch 第一批 (2017-09-18 to 2017-10-17) has ended; 俞晓东 owes 示范讲演一堂学术管理课.'],
    ]);
  });

  it('before the end: due soon within the window, listing only what is not recorded by the as-of day', () => {
    const found = testRule('deliverables', batch1, { asOf: '2017-10-09', withinDays: 14 });
    expect(found.map((f) => [f.code, f.message])).toEqual([
      ['deliverables/due-soon', '"五个一": batch 第一批 (2017-09-18 to 2017-10-17) ends in 8 day(s); 章建平 owes 示范讲演一堂学术管理课; 俞晓东 owes 示范讲演一堂学术管理课.'],
      ['deliverables/due-soon', '"一次综合质量管理检查": batch 第一批 (2017-09-18 to 2017-10-17) ends in 8 day(s); owes 综合质量管理检查.'],
    ]);
    expect(testRule('deliverables', batch1, { asOf: '2017-09-20', withinDays: 14 })).toEqual([]);
  });

  it('an activity-log 质控检查 at the target during the batch shows the inspection', () => {
    const files = {
      ...roster(`
      - { person: 章建平, target: 务川, start: 2017-09-18, end: 2017-10-17, batch: 第一批,
          delivered: { 对接一位学科带头人: 2017-09-19, 示范讲演一堂学术管理课: 2017-10-13 } }
`),
      'log.yaml': `
        kind: ActivityLog
        entries: [ { date: 2017-10-11, person: 章建平, unit: 务川, type: 质控检查 } ]
      `,
    };
    expect(testRule('deliverables', files, { asOf: '2017-10-20' })).toEqual([]);
  });

  it('validate: a delivered item that no deliverable lists is duties/unknown-deliverable, with a suggestion', () => {
    const files = roster(`
      - { person: 章建平, target: 务川, start: 2017-09-18, end: 2017-10-17, delivered: { 对接一位学科代头人: 2017-09-19 } }
`);
    const found = testRule('duties', files);
    expect(found.map((f) => [f.code, f.at, f.message])).toEqual([
      ['duties/unknown-deliverable', locate('roster.yaml', files['roster.yaml'], '2017-09-19 }'), '"对接一位学科代头人" is not an item of this Roster\'s deliverables. did you mean "对接一位学科带头人"?'],
    ]);
  });
});
