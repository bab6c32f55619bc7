// calendar/gap: the one place that words a year the official working-day calendar lacks. The
// quotas that count working days raise it at the first rule that needed the year; `check
// --within 10wd` needs it too, and adds it only for a year no rule has raised. So a workspace
// missing a year gets one finding for it, with the Calendar document to add.
import { t, type Diagnostic, type Text } from '../model/diagnostic.js';
import { CalendarGapError } from '../time/calendar.js';
import { CALENDAR_CODES } from './calendar.js';
import { where as at } from './report.js';

/** The finding for a missing year, at `where` (the quota rule that needed it) when there is one. */
export function calendarGapFinding(year: number, where?: { id?: string }, alsoHint?: Text): Diagnostic {
  const e = new CalendarGapError(year);
  const hint = alsoHint ? t(`${e.hint.zh}${alsoHint.zh}`, `${e.hint.en}${alsoHint.en}`) : e.hint;
  return CALENDAR_CODES.raise('calendar/gap', { year }, { ...at(where), hint, data: { year, ...(where?.id ? { quota: where.id } : {}) } });
}

/** The findings not yet raised for a year: `more` without the years `found` already has. */
export function newGaps(found: readonly Diagnostic[], more: readonly Diagnostic[]): Diagnostic[] {
  const years = new Set(found.filter((d) => d.code === 'calendar/gap').map((d) => d.data?.year));
  return more.filter((d) => d.code !== 'calendar/gap' || !years.has(d.data?.year));
}
