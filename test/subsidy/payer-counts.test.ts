import { describe, expect, it } from 'vitest';
import { payerCounts, type SubsidyPayer, type SubsidyRow } from '../../src/money/subsidy.js';

const row = (halfDays: number, trips: number, sessions = 0) => ({ halfDays, trips, sessions }) as SubsidyRow;
const payer = (roles: SubsidyPayer['roles'], sessionActivities: string[] = []) =>
  ({ roles, sessionActivities, rows: [row(4, 1), row(3, 2, 1)] }) as unknown as SubsidyPayer;

describe('payerCounts', () => {
  it('a host counts half-days; the dispatching hospital alone counts trips', () => {
    expect(payerCounts(payer(['host'])).map((c) => c.counts)).toEqual(['halfDays']);
    expect(payerCounts(payer(['host', 'lead']))[0]!.total).toBe(7);
    const [lead, ...more] = payerCounts(payer(['lead']));
    expect([lead!.counts, lead!.total, lead!.of(row(9, 5)), more]).toEqual(['trips', 3, 5, []]);
  });

  it('a host that pays per session counts the sessions in a column of their own', () => {
    const cols = payerCounts(payer(['host'], ['讲座']));
    expect(cols.map((c) => [c.counts, c.total])).toEqual([
      ['halfDays', 7],
      ['sessions', 1],
    ]);
  });
});
