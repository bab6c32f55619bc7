import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysInMonth, endOfMonth } from '../../src/time/dates.js';
import {
  type DatedDue,
  type DueSpec,
  type RecurringDue,
  isDated,
  occurrencePeriods,
  parseDue,
  parseSmallNumber,
  parseYears,
  resolveDue,
} from '../../src/time/due.js';
import { MONTHS_PER, type GridKind } from '../../src/time/periods.js';

/** Parse and resolve in one go; fails the test when the expression is not a dated one. */
function due(text: string, year = 2017) {
  const spec = parseDue(text);
  if (spec.kind === 'error' || !isDated(spec)) throw new Error(`${text}: ${JSON.stringify(spec)}`);
  return resolveDue(spec, year);
}

function recurring(text: string): RecurringDue {
  const spec = parseDue(text);
  if (spec.kind !== 'recurring') throw new Error(`${text}: ${JSON.stringify(spec)}`);
  return spec;
}

describe('expressions from the seed work plans', () => {
  it('4月底', () => expect(due('4月底')).toEqual({ deadline: '2017-04-30' }));
  it('年底', () => expect(due('年底')).toEqual({ deadline: '2017-12-31' }));
  it('全年 is ongoing and closes 31 Dec', () =>
    expect(due('全年')).toEqual({ deadline: '2017-12-31', windowStart: '2017-01-01', ongoing: true }));
  it('6月底', () => expect(due('6月底')).toEqual({ deadline: '2017-06-30' }));
  it('5月底', () => expect(due('5月底')).toEqual({ deadline: '2017-05-31' }));
  it('每季度 with first 5月底 starts in Q2', () => {
    const first = due('5月底').deadline;
    const keys = occurrencePeriods(recurring('每季度'), { from: '2017-01-01', to: '2017-12-31', first }).map((p) => p.key);
    expect(keys).toEqual(['2017-Q2', '2017-Q3', '2017-Q4']);
  });
  it('7月 is the whole month', () => expect(due('7月')).toEqual({ deadline: '2017-07-31', windowStart: '2017-07-01' }));
  it('8月下旬', () => expect(due('8月下旬')).toEqual({ deadline: '2017-08-31', windowStart: '2017-08-21' }));
  it('9月', () => expect(due('9月')).toEqual({ deadline: '2017-09-30', windowStart: '2017-09-01' }));
  it('12月底', () => expect(due('12月底')).toEqual({ deadline: '2017-12-31' }));
  it('每年3月和9月 yields months 03 and 09 of each year', () => {
    const spec = recurring('每年3月和9月');
    expect(spec).toEqual({ kind: 'recurring', per: 'months', months: [3, 9] });
    const keys = occurrencePeriods(spec, { from: '2018-01-01', to: '2022-12-31' }).map((p) => p.key);
    expect(keys).toEqual([2018, 2019, 2020, 2021, 2022].flatMap((y) => [`${y}-03`, `${y}-09`]));
  });
  it('年终', () => expect(due('年终', 2019)).toEqual({ deadline: '2019-12-31' }));
  it('择时实施 has no deadline', () => expect(parseDue('择时实施')).toEqual({ kind: 'open' }));
});

