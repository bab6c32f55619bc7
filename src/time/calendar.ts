// The official working-day calendar: the State Council's annual holiday notices (放假安排, with
// their 调休 working weekends) as shipped in chinese-days' data file, plus local Calendar
// documents. Quotas such as "每月不少于4个工作日" are counted against it, so a wrong answer is
// a wrong finding: a date in a year nobody has published a schedule for is an error
// (CalendarGapError), never a weekday guess.
//
// We read chinese-days' JSON rather than call its functions: its isWorkday() parses
// `YYYY-MM-DD` as UTC midnight but reads the weekday in local time, so west of Greenwich every
// answer is a day off; and outside its data it silently falls back to Monday–Friday.

import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { Text } from '../i18n/text.js';
import { dayNumber, fromDayNumber, isValidYmd, parseIso, weekday } from './dates.js';

export interface CalendarOverrides {
  /** Extra days off (local holidays). */
  holidays?: readonly string[];
  /** Extra working days (调休 weekends the built-in data lacks). */
  workdays?: readonly string[];
  /**
   * Years the Calendar document vouches for in full: dates in them are answered from the
   * weekday plus the overrides, even where the built-in data has nothing (e.g. next year's
   * schedule, entered by hand once published).
   */
  years?: readonly number[];
}

/** Asked about a date in a year with no official schedule and no Calendar vouching for it. */
export class CalendarGapError extends Error {
  readonly code = 'calendar/gap';
  /** The Calendar document to add, ready to fill in from the State Council's notice. */
  readonly hint: Text;
  constructor(readonly year: number) {
    super(
      `No official working-day calendar for ${year}: add calendar-${year}.yaml, a Calendar document with ` +
        `\`years: [${year}]\` and that year's holidays and 调休 workdays (template below).`,
    );
    this.name = 'CalendarGapError';
    this.hint = {
      zh: `照国务院办公厅《关于${year}年部分节假日安排的通知》填写，存为 calendar-${year}.yaml：\n${calendarTemplate(year)}`,
      en: `Fill it in from the State Council's notice on the ${year} holidays and save it as calendar-${year}.yaml:\n${calendarTemplate(year)}`,
    };
  }
}

/**
 * The Calendar document for a year the built-in data lacks, as a clerk adds it: the festivals
 * named, the days left to copy from the notice (a guessed date would be a silently wrong count).
 */
export function calendarTemplate(year: number): string {
  return [
    `# calendar-${year}.yaml：${year}年放假安排，照抄国务院办公厅《关于${year}年部分节假日安排的通知》`,
    'kind: Calendar',
    `name: ${year}年放假安排`,
    `years: [${year}]`,
    'holidays:        # 放假的日子，逐日列出（周六、周日不必列）',
    `  - ${year}-01-01   # 元旦`,
    `  # 春节、清明节、劳动节、端午节、中秋节、国庆节：按通知逐日填写，如 - ${year}-10-01`,
    'workdays:        # 调休上班的周六、周日，逐日列出',
    `  # - ${year}-MM-DD`,
    '',
  ].join('\n');
}

/** The same date listed both as a holiday and as a workday in the overrides. */
export class CalendarConflictError extends Error {
  readonly code = 'calendar/conflict';
  constructor(readonly dates: readonly string[]) {
    super(`Dates listed both as holiday and as workday: ${dates.join(', ')}`);
    this.name = 'CalendarConflictError';
  }
}

interface DayData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const BUILTIN: DayData = data;

/**
 * Years the built-in data covers in full. A year counts only when it holds both that year's
 * 春节 and 国庆 entries: a stray 元旦 day from the next year's notice (e.g. 2007-12-30 in the
 * 2008 notice) must not make an unpublished year look covered.
 */
export const BUILTIN_YEARS: readonly number[] = (() => {
  const spring = new Set<number>();
  const national = new Set<number>();
  for (const [d, label] of Object.entries(BUILTIN.holidays)) {
    if (label.startsWith('Spring Festival')) spring.add(Number(d.slice(0, 4)));
    if (label.startsWith('National Day')) national.add(Number(d.slice(0, 4)));
  }
  return [...spring].filter((y) => national.has(y)).sort((a, b) => a - b);
})();

