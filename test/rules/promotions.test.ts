// Promotion preconditions (荆门「晋升中、高级专业技术职务前，必须在基层医疗卫生机构工作至少半年」):
// days served at the counted units before the promotion date, half a year written as 183 days.
import { describe, expect, it } from 'vitest';
import { locate, testRule } from '../helpers/test-rule.js';

const ALLIANCE = `
  kind: Alliance
  id: jm
  name: 荆门医疗集团
  type: 城市医疗集团
  units:
    - { id: rmyy, name: 荆门市人民医院, role: lead, level: city }
    - { id: cdc, name: 荆门市疾控中心, role: backbone, level: city }
    - { id: pailou, name: 牌楼镇卫生院, aliases: [牌楼], role: member, level: township }
    - { id: xianju, name: 仙居乡卫生院, aliases: [仙居], role: member, level: township }
`;
const QUOTAS = `
  kind: Quotas
  alliance: jm
  promotions:
    - { id: basic-service, text: 晋升前在基层工作至少半年, grades: [中级, 副高, 正高], people: { role: lead }, at: { level: township }, minDays: 183 }
`;
const files = (people: string, assignments: string) => ({
  'alliance.yaml': ALLIANCE,
  'quotas.yaml': QUOTAS,
  'roster.yaml': `
    kind: Roster
    alliance: jm
    people:
${people}
    assignments:
${assignments}`,
});

describe('promotions', () => {
  it('183 days before the promotion meet half a year; 182 do not, once the promotion has happened', () => {
    const f = files(
      `      - { name: 张晓华, unit: 荆门市人民医院, promotions: [ { date: 2024-09-01, grade: 副高 } ] }
      - { name: 李文静, unit: 荆门市人民医院, promotions: [ { date: 2024-09-01, grade: 中级 } ] }`,
      // 2024-03-02 … 2024-08-31 is 183 days; the day of the promotion itself does not count
      `      - { person: 张晓华, target: 牌楼, start: 2024-03-02, end: 2024-09-30 }
      - { person: 李文静, target: 仙居, start: 2024-03-03, end: 2024-08-31 }`,
    );
    const found = testRule('promotions', f, { asOf: '2024-09-02' });
    expect(found.map((x) => [x.code, x.at, x.message])).toEqual([
      [
        'promotions/short-service',
        locate('roster.yaml', f['roster.yaml'], '2024-09-01, grade: 中级', 'date: '),
        '李文静 was promoted to 中级 on 2024-09-01 after 182 day(s) at 基层 units (182 days at 仙居, 2024-03-03 to 2024-08-31), short of 183 days (晋升前在基层工作至少半年).',
      ],
    ]);
  });

  it('a planned promotion with too little service arranged is a warning; overlapping days count once', () => {
    const f = files(
      `      - { name: 李文静, unit: 荆门市人民医院, promotions: [ { date: 2025-07-01, grade: 中级 } ] }`,
      `      - { person: 李文静, target: 仙居, start: 2025-01-01, end: 2025-03-31 }
      - { person: 李文静, target: 牌楼, start: 2025-03-01, end: 2025-03-31 }`,
    );
    expect(testRule('promotions', f, { asOf: '2024-12-20' }).map((x) => [x.code, x.severity, x.message])).toEqual([
      ['promotions/planned-short', 'warning', '李文静 is to be promoted to 中级 on 2025-07-01; 90 day(s) at 基层 units are arranged before it (90 days at 仙居, 2025-01-01 to 2025-03-31; 31 days at 牌楼, 2025-03-01 to 2025-03-31), 93 short of 183 days (晋升前在基层工作至少半年).'],
    ]);
  });

  it('service at a lead or backbone unit does not count; other grades and other units\' staff are not bound', () => {
    const f = files(
      `      - { name: 甲, unit: 荆门市人民医院, promotions: [ { date: 2024-09-01, grade: 正高 } ] }
      - { name: 乙, unit: 荆门市人民医院, promotions: [ { date: 2024-09-01, grade: 初级 } ] }
      - { name: 丙, unit: 牌楼镇卫生院, promotions: [ { date: 2024-09-01, grade: 中级 } ] }`,
      `      - { person: 甲, target: 荆门市疾控中心, start: 2024-01-01, end: 2024-08-31 }`,
    );
    expect(testRule('promotions', f, { asOf: '2024-10-01' }).map((x) => [x.code, x.message])).toEqual([
      ['promotions/short-service', '甲 was promoted to 正高 on 2024-09-01 after 0 day(s) at 基层 units; no dispatch recorded, short of 183 days (晋升前在基层工作至少半年).'],
    ]);
  });
});
