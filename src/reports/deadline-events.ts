// The dated things a clerk wants in the phone's calendar (check --format ics): every work-plan
// duty with a deadline (from the same judgements check uses), the alliance cycle's end, group
// terms and assignment ends. Each event carries a content identity (alliance, item, period) so a
// re-import updates it, and the working day its reminder falls on. Pure: as-of date and the
// working-day calendar are parameters.
import type { Workspace } from '../load/workspace.js';
import { t, type Text } from '../model/diagnostic.js';
import { byCodePoint } from '../model/order.js';
import { judgeItems, isDone, type DutyState } from '../judge/items.js';
import { termEnd } from '../rules/expiring.js';
import { addDays, dayNumber } from '../time/dates.js';
import { CalendarGapError } from '../time/calendar.js';

export interface DeadlineEvent {
  /** Content identity, stable across runs and file order. */
  uid: string;
  date: string;
  summary: Text;
  description: Text;
  /** The day (09:00 Beijing) to be reminded on; absent when nothing is left to do. */
  remind?: string;
}

export interface DeadlineCalendar {
  name: Text;
  asOf: string;
  events: DeadlineEvent[];
}

const STATE: Record<DutyState, Text> = {
  done: t('已完成', 'done'),
  'done-late': t('已完成（逾期）', 'done late'),
  satisfied: t('已有记录', 'shown by records'),
  open: t('未完成', 'open'),
  'due-soon': t('即将到期', 'due soon'),
  overdue: t('已逾期', 'overdue'),
  missed: t('漏期', 'missed'),
  'not-yet-owed': t('未到期', 'not yet owed'),
  'cannot-judge': t('无法判断', 'cannot judge'),
};

/** The day `n` working days before `date` (weekends only where the calendar has no year). */
export function workdaysBefore(cal: { isWorkday(d: string): boolean }, date: string, n: number): string {
  const work = (d: string) => {
    try {
      return cal.isWorkday(d);
    } catch (e) {
      if (!(e instanceof CalendarGapError)) throw e;
      const wd = (dayNumber(d) + 4) % 7; // 1970-01-01 was a Thursday
      return wd !== 0 && wd !== 6;
    }
  };
  let d = date;
  for (let left = n; left > 0; ) {
    d = addDays(d, -1);
    if (work(d)) left--;
  }
  return d;
}

/** FNV-1a, 32 bits, as 8 hex digits. */
function fnv(s: string, seed: number): string {
  let h = seed >>> 0;
  for (const b of new TextEncoder().encode(s)) h = Math.imul(h ^ b, 16777619) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** A UID from what the event is: its kind, readable ASCII parts, and a hash of the whole identity. */
function id(kind: string, ...parts: (string | number | undefined)[]): string {
  const whole = [kind, ...parts].map((p) => String(p ?? '')).join('\u0000');
  const readable = [kind, ...parts.map((p) => String(p ?? '').replace(/[^A-Za-z0-9-]+/g, ''))].filter(Boolean).join('-');
  return `${readable}-${fnv(whole, 2166136261)}${fnv(whole, 0x811c9dc5 ^ 0x5bd1e995)}`;
}
const line = (zh: string[], en: string[]): Text => ({ zh: zh.join('\n'), en: en.join('\n') });

/** Every dated event of the workspace, sorted by date then identity. */
export function deadlineEvents(ws: Workspace, o: { asOf: string; withinDays: number; remindWorkdays: number; calendar: { isWorkday(d: string): boolean } }): DeadlineCalendar {
  const events: DeadlineEvent[] = [];
  // a reminder the as-of date has passed would never ring; leave it out
  const remind = (date: string) => {
    const r = workdaysBefore(o.calendar, date, o.remindWorkdays);
    return r >= o.asOf ? { remind: r } : {};
  };
  const allianceId = (ref: string | undefined) => ws.allianceFor(ref)?.data.id ?? ref ?? '';

  for (const j of judgeItems(ws, { asOf: o.asOf, withinDays: o.withinDays })) {
    const { plan, item } = j;
    const plan_ = plan.id ?? plan.title ?? String(plan.year ?? plan.years ?? '');
    const title = item.task.length > 24 ? `${item.task.slice(0, 24)}…` : item.task;
    for (const d of j.duties) {
      if (!d.deadline) continue;
      const period = d.key ? `（${d.key === 'first' ? '首次' : d.key}）` : '';
      const periodEn = d.key ? ` (${d.key})` : '';
      events.push({
        uid: id('item', allianceId(plan.alliance), plan_, item.no, d.key ?? 'due'),
        date: d.deadline,
        summary: t(`第${item.no}项 ${title}${period}`, `Item ${item.no} ${title}${periodEn}`),
        description: line(
          [item.task, `牵头科室：${item.lead}`, `截止：${d.deadline}`, `状态：${STATE[d.state].zh}（截至 ${o.asOf}）`],
          [item.task, `Lead: ${item.lead}`, `Due: ${d.deadline}`, `Status: ${STATE[d.state].en} (as of ${o.asOf})`],
        ),
        ...(isDone(d) ? {} : remind(d.deadline)),
      });
    }
  }
  for (const a of ws.alliances) {
    const c = a.data.cycle;
    if (c)
      events.push({
        uid: id('cycle', a.data.id, c.start),
        date: c.end,
        summary: t(`${a.data.name}周期结束`, `${a.data.name}: cycle ends`),
        description: t(`「${a.data.name}」的周期 ${c.start} 至 ${c.end}。`, `The cycle of ${a.data.name}: ${c.start} to ${c.end}.`),
        ...remind(c.end),
      });
    for (const g of a.data.groups ?? []) {
      if (!g.term) continue;
      const end = termEnd(g.term.start, g.term.years);
      events.push({
        uid: id('term', a.data.id, g.id ?? g.name, g.term.start),
        date: end,
        summary: t(`${g.name}任期届满`, `${g.name}: term ends`),
        description: t(`「${g.name}」本届任期自 ${g.term.start} 起 ${g.term.years} 年，${end} 届满，请准备换届。`, `The term of ${g.name} from ${g.term.start} (${g.term.years} years) ends on ${end}.`),
        ...remind(end),
      });
    }
  }
  for (const r of ws.data('Roster'))
    for (const asg of r.assignments) {
      if (!asg.end) continue;
      events.push({
        uid: id('assignment', allianceId(r.alliance), asg.person, asg.target, asg.start),
        date: asg.end,
        summary: t(`${asg.person}下派结束（${asg.target}）`, `${asg.person}: assignment at ${asg.target} ends`),
        description: t(`「${asg.person}」在「${asg.target}」的下派 ${asg.start} 至 ${asg.end}。`, `${asg.person} at ${asg.target}: ${asg.start} to ${asg.end}.`),
        ...remind(asg.end),
      });
    }
  // one event per identity (two files naming the same thing), in an order no file order changes
  const seen = new Set<string>();
  const unique = events.filter((e) => !seen.has(e.uid) && (seen.add(e.uid), true));
  unique.sort((a, b) => byCodePoint(a.date, b.date) || byCodePoint(a.uid, b.uid));
  const names = ws.alliances.map((a) => a.data.name).sort(byCodePoint);
  return { name: t(names.length ? `${names.join('、')} 工作日历` : '医联体工作日历', names.length ? `${names.join(', ')} deadlines` : 'Alliance deadlines'), asOf: o.asOf, events: unique };
}
