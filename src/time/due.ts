// Chinese deadline expressions (完成时间) from work-plan tables: `4月底`, `8月下旬`, `全年`,
// `择时实施`, `每年3月和9月` … Most carry no year — the table's year column or the WorkPlan's
// `year:` supplies it — so the parser returns a spec and `resolveDue` applies a context year.
// The parser never throws: an expression it cannot read comes back as a DueError that lists the
// accepted forms, because the user who typed it needs to see what would have worked.

import type { Text } from '../i18n/text.js';
import { addDays, daysInMonth, endOfMonth, halfWidth, isoDate, normalizeDate, normalizeMonth, parseIso } from './dates.js';
import { type GridKind, type Period, periodsBetween, periodOf } from './periods.js';

export interface MonthDay {
  month: number;
  day: number;
}

/** A deadline with an explicit year (`2017-05-15`, `2017年5月15日`, `2017年6月`, `2017年底`). */
export interface DateDue {
  kind: 'date';
  date: string;
  /** First day of the span the work belongs to (`2017年6月` → 2017-06-01). */
  windowStart?: string;
  /** `2017年全年`: work that goes on all along and only closes at the deadline. */
  ongoing?: boolean;
}

/** A deadline that needs a context year (`4月底`, `8月下旬`, `第三季度`, `全年`, `5月15日`). */
export interface YearlyDue {
  kind: 'yearly';
  month: number;
  /** Day of month; absent = the last day of the month (月底, 下旬, quarter and year ends). */
  day?: number;
  /** Start of the span the work is expected in (`7月` → 07-01, `第三季度` → 07-01). */
  window?: MonthDay;
  /** `全年`: ongoing through the year, closes at the deadline. */
  ongoing?: boolean;
}

/** No deadline (`择时`, `择时实施`, `待定`, `长期`): never overdue, listed as open. */
export interface OpenDue {
  kind: 'open';
}

/** A recurrence: every grid period of `per` must show an occurrence. */
export interface GridRecurrence {
  kind: 'recurring';
  per: GridKind;
}

/** `每年3月和9月`: the listed months of every year must each show an occurrence. */
export interface MonthsRecurrence {
  kind: 'recurring';
  per: 'months';
  /** Sorted, distinct, 1–12. */
  months: number[];
}

export type RecurringDue = GridRecurrence | MonthsRecurrence;
export type DatedDue = DateDue | YearlyDue;

/**
 * A deadline counted from the end of the alliance's cycle (`下沉周期结束后一个月内` → one month
 * after the cycle's last day; `周期结束时` → the last day itself). Resolved against the cycle.
 */
export interface CycleEndDue {
  kind: 'cycleEnd';
  months: number;
  days: number;
}

export type DueSpec = DatedDue | OpenDue | RecurringDue | CycleEndDue;

export type DueErrorCode = 'due/empty' | 'due/unknown' | 'due/invalid-date' | 'due/invalid-years';

/** Why an expression was refused, plus the forms that would have worked (both languages). */
export interface DueError {
  kind: 'error';
  code: DueErrorCode;
  input: string;
  message: Text;
  accepted: Text;
}

export const ACCEPTED_DUE_FORMS: Text = {
  zh:
    '可用的完成时间写法：日期 2017-05-15、2017年5月15日、5月15日；整月 7月、7月份；月底 4月底、4月末；' +
    '旬 8月上旬、8月中旬、8月下旬；上半年、下半年；季度 第三季度、三季度、Q3；年底、年末、年终；' +
    '全年（持续进行，年底截止）；不设期限 择时、择时实施、待定、长期；' +
    '周期 每月、每两月、每季度、每半年、每年（每年一次）、每年3月和9月、每年3月、9月。' +
    '可在前面加年份（2018年6月底），可在后面加“前”（6月底前）；' +
    '按周期结束计：周期结束时、下沉周期结束后一个月内、周期结束后30天内。',
  en:
    'Accepted due forms: a date 2017-05-15, 2017年5月15日, 5月15日; a whole month 7月, 7月份; ' +
    'month end 4月底, 4月末; ten-day parts 8月上旬 / 8月中旬 / 8月下旬 (10th / 20th / last day); ' +
    '上半年, 下半年 (30 Jun, 31 Dec); quarters 第三季度, 三季度, Q3; year end 年底, 年末, 年终; ' +
    '全年 (ongoing, closes 31 Dec); no deadline 择时, 择时实施, 待定, 长期; recurrences 每月, 每两月, ' +
    '每季度, 每半年, 每年 (每年一次), 每年3月和9月, 每年3月、9月. A year may precede (2018年6月底) and ' +
    '前 may follow (6月底前). Counted from the cycle end: 周期结束时, 下沉周期结束后一个月内, 周期结束后30天内.',
};

