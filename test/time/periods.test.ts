import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/time/dates.js';
import {
  GRID_KINDS,
  cyclePeriod,
  nextPeriod,
  parsePeriodKey,
  periodContains,
  periodLength,
  periodOf,
  periodsBetween,
  previousPeriod,
} from '../../src/time/periods.js';

describe('periodOf', () => {
  it('names each grid period of a date', () => {
    const d = '2022-06-15';
    expect(periodOf('month', d)).toEqual({ kind: 'month', key: '2022-06', start: '2022-06-01', end: '2022-06-30' });
    expect(periodOf('bimonth', d)).toEqual({ kind: 'bimonth', key: '2022-B3', start: '2022-05-01', end: '2022-06-30' });
    expect(periodOf('quarter', d)).toEqual({ kind: 'quarter', key: '2022-Q2', start: '2022-04-01', end: '2022-06-30' });
    expect(periodOf('halfYear', d)).toEqual({ kind: 'halfYear', key: '2022-H1', start: '2022-01-01', end: '2022-06-30' });
    expect(periodOf('year', d)).toEqual({ kind: 'year', key: '2022', start: '2022-01-01', end: '2022-12-31' });
  });
  it('bimonths run B1 = Jan–Feb … B6 = Nov–Dec; February respects leap years', () => {
    expect(periodOf('bimonth', '2024-02-29')).toMatchObject({ key: '2024-B1', end: '2024-02-29' });
    expect(periodOf('bimonth', '2023-12-31')).toMatchObject({ key: '2023-B6', start: '2023-11-01' });
    expect(periodOf('month', '2023-02-01').end).toBe('2023-02-28');
  });
});

describe('periodsBetween', () => {
  it('lists every period overlapping the range', () => {
    expect(periodsBetween('quarter', '2017-05-15', '2018-01-02').map((p) => p.key)).toEqual([
      '2017-Q2', '2017-Q3', '2017-Q4', '2018-Q1',
    ]);
    expect(periodsBetween('month', '2021-05-01', '2021-05-01').map((p) => p.key)).toEqual(['2021-05']);
    expect(periodsBetween('year', '2018-03-01', '2022-02-01')).toHaveLength(5);
    expect(periodsBetween('month', '2021-05-02', '2021-05-01')).toEqual([]);
  });
});

describe('parsePeriodKey', () => {
  it('round-trips every grid key', () => {
    for (const kind of GRID_KINDS) {
      const p = periodOf(kind, '2022-08-09');
      expect(parsePeriodKey(p.key)).toEqual(p);
    }
  });
  it('accepts Chinese and lenient spellings', () => {
    expect(parsePeriodKey('2022年6月')?.key).toBe('2022-06');
    expect(parsePeriodKey('2022-6')?.key).toBe('2022-06');
    expect(parsePeriodKey('２０２２-q3')?.key).toBe('2022-Q3');
    expect(parsePeriodKey('2022年')?.key).toBe('2022');
  });
  it('parses cycles', () => {
    expect(parsePeriodKey('2021-05-01~2022-04-30')).toEqual(cyclePeriod('2021-05-01', '2022-04-30'));
  });
  it('rejects impossible keys', () => {
    for (const k of ['2022-Q5', '2022-H3', '2022-B7', '2022-B0', '2022-13', '22-Q1', 'Q1', '', '2022-05-01~2021-01-01']) {
      expect(parsePeriodKey(k), k).toBeUndefined();
    }
  });
});

describe('next / previous', () => {
  it('cross year boundaries', () => {
    expect(nextPeriod(periodOf('quarter', '2022-11-01')).key).toBe('2023-Q1');
    expect(nextPeriod(periodOf('bimonth', '2022-12-01')).key).toBe('2023-B1');
    expect(previousPeriod(periodOf('month', '2022-01-10')).key).toBe('2021-12');
    expect(nextPeriod(periodOf('year', '2022-01-10')).key).toBe('2023');
  });

  const iso = fc.integer({ min: 0, max: 365 * 60 }).map((n) => addDays('1990-01-01', n));
  it('tile the calendar: next starts the day after, previous undoes next', () => {
    fc.assert(
      fc.property(fc.constantFrom(...GRID_KINDS), iso, (kind, d) => {
        const p = periodOf(kind, d);
        expect(periodContains(p, d)).toBe(true);
        const n = nextPeriod(p);
        expect(n.start).toBe(addDays(p.end, 1));
        expect(previousPeriod(n)).toEqual(p);
        expect(parsePeriodKey(p.key)).toEqual(p);
      }),
    );
  });
});

describe('periodLength', () => {
  it('counts days inclusively', () => {
    expect(periodLength(periodOf('year', '2024-01-01'))).toBe(366);
    expect(periodLength(periodOf('quarter', '2023-01-01'))).toBe(90);
    expect(periodLength(cyclePeriod('2021-05-01', '2022-04-30'))).toBe(365);
  });
});