describe('other accepted forms', () => {
  it('每两月', () => expect(parseDue('每两月')).toEqual({ kind: 'recurring', per: 'bimonth' }));
  it('每半年', () => expect(parseDue('每半年')).toEqual({ kind: 'recurring', per: 'halfYear' }));
  it('每年 and 每年一次', () => {
    expect(parseDue('每年')).toEqual({ kind: 'recurring', per: 'year' });
    expect(parseDue('每年一次')).toEqual({ kind: 'recurring', per: 'year' });
  });
  it('每月, 每季度, 一季度一次', () => {
    expect(parseDue('每月')).toEqual({ kind: 'recurring', per: 'month' });
    expect(parseDue('每季度')).toEqual({ kind: 'recurring', per: 'quarter' });
    expect(parseDue('一季度一次')).toEqual({ kind: 'recurring', per: 'quarter' });
    expect(parseDue('每季度末')).toEqual({ kind: 'recurring', per: 'quarter' });
    expect(parseDue('每年底')).toEqual({ kind: 'recurring', per: 'months', months: [12] });
  });
  it('每年3月、9月 and 每年3、9月', () => {
    expect(recurring('每年3月、9月')).toEqual({ kind: 'recurring', per: 'months', months: [3, 9] });
    expect(recurring('每年3、9月')).toEqual({ kind: 'recurring', per: 'months', months: [3, 9] });
    expect(recurring('每年十二月')).toEqual({ kind: 'recurring', per: 'months', months: [12] });
  });
  it('上半年 / 下半年', () => {
    expect(due('上半年')).toEqual({ deadline: '2017-06-30', windowStart: '2017-01-01' });
    expect(due('下半年')).toEqual({ deadline: '2017-12-31', windowStart: '2017-07-01' });
  });
  it('第三季度 and its spellings', () => {
    for (const q of ['第三季度', '三季度', '第3季度', 'Q3', 'q3']) {
      expect(due(q), q).toEqual({ deadline: '2017-09-30', windowStart: '2017-07-01' });
    }
    expect(due('一季度').deadline).toBe('2017-03-31');
    expect(due('第四季度').deadline).toBe('2017-12-31');
  });
  it('４月底 in full-width digits, with spaces', () => {
    expect(due('４月底')).toEqual({ deadline: '2017-04-30' });
    expect(due(' 4 月 底 ')).toEqual({ deadline: '2017-04-30' });
  });
  it('2017年5月15日 and ISO dates ignore the context year', () => {
    expect(parseDue('2017年5月15日')).toEqual({ kind: 'date', date: '2017-05-15' });
    expect(due('2017-05-15', 2030)).toEqual({ deadline: '2017-05-15' });
  });
  it('a year in front pins any form', () => {
    expect(parseDue('2018年6月底')).toEqual({ kind: 'date', date: '2018-06-30' });
    expect(parseDue('2018年底')).toEqual({ kind: 'date', date: '2018-12-31' });
    expect(parseDue('2018年第三季度')).toEqual({ kind: 'date', date: '2018-09-30', windowStart: '2018-07-01' });
    expect(parseDue('2018年6月')).toEqual({ kind: 'date', date: '2018-06-30', windowStart: '2018-06-01' });
  });
  it('N月末, N月份, 上旬, 中旬, Chinese numerals, 前', () => {
    expect(due('4月末')).toEqual({ deadline: '2017-04-30' });
    expect(due('4月份').deadline).toBe('2017-04-30');
    expect(due('十二月底').deadline).toBe('2017-12-31');
    expect(due('3月上旬')).toEqual({ deadline: '2017-03-10', windowStart: '2017-03-01' });
    expect(due('3月中旬')).toEqual({ deadline: '2017-03-20', windowStart: '2017-03-11' });
    expect(due('6月底前')).toEqual({ deadline: '2017-06-30' });
    expect(due('年末').deadline).toBe('2017-12-31');
  });
  it('N月D日', () => {
    expect(parseDue('5月15日')).toEqual({ kind: 'yearly', month: 5, day: 15 });
    expect(due('5月15日')).toEqual({ deadline: '2017-05-15' });
    expect(due('五月十五日')).toEqual({ deadline: '2017-05-15' });
  });
  it('2月29日 moves to 28 Feb in a common year and says so', () => {
    expect(due('2月29日', 2020)).toEqual({ deadline: '2020-02-29' });
    expect(due('2月29日', 2021)).toEqual({ deadline: '2021-02-28', clamped: true });
  });
  it('择时, 待定, 长期', () => {
    for (const s of ['择时', '待定', '长期']) expect(parseDue(s)).toEqual({ kind: 'open' });
  });
});

describe('errors', () => {
  const err = (text: string) => {
    const r = parseDue(text);
    if (r.kind !== 'error') throw new Error(`${text} parsed as ${JSON.stringify(r)}`);
    expect(r.accepted.zh).toContain('每年3月和9月');
    expect(r.accepted.en).toContain('Accepted');
    expect(r.message.zh.length).toBeGreaterThan(0);
    expect(r.message.en.length).toBeGreaterThan(0);
    return r;
  };
  it('13月底', () => expect(err('13月底').code).toBe('due/invalid-date'));
  it('2月30日', () => expect(err('2月30日').code).toBe('due/invalid-date'));
  it('2017年2月30日', () => expect(err('2017年2月30日').code).toBe('due/invalid-date'));
  it('2017年2月29日 (not a leap year)', () => expect(err('2017年2月29日').code).toBe('due/invalid-date'));
  it('每三天', () => expect(err('每三天').code).toBe('due/unknown'));
  it('每年3月或9月 (either, not both: ambiguous)', () => expect(err('每年3月或9月').code).toBe('due/unknown'));
  it('empty', () => {
    expect(err('').code).toBe('due/empty');
    expect(err('  ').code).toBe('due/empty');
  });
  it('nonsense never throws', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseDue(s);
        expect(['date', 'yearly', 'open', 'recurring', 'error']).toContain(r.kind);
      }),
    );
  });
});

describe('years ranges', () => {
  it.each(['2018-2022', '2018—2022', '2018至2022', '2018年-2022年', '2018 - 2022', '2018~2022'])('%s', (s) =>
    expect(parseYears(s)).toEqual({ kind: 'years', from: 2018, to: 2022 }),
  );
  it('a single year', () => expect(parseYears(2018)).toEqual({ kind: 'years', from: 2018, to: 2018 }));
  it('backwards or garbage', () => {
    expect(parseYears('2022-2018').kind).toBe('error');
    expect(parseYears('18-22').kind).toBe('error');
  });
});

describe('numerals', () => {
  it.each([
    ['一', 1], ['九', 9], ['十', 10], ['十二', 12], ['二十', 20], ['二十一', 21], ['三十一', 31], ['05', 5],
  ] as const)('%s = %d', (s, n) => expect(parseSmallNumber(s)).toBe(n));
  it('rejects non-numerals', () => {
    for (const s of ['', '十十', '三五', 'x']) expect(parseSmallNumber(s)).toBeUndefined();
  });
});

