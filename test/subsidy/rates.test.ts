// rateFor (money/subsidy-rates.ts): which rate pays an activity for a grade, decided on its own
// now that computeSubsidy is split. The precedence is FORMAT.md's: a rate for the grade beats one
// without a grade, the first listed wins a tie; `listed` tells "no rate for this grade" (unknown
// grade, subsidy/unknown-grade) from "no rate for this activity" (subsidy/no-rate).
import { describe, expect, it } from 'vitest';
import { rateFor } from '../../src/money/subsidy-rates.js';
import { POLICY, policy } from './helpers.js';

describe('rateFor', () => {
  it('a rate for the grade beats one without a grade, whatever the order', () => {
    expect(rateFor(POLICY, '讲座', '正高')).toMatchObject({ rate: { i: 2, r: { amount: 500 } }, listed: 2 });
    const reversed = policy({ ...POLICY, rates: [...POLICY.rates].reverse() });
    expect(rateFor(reversed, '讲座', '正高').rate?.r.amount).toBe(500);
  });

  it('another grade, or an unknown one, takes the rate without a grade', () => {
    expect(rateFor(POLICY, '讲座', '中级').rate?.r.amount).toBe(100);
    expect(rateFor(POLICY, '讲座', undefined).rate?.r.amount).toBe(100);
  });

  it('graded rates only: none for another or an unknown grade, but the activity is listed', () => {
    expect(rateFor(POLICY, '查房', '中级')).toEqual({ listed: 2 });
    expect(rateFor(POLICY, '查房', undefined)).toEqual({ listed: 2 });
  });

  it('an activity no rate lists: nothing listed', () => {
    expect(rateFor(POLICY, '带教', '正高')).toEqual({ listed: 0 });
  });

  it('of two rates for the same grade, the first listed wins', () => {
    const twice = policy({
      ...POLICY,
      rates: [
        { activities: ['门诊'], grade: '副高', amount: 200, per: 'halfDay', payer: 'host' },
        { activities: ['门诊', '查房'], grade: '副高', amount: 180, per: 'halfDay', payer: 'host' },
      ],
    });
    expect(rateFor(twice, '门诊', '副高')).toMatchObject({ rate: { i: 0, r: { amount: 200 } }, listed: 2 });
  });
});
