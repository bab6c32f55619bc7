// Calendar dates as plain `YYYY-MM-DD` strings. No Date objects, no time zones: a plan file's
// date is a day in China, and arithmetic on day numbers is exact.

const FULLWIDTH_DIGITS = /[０-９]/g;

/** Full-width digits to ASCII, spaces removed. */
const NEEDS_FOLDING = /[０-９－—–\s\u3000]/;

export function halfWidth(s: string): string {
  if (!NEEDS_FOLDING.test(s)) return s; // the common case, on every reference lookup
  return s
    .replace(FULLWIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[－—–]/g, '-')
    .replace(/[\s\u3000]+/g, '');
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function isoDate(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** `2017-05-15`, `2017/5/15`, `2017.5.15` or `2017年5月15日` → `2017-05-15`; otherwise undefined. */
export function normalizeDate(input: string): string | undefined {
  const s = halfWidth(input);
  const m =
    /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s) ??
    /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(s) ??
    /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/.exec(s) ??
    /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]$/.exec(s) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(s); // 20210630, as typed into spreadsheets
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYmd(y, mo, d) ? isoDate(y, mo, d) : undefined;
}

/** `2017-05` or `2017年5月` → `2017-05`. */
export function normalizeMonth(input: string): string | undefined {
  const s = halfWidth(input);
  const m = /^(\d{4})-(\d{1,2})$/.exec(s) ?? /^(\d{4})年(\d{1,2})月$/.exec(s);
  if (!m) return undefined;
  const [y, mo] = [Number(m[1]), Number(m[2])];
  return y >= 1900 && y <= 2100 && mo >= 1 && mo <= 12 ? `${y}-${pad(mo)}` : undefined;
}

/** `2017-06` → `2017年6月` (the inverse of `normalizeMonth`, for Chinese text). */
export function monthLabelZh(month: string): string {
  const [y, m] = month.split('-');
  return `${y}年${Number(m)}月`;
}

export function parseIso(d: string): { y: number; m: number; d: number } {
  return { y: Number(d.slice(0, 4)), m: Number(d.slice(5, 7)), d: Number(d.slice(8, 10)) };
}

/** Days since 1970-01-01 (proleptic Gregorian), exact for any ISO date. */
export function dayNumber(iso: string): number {
  const { y, m, d } = parseIso(iso);
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
}

export function fromDayNumber(n: number): string {
  const dt = new Date(n * 86_400_000);
  return isoDate(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(dayNumber(iso) + days);
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** 0 = Sunday … 6 = Saturday. */
/** The same day n months later, or that month's last day (2017-01-31 + 1 → 2017-02-28). */
export function addMonths(iso: string, n: number): string {
  const { y, m, d } = parseIso(iso);
  const idx = y * 12 + (m - 1) + n;
  const ny = Math.floor(idx / 12);
  const nm = (idx % 12) + 1;
  return isoDate(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export function weekday(iso: string): number {
  return (((dayNumber(iso) + 4) % 7) + 7) % 7;
}

export function endOfMonth(y: number, m: number): string {
  return isoDate(y, m, daysInMonth(y, m));
}

/** Today's date in China (Asia/Shanghai), whatever the machine's time zone. Edge use only. */
export function todayInChina(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
  return parts; // en-CA formats as YYYY-MM-DD
}
