// RFC 5545 text of a deadline calendar (check --format ics): all-day VEVENTs with a VALARM at
// 09:00 Beijing (01:00 UTC) on the reminder day. Byte-identical for the same input: DTSTAMP comes
// from the as-of date, UIDs from content identity, CRLF lines folded at 75 octets.
import type { Lang } from '../model/diagnostic.js';
import type { DeadlineCalendar } from '../reports/deadline-events.js';

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** One content line folded at 75 octets (CRLF + space), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let cur = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (octets + n > limit) {
      out.push(cur);
      cur = '';
      octets = 0;
      limit = 74; // a continuation line starts with one space
    }
    cur += ch;
    octets += n;
  }
  out.push(cur);
  return out.join('\r\n ');
}

const date = (iso: string) => iso.replace(/-/g, '');

export function renderIcs(cal: DeadlineCalendar, lang: Lang): string {
  const stamp = `${date(cal.asOf)}T000000Z`;
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//yilian//yilian check//ZH', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(cal.name[lang])}`, 'X-WR-TIMEZONE:Asia/Shanghai'];
  for (const e of cal.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}@yilian`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${date(e.date)}`,
      `SUMMARY:${escapeText(e.summary[lang])}`,
      `DESCRIPTION:${escapeText(e.description[lang])}`,
      'TRANSP:TRANSPARENT',
    );
    if (e.remind)
      lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeText(e.summary[lang])}`, `TRIGGER;VALUE=DATE-TIME:${date(e.remind)}T010000Z`, 'END:VALARM');
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
