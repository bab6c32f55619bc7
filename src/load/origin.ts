// Where every parsed object came from, so rules can point at a record or one of its fields.
// Kept on the object under symbols (not enumerable: invisible to JSON, Object.keys and
// comparisons) rather than in a WeakMap: a log of 500,000 entries made that map the largest cost
// of reading it. An element of a list holds the list's origin and its index, not a path of its
// own; a log's entries (an EntryStore) are traced as they are made into objects.
import type { SourcePos } from '../model/diagnostic.js';
import { EntryStore } from '../model/entry-store.js';
import type { PathKey, PositionIndex } from './yaml.js';

const ORIGIN = Symbol('origin');
const INDEX = Symbol('index');
interface Origin {
  positions: PositionIndex;
  path: PathKey[];
}
type Traced = { [ORIGIN]?: Origin; [INDEX]?: number };

function mark(obj: object, origin: Origin, index?: number): void {
  Object.defineProperty(obj, ORIGIN, { value: origin, configurable: true, writable: true });
  if (index !== undefined) Object.defineProperty(obj, INDEX, { value: index, configurable: true, writable: true });
}

export function registerOrigins(value: unknown, positions: PositionIndex, path: PathKey[] = []): void {
  if (value === null || typeof value !== 'object') return;
  if (value instanceof EntryStore) {
    const origin = { positions, path };
    value.trace = (e, i) => mark(e, origin, i);
    return;
  }
  const origin = { positions, path };
  mark(value, origin);
  const isObject = (v: unknown): v is object => v !== null && typeof v === 'object';
  if (Array.isArray(value))
    value.forEach((v, i) => {
      if (!isObject(v)) return;
      // Flat records (a log's entries) point at the list; others need paths for their children.
      if (flat(v)) mark(v, origin, i);
      else registerOrigins(v, positions, [...path, i]);
    });
  else for (const [k, v] of Object.entries(value)) if (isObject(v)) registerOrigins(v, positions, [...path, k]);
}

function flat(v: object): boolean {
  for (const k in v) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== null && typeof x === 'object') return false;
  }
  return true;
}

/** Set the origin of an object read from somewhere other than YAML (CSV/XLSX rows). */
export function setOrigin(obj: object, positions: PositionIndex, path: PathKey[]): void {
  mark(obj, { positions, path });
}

/** Source position of a record, or of one of its fields' value. */
export function locOf(obj: object | undefined, field?: PathKey): SourcePos | undefined {
  if (!obj) return undefined;
  const o = (obj as Traced)[ORIGIN];
  if (!o) return undefined;
  const index = (obj as Traced)[INDEX];
  const path = index === undefined ? o.path : [...o.path, index];
  return field === undefined ? o.positions.valueAt(path) : o.positions.valueAt([...path, field]);
}

