import { describe, expect, it } from 'vitest';
import { payerCounts, type SubsidyPayer, type SubsidyRow } from '../../src/money/subsidy.js';

const row = (halfDays: number, trips: number) => ({ halfDays, trips }) as SubsidyRow;
const payer = (roles: SubsidyPayer['roles']) => ({ roles, rows: [row(4, 1), row(3, 2)] }) as unknown as SubsidyPayer;

describe('payerCounts', () => {
  it('a host counts half-days; the dispatching hospital alone counts trips', () => {
    expect(payerCounts(payer(['host'])).counts).toBe('halfDays');
    expect(payerCounts(payer(['host', 'lead'])).total).toBe(7);
    const lead = payerCounts(payer(['lead']));
    expect([lead.counts, lead.total, lead.of(row(9, 5))]).toEqual(['trips', 3, 5]);
  });
});
