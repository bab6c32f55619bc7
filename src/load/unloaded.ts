// Kinds a file meant to define but did not: when a Roster fails to load, every reference to its
// people would otherwise be "unknown" — one mistake reported a hundred times far from its cause.
// The file's own errors say what is wrong; references.ts folds the rest into one note.
import { KINDS, type Kind } from '../model/kinds.js';

/** A top-level `kind: Roster` line (the document may not have parsed, so the text is read). */
const KIND_LINE = /^kind:[ \t]*["']?([A-Za-z]+)["']?[ \t]*(?:#.*)?$/gm;

/** The kinds `text` names more often than it yielded documents of (`loaded`). */
export function unloadedKinds(text: string, loaded: readonly Kind[]): Kind[] {
  const missing = new Map<Kind, number>();
  for (const m of text.matchAll(KIND_LINE)) {
    const kind = m[1] as Kind;
    if (KINDS.includes(kind)) missing.set(kind, (missing.get(kind) ?? 0) + 1);
  }
  for (const k of loaded) missing.set(k, (missing.get(k) ?? 0) - 1);
  return [...missing].filter(([, n]) => n > 0).map(([k]) => k);
}
