// Shares of facilities that are not member units (荆门「100%的社区卫生服务站、80%的村卫生室能规范熟练
// 开展4类6项以上中医药适宜技术服务」): facilities listed under units, a Quotas `facilities:` target.
import { describe, expect, it } from 'vitest';
import { locate, testRule } from '../helpers/test-rule.js';

const alliance = (clinics: string) => `
  kind: Alliance
  id: jm
  name: 荆门医疗集团
  type: 城市医疗集团
  units:
    - { id: rmyy, name: 荆门市人民医院, role: lead }
    - { id: pailou, name: 牌楼镇卫生院, role: member, level: township,
        facilities: [ ${clinics} ] }
`;
const quotas = (by = '') => `
  kind: Quotas
  alliance: jm
  facilities:
    - { id: village, text: 80%的村卫生室能开展4类6项, kind: 村卫生室, where: { tcmCategories: 4, tcmTechniques: 6 }, min: 4/5${by} }
    - { id: stations, text: 100%的社区卫生服务站能开展4类6项, kind: 社区卫生服务站, where: { tcmCategories: 4, tcmTechniques: 6 }, min: 1 }
`;
const c = (name: string, cat?: number, tech?: number) =>
  `{ name: ${name}, kind: 村卫生室${cat !== undefined ? `, tcmCategories: ${cat}` : ''}${tech !== undefined ? `, tcmTechniques: ${tech}` : ''} }`;

describe('facilities', () => {
  it('4 of 5 meet 4/5 exactly: met; nothing listed of a kind is a warning that it cannot be checked', () => {
    const files = { 'alliance.yaml': alliance([c('甲', 4, 6), c('乙', 5, 7), c('丙', 4, 9), c('丁', 6, 6), c('戊', 3, 8)].join(', ')), 'quotas.yaml': quotas() };
    expect(testRule('facilities', files, { asOf: '2024-12-31' }).map((f) => [f.code, f.severity, f.at])).toEqual([
      ['facilities/none', 'warning', locate('quotas.yaml', files['quotas.yaml'], '社区卫生服务站', 'kind: ')],
    ]);
  });

  it('3 of 5 is below 80%: names who falls short and who has no figures; an error once by: has passed', () => {
    const files = { 'alliance.yaml': alliance([c('甲', 4, 6), c('乙', 5, 7), c('丙', 3, 9), c('丁'), c('戊', 4, 6)].join(', ')), 'quotas.yaml': quotas(', by: 2024-12-31') };
    const before = testRule('facilities', files, { asOf: '2024-12-31' }).filter((f) => f.code === 'facilities/below');
    expect(before.map((f) => [f.severity, f.message])).toEqual([
      ['warning', '"80%的村卫生室能开展4类6项": 3 of 5 村卫生室 meet it (60.0%), 80.0% required; not meeting: 牌楼镇卫生院/丙, 牌楼镇卫生院/丁（无数据）.'],
    ]);
    const after = testRule('facilities', files, { asOf: '2025-01-01' }).filter((f) => f.code === 'facilities/below');
    expect(after.map((f) => [f.severity, f.at])).toEqual([['error', locate('quotas.yaml', files['quotas.yaml'], '4/5', 'min: ')]]);
  });
});
