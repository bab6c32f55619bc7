// The dated things a clerk wants in the phone's calendar (check --format ics), all from the
// judgements check and report use: every work-plan duty with a deadline (judge/items.ts), each
// quota period from the as-of month on (judge/quotas.ts: one event per alliance, quota and period
// on its last working day, naming who is still short), Region coverage targets
// (judge/coverage.ts), and the cycle's end, group terms and assignment ends (judge/ends.ts). Each
// event carries a content identity (alliance, item or quota, period) so a re-import updates it,
// and the working day its reminder falls on. Pure: as-of date and the working-day calendar are
// parameters.
import type { Workspace } from '../load/workspace.js';
import { t, type Text } from '../model/diagnostic.js';
import { byCodePoint } from '../model/order.js';
import { judgeItems, isDone, type DutyState } from '../judge/items.js';
import { judgeEnds } from '../judge/ends.js';
import { judgeCoverage } from '../judge/coverage.js';
import { judgeQuotas, type QuotaPeriodJudgement } from '../judge/quotas.js';
import { listText } from '../judge/quota-measure.js';
import { requiredText, valueText } from '../rules/quota-wording.js';
import { periodLabel } from '../time/periods.js';
import { addDays, weekday } from '../time/dates.js';
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

/** Whether a day is worked: the calendar's answer, or Monday–Friday for a year it does not cover. */
function worked(cal: { isWorkday(d: string): boolean }, d: string): boolean {
  try {
    return cal.isWorkday(d);
  } catch (e) {
    if (!(e instanceof CalendarGapError)) throw e;
    const wd = weekday(d);
    return wd !== 0 && wd !== 6;
  }
}

/** The day `n` working days before `date` (weekends only where the calendar has no year). */
export function workdaysBefore(cal: { isWorkday(d: string): boolean }, date: string, n: number): string {
  let d = date;
  for (let left = n; left > 0; ) {
    d = addDays(d, -1);
    if (worked(cal, d)) left--;
  }
  return d;
}

/** The last working day on or before `date`, not before `floor` (a period with no working day keeps its last day). */
export function lastWorkday(cal: { isWorkday(d: string): boolean }, date: string, floor: string): string {
  for (let d = date; d >= floor; d = addDays(d, -1)) if (worked(cal, d)) return d;
  return date;
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
  for (const j of judgeEnds(ws, o)) {
    if (j.kind === 'cycle') {
      const a = j.alliance.data;
      events.push({
        uid: id('cycle', a.id, j.start),
        date: j.end,
        summary: t(`${a.name}周期结束`, `${a.name}: cycle ends`),
        description: t(`「${a.name}」的周期 ${j.start} 至 ${j.end}。`, `The cycle of ${a.name}: ${j.start} to ${j.end}.`),
        ...remind(j.end),
      });
    } else if (j.kind === 'term') {
      const g = j.group;
      events.push({
        uid: id('term', j.alliance.data.id, g.id ?? g.name, j.start),
        date: j.end,
        summary: t(`${g.name}任期届满`, `${g.name}: term ends`),
        description: t(`「${g.name}」本届任期自 ${j.start} 起 ${j.years} 年，${j.end} 届满，请准备换届。`, `The term of ${g.name} from ${j.start} (${j.years} years) ends on ${j.end}.`),
        ...remind(j.end),
      });
    } else {
      const asg = j.assignment;
      events.push({
        uid: id('assignment', j.alliance?.data.id ?? j.roster.alliance ?? '', asg.person, asg.target, asg.start),
        date: j.end,
        summary: t(`${asg.person}下派结束（${asg.target}）`, `${asg.person}: assignment at ${asg.target} ends`),
        description: t(`「${asg.person}」在「${asg.target}」的下派 ${asg.start} 至 ${j.end}。`, `${asg.person} at ${asg.target}: ${asg.start} to ${j.end}.`),
        ...remind(j.end),
      });
    }
  }
  for (const c of judgeCoverage(ws, o)) {
    const name = c.region.name;
    const n = c.coverage.units.length;
    const gaps = [...c.uncovered.map((u) => u.name), ...c.multiple.map((m) => m.unit.name)];
    const l = listText(gaps, 30);
    events.push({
      uid: id('coverage', name, c.by),
      date: c.by,
      summary: t(`${name}医联体全覆盖期限`, `${name}: full coverage due`),
      description:
        c.state === 'complete'
          ? t(`${name} ${n}/${n} 个单位均已加入医联体（截至 ${o.asOf}）。`, `${name}: all ${n} units are in an alliance (as of ${o.asOf}).`)
          : t(`${name} 须在 ${c.by} 前全部加入医联体；尚有 ${gaps.length} 个单位未恰好属于一个医联体：${l.zh}（截至 ${o.asOf}）。`, `${name}: every unit must be in one alliance by ${c.by}; ${gaps.length} are not: ${l.en} (as of ${o.asOf}).`),
      ...(c.state === 'complete' ? {} : remind(c.by)),
    });
  }
  for (const p of quotaPeriodsAhead(ws, o.asOf)) events.push(quotaEvent(p, o, remind, id));
  // one event per identity (two files naming the same thing), in an order no file order changes
  const seen = new Set<string>();
  const unique = events.filter((e) => !seen.has(e.uid) && (seen.add(e.uid), true));
  unique.sort((a, b) => byCodePoint(a.date, b.date) || byCodePoint(a.uid, b.uid));
  const names = ws.alliances.map((a) => a.data.name).sort(byCodePoint);
  return { name: t(names.length ? `${names.join('、')} 工作日历` : '医联体工作日历', names.length ? `${names.join(', ')} deadlines` : 'Alliance deadlines'), asOf: o.asOf, events: unique };
}