/** The last year of the built-in official schedule (a new year needs a release or a Calendar). */
export function lastOfficialYear(): number {
  return BUILTIN_YEARS[BUILTIN_YEARS.length - 1] ?? 0;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function checkIso(iso: string): void {
  if (!ISO.test(iso)) throw new RangeError(`Not an ISO date: ${iso}`);
  const { y, m, d } = parseIso(iso);
  if (!isValidYmd(y, m, d)) throw new RangeError(`Not an ISO date: ${iso}`);
}

export class WorkCalendar {
  readonly coveredYears: readonly number[];
  private readonly covered: ReadonlySet<number>;
  // One flag per day from 1 Jan of the first covered year to 31 Dec of the last: 1 workday,
  // 0 day off, 2 not covered. `prefix[i]` = workdays before day i, so counting a range is O(1).
  private readonly base: number;
  private readonly flags: Uint8Array;
  private readonly prefix: Uint32Array;
  // The hot path (500,000 log entries): one hash lookup, no parsing; only valid ISO keys are in it.
  private readonly byIso = new Map<string, boolean>();
  // Override dates in years nobody vouches for: the user stated these days, so we can answer them.
  private readonly stray = new Map<string, boolean>();

  constructor(overrides: CalendarOverrides = {}) {
    const extraOff = new Set(overrides.holidays ?? []);
    const extraOn = new Set(overrides.workdays ?? []);
    for (const d of [...extraOff, ...extraOn]) checkIso(d);
    const clash = [...extraOff].filter((d) => extraOn.has(d)).sort();
    if (clash.length) throw new CalendarConflictError(clash);

    const covered = new Set<number>([...BUILTIN_YEARS, ...(overrides.years ?? [])]);
    this.covered = covered;
    this.coveredYears = [...covered].sort((a, b) => a - b);

    const first = this.coveredYears[0] ?? 2000;
    const last = this.coveredYears[this.coveredYears.length - 1] ?? first - 1;
    this.base = dayNumber(`${first}-01-01`);
    const n = last >= first ? dayNumber(`${last}-12-31`) - this.base + 1 : 0;
    this.flags = new Uint8Array(n).fill(2);
    this.prefix = new Uint32Array(n + 1);
    for (let i = 0; i < n; i++) {
      const iso = fromDayNumber(this.base + i);
      if (!covered.has(Number(iso.slice(0, 4)))) {
        this.prefix[i + 1] = this.prefix[i]!;
        continue;
      }
      let work: boolean;
      if (extraOff.has(iso)) work = false;
      else if (extraOn.has(iso)) work = true;
      else if (iso in BUILTIN.workdays) work = true;
      else if (iso in BUILTIN.holidays) work = false;
      else work = weekday(iso) !== 0 && weekday(iso) !== 6;
      this.flags[i] = work ? 1 : 0;
      this.byIso.set(iso, work);
      this.prefix[i + 1] = this.prefix[i]! + (work ? 1 : 0);
    }
    for (const d of extraOff) if (!covered.has(Number(d.slice(0, 4)))) this.stray.set(d, false);
    for (const d of extraOn) if (!covered.has(Number(d.slice(0, 4)))) this.stray.set(d, true);
  }

  /** Whether the year's working days are known (built-in data or a vouching Calendar). */
  covers(year: number): boolean {
    return this.covered.has(year);
  }

  /** Years in [from, to] (inclusive) with no known calendar; empty when all is covered. */
  checkCovered(from: string, to: string): number[] {
    const missing: number[] = [];
    for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) if (!this.covered.has(y)) missing.push(y);
    return missing;
  }

  /** @throws CalendarGapError for a date in an uncovered year (unless an override names it). */
  isWorkday(iso: string): boolean {
    const known = this.byIso.get(iso);
    if (known !== undefined) return known;
    checkIso(iso);
    const stated = this.stray.get(iso);
    if (stated !== undefined) return stated;
    throw new CalendarGapError(Number(iso.slice(0, 4)));
  }

  /** Working days in [from, to], both inclusive; 0 when from > to. @throws CalendarGapError */
  workdaysBetween(from: string, to: string): number {
    checkIso(from);
    checkIso(to);
    if (from > to) return 0;
    this.assertCovered(from, to);
    return this.prefix[dayNumber(to) - this.base + 1]! - this.prefix[dayNumber(from) - this.base]!;
  }

  /** The working days in [from, to], in order. @throws CalendarGapError */
  listWorkdays(from: string, to: string): string[] {
    checkIso(from);
    checkIso(to);
    if (from > to) return [];
    this.assertCovered(from, to);
    const out: string[] = [];
    for (let i = dayNumber(from) - this.base; i <= dayNumber(to) - this.base; i++) {
      if (this.flags[i] === 1) out.push(fromDayNumber(this.base + i));
    }
    return out;
  }

  private assertCovered(from: string, to: string): void {
    const missing = this.checkCovered(from, to);
    if (missing.length) throw new CalendarGapError(missing[0]!);
  }
}
