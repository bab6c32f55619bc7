// Which alliances each unit of a Region belongs to by a date (梁平: 2018年10月底，区域内医联体全覆盖).
// The coverage rule, work-plan evidence and the ics calendar read it, so "covered" means one thing.
import { refKey } from '../load/refs.js';
import type { AllianceEntry, Workspace } from '../load/workspace.js';
import type { Region } from '../model/kinds.js';
import { addDays } from '../time/dates.js';

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

/**
 * A Region's coverage target as of a date: complete (every unit of the levels in exactly one
 * alliance by the target date), pending (not yet, and the date is within the look-ahead),
 * not yet owed (further off), or incomplete (the date has passed). The units in none or in
 * several alliances are named.
 */
export interface CoverageJudgement {
  region: Region;
  by: string;
  state: 'complete' | 'pending' | 'not-yet-owed' | 'incomplete';
  coverage: RegionCoverage;
  /** Units in no alliance, and units in several. */
  uncovered: Region['units'][number][];
  multiple: { unit: Region['units'][number]; homes: AllianceEntry[] }[];
}

export function judgeCoverage(ws: Workspace, o: { asOf: string; withinDays: number }): CoverageJudgement[] {
  const soon = addDays(o.asOf, o.withinDays);
  return ws.data('Region').flatMap((region) => {
    const c = region.coverage;
    if (!c) return [];
    const coverage = regionCoverage(ws, region, c.by);
    const uncovered = coverage.units.filter((u) => u.homes.length === 0).map((u) => u.unit);
    const multiple = coverage.units.filter((u) => u.homes.length > 1);
    const state = !uncovered.length && !multiple.length ? 'complete' : o.asOf > c.by ? 'incomplete' : c.by <= soon ? 'pending' : 'not-yet-owed';
    return [{ region, by: c.by, state, coverage, uncovered, multiple }];
  });
}
