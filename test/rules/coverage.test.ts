import { describe, expect, it } from 'vitest';
import { locate, testRule } from '../helpers/test-rule.js';

describe('coverage', () => {
  const region = (extra = '') => ({
    'alliance.yaml': `
      kind: Alliance
      id: a
      name: 区人民医院医联体
      type: 医联体
      units:
        - { id: lead, name: 区人民医院, role: lead }
        - { name: 屏锦中心卫生院, role: member, level: township }
        - { name: 福禄中心卫生院, role: member, level: township, joined: 2018-12-01 }
    `,
    'region.yaml': `
      kind: Region
      name: 梁平区
      coverage: { by: 2018-10-31, levels: [township] }
      units:
        - { name: 屏锦中心卫生院, level: township }
        - { name: 福禄中心卫生院, level: township }
        - { name: 某村卫生室, level: village }
${extra}`,
  });
  it('a unit that joined after the coverage date, or never, is uncovered once the date passed', () => {
    const files = region();
    const found = testRule('coverage', files, { asOf: '2018-11-01' });
    expect(found.map((f) => [f.code, f.at])).toEqual([['coverage/uncovered', locate('region.yaml', files['region.yaml'], '福禄中心卫生院')]]);
  });
  it('before the date it is a warning within the window, nothing earlier', () => {
    expect(testRule('coverage', region(), { asOf: '2018-10-25', withinDays: 14 }).map((f) => f.code)).toEqual(['coverage/pending']);
    expect(testRule('coverage', region(), { asOf: '2018-01-01', withinDays: 14 })).toEqual([]);
  });
});