const fail = (code: DueErrorCode, input: string, zh: string, en: string): DueError => ({
  kind: 'error',
  code,
  input,
  message: { zh, en },
  accepted: ACCEPTED_DUE_FORMS,
});

// ------------------------------------------------------------------ numerals

const CN_DIGITS: Readonly<Record<string, number>> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** `12`, `05`, `十二`, `二十一`, `三十` → number (0–99); anything else undefined. */
export function parseSmallNumber(s: string): number | undefined {
  if (/^\d{1,2}$/.test(s)) return Number(s);
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return undefined;
  const [, tens, ten, ones] = m;
  if (!ten) return tens && !ones ? CN_DIGITS[tens] : undefined; // a lone digit, e.g. 九
  return (tens ? CN_DIGITS[tens]! : 1) * 10 + (ones ? CN_DIGITS[ones]! : 0);
}

const NUM = '(\\d{1,2}|[一二两三四五六七八九十]{1,3}|元)';

/** A month numeral; 元月 is January. Out-of-range numbers are returned for the error message. */
function monthNumber(s: string): number | undefined {
  return s === '元' ? 1 : parseSmallNumber(s);
}

// ------------------------------------------------------------------ parser

const OPEN = new Set(['择时', '择时实施', '待定', '长期', '适时']);

// Recurrence units after 每 / before 一次. Keys are the unit text as clerks write it.
const UNITS: Readonly<Record<string, GridKind>> = {
  月: 'month', 个月: 'month', 一月: 'month', 一个月: 'month', '1个月': 'month',
  两月: 'bimonth', 两个月: 'bimonth', 二个月: 'bimonth', '2个月': 'bimonth', 双月: 'bimonth',
  季: 'quarter', 季度: 'quarter', 个季度: 'quarter', 一季: 'quarter', 一季度: 'quarter', 一个季度: 'quarter',
  三个月: 'quarter', '3个月': 'quarter',
  半年: 'halfYear', 半年度: 'halfYear', 六个月: 'halfYear', '6个月': 'halfYear',
  年: 'year', 一年: 'year', 年度: 'year',
};

/** Parse a due expression. Never throws. */
export function parseDue(input: string): DueSpec | DueError {
  const s = halfWidth(input ?? '');
  if (s === '') return fail('due/empty', input, '完成时间为空。', 'The due expression is empty.');
  if (OPEN.has(s)) return { kind: 'open' };
  const cycleEnd = parseCycleEnd(s);
  if (cycleEnd) return cycleEnd;
  return parseRecurrence(s, input) ?? parseDated(s, input);
}

/** `(下沉|建设)周期结束后一个月内`, `周期结束后30天内`, `周期结束时`, `周期末`. */
function parseCycleEnd(s: string): CycleEndDue | undefined {
  return endOffset(/^(?:下沉|建设|帮扶|合作)?周期(?:结束|届满|末)(?:后(.+?)(?:以内|之内|内)|时|前)?$/.exec(s));
}

/**
 * How long after a dispatch ends something is owed (Roster deliverables `due:`): `结束后一个月内`,
 * `结束后30天内`, `结束时` (下派/下沉/派驻/批次 may precede). Resolved like a cycle end (resolveCycleEnd).
 */
export function parseAfterEnd(input: string): CycleEndDue | undefined {
  return endOffset(/^(?:下派|下沉|派驻|批次)?(?:结束|期满)(?:后(.+?)(?:以内|之内|内)|时|前)?$/.exec(halfWidth(input ?? '')));
}

