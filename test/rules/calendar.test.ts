import { describe, expect, it } from 'vitest';
import { locate, testRule } from '../helpers/test-rule.js';

const rule = 'calendar';

describe(rule, () => {
  it('accepts holidays and workdays that do not overlap', () => {
    expect(testRule(rule, 'kind: Calendar\nholidays: [2021-06-18]\nworkdays: [2021-09-18]\n')).toEqual([]);
  });

  it('reports a day listed both as holiday and as workday, at the workday entry, also across documents', () => {
    const one = `
      kind: Calendar
      holidays: [2021-06-18]
      workdays: [2021年6月18日]
    `;
    const found = testRule(rule, one);
    expect(found).toMatchObject([{ code: 'calendar/conflict', severity: 'error', at: locate('a.yaml', one, '2021年6月18日') }]);
    expect(found[0]!.message).toContain('2021-06-18');
    const two = { 'a.yaml': 'kind: Calendar\nholidays: [2021-06-18]\n', 'b.yaml': 'kind: Calendar\nworkdays: [2021-06-18]\n' };
    expect(testRule(rule, two)).toMatchObject([{ code: 'calendar/conflict', at: 'b.yaml:2:12' }]);
  });
});
