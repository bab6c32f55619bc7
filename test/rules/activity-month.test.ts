import { describe, expect, it } from 'vitest';
import { ALLIANCE, testRule } from '../helpers/test-rule.js';

const rule = 'activity-month';
const files = (month: string, entries: string[]) => ({
  'alliance.yaml': ALLIANCE,
  'roster.yaml': 'kind: Roster\npeople: [ { name: 刘鹏飞, unit: gs-rmyy } ]\n',
  'log.yaml': `kind: ActivityLog\n${month}entries:\n${entries.map((e) => `  - ${e}\n`).join('')}`,
});

describe(rule, () => {
  it('accepts entries inside the declared month (either spelling), and any date without month', () => {
    const entries = ['{ date: 2021-06-01, person: 刘鹏飞, unit: 寨河, type: 门诊 }', '{ date: 2021年6月30日, person: 刘鹏飞, unit: 寨河, type: 查房 }'];
    expect(testRule(rule, files('month: 2021年6月\n', entries))).toEqual([]);
    expect(testRule(rule, files('', [...entries, '{ date: 2021-07-01, person: 刘鹏飞, unit: 寨河, type: 门诊 }']))).toEqual([]);
  });

  it('reports an entry outside the declared month, at its date', () => {
    const found = testRule(
      rule,
      files('month: 2021-06\n', ['{ date: 2021-06-03, person: 刘鹏飞, unit: 寨河, type: 门诊 }', '{ date: 2021-07-01, person: 刘鹏飞, unit: 寨河, type: 查房 }']),
    );
    expect(found).toMatchObject([{ code: 'activity-month/outside-month', severity: 'error', at: 'log.yaml:5:13' }]);
    expect(found[0]!.message).toBe("2021-07-01 is not in this log's month 2021-06.");
  });
});