// ---------------------------------------------------------------- properties

const CN_MONTHS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const year = fc.integer({ min: 1950, max: 2090 });
const month = fc.integer({ min: 1, max: 12 });

/** Every year-relative expression the parser accepts, generated. */
const yearlyExpr = fc.oneof(
  fc.constantFrom('全年', '年底', '年末', '年终', '上半年', '下半年', '第一季度', '二季度', 'Q3', '第4季度'),
  fc.tuple(month, fc.constantFrom('月', '月底', '月末', '月份', '月上旬', '月中旬', '月下旬', '月底前')).map(([m, s]) => `${m}${s}`),
  fc.tuple(month, fc.constantFrom('月', '月底', '月下旬')).map(([m, s]) => `${CN_MONTHS[m - 1]}${s}`),
  fc.tuple(month, fc.integer({ min: 1, max: 31 })).map(([m, d]) => `${m}月${Math.min(d, daysInMonth(2000, m))}日`),
);

describe('properties', () => {
  it('every resolved deadline lies in its context year, after its window start', () => {
    fc.assert(
      fc.property(yearlyExpr, year, (text, y) => {
        const spec = parseDue(text) as DueSpec;
        expect(spec.kind, text).toBe('yearly');
        const r = resolveDue(spec as DatedDue, y);
        expect(r.deadline.slice(0, 4)).toBe(String(y));
        if (r.windowStart) {
          expect(r.windowStart.slice(0, 4)).toBe(String(y));
          expect(r.windowStart <= r.deadline).toBe(true);
        }
      }),
    );
  });

  it('上旬 < 中旬 < 下旬 within any month, and 下旬 is 月底', () => {
    fc.assert(
      fc.property(month, year, (m, y) => {
        const [a, b, c] = ['上旬', '中旬', '下旬'].map((x) => due(`${m}月${x}`, y).deadline);
        expect(a! < b! && b! < c!).toBe(true);
        expect(c).toBe(due(`${m}月底`, y).deadline);
        expect(c).toBe(endOfMonth(y, m));
      }),
    );
  });

  const RECURRENCES: Record<GridKind, string> = {
    month: '每月',
    bimonth: '每两月',
    quarter: '每季度',
    halfYear: '每半年',
    year: '每年',
  };
  const isoIn = fc.integer({ min: 0, max: 365 * 40 }).map((n) => addDays('2000-01-01', n));

  it('a recurrence over a range yields exactly its periods: contiguous, disjoint, covering', () => {
    fc.assert(
      fc.property(fc.constantFrom(...(Object.keys(RECURRENCES) as GridKind[])), isoIn, isoIn, (per, a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const ps = occurrencePeriods(recurring(RECURRENCES[per]), { from, to });
        // count = the number of grid periods the range touches
        const idx = (iso: string) => Math.floor((Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1) / MONTHS_PER[per]);
        expect(ps.length).toBe(idx(to) - idx(from) + 1);
        expect(ps[0]!.start <= from && from <= ps[0]!.end).toBe(true);
        expect(ps.at(-1)!.start <= to && to <= ps.at(-1)!.end).toBe(true);
        for (let i = 1; i < ps.length; i++) expect(ps[i]!.start).toBe(addDays(ps[i - 1]!.end, 1));
        expect(new Set(ps.map((p) => p.key)).size).toBe(ps.length);
      }),
    );
  });

  it('每年N月和M月 yields those months of every year in range, and nothing else', () => {
    fc.assert(
      fc.property(fc.uniqueArray(month, { minLength: 1, maxLength: 4 }), year, fc.integer({ min: 0, max: 5 }), (ms, y, span) => {
        const text = `每年${ms.map((m) => `${m}月`).join('和')}`;
        const ps = occurrencePeriods(recurring(text), { from: `${y}-01-01`, to: `${y + span}-12-31` });
        expect(ps.length).toBe(ms.length * (span + 1));
        const sorted = [...ms].sort((a, b) => a - b);
        ps.forEach((p, i) => {
          expect(p.kind).toBe('month');
          expect(Number(p.key.slice(0, 4))).toBe(y + Math.floor(i / ms.length));
          expect(Number(p.key.slice(5))).toBe(sorted[i % ms.length]);
        });
      }),
    );
  });

  it('first: drops exactly the periods before the one containing the first deadline', () => {
    fc.assert(
      fc.property(fc.constantFrom<GridKind>('month', 'bimonth', 'quarter', 'halfYear'), month, (per, m) => {
        const first = endOfMonth(2017, m);
        const ps = occurrencePeriods(recurring(RECURRENCES[per]), { from: '2017-01-01', to: '2017-12-31', first });
        expect(ps[0]!.start <= first && first <= ps[0]!.end).toBe(true);
        expect(ps.at(-1)!.end).toBe('2017-12-31');
      }),
    );
  });
});
