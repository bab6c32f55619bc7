// A hand-written check of one activity-log entry for the common case, so a log of 500,000
// entries is not run through zod row by row (its cost dominated reading a large log). It only
// ever accepts: whatever it does not recognise as plainly valid returns undefined, and zod then
// decides and words the diagnostics. test/load/activity-entry.test.ts checks that what it
// accepts is exactly zod's output.
import { RawNumber } from '../model/common.js';
import { ACTIVITY_SYNONYMS, ACTIVITY_TYPES, type ActivityEntry } from '../model/kinds.js';
import { normalizeDate } from '../time/dates.js';

const FIELDS = new Set(['date', 'person', 'unit', 'type', 'halfDays', 'note']);
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

/** The typed entry zod would give for `v`, or undefined when zod must decide. */
export function quickEntry(v: unknown): ActivityEntry | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || v instanceof RawNumber || Object.getPrototypeOf(v) !== Object.prototype) return undefined;
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!FIELDS.has(k) || o[k] === undefined) return undefined;
  const rawDate = asText(o.date);
  const date = rawDate === undefined ? undefined : dateOf(rawDate);
  const person = asText(o.person)?.trim();
  const unit = asText(o.unit)?.trim();
  if (!date || !person || !unit) return undefined;
  const t = o.type;
  const type = typeof t === 'string' && ACTIVITY_SYNONYMS[t.trim()] ? ACTIVITY_SYNONYMS[t.trim()] : t;
  if (!TYPES.has(type)) return undefined;
  const entry = { date, person, unit, type } as ActivityEntry;
  if ('halfDays' in o) {
    const h = o.halfDays instanceof RawNumber ? o.halfDays.value : o.halfDays;
    if (typeof h !== 'number' || !Number.isInteger(h) || h < 1 || h > 62) return undefined;
    entry.halfDays = h;
  }
  if ('note' in o) {
    const note = asText(o.note);
    if (note === undefined) return undefined;
    entry.note = note;
  }
  return entry;
}
