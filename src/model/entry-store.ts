// The entries of an activity log as columns, not an object per entry (issue 9): a province-year
// is 500,000 entries, and an object each (with its origin) was most of `check`'s memory and its
// garbage collection. Names, units and notes are interned to ids, dates are day numbers, types
// and half-days are bytes; the arrays double as entries are appended, so no reader needs the
// count up front. Hot consumers (the quota fold, references, the month checks) read the columns;
// everything else iterates entries as objects made on demand, which the loader traces to their
// source (the document's positions and the entry's index), so a diagnostic still points at
// file:line:col.
import { ACTIVITY_TYPES, type ActivityEntry, type ActivityType } from './kinds.js';
import { dayNumber, fromDayNumber } from '../time/dates.js';

const TYPE_CODE = new Map<ActivityType, number>(ACTIVITY_TYPES.map((t, i) => [t, i]));
/** halfDays when the entry does not give it (an entry then counts one half-day). */
const NO_HALF_DAYS = 0;

export class EntryStore implements Iterable<ActivityEntry> {
  private n = 0;
  private personCol = new Int32Array(16);
  private unitCol = new Int32Array(16);
  private dayCol = new Int32Array(16);
  private typeCol = new Uint8Array(16);
  private halfCol = new Uint8Array(16);
  /** Notes are rare: index → note. */
  private readonly notes = new Map<number, string>();
  private readonly texts: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly dayOfText = new Map<string, number>();
  private readonly textOfDay = new Map<number, string>();
  /** Set by the loader: gives a materialized entry its source (see load/origin.ts). */
  trace?: (entry: ActivityEntry, index: number) => void;

  static from(entries: Iterable<ActivityEntry>): EntryStore {
    const s = new EntryStore();
    for (const e of entries) s.append(e);
    return s;
  }

  get length(): number {
    return this.n;
  }

  /** The id of a text (a name, unit or note), the same for equal texts in this store. */
  intern(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.texts.length;
      this.texts.push(s);
      this.ids.set(s, id);
    }
    return id;
  }

  /** How many distinct texts there are (ids run from 0 to this, exclusive). */
  get textCount(): number {
    return this.texts.length;
  }

  text(id: number): string {
    return this.texts[id]!;
  }

  append(e: ActivityEntry): void {
    this.appendFields(e.date, e.person, e.unit, e.type, e.halfDays, e.note);
  }

  /** Append a typed entry given field by field (`date` an ISO date, as the schema gives it). */
  appendFields(date: string, person: string, unit: string, type: ActivityType, halfDays: number | undefined, note: string | undefined): void {
    if (this.n === this.personCol.length) this.grow();
    const i = this.n++;
    this.personCol[i] = this.intern(person);
    this.unitCol[i] = this.intern(unit);
    this.dayCol[i] = this.dayOf(date);
    this.typeCol[i] = TYPE_CODE.get(type)!;
    this.halfCol[i] = halfDays ?? NO_HALF_DAYS;
    if (note !== undefined) this.notes.set(i, note);
  }

  private dayOf(date: string): number {
    let d = this.dayOfText.get(date);
    if (d === undefined) {
      d = dayNumber(date);
      this.dayOfText.set(date, d);
      if (!this.textOfDay.has(d)) this.textOfDay.set(d, date);
    }
    return d;
  }

  private grow(): void {
    const size = this.personCol.length * 2;
    const widen = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.personCol = widen(this.personCol, (k) => new Int32Array(k));
    this.unitCol = widen(this.unitCol, (k) => new Int32Array(k));
    this.dayCol = widen(this.dayCol, (k) => new Int32Array(k));
    this.typeCol = widen(this.typeCol, (k) => new Uint8Array(k));
    this.halfCol = widen(this.halfCol, (k) => new Uint8Array(k));
  }

  personId(i: number): number {
    return this.personCol[i]!;
  }
  unitId(i: number): number {
    return this.unitCol[i]!;
  }
  /** Days since 1970-01-01. */
  day(i: number): number {
    return this.dayCol[i]!;
  }
  /** The ISO date of a day number (one string per day, shared). */
  dayText(day: number): string {
    let s = this.textOfDay.get(day);
    if (s === undefined) this.textOfDay.set(day, (s = fromDayNumber(day)));
    return s;
  }
  date(i: number): string {
    return this.dayText(this.dayCol[i]!);
  }
  type(i: number): ActivityType {
    return ACTIVITY_TYPES[this.typeCol[i]!]!;
  }
  /** halfDays as written, or undefined. */
  halfDays(i: number): number | undefined {
    const h = this.halfCol[i]!;
    return h === NO_HALF_DAYS ? undefined : h;
  }
  note(i: number): string | undefined {
    return this.notes.get(i);
  }

  /** Entry `i` as an object, in the schema's key order, traced to its source. */
  at(i: number): ActivityEntry {
    const e = { date: this.date(i), person: this.texts[this.personCol[i]!]!, unit: this.texts[this.unitCol[i]!]!, type: this.type(i) } as ActivityEntry;
    const h = this.halfDays(i);
    if (h !== undefined) e.halfDays = h;
    const note = this.notes.get(i);
    if (note !== undefined) e.note = note;
    this.trace?.(e, i);
    return e;
  }

  *[Symbol.iterator](): Iterator<ActivityEntry> {
    for (let i = 0; i < this.n; i++) yield this.at(i);
  }

  /** Earliest and latest day number, or undefined for no entries. */
  dayRange(): [number, number] | undefined {
    if (!this.n) return undefined;
    let lo = this.dayCol[0]!;
    let hi = lo;
    for (let i = 1; i < this.n; i++) {
      const d = this.dayCol[i]!;
      if (d < lo) lo = d;
      else if (d > hi) hi = d;
    }
    return [lo, hi];
  }

  /** As JSON: the list of entries the schema describes. */
  toJSON(): ActivityEntry[] {
    return [...this];
  }
}