/** The offset of a matched `…结束后N个月/天内` (group 1), or none for `结束时`. */
function endOffset(m: RegExpExecArray | null): CycleEndDue | undefined {
  if (!m) return undefined;
  if (m[1] === undefined) return { kind: 'cycleEnd', months: 0, days: 0 };
  const span = /^(.+?)(个月|天|日)$/.exec(m[1]);
  const n = span ? parseSmallNumber(span[1]!) : undefined;
  if (!span || n === undefined) return undefined;
  return span[2] === '个月' ? { kind: 'cycleEnd', months: n, days: 0 } : { kind: 'cycleEnd', months: 0, days: n };
}

/** The deadline of a cycle-relative due, given the cycle's last day (a month later: same day, clamped). */
export function resolveCycleEnd(spec: CycleEndDue, cycleEnd: string): string {
  const { y, m, d } = parseIso(cycleEnd);
  const idx = y * 12 + (m - 1) + spec.months;
  const ny = Math.floor(idx / 12);
  const nm = (idx % 12) + 1;
  const base = spec.months ? isoDate(ny, nm, Math.min(d, daysInMonth(ny, nm))) : cycleEnd;
  return addDays(base, spec.days);
}

function parseRecurrence(s: string, input: string): RecurringDue | DueError | undefined {
  // `每X`, `每X一次`, `X一次` (`一季度一次`, `半年一次`): only 每 or 一次 makes it a recurrence,
  // since `一季度` alone is the first-quarter deadline.
  const m = /^每(.+?)(?:一次)?$/.exec(s) ?? /^(.+?)一次$/.exec(s);
  if (!m) return undefined;
  const unit = m[1]!;
  // `每季度末`, `每月底`: when in the period does not change which periods need an occurrence.
  // (`每年底` is kept for the month list below: it means December.)
  const per = UNITS[unit] ?? (unit.startsWith('年') ? undefined : UNITS[unit.replace(/[末底]$/, '')]);
  if (per) return { kind: 'recurring', per };
  if (!s.startsWith('每年')) return fail('due/unknown', input, `无法识别的周期“${input}”。`, `Unknown recurrence "${input}".`);
  return parseYearlyMonths(unit.slice(1), input);
}

/** The part after 每年: `3月和9月`, `3月、9月`, `3、9月`, `3月`, `年底`/`底`. */
function parseYearlyMonths(rest: string, input: string): MonthsRecurrence | DueError {
  if (/^年?(底|末|终)$/.test(rest)) return { kind: 'recurring', per: 'months', months: [12] };
  if (!rest.endsWith('月') && !rest.endsWith('月份')) {
    return fail('due/unknown', input, `无法识别的周期“${input}”。`, `Unknown recurrence "${input}".`);
  }
  const months: number[] = [];
  for (const part of rest.split(/[和、,，及与/]/)) {
    const pm = /^(.+?)(?:月份?)?$/.exec(part);
    const n = pm ? monthNumber(pm[1]!) : undefined;
    if (n === undefined) return fail('due/unknown', input, `无法识别的周期“${input}”。`, `Unknown recurrence "${input}".`);
    if (n < 1 || n > 12) return badMonth(n, input);
    months.push(n);
  }
  return { kind: 'recurring', per: 'months', months: [...new Set(months)].sort((a, b) => a - b) };
}

const badMonth = (n: number, input: string) =>
  fail('due/invalid-date', input, `“${input}”中的月份 ${n} 不存在（应为 1–12）。`, `"${input}": there is no month ${n} (1–12).`);