/**
 * The quota periods a calendar shows: each that ends within the 12 months before the as-of date
 * (with its outcome) or starts within the 12 months after it (judge/quotas.ts stops there and at
 * the cycle's end). A five-year plan gives at most two years of monthly events per quota, and
 * the next export carries the window on.
 */
export function quotaPeriodsAhead(ws: Workspace, asOf: string): QuotaPeriodJudgement[] {
  const back = `${Number(asOf.slice(0, 4)) - 1}${asOf.slice(4, 7)}-01`;
  return judgeQuotas(ws, asOf).periods.filter((p) => p.period.end >= back);
}

/** One quota period: on its last working day, with the subjects still short so far. */
function quotaEvent(
  p: QuotaPeriodJudgement,
  o: { asOf: string; calendar: { isWorkday(d: string): boolean } },
  remind: (date: string) => { remind?: string },
  id: (kind: string, ...parts: (string | number | undefined)[]) => string,
): DeadlineEvent {
  const { rule, period } = p;
  const date = lastWorkday(o.calendar, period.end, period.start);
  const label = periodLabel(period);
  const open = p.time === 'open';
  const short = p.subjects.filter((j) => !j.met);
  const shown = short.map((j) => {
    const v = valueText(rule, j);
    const r = j.required !== undefined ? requiredText(rule, j.fraction, j.required) : undefined;
    return r ? t(`${j.subject}（${v.zh}，要求 ${r.zh}）`, `${j.subject} (${v.en}; ${r.en} required)`) : t(j.subject, j.subject);
  });
  const list = { zh: listText(shown.map((x) => x.zh), 30).zh, en: listText(shown.map((x) => x.en), 30).en };
  const state =
    p.time === 'closed'
      ? closedText(p, short.length, list)
      : p.time === 'not-yet-owed'
    ? t(`本期 ${period.start} 开始。`, `The period starts on ${period.start}.`)
    : !p.subjects.length
      ? t(`截至 ${o.asOf} 尚无可统计的记录。`, `Nothing to count yet as of ${o.asOf}.`)
      : short.length
        ? t(`截至 ${o.asOf} 尚未达到（${short.length}/${p.subjects.length}）：${list.zh}`, `Not yet met as of ${o.asOf} (${short.length}/${p.subjects.length}): ${list.en}`)
        : t(`截至 ${o.asOf} 已全部达到（${p.subjects.length}）。`, `All ${p.subjects.length} met as of ${o.asOf}.`);
  const done = open && p.subjects.length > 0 && !short.length;
  return {
    uid: id('quota', p.alliance, rule.id, period.key),
    date,
    summary: t(`${label}考核统计截止：${rule.text}`, `Quota period ${period.key} closes: ${rule.text}`),
    description: {
      zh: [rule.text, `考核期：${period.start} 至 ${period.end}`, state.zh].join('\n'),
      en: [rule.text, `Period: ${period.start} to ${period.end}`, state.en].join('\n'),
    },
    ...(done ? {} : remind(date)),
  };
}

/** How a closed period ended: met by all, short (who), or not judged for want of data. */
function closedText(p: QuotaPeriodJudgement, short: number, list: Text): Text {
  const n = p.subjects.length;
  if (!n) return p.noData.length || p.calendarGap ? t('本期缺少数据，无法检查。', 'No data for this period; not checked.') : t('本期没有考核对象。', 'Nobody to judge in this period.');
  return short ? t(`本期未达到（${short}/${n}）：${list.zh}`, `Not met (${short}/${n}): ${list.en}`) : t(`本期全部达到（${n}）。`, `All ${n} met.`);
}
