// A hand-written check of one activity-log entry for the common case, so a log of 500,000
// entries is not run through zod row by row (its cost dominated reading a large log). It only
// ever accepts: whatever it does not recognise as plainly valid returns undefined/false, and zod
// then decides and words the diagnostics. test/load/activity-entry.test.ts checks that what it
// accepts is exactly zod's output. The rules are in plainFields alone; a YAML entry (a mapping)
// and a table row (its cells) both go through it.
import { RawNumber } from '../model/common.js';
import type { EntryStore } from '../model/entry-store.js';
import { ACTIVITY_SYNONYMS, ACTIVITY_TYPES, type ActivityEntry, type ActivityType } from '../model/kinds.js';
import { normalizeDate } from '../time/dates.js';

/** An entry's fields, each with its place in quickAppendPairs' `given`. */
const FIELDS = new Map(['date', 'person', 'unit', 'type', 'halfDays', 'note'].map((k, i) => [k, i]));
const TYPES = new Set<unknown>(ACTIVITY_TYPES);

/** Text as the schema's str()/text() read it (a plain number keeps its digits). */
const asText = (v: unknown): string | undefined => (typeof v === 'string' ? v : v instanceof RawNumber ? v.source : undefined);

// A log repeats a few hundred dates: normalise each spelling once.
const dates = new Map<string, string | undefined>();
function dateOf(s: string): string | undefined {
  if (dates.has(s)) return dates.get(s);
  if (dates.size > 10_000) dates.clear();
  const d = normalizeDate(s);
  dates.set(s, d);
  return d;
}

/** The typed fields of the last entry plainFields accepted (reused: no object per entry). */
const typed = { date: '', person: '', unit: '', type: '门诊' as ActivityType, halfDays: undefined as number | undefined, note: undefined as string | undefined };

/**
 * Whether an entry given field by field (undefined: the field is absent) is plainly valid; if so
 * its typed fields are in `typed` until the next call.
 */
function plainFields(rawDate: unknown, rawPerson: unknown, rawUnit: unknown, t: unknown, rawHalf: unknown, rawNote: unknown): boolean {
  const dateText = asText(rawDate);
  const date = dateText === undefined ? undefined : dateOf(dateText);
  const person = asText(rawPerson)?.trim();
  const unit = asText(rawUnit)?.trim();
  if (!date || !person || !unit) return false;
  const type = typeof t === 'string' && ACTIVITY_SYNONYMS[t.trim()] ? ACTIVITY_SYNONYMS[t.trim()] : t;
  if (!TYPES.has(type)) return false;
  let halfDays: number | undefined;
  if (rawHalf !== undefined) {
    const h = rawHalf instanceof RawNumber ? rawHalf.value : rawHalf;
    if (typeof h !== 'number' || !Number.isInteger(h) || h < 1 || h > 62) return false;
    halfDays = h;
  }
  let note: string | undefined;
  if (rawNote !== undefined) {
    note = asText(rawNote);
    if (note === undefined) return false;
  }
  typed.date = date;
  typed.person = person;
  typed.unit = unit;
  typed.type = type as ActivityType;
  typed.halfDays = halfDays;
  typed.note = note;
  return true;
}

/** A mapping with only the entry's fields, each present with a value; else undefined. */
function asFields(v: unknown): Record<string, unknown> | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || v instanceof RawNumber || Object.getPrototypeOf(v) !== Object.prototype) return undefined;
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!FIELDS.has(k) || o[k] === undefined) return undefined;
  return o;
}

/** The typed entry zod would give for `v`, or undefined when zod must decide. */
export function quickEntry(v: unknown): ActivityEntry | undefined {
  const o = asFields(v);
  if (!o || !plainFields(o.date, o.person, o.unit, o.type, o.halfDays, o.note)) return undefined;
  const entry = { date: typed.date, person: typed.person, unit: typed.unit, type: typed.type } as ActivityEntry;
  if (typed.halfDays !== undefined) entry.halfDays = typed.halfDays;
  if (typed.note !== undefined) entry.note = typed.note;
  return entry;
}

/** Append `v` to the store if it is plainly valid (what quickEntry would give); else false. */
export function quickAppend(store: EntryStore, v: unknown): boolean {
  const o = asFields(v);
  return !!o && quickAppendFields(store, o.date, o.person, o.unit, o.type, o.halfDays, o.note);
}

const given: unknown[] = [undefined, undefined, undefined, undefined, undefined, undefined];

/**
 * The same for an entry given as its keys and their values, `count` of them (the scanner's
 * reading of a log line: no object is made), the keys distinct.
 */
export function quickAppendPairs(store: EntryStore, keys: readonly string[], values: readonly unknown[], count: number): boolean {
  given.fill(undefined);
  for (let k = 0; k < count; k++) {
    const at = FIELDS.get(keys[k]!);
    if (at === undefined || values[k] === undefined) return false;
    given[at] = values[k];
  }
  return quickAppendFields(store, given[0], given[1], given[2], given[3], given[4], given[5]);
}

/** The same for an entry given field by field (a table row's cells; undefined: absent). */
export function quickAppendFields(store: EntryStore, date: unknown, person: unknown, unit: unknown, type: unknown, halfDays: unknown, note: unknown): boolean {
  if (!plainFields(date, person, unit, type, halfDays, note)) return false;
  store.appendFields(typed.date, typed.person, typed.unit, typed.type, typed.halfDays, typed.note);
  return true;
}
