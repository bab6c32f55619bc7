// Shares of facilities that are not member units (荆门「100%的社区卫生服务站…80%的村卫生室能规范熟练
// 开展4类6项以上中医药适宜技术服务」): the facilities of a kind listed under the alliance's units,
// and how many meet the figures a Quotas `facilities:` target asks. Compared exactly (min: 4/5).
// Pure: the as-of date is a parameter.
import type { AllianceEntry, Workspace } from '../load/workspace.js';
import type { Facility, FacilityShare } from '../model/kinds.js';

export interface FacilityJudgement {
  target: FacilityShare;
  alliance: AllianceEntry;
  /** Facilities of the kind, with their unit's name. */
  total: number;
  met: number;
  /** Names of those that do not meet it, and of those with no figures (counted as not meeting). */
  short: string[];
  noData: string[];
  /** 'met'; 'below' once owed (by: passed); 'below-open' with no by: or before it; 'none' (no facility of the kind listed). */
  state: 'met' | 'below' | 'below-open' | 'none';
}

const FIELDS = ['tcmCategories', 'tcmTechniques'] as const;
// a tolerance far below the gap between any ratio of realistic counts and the bound
const EPS = 1e-9;

export function judgeFacilities(ws: Workspace, asOf: string): FacilityJudgement[] {
  const out: FacilityJudgement[] = [];
  for (const q of ws.data('Quotas')) {
    const alliance = ws.allianceFor(q.alliance);
    if (!alliance) continue;
    for (const target of q.facilities ?? []) {
      const all: { unit: string; f: Facility }[] = alliance.data.units.flatMap((u) => (u.facilities ?? []).filter((f) => f.kind === target.kind).map((f) => ({ unit: u.name, f })));
      const short: string[] = [];
      const noData: string[] = [];
      for (const { unit, f } of all) {
        const label = `${unit}/${f.name}`;
        const asked = FIELDS.filter((k) => target.where[k] !== undefined);
        if (asked.some((k) => f[k] === undefined)) noData.push(label);
        else if (asked.some((k) => f[k]! < target.where[k]!)) short.push(label);
      }
      const met = all.length - short.length - noData.length;
      const ok = all.length > 0 && met / all.length >= target.min - EPS;
      const state = !all.length ? 'none' : ok ? 'met' : target.by && target.by < asOf ? 'below' : 'below-open';
      out.push({ target, alliance, total: all.length, met, short, noData, state });
    }
  }
  return out;
}
