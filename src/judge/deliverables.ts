// Per-dispatch deliverables (Roster `deliverables:`, FORMAT.md): what each dispatched expert
// (`each: assignment`) or each batch (`each: batch`) owes by the dispatch's end — 务川「每批次下派的
// 专家达到“五个一”要求」, 「下派期间专家帮助对方组织一次综合质量管理检查」 — or some time after it
// (`due:`): the assessment of each dispatched person (绍兴「对下派人员的出勤情况和工作质量进行考核」),
// recorded with its result. Judged once per
// deliverable × batch, naming who still owes which items. Pure: the as-of date is a parameter.
import type { AllianceEntry, Workspace } from '../load/workspace.js';
import { locOf } from '../load/schema.js';
import { at, t } from '../model/diagnostic.js';
import type { Assignment, Deliverable, Roster } from '../model/kinds.js';
import { byCodePoint } from '../model/order.js';
import { foldActivity } from '../rules/quota-measures.js';
import { typeMask, type DayAgg } from '../rules/day-runs.js';
import { addDays } from '../time/dates.js';
import { parseAfterEnd, resolveCycleEnd } from '../time/due.js';
import type { Proof } from './evidence.js';

export interface DeliverableJudgement {
  roster: Roster;
  deliverable: Deliverable;
  /** The batch label (`batch:`, else the start date). */
  batch: string;
  start: string;
  /** The day the batch's last dispatch ends. */
  end: string;
  /** The day everything is owed by: the end, or later by the deliverable's `due` (结束后一个月内). */
  due: string;
  state: 'done' | 'open' | 'due-soon' | 'overdue' | 'not-yet-owed';
  /** Who still owes which items (a person, or the batch as a whole). */
  owing: { who: string; items: string[] }[];
  /** The assignment a clerk records `delivered:` on (the first that still owes). */
  at: Assignment;
  proofs: Proof[];
}

/**
 * What an assignment records for an item, as of a day: its date, and its result where the
 * deliverable asks one (a record without the result, or with a grade not listed, does not count).
 */
export function deliveredOn(a: Assignment, item: string, d: Deliverable, asOf: string): { date: string; result?: string } | 'no-result' | undefined {
  const v = a.delivered?.[item];
  if (v === undefined) return undefined;
  const rec = typeof v === 'string' ? { date: v } : v;
  if (rec.date > asOf) return undefined;
  if (d.result && (rec.result === undefined || (Array.isArray(d.result) && !d.result.includes(rec.result)))) return 'no-result';
  return rec.result !== undefined ? { date: rec.date, result: rec.result } : { date: rec.date };
}

/** Whether the log has an entry of `type` at the unit (by the person, when given) within [from, to]. */
function logged(agg: DayAgg | undefined, type: string, from: string, to: string): string | undefined {
  return agg?.first(typeMask([type]), from, to);
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
            : d.items.flatMap((item) => {
                let noResult = false;
                for (const a of group) {
                  const rec = deliveredOn(a, item, d, o.asOf);
                  if (rec === 'no-result') noResult = true;
                  if (!rec || rec === 'no-result') continue;
                  const r = rec.result !== undefined ? `（${rec.result}）` : '';
                  proofs.push({ kind: 'dispatch', date: rec.date, text: t(`${a.person} ${rec.date} ${item}${r}`, `${a.person}: ${item} on ${rec.date}${rec.result !== undefined ? ` (${rec.result})` : ''}`), ...at(locOf(a.delivered!, item)) });
                  return [];
                }
                return [noResult ? `${item}（没有结果）` : item];
              });
          if (missing.length) {
            owing.push({ who: d.each === 'assignment' ? group[0]!.person : batch, items: missing });
            first ??= group[0];
          }
        }
        const soon = addDays(o.asOf, o.withinDays);
        const after = d.due !== undefined ? parseAfterEnd(d.due) : undefined;
        const due = after ? resolveCycleEnd(after, end) : end;
        const state = !owing.length ? 'done' : start > o.asOf ? 'not-yet-owed' : due < o.asOf ? 'overdue' : due <= soon ? 'due-soon' : 'open';
        out.push({ roster, deliverable: d, batch, start, end, due, state, owing, at: first ?? as[0]!, proofs });
      }
    }
  }
  return out;
}
