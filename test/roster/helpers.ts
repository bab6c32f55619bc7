// Shared by the roster tests: load an example workspace the way the CLI does.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadWorkspace } from '../../src/io/workspace.js';
import type { Alliance, Roster, Unit } from '../../src/model/kinds.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EXAMPLES = path.join(ROOT, 'examples');

export interface Example {
  dir: string;
  alliance: Alliance;
  roster: Roster;
  resolveUnit: (ref: string) => Unit | undefined;
}

export async function loadRosterExamples(): Promise<Example[]> {
  const fs = await import('node:fs');
  const out: Example[] = [];
  for (const name of fs.readdirSync(EXAMPLES).sort()) {
    const dir = path.join(EXAMPLES, name);
    if (!fs.statSync(dir).isDirectory()) continue;
    const { workspace } = await loadWorkspace([dir]);
    for (const r of workspace.data('Roster')) {
      const entry = workspace.allianceFor(r.alliance);
      if (!entry) continue;
      out.push({ dir: name, alliance: entry.data, roster: r, resolveUnit: (ref) => entry.units.get(ref) });
    }
  }
  return out;
}

/** Roster fields the printed list carries, with unit references resolved to unit names. */
export function projection(roster: Pick<Roster, 'people' | 'assignments'>, resolveUnit: (ref: string) => Unit | undefined) {
  const unit = (ref: string) => resolveUnit(ref)?.name ?? ref;
  const byRef = new Map<string, string>();
  for (const p of roster.people) for (const k of [p.id, p.name, ...(p.aliases ?? [])]) if (k) byRef.set(k, p.name);
  return {
    people: roster.people
      .map((p) => ({ name: p.name, gender: p.gender, unit: unit(p.unit), specialty: p.specialty, title: p.title, phone: p.phone }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    assignments: roster.assignments
      .map((a) => ({ person: byRef.get(a.person) ?? a.person, target: unit(a.target), start: a.start, end: a.end, post: a.post, batch: a.batch }))
      .sort((a, b) => `${a.person}${a.start}`.localeCompare(`${b.person}${b.start}`)),
  };
}