function parseDated(s: string, input: string): DatedDue | DueError {
  const iso = normalizeDate(s);
  if (iso) return { kind: 'date', date: iso };
  if (/^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}[日号]?$/.test(s)) {
    return fail('due/invalid-date', input, `日期“${input}”不存在。`, `"${input}" is not a real date.`);
  }
  const month = normalizeMonth(s);
  if (month) {
    const { y, m } = parseIso(`${month}-01`);
    return { kind: 'date', date: endOfMonth(y, m), windowStart: isoDate(y, m, 1) };
  }
  // `2018年6月底`, `2018年第三季度`, `2018年底`: parse the rest, then pin it to that year.
  const ym = /^(\d{4})年(.+)$/.exec(s);
  if (ym) {
    const year = Number(ym[1]);
    const rest = /^(底|末|终|内)(前|以前|之前)?$/.test(ym[2]!) ? `年${ym[2]}` : ym[2]!;
    const inner = parseYearly(rest, input);
    if (inner.kind === 'error') return inner;
    if (year < 1900 || year > 2100) return fail('due/invalid-date', input, `年份 ${year} 超出范围。`, `Year ${year} is out of range.`);
    if (inner.day !== undefined && inner.day > daysInMonth(year, inner.month)) {
      return fail('due/invalid-date', input, `日期“${input}”不存在。`, `"${input}" is not a real date.`);
    }
    const r = resolveDue(inner, year);
    const out: DateDue = { kind: 'date', date: r.deadline };
    if (r.windowStart) out.windowStart = r.windowStart;
    if (r.ongoing) out.ongoing = true;
    return out;
  }
  return parseYearly(s, input);
}

function parseYearly(raw: string, input: string): YearlyDue | DueError {
  // 前 / 以前 / 之前 ("by …") does not change the deadline.
  const s = raw.replace(/(之前|以前|前)$/, '');
  let m: RegExpExecArray | null;

  if (s === '全年') return { kind: 'yearly', month: 12, window: { month: 1, day: 1 }, ongoing: true };
  if (/^年(底|末|终|内)$/.test(s)) return { kind: 'yearly', month: 12 };
  if ((m = /^([上下])半年(底|末)?$/.exec(s))) {
    return m[1] === '上'
      ? { kind: 'yearly', month: 6, window: { month: 1, day: 1 } }
      : { kind: 'yearly', month: 12, window: { month: 7, day: 1 } };
  }
  if ((m = /^(?:第?([一二三四1-4])季度?|Q([1-4]))(?:末|底)?$/i.exec(s))) {
    const q = parseSmallNumber(m[1] ?? m[2]!)!;
    return { kind: 'yearly', month: q * 3, window: { month: q * 3 - 2, day: 1 } };
  }
  if ((m = new RegExp(`^${NUM}月(份|底|末|初|上旬|中|中旬|下旬)?$`).exec(s))) {
    const mo = monthNumber(m[1]!);
    if (mo === undefined) return unknown(input);
    if (mo < 1 || mo > 12) return badMonth(mo, input);
    switch (m[2]) {
      case undefined:
      case '份':
        return { kind: 'yearly', month: mo, window: { month: mo, day: 1 } };
      case '底':
      case '末':
        return { kind: 'yearly', month: mo };
      case '初':
      case '上旬':
        return { kind: 'yearly', month: mo, day: 10, window: { month: mo, day: 1 } };
      case '中':
      case '中旬':
        return { kind: 'yearly', month: mo, day: 20, window: { month: mo, day: 11 } };
      default: // 下旬
        return { kind: 'yearly', month: mo, window: { month: mo, day: 21 } };
    }
  }
  if ((m = new RegExp(`^${NUM}月${NUM}[日号]$`).exec(s))) {
    const mo = monthNumber(m[1]!);
    const d = parseSmallNumber(m[2]!);
    if (mo === undefined || d === undefined) return unknown(input);
    if (mo < 1 || mo > 12) return badMonth(mo, input);
    // 2月29日 is accepted: it exists in leap years, and resolveDue clamps it otherwise.
    if (d < 1 || d > daysInMonth(2000, mo)) {
      return fail('due/invalid-date', input, `日期“${input}”不存在。`, `"${input}" is not a real date.`);
    }
    return { kind: 'yearly', month: mo, day: d };
  }
  return unknown(input);
}

const unknown = (input: string) =>
  fail('due/unknown', input, `无法识别的完成时间“${input}”。`, `Unknown due expression "${input}".`);

