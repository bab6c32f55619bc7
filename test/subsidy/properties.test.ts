// DESIGN.md, Quality bars on money: per-payer sheets sum to the grand total exactly, and
// splitting a month into days never changes the total.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ActivityEntry } from '../../src/model/kinds.js';
import { sumFen } from '../../src/money/fen.js';
import { compute, entry, policy, POLICY } from './helpers.js';

const PEOPLE = ['张正高', '李副高', '王中级', '赵执业', '无名氏'];
const UNITS = ['甲镇', '乙镇', '县人民医院'];
const TYPES = ['门诊', '查房', '会诊', '讲座', '带教', '手术示教', '培训'];

const entryArb = fc
  .record({
    day: fc.integer({ min: 1, max: 30 }),
    person: fc.constantFrom(...PEOPLE),
    unit: fc.constantFrom(...UNITS),
    type: fc.constantFrom(...TYPES),
    halfDays: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
  })
  .map((e) => entry(`2021-06-${String(e.day).padStart(2, '0')}`, e.person, e.unit, e.type, e.halfDays));
const logArb = fc.array(entryArb, { maxLength: 60 });

// Odd amounts (¥0.01, ¥12.35, ¥33.33) so that float sums would drift.
const ODD = policy({
  ...POLICY,
  id: 'odd',
  rates: [
    { activities: ['门诊', '查房'], grade: '正高', amount: 33.33, per: 'halfDay', payer: 'host' },
    { activities: ['门诊', '查房', '会诊'], amount: 0.01, per: 'halfDay', payer: 'host' },
    { activities: ['讲座'], amount: 12.35, per: 'session', payer: 'lead' },
    { activities: ['手术示教'], amount: 0.1, per: 'day', payer: 'host' },
  ],
  allowances: [
    { name: '交通补贴', amount: 0.7, per: 'trip', payer: 'lead' },
    { name: '误餐补贴', amount: 0.2, per: 'halfDay', payer: 'host', activities: ['门诊'] },
  ],
});
// A second policy from mid-month: the split must hold across a change of policy too.
const LATER = policy({ ...ODD, id: 'later', effective: '2021-06-16', rates: [{ activities: ['门诊'], amount: 0.03, per: 'halfDay', payer: 'lead' }] });
const POLICIES = [ODD, LATER];

const run = (entries: ActivityEntry[]) => compute(entries, { policies: POLICIES });

describe('subsidy money properties', () => {
  it('per-payer totals sum to the grand total exactly; rows to their payer; details to the grand total', () => {
    fc.assert(
      fc.property(logArb, (log) => {
        const r = run(log);
        expect(sumFen(r.payers.map((p) => p.totalFen))).toBe(r.grandTotalFen);
        for (const p of r.payers) {
          expect(sumFen(p.rows.map((x) => x.totalFen))).toBe(p.totalFen);
          expect(sumFen(p.itemTotals.map((x) => x.amountFen))).toBe(p.totalFen);
          for (const row of p.rows) expect(sumFen(row.items.map((i) => i.amountFen))).toBe(row.totalFen);
        }
        expect(sumFen(r.itemTotals.map((x) => x.amountFen))).toBe(r.grandTotalFen);
        expect(sumFen(r.details.map((d) => d.amountFen))).toBe(r.grandTotalFen);
        // every in-month entry is accounted for: counted in some charge or listed as uncounted
        expect(r.details.filter((d) => !d.counted).every((d) => d.amountFen === 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('splitting a month into days (each day computed alone) never changes any total', () => {
    fc.assert(
      fc.property(logArb, (log) => {
        const whole = run(log);
        const days = [...new Set(log.map((e) => e.date))];
        const parts = days.map((d) => run(log.filter((e) => e.date === d)));
        expect(sumFen(parts.map((p) => p.grandTotalFen))).toBe(whole.grandTotalFen);
        // per payer too
        const byPayer = new Map<string, number>();
        for (const p of parts) for (const x of p.payers) byPayer.set(x.payer.name, (byPayer.get(x.payer.name) ?? 0) + x.totalFen);
        expect(Object.fromEntries(byPayer)).toEqual(Object.fromEntries(whole.payers.map((x) => [x.payer.name, x.totalFen])));
      }),
      { numRuns: 300 },
    );
  });

  it('the order of the log does not matter (without caps)', () => {
    fc.assert(
      fc.property(logArb.chain((log) => fc.tuple(fc.constant(log), fc.shuffledSubarray(log, { minLength: log.length, maxLength: log.length }))), ([log, shuffled]) => {
        const a = run(log);
        const b = run(shuffled);
        expect(b.grandTotalFen).toBe(a.grandTotalFen);
        expect(b.payers.map((p) => [p.payer.name, p.totalFen])).toEqual(a.payers.map((p) => [p.payer.name, p.totalFen]));
      }),
      { numRuns: 200 },
    );
  });

  it('a personMonth cap is never exceeded, and only the fee of a capped person changes', () => {
    const capped = POLICIES.map((p) => policy({ ...p, caps: [{ per: 'personMonth', max: 100 }] }));
    fc.assert(
      fc.property(logArb, (log) => {
        const free = compute(log, { policies: POLICIES });
        const r = compute(log, { policies: capped });
        const fees = new Map<string, number>();
        for (const d of r.details) if (d.item === '劳务费') fees.set(d.person, (fees.get(d.person) ?? 0) + d.amountFen);
        for (const f of fees.values()) expect(f).toBeLessThanOrEqual(10000);
        expect(sumFen(r.payers.map((p) => p.totalFen))).toBe(r.grandTotalFen);
        const allowance = (x: typeof r) => sumFen(x.details.filter((d) => d.item !== '劳务费').map((d) => d.amountFen));
        expect(allowance(r)).toBe(allowance(free));
      }),
      { numRuns: 200 },
    );
  });
});
