// One-to-one department pairings (绍兴「总院重点科室与成员单位形成一对一的对接关系，并明确联络人」,
// 务川「重点派出科室与…对接科室形成一对一的扶持关系」): FORMAT.md, "Posts and pairings".
import { describe, expect, it } from 'vitest';
import { locate, testRule } from '../helpers/test-rule.js';

const rule = 'partners';
const alliance = (partners: string, pairing = '') => `
  kind: Alliance
  id: sx
  name: 绍兴市中医院医联体
  type: 医联体
  units:
    - id: sx-tcm
      name: 绍兴市中医院
      role: lead
      departments: [ { name: 针灸推拿科, aliases: [针推] }, 中医内科, 中医妇科 ]
      partners: ${partners}
    - { id: taoyan, name: 越城区陶堰社区卫生服务中心, aliases: [陶堰], role: member, departments: [ 中医科, 全科 ] }
    - { id: fushan, name: 越城区府山社区卫生服务中心, aliases: [府山], role: member }
  ${pairing}
`;

describe(rule, () => {
  it('accepts one department per unit, each with its contact', () => {
    const text = alliance('[ { department: 针灸推拿科, partner: 陶堰, contact: 张三 }, { department: 中医内科, partner: 府山, contact: 李四 } ]', 'pairing: { each: unit, contact: true }');
    expect(testRule(rule, text)).toEqual([]);
  });

  it('reports a department paired twice, and a unit paired twice, at the second pairing', () => {
    const text = alliance('[ { department: 针灸推拿科, partner: 陶堰 }, { department: 针推, partner: 府山 }, { department: 中医妇科, partner: taoyan } ]');
    expect(testRule(rule, text)).toEqual([
      { code: 'partners/twice', severity: 'error', at: locate('a.yaml', text, '针推', 'department: '), message: 'Pairings are one-to-one: 针灸推拿科 of 绍兴市中医院 is already paired with 越城区陶堰社区卫生服务中心, and is paired again here.' },
      { code: 'partners/twice', severity: 'error', at: locate('a.yaml', text, 'taoyan }'), message: 'Pairings are one-to-one: 越城区陶堰社区卫生服务中心 is already paired with 针灸推拿科 of 绍兴市中医院, and is paired again here.' },
    ]);
  });

  it('department to department: two departments of one unit may pair with two of the other', () => {
    const text = alliance('[ { department: 针灸推拿科, partner: 陶堰, partnerDepartment: 中医科 }, { department: 中医内科, partner: 陶堰, partnerDepartment: 全科 }, { department: 中医妇科, partner: 陶堰, partnerDepartment: 中医科 } ]');
    expect(testRule(rule, text).map((f) => [f.code, f.at])).toEqual([['partners/twice', locate('a.yaml', text, '陶堰, partnerDepartment: 中医科 } ]')]]);
  });

  it('names the pairing without a contact, and each unit left unpaired', () => {
    const text = alliance('[ { department: 针灸推拿科, partner: 陶堰 } ]', 'pairing: { each: unit, contact: true }');
    expect(testRule(rule, text)).toEqual([
      { code: 'partners/no-contact', severity: 'warning', at: locate('a.yaml', text, '针灸推拿科, partner'), message: 'The pairing of 针灸推拿科 (绍兴市中医院) with 陶堰 names no contact.' },
      { code: 'partners/unpaired', severity: 'warning', at: locate('a.yaml', text, 'unit, contact: true', 'each: '), message: 'No one-to-one pairing yet for 越城区府山社区卫生服务中心.' },
    ]);
  });

  it('checks the departments and the unit a pairing names', () => {
    const text = alliance('[ { department: 骨伤科, partner: 陶堰, partnerDepartment: 内科 }, { department: 中医内科, partner: 福山 } ]', 'pairing: { each: { units: [斗门] } }');
    expect(testRule(rule, text).map((f) => [f.code, f.at])).toEqual([
      ['references/unknown', locate('a.yaml', text, '骨伤科')],
      ['references/unknown', locate('a.yaml', text, '内科 }')],
      ['references/unknown', locate('a.yaml', text, '福山')],
      ['references/unknown', locate('a.yaml', text, '斗门')],
    ]);
  });
});