// ------------------------------------------------------------------ resolving

export interface ResolvedDue {
  deadline: string;
  windowStart?: string;
  ongoing?: boolean;
  /** 2月29日 in a common year: the deadline moved to 28 Feb. */
  clamped?: boolean;
}

export function isDated(spec: DueSpec): spec is DatedDue {
  return spec.kind === 'date' || spec.kind === 'yearly';
}

/** The concrete deadline of a dated spec in a context year (ignored when the spec has a year). */
export function resolveDue(spec: DatedDue, year: number): ResolvedDue {
  if (spec.kind === 'date') {
    const out: ResolvedDue = { deadline: spec.date };
    if (spec.windowStart) out.windowStart = spec.windowStart;
    if (spec.ongoing) out.ongoing = true;
    return out;
  }
  const last = daysInMonth(year, spec.month);
  const day = spec.day === undefined ? last : Math.min(spec.day, last);
  const out: ResolvedDue = { deadline: isoDate(year, spec.month, day) };
  if (spec.window) out.windowStart = isoDate(year, spec.window.month, spec.window.day);
  if (spec.ongoing) out.ongoing = true;
  if (spec.day !== undefined && spec.day > last) out.clamped = true;
  return out;
}

// ------------------------------------------------------------------ recurrences

export interface OccurrenceRange {
  /** First day of the span to check (e.g. the plan year's start or the cycle start). */
  from: string;
  /** Last day of the span (e.g. the as-of date or the year's end). */
  to: string;
  /** A resolved `first:` deadline (5月底 → 2017-05-31): periods before the one containing it are not required. */
  first?: string;
}

/**
 * The periods in which a recurrence must show an occurrence between `from` and `to`: every
 * grid period overlapping the range, or for `每年3月和9月` the months 03 and 09 of every year
 * that overlap it (keys `2018-03`, `2018-09`).
 */
export function occurrencePeriods(spec: RecurringDue, range: OccurrenceRange): Period<GridKind>[] {
  let periods: Period<GridKind>[];
  if (spec.per === 'months') {
    periods = [];
    for (let y = parseIso(range.from).y; y <= parseIso(range.to).y; y++) {
      for (const m of spec.months) {
        const p = periodOf('month', isoDate(y, m, 1));
        if (p.end >= range.from && p.start <= range.to) periods.push(p);
      }
    }
  } else {
    periods = periodsBetween(spec.per, range.from, range.to);
  }
  const first = range.first;
  return first === undefined ? periods : periods.filter((p) => p.end >= first);
}

// ------------------------------------------------------------------ years ranges

export interface YearsRange {
  kind: 'years';
  from: number;
  to: number;
}

/** `2018-2022`, `2018—2022`, `2018至2022`, `2018年-2022年`, or one year (`2018`, 2018). */
export function parseYears(input: string | number): YearsRange | DueError {
  const s = halfWidth(String(input ?? ''));
  const m = /^(\d{4})年?(?:[-~至到](\d{4})年?)?$/.exec(s);
  if (!m) {
    return {
      kind: 'error',
      code: s === '' ? 'due/empty' : 'due/invalid-years',
      input: String(input),
      message: { zh: `无法识别的年份范围“${input}”。`, en: `Unknown years range "${input}".` },
      accepted: { zh: '年份范围写作 2018-2022、2018—2022 或 2018至2022。', en: 'Write a years range as 2018-2022, 2018—2022 or 2018至2022.' },
    };
  }
  const from = Number(m[1]);
  const to = m[2] ? Number(m[2]) : from;
  if (from > to || from < 1900 || to > 2100) {
    return {
      kind: 'error',
      code: 'due/invalid-years',
      input: String(input),
      message: { zh: `年份范围“${input}”无效（起始年不得晚于结束年）。`, en: `Years range "${input}" is invalid (start after end or out of range).` },
      accepted: { zh: '年份范围写作 2018-2022、2018—2022 或 2018至2022。', en: 'Write a years range as 2018-2022, 2018—2022 or 2018至2022.' },
    };
  }
  return { kind: 'years', from, to };
}
