// The report's timeline (a Gantt chart of the plan) as a renderer-neutral model: one row per
// work-plan item with one span per duty (each year of a multi-year item, each period of a
// recurrence), and one row per dispatch batch with its assignments. Every state is read off the
// judgements (judge/items.ts) the tables show, so the chart and the tables cannot disagree.
// It spans the whole plan (wuchuan's 2017–2022 cycle at a glance), with the report period and
// the as-of day marked. Pure: no clock, no file system; the HTML draws it as SVG, the Word
// report may draw it as it likes.
import type { AllianceEntry, Workspace } from '../load/workspace.js';
import type { Lang, Text } from '../model/diagnostic.js';
import { t } from '../model/diagnostic.js';
import { byCodePoint } from '../model/order.js';
import type { DutyState, ItemJudgement } from '../judge/items.js';
import type { Period } from '../time/periods.js';

/** A duty's state, or for an item without a deadline 'no-deadline'; for a batch where it stands as of the day. */
export type TimelineState = DutyState | 'cancelled' | 'no-deadline' | 'batch-ended' | 'batch-active' | 'batch-planned';

export interface TimelineSpan {
  /** First and last day drawn (ISO). */
  start: string;
  end: string;
  state: TimelineState;
  /** The period or year (2018-03, 2019), when the row has several spans. */
  key?: string;
  /** The day it was done, held or shown (a marker on the span). */
  date?: string;
  /** Past the deadline: to the done date (done late) or to the as-of day (overdue). */
  late?: { start: string; end: string };
  /** One line saying what the span is and its state (a tooltip, or a cell in a table). */
  text: string;
}

export interface TimelineRow {
  id: string;
  group: 'items' | 'dispatch';
  /** Item number and short task, or the batch and its head count. */
  label: string;
  /** The row's state as a whole: the worst of its spans. */
  state: TimelineState;
  /** The row's state in words, as the report's table says it (an item's 状态). */
  status: string;
  spans: TimelineSpan[];
  /** A batch's assignments, each one person at one unit (thin bars under the batch). */
  assignments?: { start: string; end: string; text: string }[];
}

export interface Timeline {
  title: string;
  /** The drawn range, whole months (first day, last day). */
  start: string;
  end: string;
  asOf: string;
  period: { start: string; end: string };
  lang: Lang;
  groups: { id: TimelineRow['group']; title: string }[];
  rows: TimelineRow[];
  /** The states that occur, in the legend's order, with their words. */
  legend: { state: TimelineState; label: string }[];
}

export const TIMELINE_STATE_LABEL: Record<TimelineState, Text> = {
  done: t('已完成', 'done'),
  'done-late': t('逾期完成', 'done late'),
  satisfied: t('有凭据', 'shown by records'),
  open: t('待完成', 'open'),
  'due-soon': t('即将到期', 'due soon'),
  overdue: t('逾期', 'overdue'),
  missed: t('漏期', 'missed'),
  'not-yet-owed': t('未到期', 'not yet due'),
  'cannot-judge': t('无法判断', 'cannot judge'),
  cancelled: t('取消', 'cancelled'),
  'no-deadline': t('未设期限', 'no deadline'),
  'batch-ended': t('已结束', 'ended'),
  'batch-active': t('在岗', 'on duty'),
  'batch-planned': t('待派出', 'planned'),
};

/** Worst first: a row takes the first of these its spans have. */
const SEVERITY: TimelineState[] = ['overdue', 'missed', 'due-soon', 'cannot-judge', 'open', 'done-late', 'not-yet-owed', 'no-deadline', 'satisfied', 'done', 'cancelled', 'batch-active', 'batch-planned', 'batch-ended'];

