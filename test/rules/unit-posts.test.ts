// Posts each unit must fill (光山「主导责任科室主任任分包乡镇卫生院第一院长」): FORMAT.md, "Posts and pairings".
import { describe, expect, it } from 'vitest';
import { locate, testRule } from '../helpers/test-rule.js';

const rule = 'unit-posts';
const alliance = (posts: string, zhaihe = '', pohe = '') => `
  kind: Alliance
  id: gs
  name: 光山县医疗服务集团
  type: 医共体
  units:
    - { id: gs-rmyy, name: 光山县人民医院, role: lead, level: county }
    - { id: zhaihe, name: 光山县人民医院寨河镇分院, role: member, level: township, lead: gs-rmyy${zhaihe} }
    - { id: pohe, name: 光山县人民医院泼河镇分院, role: member, level: township, lead: gs-rmyy${pohe} }
    - { id: fyb, name: 光山县妇幼保健院, role: member, level: county, lead: gs-rmyy }
  posts: ${posts}
`;

describe(rule, () => {
  it('accepts every township unit with its 第一院长 named', () => {
    const text = alliance('[ { post: 第一院长, each: { unit: { level: township } } } ]', ', posts: [ { post: 第一院长, name: 刘鹏飞 } ]', ', posts: [ { post: 第一院长, name: 林承福 } ]');
    expect(testRule(rule, text)).toEqual([]);
  });

  it('names each unit whose post nobody holds, at the unit', () => {
    const text = alliance('[ { post: 第一院长, each: { unit: { level: township } } } ]', ', posts: [ { post: 第一院长, name: 刘鹏飞 } ]');
    expect(testRule(rule, text)).toEqual([
      { code: 'unit-posts/empty', severity: 'warning', at: locate('a.yaml', text, '光山县人民医院泼河镇分院', 'name: '), message: '光山县人民医院泼河镇分院 names no holder of the post 第一院长.' },
    ]);
  });

  it('without each, every unit that is not a lead owes the post; a list of units names them', () => {
    const text = alliance('[ { post: 第一责任人 }, { post: 院长, each: { units: [gs-rmyy, 寨和] } } ]', ', posts: [ { post: 第一责任人, name: 寨河分院主要领导 } ]');
    expect(testRule(rule, text).map((f) => [f.code, f.message])).toEqual([
      ['unit-posts/empty', '光山县人民医院泼河镇分院 names no holder of the post 第一责任人.'],
      ['unit-posts/empty', '光山县妇幼保健院 names no holder of the post 第一责任人.'],
      ['references/unknown', expect.stringContaining('寨和')],
      ['unit-posts/empty', '光山县人民医院 names no holder of the post 院长.'],
    ]);
  });

  it('reports a post the Alliance does not declare, with a suggestion', () => {
    const text = alliance('[ { post: 第一院长, each: { units: [zhaihe] } } ]', ', posts: [ { post: 第一院长, name: 刘鹏飞 } ]', ', posts: [ { post: 第一付院长, name: 林承福 } ]');
    expect(testRule(rule, text)).toMatchObject([{ code: 'unit-posts/unknown', severity: 'error', at: locate('a.yaml', text, '第一付院长') }]);
    expect(testRule(rule, text)[0]!.message).toContain('did you mean "第一院长"');
  });
});
