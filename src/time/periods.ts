// Reporting periods (月 / 双月 / 季度 / 半年 / 年 / 建设周期) as closed ISO date ranges with a
// stable key. Quotas, recurrences and Indicators all name periods by these keys, so the key
// format is part of the plan-file contract: `2022-06`, `2022-B3`, `2022-Q3`, `2022-H2`, `2022`.
// A cycle has no calendar grid; its key is its own range, `2021-05-01~2022-04-30`.

import { daysInMonth, endOfMonth, halfWidth, isoDate, normalizeDate, normalizeMonth, parseIso, daysBetween } from './dates.js';

export type PeriodKind = 'month' | 'bimonth' | 'quarter' | 'halfYear' | 'year' | 'cycle';
/** The kinds laid on the calendar grid (everything but an alliance's own cycle). */
export type GridKind = Exclude<PeriodKind, 'cycle'>;

export interface Period<K extends PeriodKind = PeriodKind> {
  kind: K;
  key: string;
  /** First day, inclusive. */
  start: string;
  /** Last day, inclusive. */
  end: string;
}

export const GRID_KINDS: readonly GridKind[] = ['month', 'bimonth', 'quarter', 'halfYear', 'year'];

/** Length of each grid kind in months; every grid period starts at a multiple of it. */
export const MONTHS_PER: Readonly<Record<GridKind, number>> = {
  month: 1,
  bimonth: 2,
  quarter: 3,
  halfYear: 6,
  year: 12,
};

// The grid is indexed by "month index" y*12 + (m-1), so stepping and counting periods is plain
// integer arithmetic and never depends on month lengths.
const monthIndex = (y: number, m: number) => y * 12 + (m - 1);

function periodAtIndex<K extends GridKind>(kind: K, idx: number): Period<K> {
  const len = MONTHS_PER[kind];
  const first = idx - (((idx % len) + len) % len);
  const y = Math.floor(first / 12);
  const m = (first % 12) + 1;
  const n = (m - 1) / len + 1; // ordinal of the period within its year
  const key =
    kind === 'month'
      ? `${y}-${String(m).padStart(2, '0')}`
      : kind === 'bimonth'
        ? `${y}-B${n}`
        : kind === 'quarter'
          ? `${y}-Q${n}`
          : kind === 'halfYear'
            ? `${y}-H${n}`
            : `${y}`;
  return { kind, key, start: isoDate(y, m, 1), end: endOfMonth(y, m + len - 1) };
}

/** The grid period of `kind` that contains the date. */
export function periodOf<K extends GridKind>(kind: K, iso: string): Period<K> {
  const { y, m } = parseIso(iso);
  return periodAtIndex(kind, monthIndex(y, m));
}

/** Every period of `kind` overlapping [from, to] (inclusive), in order; empty if from > to. */
export function periodsBetween<K extends GridKind>(kind: K, from: string, to: string): Period<K>[] {
  if (from > to) return [];
  const a = parseIso(from);
  const b = parseIso(to);
  const len = MONTHS_PER[kind];
  const first = monthIndex(a.y, a.m);
  const out: Period<K>[] = [];
  // Start at the first month of the period holding `from`, then step whole periods.
  for (let i = first - (first % len); i <= monthIndex(b.y, b.m); i += len) out.push(periodAtIndex(kind, i));
  return out;
}

/** The period right after `p` on the same grid. */
export function nextPeriod<K extends GridKind>(p: Period<K>): Period<K> {
  const { y, m } = parseIso(p.start);
  return periodAtIndex(p.kind, monthIndex(y, m) + MONTHS_PER[p.kind]);
}

/** The period right before `p` on the same grid. */
export function previousPeriod<K extends GridKind>(p: Period<K>): Period<K> {
  const { y, m } = parseIso(p.start);
  return periodAtIndex(p.kind, monthIndex(y, m) - MONTHS_PER[p.kind]);
}

/** An alliance's own cycle (建设周期 / 下沉周期) as a period. */
export function cyclePeriod(start: string, end: string): Period<'cycle'> {
  return { kind: 'cycle', key: `${start}~${end}`, start, end };
}

/**
 * The same period a year earlier (上年同期): 2021-Q2 → 2020-Q2, 2021 → 2020; a span of dates (a
 * cycle) moves back a year, 29 February to the 28th.
 */
export function yearEarlier(p: Period): Period {
  const back = (iso: string) => {
    const { y, m, d } = parseIso(iso);
    return isoDate(y - 1, m, Math.min(d, daysInMonth(y - 1, m)));
  };
  return p.kind === 'cycle' ? cyclePeriod(back(p.start), back(p.end)) : periodOf(p.kind, back(p.start));
}

export function periodContains(p: Period, iso: string): boolean {
  return p.start <= iso && iso <= p.end;
}

/**
 * A period key back to its period: `2022-06`, `2022年6月`, `2022-B3`, `2022-Q3`, `2022-H2`,
 * `2022`, `2022年`, or a cycle `2021-05-01~2022-04-30`. Lower case and full-width digits are
 * accepted (clerks type them); anything else is undefined.
 */
export function parsePeriodKey(key: string): Period | undefined {
  const s = halfWidth(key).toUpperCase();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})年?$/.exec(s))) return inRange(Number(m[1])) ? periodOf('year', isoDate(Number(m[1]), 1, 1)) : undefined;
  if ((m = /^(\d{4})-([BQH])(\d)$/.exec(s))) {
    const y = Number(m[1]);
    const n = Number(m[3]);
    const kind = m[2] === 'B' ? 'bimonth' : m[2] === 'Q' ? 'quarter' : 'halfYear';
    const len = MONTHS_PER[kind];
    if (!inRange(y) || n < 1 || n > 12 / len) return undefined;
    return periodAtIndex(kind, monthIndex(y, (n - 1) * len + 1));
  }
  if ((m = /^(.+)~(.+)$/.exec(s))) {
    const a = normalizeDate(m[1]!);
    const b = normalizeDate(m[2]!);
    return a && b && a <= b ? cyclePeriod(a, b) : undefined;
  }
  const month = normalizeMonth(s.replace(/^(\d{4})年(\d{1,2})月$/, '$1-$2'));
  return month ? periodOf('month', `${month}-01`) : undefined;
}

const inRange = (y: number) => y >= 1900 && y <= 2100;

/** Number of days in a period (inclusive); handy for prorating partial periods. */
export function periodLength(p: Period): number {
  return daysBetween(p.start, p.end) + 1;
}

const CN_NUM = ['', '一', '二', '三', '四', '五', '六'];

/** 2017-Q4 → 2017年第四季度, 2021-06 → 2021年6月 … */
export function periodLabel(p: Period): string {
  const y = p.start.slice(0, 4);
  const n = (s: string) => Number(s);
  switch (p.kind) {
    case 'year':
      return `${y}年`;
    case 'halfYear':
      return `${y}年${p.key.endsWith('1') ? '上' : '下'}半年`;
    case 'quarter':
      return `${y}年第${CN_NUM[n(p.key.slice(-1))]}季度`;
    case 'bimonth':
      return `${y}年${n(p.start.slice(5, 7))}—${n(p.end.slice(5, 7))}月`;
    case 'month':
      return `${y}年${n(p.start.slice(5, 7))}月`;
    default:
      return `${p.start} 至 ${p.end}`;
  }
}