const yearStartOf = (d: string) => `${d.slice(0, 4)}-01-01`;
const monthStart = (d: string) => `${d.slice(0, 7)}-01`;
function monthEnd(d: string): string {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7));
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${d.slice(0, 7)}-${String(last).padStart(2, '0')}`;
}
const min = (xs: string[]) => [...xs].sort(byCodePoint)[0]!;
const max = (xs: string[]) => [...xs].sort(byCodePoint).at(-1)!;

/** A short task for a row label: the first clause, whole (never cut mid-word). */
export function shortTask(task: string, maxChars = 18): string {
  const s = task.replace(/\s+/g, ' ').trim().replace(/[。；;，,]+$/, '');
  if ([...s].length <= maxChars) return s;
  const clause = s.split(/[，。；;,：:（(]/)[0]!;
  return [...clause].length <= maxChars * 1.6 ? clause : [...clause].slice(0, maxChars).join('') + '…';
}

export interface TimelineInput {
  ws: Workspace;
  alliance: AllianceEntry;
  asOf: string;
  period: Period;
  /** The judgements of the items the report lists, in its order, with the status its table shows. */
  items: { judgement: ItemJudgement; status: string }[];
  lang: Lang;
}

/** `from`: where undated rows begin and no item starts before (the cycle's start, else the range's). */
function itemRow(j: ItemJudgement, status: string, from: string, asOf: string, lang: Lang): TimelineRow {
  const no = String(j.item.no);
  const label = `${no} ${shortTask(j.item.task)}`;
  const word = (s: TimelineState) => TIMELINE_STATE_LABEL[s][lang];
  const spans: TimelineSpan[] = [];
  if (j.form === 'cancelled') spans.push({ start: from, end: from, state: 'cancelled', text: word('cancelled') });
  else if (j.form === 'open' || j.form === 'unreadable') {
    const d = j.duties[0];
    const state: TimelineState = d && (d.state === 'done' || d.state === 'done-late') ? d.state : j.form === 'open' ? 'no-deadline' : 'cannot-judge';
    spans.push({ start: from, end: d?.date && d.date > from ? d.date : asOf > from ? asOf : from, state, ...(d?.date ? { date: d.date } : {}), text: `${word(state)}（${j.item.due}）` });
  } else
    for (const d of j.duties) {
      if (!d.deadline) continue;
      // from its window, else from the start of its year (or of the cycle, when that is later)
      const own = d.start ?? yearStartOf(d.key && /^\d{4}$/.test(d.key) ? d.key : d.deadline);
      const start = !d.start && from > own && from <= d.deadline ? from : own;
      // a single deadline shows how late it is; a year of a multi-year item is itself the measure
      const late = d.key ? undefined : d.state === 'done-late' && d.date && d.date > d.deadline ? { start: d.deadline, end: d.date } : d.state === 'overdue' && asOf > d.deadline ? { start: d.deadline, end: asOf } : undefined;
      const key = d.key === 'first' ? (lang === 'zh' ? '首次' : 'first') : d.key;
      const when = `${start === d.deadline ? '' : `${start} – `}${d.deadline}`;
      spans.push({
        start: start < d.deadline ? start : d.deadline,
        end: d.deadline,
        state: d.state,
        ...(d.key ? { key: d.key } : {}),
        ...(d.date ? { date: d.date } : {}),
        ...(late ? { late } : {}),
        text: `${key ? `${key} ` : ''}${when}：${word(d.state)}${d.date ? `（${d.date}）` : ''}`,
      });
    }
  const state = SEVERITY.find((s) => spans.some((x) => x.state === s)) ?? 'no-deadline';
  return { id: `item-${no}`, group: 'items', label, state, status, spans };
}

function batchRows(ws: Workspace, alliance: AllianceEntry, asOf: string, fallbackEnd: string, lang: Lang): TimelineRow[] {
  const byBatch = new Map<string, { label: string; list: { person: string; target: string; start: string; end: string }[] }>();
  for (const r of ws.data('Roster')) {
    if (ws.allianceFor(r.alliance) !== alliance) continue;
    for (const a of r.assignments) {
      // a batch is its label; without one, the people who left the same month
      const key = a.batch ?? a.start.slice(0, 7);
      const label = a.batch ?? (lang === 'zh' ? `${Number(a.start.slice(0, 4))}年${Number(a.start.slice(5, 7))}月派出` : `left ${a.start.slice(0, 7)}`);
      const b = byBatch.get(key) ?? { label, list: [] };
      b.list.push({ person: a.person, target: alliance.units.get(a.target)?.name ?? a.target, start: a.start, end: a.end ?? fallbackEnd });
      byBatch.set(key, b);
    }
  }
  return [...byBatch.values()]
    .map((b) => ({ ...b, start: min(b.list.map((a) => a.start)), end: max(b.list.map((a) => a.end)) }))
    .sort((x, y) => byCodePoint(x.start, y.start) || byCodePoint(x.label, y.label))
    .map((b, i) => {
      const people = new Set(b.list.map((a) => a.person)).size;
      const state: TimelineState = b.start > asOf ? 'batch-planned' : b.end < asOf ? 'batch-ended' : 'batch-active';
      const head = lang === 'zh' ? `${people}人` : `${people} ${people === 1 ? 'person' : 'people'}`;
      return {
        id: `batch-${i + 1}`,
        group: 'dispatch' as const,
        label: lang === 'zh' ? `${b.label}（${head}）` : `${b.label} (${head})`,
        state,
        status: TIMELINE_STATE_LABEL[state][lang],
        spans: [{ start: b.start, end: b.end, state, text: `${b.label} ${b.start} – ${b.end}：${head}，${TIMELINE_STATE_LABEL[state][lang]}` }],
        assignments: b.list
          .sort((x, y) => byCodePoint(x.start, y.start) || byCodePoint(x.person, y.person))
          .map((a) => ({ start: a.start, end: a.end, text: `${a.person} → ${a.target} ${a.start} – ${a.end}` })),
      };
    });
}

/** The timeline of an alliance's plan as of a date. */
export function buildTimeline(input: TimelineInput): Timeline {
  const { ws, alliance, asOf, period, items, lang } = input;
  const cycle = alliance.data.cycle;
  // the range: every dated duty, the cycle, the report period and the as-of day
  const dates = [asOf, period.start, period.end, ...(cycle ? [cycle.start, cycle.end] : [])];
  for (const { judgement: j } of items) for (const d of j.duties) dates.push(...[d.start, d.deadline, d.date].filter((x): x is string => !!x));
  const itemRows = items.map(({ judgement, status }) => itemRow(judgement, status, cycle?.start ?? min(dates), asOf, lang));
  const batches = batchRows(ws, alliance, asOf, cycle?.end ?? period.end, lang);
  for (const r of [...itemRows, ...batches]) for (const s of r.spans) dates.push(s.start, s.end, ...(s.late ? [s.late.end] : []));
  const rows = [...itemRows, ...batches];
  const present = new Set(rows.flatMap((r) => r.spans.map((s) => s.state)));
  return {
    title: lang === 'zh' ? '进度时间轴' : 'Timeline',
    start: monthStart(min(dates)),
    end: monthEnd(max(dates)),
    asOf,
    period: { start: period.start, end: period.end },
    lang,
    groups: [
      ...(itemRows.length ? [{ id: 'items' as const, title: lang === 'zh' ? '工作计划事项' : 'Work-plan items' }] : []),
      ...(batches.length ? [{ id: 'dispatch' as const, title: lang === 'zh' ? '下派批次' : 'Dispatch batches' }] : []),
    ],
    rows,
    legend: SEVERITY.filter((s) => present.has(s)).map((state) => ({ state, label: TIMELINE_STATE_LABEL[state][lang] })),
  };
}
