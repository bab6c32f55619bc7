// Per-dispatch deliverables (Roster `deliverables:`, FORMAT.md): what each dispatched expert
// (`each: assignment`) or each batch (`each: batch`) owes by the dispatch's end — 务川「每批次下派的
// 专家达到“五个一”要求」, 「下派期间专家帮助对方组织一次综合质量管理检查」. Judged once per
// deliverable × batch, naming who still owes which items. Pure: the as-of date is a parameter.
import type { AllianceEntry, Workspace } from '../load/workspace.js';
import { locOf } from '../load/schema.js';
import { at, t } from '../model/diagnostic.js';
import type { Assignment, Deliverable, Roster } from '../model/kinds.js';
import { byCodePoint } from '../model/order.js';
import { foldActivity, type MonthAgg } from '../rules/quota-measures.js';
import { addDays } from '../time/dates.js';
import type { Proof } from './evidence.js';

export interface DeliverableJudgement {
  roster: Roster;
  deliverable: Deliverable;
  /** The batch label (`batch:`, else the start date). */
  batch: string;
  start: string;
  /** The day the batch's last dispatch ends: everything is owed by then. */
  end: string;
  state: 'done' | 'open' | 'due-soon' | 'overdue' | 'not-yet-owed';
  /** Who still owes which items (a person, or the batch as a whole). */
  owing: { who: string; items: string[] }[];
  /** The assignment a clerk records `delivered:` on (the first that still owes). */
  at: Assignment;
  proofs: Proof[];
}

/** Whether the log has an entry of `type` at the unit (by the person, when given) within [from, to]. */
function logged(agg: MonthAgg | undefined, type: string, from: string, to: string): string | undefined {
  if (!agg) return undefined;
  const days: string[] = [];
  for (const [month, byType] of agg) {
    if (month < from.slice(0, 7) || month > to.slice(0, 7)) continue;
    for (const day of byType.get(type as never)?.keys() ?? []) if (day >= from && day <= to) days.push(day);
  }
  return days.sort(byCodePoint)[0];
}

/** Every deliverable of every Roster, per batch, as of a date. */
export function judgeDeliverables(ws: Workspace, o: { asOf: string; withinDays: number }): DeliverableJudgement[] {
  const out: DeliverableJudgement[] = [];
  const fold = foldActivity(ws);
  for (const roster of ws.data('Roster')) {
    if (!roster.deliverables?.length) continue;
    const alliance: AllianceEntry | undefined = ws.allianceFor(roster.alliance);
    const people = ws.peopleFor(roster.alliance);
    const batches = new Map<string, Assignment[]>();
    for (const a of roster.assignments) {
      const key = a.batch ?? a.start;
      batches.set(key, [...(batches.get(key) ?? []), a]);
    }
    for (const d of roster.deliverables) {
      for (const [batch, as] of batches) {
        // a dispatch with no end owes nothing yet: there is no day to owe it by
        if (as.some((a) => !a.end)) continue;
        const start = as.map((a) => a.start).sort(byCodePoint)[0]!;
        const end = as.map((a) => a.end!).sort(byCodePoint).at(-1)!;
        const subjects = d.each === 'assignment' ? as.map((a) => [a]) : [as];
        const owing: DeliverableJudgement['owing'] = [];
        const proofs: Proof[] = [];
        let first: Assignment | undefined;
        for (const group of subjects) {
          const to = end < o.asOf ? end : o.asOf;
          // an activity-log entry of the type at the target during the dispatch shows every item
          const byLog = d.activity
            ? group.map((a) => {
                const person = people.get(a.person);
                const unit = alliance?.units.get(a.target);
                const agg = person && unit ? fold.byPersonUnit.get(person)?.get(unit) : undefined;
                const day = logged(d.each === 'assignment' ? agg : unit ? fold.byUnit.get(unit) : undefined, d.activity!, a.start, a.end! < to ? a.end! : to);
                return day ? { a, day } : undefined;
              }).find((x) => x)
            : undefined;
          if (byLog) proofs.push({ kind: 'activity', date: byLog.day, text: t(`${byLog.a.target} ${byLog.day} ${d.activity}`, `${d.activity} at ${byLog.a.target} on ${byLog.day}`) });
          const missing = byLog
            ? []
            : d.items.filter((item) => {
                const hit = group.find((a) => a.delivered?.[item] !== undefined && a.delivered[item]! <= o.asOf);
                if (hit) proofs.push({ kind: 'dispatch', date: hit.delivered![item]!, text: t(`${hit.person} ${hit.delivered![item]} ${item}`, `${hit.person}: ${item} on ${hit.delivered![item]}`), ...at(locOf(hit.delivered!, item)) });
                return !hit;
              });
          if (missing.length) {
            owing.push({ who: d.each === 'assignment' ? group[0]!.person : batch, items: missing });
            first ??= group[0];
          }
        }
        const soon = addDays(o.asOf, o.withinDays);
        const state = !owing.length ? 'done' : start > o.asOf ? 'not-yet-owed' : end < o.asOf ? 'overdue' : end <= soon ? 'due-soon' : 'open';
        out.push({ roster, deliverable: d, batch, start, end, state, owing, at: first ?? as[0]!, proofs });
      }
    }
  }
  return out;
}
