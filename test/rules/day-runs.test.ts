// The compact fold (rules/day-runs.ts) answers what the nested Maps it replaced answered: checked
// against a naive walk over the raw entries, comparing dates as ISO strings as the old code did
// (bounds such as 2021-02-30 included).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_TYPES, type ActivityType } from '../../src/model/kinds.js';
import { DayRunsBuilder, dayFrom, dayThrough, typeMask, type DayAgg } from '../../src/rules/day-runs.js';
import { collect, type Interval } from '../../src/rules/quota-measures.js';
import { dayNumber, fromDayNumber, isoDate } from '../../src/time/dates.js';

interface Rec {
  key: number;
  day: number;
  type: number;
  half: number;
}

const KEYS = 4;
const BASE = dayNumber('2020-11-20');
const rec = fc.record({ key: fc.integer({ min: 0, max: KEYS - 1 }), day: fc.integer({ min: BASE, max: BASE + 120 }), type: fc.integer({ min: 0, max: ACTIVITY_TYPES.length - 1 }), half: fc.integer({ min: 1, max: 62 }) });
/** A bound as a plan could write or compute it, sometimes a day the month does not have. */
const bound = fc.oneof(
  fc.integer({ min: BASE - 5, max: BASE + 125 }).map(fromDayNumber),
  fc.tuple(fc.constantFrom([2020, 11], [2020, 12], [2021, 1], [2021, 2], [2021, 3]), fc.constantFrom(0, 28, 29, 30, 31)).map(([[y, m], d]) => isoDate(y!, m!, d)),
);
const interval = fc.tuple(bound, bound);
const types = fc.option(fc.subarray([...ACTIVITY_TYPES], { minLength: 1 }), { nil: undefined });

function build(recs: Rec[]): DayAgg[] {
  const b = new DayRunsBuilder();
  for (let k = 0; k < KEYS; k++) b.newKey();
  for (const r of recs) b.add(r.key, r.day, r.type, r.half);
  return b.build();
}

const inside = (r: Rec, from: string, to: string) => fromDayNumber(r.day) >= from && fromDayNumber(r.day) <= to;

describe('day runs: the compact fold', () => {
  it('bounds keep exactly the days a string comparison kept, for any day-of-month written', () => {
    const bounds: string[] = [];
    for (const y of [2020, 2021]) for (let m = 1; m <= 12; m++) for (const d of [0, 1, 15, 28, 29, 30, 31, 32]) bounds.push(isoDate(y, m, d));
    const wrong: string[] = [];
    for (const b of bounds) {
      const lo = dayFrom(b);
      const hi = dayThrough(b);
      for (let day = dayNumber('2019-12-01'); day <= dayNumber('2022-01-31'); day++) {
        const text = fromDayNumber(day);
        if (day >= lo !== text >= b) wrong.push(`${text} >= ${b}`);
        if (day <= hi !== text <= b) wrong.push(`${text} <= ${b}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('collect counts entries, half-days, dates and "any" exactly as a walk over the entries', () => {
    fc.assert(
      fc.property(fc.array(rec, { maxLength: 200 }), fc.array(interval, { maxLength: 4 }), types, fc.subarray([0, 1, 2, 3]), (recs, intervals, ts, keys) => {
        const aggs = build(recs);
        const wanted = ts ? new Set<ActivityType>(ts) : undefined;
        const got = collect(
          keys.map((k) => aggs[k]!),
          intervals as Interval[],
          wanted,
        );
        const want = { count: 0, half: 0, dates: new Set<string>(), any: false };
        for (const [from, to] of intervals)
          for (const r of recs) {
            if (!keys.includes(r.key) || !inside(r, from, to)) continue;
            want.any = true;
            if (wanted && !wanted.has(ACTIVITY_TYPES[r.type]!)) continue;
            want.count++;
            want.half += r.half;
            want.dates.add(fromDayNumber(r.day));
          }
        expect(got.count).toBe(want.count);
        expect(got.half).toBe(want.half);
        expect(got.any).toBe(want.any);
        expect([...got.dates].sort()).toEqual([...want.dates].sort());
      }),
      { numRuns: 300 },
    );
  });

  it('first, any and per-day counts agree with the entries', () => {
    fc.assert(
      fc.property(fc.array(rec, { maxLength: 200 }), interval, fc.integer({ min: 0, max: KEYS - 1 }), fc.array(fc.constantFrom(...ACTIVITY_TYPES), { minLength: 1, maxLength: 4 }), (recs, [from, to], key, ts) => {
        const agg = build(recs)[key]!;
        const mine = recs.filter((r) => r.key === key && inside(r, from, to));
        const t = ts[0]!;
        const first = mine.filter((r) => ACTIVITY_TYPES[r.type] === t).map((r) => fromDayNumber(r.day)).sort()[0];
        expect(agg.first(typeMask([t]), from, to)).toBe(first);
        expect(agg.any(from, to)).toBe(mine.length > 0);
        const weight: number[] = [];
        for (const x of ts) weight[ACTIVITY_TYPES.indexOf(x)] = (weight[ACTIVITY_TYPES.indexOf(x)] ?? 0) + 1;
        const perDay = new Map<number, number>();
        agg.countDays(weight, from, to, perDay);
        const want = new Map<number, number>();
        for (const r of mine) {
          const w = ts.filter((x) => x === ACTIVITY_TYPES[r.type]).length;
          if (w) want.set(r.day, (want.get(r.day) ?? 0) + w);
        }
        expect(new Map([...perDay].sort((a, b) => a[0] - b[0]))).toEqual(new Map([...want].sort((a, b) => a[0] - b[0])));
      }),
      { numRuns: 300 },
    );
  });

  it('merges one run per key, day and type, in order, with no object per run', () => {
    const aggs = build([
      { key: 1, day: BASE + 2, type: 3, half: 2 },
      { key: 1, day: BASE, type: 5, half: 1 },
      { key: 1, day: BASE + 2, type: 3, half: 62 },
      { key: 0, day: BASE - 800, type: 0, half: 1 },
      { key: 1, day: BASE, type: 1, half: 1 },
    ]);
    const a = aggs[1]!;
    const rows = [];
    for (let i = a.start; i < a.end; i++) rows.push([a.runs.day[i]! - BASE, a.runs.type[i], a.runs.n[i], a.runs.half[i]]);
    expect(rows).toEqual([
      [0, 1, 1, 1],
      [0, 5, 1, 1],
      [2, 3, 2, 64],
    ]);
    expect(aggs[0]!.runs).toBe(a.runs);
    expect(aggs[0]!.first(-1, '1900-01-01', '2100-12-31')).toBe(fromDayNumber(BASE - 800));
    expect(aggs[2]!.start).toBe(aggs[2]!.end);
  });
});
