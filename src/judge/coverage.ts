// Which alliances each unit of a Region belongs to by a date (梁平: 2018年10月底，区域内医联体全覆盖).
// The coverage rule and work-plan evidence both read it, so "covered" means one thing.
import { refKey } from '../load/refs.js';
import type { AllianceEntry, Workspace } from '../load/workspace.js';
import type { Region } from '../model/kinds.js';

export interface RegionCoverage {
  /** Each unit of the coverage levels and the alliances it is a (non-lead) member of by the date. */
  units: { unit: Region['units'][number]; homes: AllianceEntry[] }[];
  /** The latest `joined` among the memberships counted (undefined when none says). */
  lastJoined?: string;
}

export function regionCoverage(ws: Workspace, region: Region, by: string): RegionCoverage {
  const levels = region.coverage?.levels ?? [];
  let lastJoined: string | undefined;
  const units = region.units
    .filter((u) => levels.includes(u.level))
    .map((u) => {
      const names = new Set([u.name, ...(u.aliases ?? [])].map(refKey));
      const homes = ws.alliances.filter((a) =>
        a.data.units.some((m) => {
          const hit = m.role !== 'lead' && (!m.joined || m.joined <= by) && [m.name, ...(m.aliases ?? [])].some((n) => names.has(refKey(n)));
          if (hit && m.joined && (!lastJoined || m.joined > lastJoined)) lastJoined = m.joined;
          return hit;
        }),
      );
      return { unit: u, homes };
    });
  return { units, ...(lastJoined ? { lastJoined } : {}) };
}
