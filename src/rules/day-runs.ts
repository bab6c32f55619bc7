// The folded activity log as runs in shared typed arrays (issue 9): per key (a person at a unit, or
// a unit), its entries sorted by (day, type) and merged into one run per day and type, with the
// entries and half-days that run adds up to. One DayAgg per key holds only its [start, end) slice;
// no object per day or per entry, which as nested Maps was 165 MB of heap on a province-year.
// Queries take ISO dates and compare as the strings would (see dayFrom), so answers do not change.
import { ACTIVITY_TYPES, type ActivityType } from '../model/kinds.js';
import { dayNumber, fromDayNumber } from '../time/dates.js';

/** The sort key packs (day, type, half) into one float64, exact below 2^53. */
const TYPES = 16; // ACTIVITY_TYPES has 11
const HALVES = 64; // an entry's halfDays is at most 62 (model/kinds.ts)
const DAY_BIAS = 1 << 20; // keeps days before 1970 positive in the sort key

const TYPE_CODE = new Map<string, number>(ACTIVITY_TYPES.map((t, i) => [t, i]));
export const typeCode = (t: ActivityType): number => TYPE_CODE.get(t)!;

/** Bit per wanted type code; undefined: every type. */
export function typeMask(types: Iterable<string> | undefined): number {
  if (!types) return -1;
  let m = 0;
  for (const t of types) {
    const c = TYPE_CODE.get(t);
    if (c !== undefined) m |= 1 << c;
  }
  return m;
}

export interface Runs {
  day: Int32Array;
  type: Uint8Array;
  /** Entries in the run. */
  n: Uint32Array;
  /** Half-days in the run (an entry without halfDays counts 1). */
  half: Uint32Array;
}

const texts = new Map<number, string>();
/** A day number's ISO date, one shared string per day. */
export function dayText(day: number): string {
  let s = texts.get(day);
  if (s === undefined) texts.set(day, (s = fromDayNumber(day)));
  return s;
}

const froms = new Map<string, number>();
const throughs = new Map<string, number>();
/**
 * The first day whose ISO date sorts at or after `iso` — exactly the days `date >= iso` kept when
 * dates were compared as strings, even for a bound such as 2021-02-30.
 */
export function dayFrom(iso: string): number {
  let d = froms.get(iso);
  if (d === undefined) {
    d = dayNumber(iso);
    if (Number.isNaN(d)) d = iso < '1970' ? -DAY_BIAS : DAY_BIAS * 4;
    else {
      while (dayText(d - 1) >= iso) d--;
      while (dayText(d) < iso) d++;
    }
    froms.set(iso, d);
  }
  return d;
}
/** The last day whose ISO date sorts at or before `iso`. */
export function dayThrough(iso: string): number {
  let d = throughs.get(iso);
  if (d === undefined) {
    d = dayNumber(iso);
    if (Number.isNaN(d)) d = iso < '1970' ? -DAY_BIAS : DAY_BIAS * 4;
    else {
      while (dayText(d + 1) <= iso) d++;
      while (dayText(d) > iso) d--;
    }
    throughs.set(iso, d);
  }
  return d;
}

/** One key's runs: `runs` indices [start, end), by day then type. Immutable. */
export class DayAgg {
  constructor(
    readonly runs: Runs,
    readonly start: number,
    readonly end: number,
  ) {}

  /** The first run on or after day `lo`. */
  seek(lo: number): number {
    const day = this.runs.day;
    let a = this.start;
    let b = this.end;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (day[mid]! < lo) a = mid + 1;
      else b = mid;
    }
    return a;
  }

  /** Whether any entry falls within [from, to]. */
  any(from: string, to: string): boolean {
    const i = this.seek(dayFrom(from));
    return i < this.end && this.runs.day[i]! <= dayThrough(to);
  }

  /** The first day within [from, to] with an entry of a type in `mask`. */
  first(mask: number, from: string, to: string): string | undefined {
    const { day, type } = this.runs;
    const hi = dayThrough(to);
    for (let i = this.seek(dayFrom(from)); i < this.end && day[i]! <= hi; i++) if ((mask >> type[i]!) & 1) return dayText(day[i]!);
    return undefined;
  }

  /** Adds to `perDay` the entries within [from, to], each type counted `weight[code]` times. */
  countDays(weight: ArrayLike<number>, from: string, to: string, perDay: Map<number, number>): void {
    const { day, type, n } = this.runs;
    const hi = dayThrough(to);
    for (let i = this.seek(dayFrom(from)); i < this.end && day[i]! <= hi; i++) {
      const w = weight[type[i]!] ?? 0;
      if (w) perDay.set(day[i]!, (perDay.get(day[i]!) ?? 0) + w * n[i]!);
    }
  }
}

/** Collects (key, day, type, half) records, then sorts and merges them into runs once. */
export class DayRunsBuilder {
  private keyCol = new Int32Array(1024);
  private valCol = new Float64Array(1024);
  private len = 0;
  private keys = 0;

  /** A new key; its aggregate is `build()[key]`. */
  newKey(): number {
    return this.keys++;
  }

  add(key: number, day: number, type: number, half: number): void {
    if (this.len === this.keyCol.length) {
      const k = new Int32Array(this.len * 2);
      k.set(this.keyCol);
      this.keyCol = k;
      const v = new Float64Array(this.len * 2);
      v.set(this.valCol);
      this.valCol = v;
    }
    this.keyCol[this.len] = key;
    this.valCol[this.len++] = ((day + DAY_BIAS) * TYPES + type) * HALVES + half;
  }

  /** Every key's aggregate, by key. */
  build(): DayAgg[] {
    const { len, keys, keyCol, valCol } = this;
    // counting sort by key, then each key's slice sorted by (day, type, half) as numbers
    const at = new Int32Array(keys + 1);
    for (let i = 0; i < len; i++) at[keyCol[i]! + 1]++;
    for (let k = 0; k < keys; k++) at[k + 1] += at[k]!;
    const fill = at.slice(0, keys);
    const sorted = new Float64Array(len);
    for (let i = 0; i < len; i++) sorted[fill[keyCol[i]!]!++] = valCol[i]!;
    this.keyCol = new Int32Array(0);
    this.valCol = new Float64Array(0);
    this.len = 0;
    const day = new Int32Array(len);
    const type = new Uint8Array(len);
    const n = new Uint32Array(len);
    const half = new Uint32Array(len);
    const bounds = new Int32Array(keys + 1);
    let r = 0;
    for (let k = 0; k < keys; k++) {
      bounds[k] = r;
      const slice = sorted.subarray(at[k], at[k + 1]);
      slice.sort();
      let prev = -1;
      for (let i = 0; i < slice.length; i++) {
        const v = slice[i]!;
        const dt = Math.floor(v / HALVES);
        const h = v - dt * HALVES;
        if (dt === prev) {
          n[r - 1]++;
          half[r - 1] += h;
          continue;
        }
        prev = dt;
        const d = Math.floor(dt / TYPES);
        day[r] = d - DAY_BIAS;
        type[r] = dt - d * TYPES;
        n[r] = 1;
        half[r++] = h;
      }
    }
    bounds[keys] = r;
    const runs: Runs = { day: day.slice(0, r), type: type.slice(0, r), n: n.slice(0, r), half: half.slice(0, r) };
    const out: DayAgg[] = new Array(keys);
    for (let k = 0; k < keys; k++) out[k] = new DayAgg(runs, bounds[k]!, bounds[k + 1]!);
    return out;
  }
}
