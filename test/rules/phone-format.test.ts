import { describe, expect, it } from 'vitest';
import { isValidPhone } from '../../src/rules/phone-format.js';
import { ALLIANCE, locate, testRule } from '../helpers/test-rule.js';

const rule = 'phone-format';
const roster = (phone: string) => `
  kind: Roster
  people:
    - { name: 刘鹏飞, unit: gs-rmyy, phone: ${phone} }
`;

describe(rule, () => {
  it('accepts mobiles and landlines with area code, quoted or as plain numbers', () => {
    for (const p of ['"13800000001"', '13800000001', '0376-8888888', '03768888888', '"010-12345678"', '"+86 138 0000 0001"', '0376-8888888-123'])
      expect(testRule(rule, { 'alliance.yaml': ALLIANCE, 'roster.yaml': roster(p) }), p).toEqual([]);
  });

  it('reports 12 digits, a landline without area code, and a shortened plain number as typed', () => {
    for (const [p, shown] of [
      ['"138000000012"', '138000000012'],
      ['8888888', '8888888'],
      ['0376888', '0376888'],
      ['"1380000000"', '1380000000'],
    ] as const) {
      const found = testRule(rule, { 'alliance.yaml': ALLIANCE, 'roster.yaml': roster(p) });
      expect(found, p).toMatchObject([{ code: 'phone-format/invalid', severity: 'error', at: locate('roster.yaml', roster(p), p, 'phone: ') }]);
      expect(found[0]!.message).toBe(`Phone "${shown}" of 刘鹏飞 is not a valid mobile or landline number.`);
    }
  });

  it('checks group members too', () => {
    const alliance = ALLIANCE + '  groups:\n    - { id: o, name: 办公室, type: office, members: [ { name: 李四, role: 主任, phone: 12345 } ] }\n';
    expect(testRule(rule, alliance)).toMatchObject([{ code: 'phone-format/invalid', at: locate('a.yaml', alliance, '12345') }]);
  });

  it('isValidPhone', () => {
    expect(isValidPhone('19912345678')).toBe(true);
    expect(isValidPhone('12912345678')).toBe(false);
    expect(isValidPhone('0376-888888')).toBe(false);
  });
});
