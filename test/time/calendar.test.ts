import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BUILTIN_YEARS,
  CalendarConflictError,
  CalendarGapError,
  WorkCalendar,
} from '../../src/time/calendar.js';
import { addDays, weekday } from '../../src/time/dates.js';

// holiday-cn is an independent copy of the State Council notices (MIT), vendored under
// test/fixtures/holiday-cn/ so the suite needs nothing outside the repository.
const HOLIDAY_CN = new URL('../fixtures/holiday-cn/', import.meta.url);

interface HolidayCnDay {
  name: string;
  date: string;
  isOffDay: boolean;
}

const official = readdirSync(HOLIDAY_CN)
  .filter((f) => /^\d{4}\.json$/.test(f))
  .sort()
  .map((f) => ({ file: f, days: (JSON.parse(readFileSync(new URL(f, HOLIDAY_CN), 'utf8')) as { days: HolidayCnDay[] }).days }));

const cal = new WorkCalendar();

describe('built-in calendar against holiday-cn', () => {
  it('has the 2007–2026 files to compare with', () => {
    expect(official.map((o) => o.file)).toContain('2007.json');
    expect(official.map((o) => o.file)).toContain('2026.json');
  });

  it.each(official)('every day listed in $file agrees', ({ days }) => {
    expect(days.length).toBeGreaterThan(0);
    const wrong = days.filter((d) => cal.isWorkday(d.date) === d.isOffDay).map((d) => `${d.date} ${d.name}`);
    expect(wrong).toEqual([]);
  });

  it('days that holiday-cn does not list follow the weekday', () => {
    const listed = new Set(official.flatMap((o) => o.days.map((d) => d.date)));
    for (let d = '2007-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
      if (listed.has(d)) continue;
      const wd = weekday(d);
      if (cal.isWorkday(d) !== (wd !== 0 && wd !== 6)) expect.fail(`${d} disagrees with the weekday`);
    }
  });
});

describe('WorkCalendar', () => {
  it('knows ordinary weekdays, weekends, holidays and 调休 workdays', () => {
    expect(cal.isWorkday('2021-06-03')).toBe(true); // Thursday
    expect(cal.isWorkday('2021-06-05')).toBe(false); // Saturday
    expect(cal.isWorkday('2021-06-14')).toBe(false); // 端午节, a Monday
    expect(cal.isWorkday('2021-09-18')).toBe(true); // 调休 Saturday before 中秋
    expect(cal.isWorkday('2021-10-01')).toBe(false); // 国庆
  });

  it('counts and lists working days inclusively', () => {
    // June 2021: 22 weekdays, minus 端午 (Mon 14th) = 21
    expect(cal.workdaysBetween('2021-06-01', '2021-06-30')).toBe(21);
    expect(cal.listWorkdays('2021-06-01', '2021-06-30')).toHaveLength(21);
    expect(cal.listWorkdays('2021-06-12', '2021-06-15')).toEqual(['2021-06-15']);
    expect(cal.workdaysBetween('2021-06-03', '2021-06-03')).toBe(1);
    expect(cal.workdaysBetween('2021-06-04', '2021-06-03')).toBe(0);
    // October 2021: 21 weekdays, 国庆 takes Fri 1st and Mon 4th–Thu 7th, 调休 Sat 9th is worked → 17
    expect(cal.workdaysBetween('2021-10-01', '2021-10-31')).toBe(17);
  });

  it('agrees between isWorkday, workdaysBetween and listWorkdays across years', () => {
    let n = 0;
    for (let d = '2019-11-01'; d <= '2021-02-28'; d = addDays(d, 1)) if (cal.isWorkday(d)) n++;
    expect(cal.workdaysBetween('2019-11-01', '2021-02-28')).toBe(n);
    expect(cal.listWorkdays('2019-11-01', '2021-02-28')).toHaveLength(n);
  });

  it('covers 2004–2026 from chinese-days', () => {
    expect(BUILTIN_YEARS[0]).toBe(2004);
    expect(BUILTIN_YEARS.at(-1)).toBeGreaterThanOrEqual(2026);
    expect(cal.coveredYears).toEqual(BUILTIN_YEARS);
  });

  it('lets overrides win', () => {
    const local = new WorkCalendar({ holidays: ['2021-06-15'], workdays: ['2021-06-14', '2021-06-19'] });
    expect(local.isWorkday('2021-06-15')).toBe(false);
    expect(local.isWorkday('2021-06-14')).toBe(true);
    expect(local.isWorkday('2021-06-19')).toBe(true);
    expect(local.workdaysBetween('2021-06-01', '2021-06-30')).toBe(22);
    expect(cal.isWorkday('2021-06-15')).toBe(true); // the default calendar is untouched
  });

  it('refuses a date listed both ways', () => {
    expect(() => new WorkCalendar({ holidays: ['2021-06-15'], workdays: ['2021-06-15'] })).toThrow(CalendarConflictError);
  });

  it('refuses malformed dates', () => {
    expect(() => cal.isWorkday('2021-6-3')).toThrow(RangeError);
    expect(() => cal.isWorkday('2021-02-30')).toThrow(RangeError);
  });
});

describe('calendar gaps are errors, never guesses', () => {
  const gap = (f: () => unknown): CalendarGapError => {
    try {
      f();
    } catch (e) {
      if (e instanceof CalendarGapError) return e;
      throw e;
    }
    throw new Error('expected a CalendarGapError');
  };

  it('2027 and 2003 are not covered', () => {
    expect(gap(() => cal.isWorkday('2027-03-03')).year).toBe(2027);
    expect(gap(() => cal.isWorkday('2003-03-03')).year).toBe(2003);
    expect(gap(() => cal.workdaysBetween('2026-12-01', '2027-01-31')).year).toBe(2027);
    expect(gap(() => cal.listWorkdays('2003-12-01', '2004-01-31')).year).toBe(2003);
    expect(cal.covers(2027)).toBe(false);
  });

  it('checkCovered reports every missing year for a diagnostic', () => {
    expect(cal.checkCovered('2001-05-01', '2005-01-01')).toEqual([2001, 2002, 2003]);
    expect(cal.checkCovered('2020-01-01', '2026-12-31')).toEqual([]);
    expect(cal.checkCovered('2026-06-01', '2028-01-01')).toEqual([2027, 2028]);
  });

  it('a Calendar that vouches for a year fills the gap', () => {
    const c = new WorkCalendar({ years: [2027], holidays: ['2027-01-01'], workdays: ['2027-01-09'] });
    expect(c.isWorkday('2027-01-01')).toBe(false); // a Friday, declared off
    expect(c.isWorkday('2027-01-04')).toBe(true); // Monday
    expect(c.isWorkday('2027-01-09')).toBe(true); // Saturday, declared worked
    expect(c.isWorkday('2027-01-10')).toBe(false); // Sunday
    expect(c.workdaysBetween('2026-12-28', '2027-01-10')).toBe(4 + 1 + 4 + 1);
    expect(c.coveredYears.at(-1)).toBe(2027);
    expect(gap(() => c.isWorkday('2028-01-03')).year).toBe(2028);
  });

  it('override dates in an unvouched year answer only themselves', () => {
    const c = new WorkCalendar({ holidays: ['2027-06-14'] });
    expect(c.isWorkday('2027-06-14')).toBe(false);
    expect(gap(() => c.isWorkday('2027-06-15')).year).toBe(2027);
    expect(gap(() => c.workdaysBetween('2027-06-14', '2027-06-14')).year).toBe(2027);
  });
});
