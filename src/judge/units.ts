// Per-unit duties (`each: unit`, FORMAT.md): an item owed once by every member unit (各成员单位每季度
// 报告, 任务责任书 with each unit), per period when it recurs. Which units owe it in a window, and
// which of them the item's `units:` dates show. One judgement per item × period lists the units
// still missing, so a clerk reads one line, not one per unit. Pure.
import type { AllianceEntry } from '../load/workspace.js';
import { locOf } from '../load/schema.js';
import { at, t, type Text } from '../model/diagnostic.js';
import type { EachUnit, Unit, WorkItem } from '../model/kinds.js';
import { byCodePoint } from '../model/order.js';
import { unitMatches } from '../rules/quota-measures.js';
import type { EvidenceWindow, Proof } from './evidence.js';

/** What the units owing an item in one window show. */
export interface UnitTally {
  /** Names of the units that owe it (joined by the window's end). */
  owed: string[];
  /** The units that did it in the window, with the first day they did. */
  shown: { unit: string; date: string }[];
  /** Names of the units with nothing recorded in the window, in the order of the Alliance. */
  missing: string[];
}

/** The units an `each:` names, as of a day (a unit that joins later does not owe it yet). */
export function owingUnits(alliance: AllianceEntry, each: EachUnit, by: string): Unit[] {
  const units =
    each === 'unit'
      ? alliance.data.units.filter((u) => u.role !== 'lead')
      : 'unit' in each
        ? alliance.data.units.filter((u) => unitMatches({ units: each.unit }, u))
        : each.units.flatMap((r) => alliance.units.get(r) ?? []);
  return [...new Set(units)].filter((u) => !u.joined || u.joined <= by);
}

/** The dates the item's `units:` map records, by the unit each key names (unknown keys are left to validate). */
export function unitDates(alliance: AllianceEntry, item: WorkItem): Map<Unit, string[]> {
  const out = new Map<Unit, string[]>();
  for (const [ref, v] of Object.entries(item.units ?? {})) {
    const u = alliance.units.get(ref);
    if (u) out.set(u, [...(out.get(u) ?? []), ...(Array.isArray(v) ? v : [v])]);
  }
  return out;
}

export interface UnitResult {
  met: boolean;
  /** The day the last owing unit did it, once all have. */
  date?: string;
  proofs: Proof[];
  missing: Text[];
  tally: UnitTally;
}

const label = (alliance: AllianceEntry, u: Unit) => alliance.units.label(u as Unit & { name: string });

/** Whether every unit owing the item in the window shows a date in it (dates after `w.to` do not count yet). */
export function unitsShown(alliance: AllianceEntry, item: WorkItem, each: EachUnit, w: EvidenceWindow): UnitResult {
  const dates = unitDates(alliance, item);
  const owed = owingUnits(alliance, each, w.to);
  const shown: UnitTally['shown'] = [];
  const missing: string[] = [];
  for (const u of owed) {
    const first = (dates.get(u) ?? []).filter((d) => d >= w.from && d <= w.to).sort(byCodePoint)[0];
    if (first) shown.push({ unit: label(alliance, u), date: first });
    else missing.push(label(alliance, u));
  }
  const tally = { owed: owed.map((u) => label(alliance, u)), shown, missing };
  const n = `${shown.length}/${owed.length}`;
  const proofs: Proof[] = shown.length
    ? [{ kind: 'units', text: t(`${n} 家单位已有记录`, `${n} units recorded`), ...at(locOf(item, 'units')) }]
    : [];
  if (!owed.length)
    return { met: false, proofs, missing: [t('没有应承担此事项的单位（each 的条件没有匹配到单位）', 'no unit owes it (each: matches no unit)')], tally };
  // none at all: the count says it (the names are in the tally); otherwise name each one missing
  if (missing.length && !shown.length)
    return { met: false, proofs, missing: [t(`${owed.length} 家单位均没有记录`, `none of the ${owed.length} units has a record`)], tally };
  if (missing.length)
    return {
      met: false,
      proofs,
      missing: [t(`${missing.length}/${owed.length} 家单位没有记录（${missing.join('、')}）`, `${missing.length} of ${owed.length} units have no record (${missing.join(', ')})`)],
      tally,
    };
  const date = shown.map((s) => s.date).sort(byCodePoint).at(-1);
  return { met: true, ...(date ? { date } : {}), proofs, missing: [], tally };
}
