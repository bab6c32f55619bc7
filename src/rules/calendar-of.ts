// The working-day calendar of a workspace: the official schedule plus its Calendar documents.
import type { Workspace } from '../load/workspace.js';
import { WorkCalendar } from '../time/calendar.js';

export function calendarOf(ws: Workspace): WorkCalendar {
  const cals = ws.data('Calendar');
  return new WorkCalendar({
    holidays: cals.flatMap((c) => c.holidays),
    workdays: cals.flatMap((c) => c.workdays),
    years: cals.flatMap((c) => c.years ?? []),
  });
}
