// Reference indexes: records found by id, name or alias.
import { halfWidth } from '../time/dates.js';
import { suggest } from './suggest.js';

export interface Referable {
  id?: string;
  name: string;
  aliases?: string[];
}

export type Lookup<T> = { ok: true; value: T } | { ok: false; ambiguous: T[] };

/** Spelling-insensitive key: no spaces (full-width or not), full-width digits folded. */
export function refKey(s: string): string {
  return halfWidth(s).toLowerCase();
}

export class RefIndex<T extends Referable> {
  private readonly byKey = new Map<string, T[]>();
  readonly all: T[] = [];

  constructor(records: Iterable<T> = []) {
    for (const r of records) this.add(r);
  }

  add(r: T): void {
    this.all.push(r);
    const keys = new Set([r.id, r.name, ...(r.aliases ?? [])].filter((k): k is string => !!k).map(refKey));
    for (const k of keys) {
      const list = this.byKey.get(k);
      if (list) list.push(r);
      else this.byKey.set(k, [r]);
    }
  }

  lookup(ref: string): Lookup<T> {
    const hits = this.byKey.get(refKey(ref)) ?? [];
    // An id or full name beats an alias that another record happens to share.
    if (hits.length > 1) {
      const exact = hits.filter((h) => h.id === ref || h.name === ref);
      if (exact.length === 1) return { ok: true, value: exact[0]! };
    }
    if (hits.length === 1) return { ok: true, value: hits[0]! };
    // Suggestions cost a pass over every name: only the diagnostic that needs them asks.
    return { ok: false, ambiguous: hits };
  }

  get(ref: string): T | undefined {
    const r = this.lookup(ref);
    return r.ok ? r.value : undefined;
  }

  suggestions(ref: string): string[] {
    const names: string[] = [];
    for (const r of this.all) names.push(r.name, ...(r.aliases ?? []), ...(r.id ? [r.id] : []));
    return suggest(ref, names);
  }

  /** Display label: the name, and the id when the name alone is shared. */
  label(r: T): string {
    const same = this.byKey.get(refKey(r.name)) ?? [];
    return same.length > 1 && r.id ? `${r.name}（${r.id}）` : r.name;
  }
}
