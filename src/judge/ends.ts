// The ends a clerk prepares for, judged as of a date: the alliance cycle, each group's term
// (理事会每届任期3年) and each assignment. Each is running, ending within the look-ahead, or
// ended, with the record that set it. The expiring rule words these; the ics calendar puts them
// in the phone's calendar. Pure: the as-of date and the look-ahead are parameters.
import type { AllianceEntry, Workspace } from '../load/workspace.js';
import { isAssumed } from '../model/assumed.js';
import type { Assignment, Roster } from '../model/kinds.js';
import { addDays, isoDate, parseIso } from '../time/dates.js';

/** Last day of a term of `years` years that starts on `start`. */
export function termEnd(start: string, years: number): string {
  const { y, m, d } = parseIso(start);
  const end = isoDate(y + years, m, Math.min(d, m === 2 ? 28 : d));
  return addDays(end, -1);
}

export type EndState = 'running' | 'ending-soon' | 'ended';

interface EndBase {
  start: string;
  end: string;
  state: EndState;
  /** The end rests on a value the source does not state. */
  assumed: boolean;
}

export type EndJudgement =
  | (EndBase & { kind: 'cycle'; alliance: AllianceEntry; cycle: NonNullable<AllianceEntry['data']['cycle']> })
  | (EndBase & { kind: 'term'; alliance: AllianceEntry; group: NonNullable<AllianceEntry['data']['groups']>[number]; years: number })
  | (EndBase & { kind: 'assignment'; alliance: AllianceEntry | undefined; roster: Roster; assignment: Assignment });

/** Every cycle, term and assignment end of the workspace as of a date, in file order. */
export function judgeEnds(ws: Workspace, o: { asOf: string; withinDays: number }): EndJudgement[] {
  const soon = addDays(o.asOf, o.withinDays);
  const state = (end: string): EndState => (end < o.asOf ? 'ended' : end <= soon ? 'ending-soon' : 'running');
  const out: EndJudgement[] = [];
  for (const a of ws.alliances) {
    const c = a.data.cycle;
    if (c) out.push({ kind: 'cycle', alliance: a, cycle: c, start: c.start, end: c.end, state: state(c.end), assumed: isAssumed(c, 'end') });
    for (const g of a.data.groups ?? []) {
      if (!g.term) continue;
      const end = termEnd(g.term.start, g.term.years);
      out.push({ kind: 'term', alliance: a, group: g, years: g.term.years, start: g.term.start, end, state: state(end), assumed: isAssumed(g.term, 'start') || isAssumed(g.term, 'years') });
    }
  }
  for (const r of ws.data('Roster'))
    for (const asg of r.assignments)
      if (asg.end) out.push({ kind: 'assignment', alliance: ws.allianceFor(r.alliance), roster: r, assignment: asg, start: asg.start, end: asg.end, state: state(asg.end), assumed: isAssumed(asg, 'end') || isAssumed(r) });
  return out;
}
