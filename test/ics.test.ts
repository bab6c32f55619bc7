// check --format ics: the deadline calendar for a phone. Unit tests of the RFC 5545 text, the
// real CLI on the examples, and a read-back by an independent parser (Python icalendar).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, renderIcs } from '../src/render/ics.js';
import { workdaysBefore, type DeadlineCalendar } from '../src/reports/deadline-events.js';
import { WorkCalendar } from '../src/time/calendar.js';
import { ROOT, runCli } from './helpers/cli.js';

const octets = (s: string) => Buffer.byteLength(s, 'utf8');

describe('ics text', () => {
  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const line = `SUMMARY:${'医联体下沉工作'.repeat(12)}a`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(2);
    parts.forEach((p, i) => {
      expect(octets(p)).toBeLessThanOrEqual(75);
      if (i > 0) expect(p.startsWith(' ')).toBe(true);
      expect(Buffer.from(p, 'utf8').toString('utf8')).toBe(p); // no broken character
    });
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
    // 8 ASCII octets + 22 three-octet characters = 74; the 23rd would make 77: it moves down whole
    expect(parts[0]).toBe(`SUMMARY:${'医联体下沉工作'.repeat(4).slice(0, 22)}`);
  });

  it('leaves a line of exactly 75 octets alone', () => {
    const line = 'X'.repeat(75);
    expect(foldLine(line)).toBe(line);
    expect(foldLine(line + 'Y')).toBe(`${line}\r\n Y`);
  });

  it('escapes backslash, semicolon, comma and newlines in TEXT', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  const cal: DeadlineCalendar = {
    name: { zh: '光山县医联体 工作日历', en: 'Guangshan deadlines' },
    asOf: '2021-07-01',
    events: [{ uid: 'item-x-1-abc', date: '2021-07-30', summary: { zh: '第1项 报送, 总结;', en: 'Item 1' }, description: { zh: '任务\n牵头科室：医务科', en: 'task' }, remind: '2021-07-27' }],
  };

  it('writes CRLF lines only, a DTSTAMP from the as-of date, an all-day date and a 09:00 Beijing trigger', () => {
    const s = renderIcs(cal, 'zh');
    expect(s.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(s.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(s).toContain('\r\nDTSTAMP:20210701T000000Z\r\n');
    expect(s).toContain('\r\nDTSTART;VALUE=DATE:20210730\r\n');
    expect(s).toContain('\r\nTRIGGER;VALUE=DATE-TIME:20210727T010000Z\r\n');
    expect(s).toContain('\r\nSUMMARY:第1项 报送\\, 总结\\;\r\n');
    expect(s).toContain('\r\nX-WR-CALNAME:光山县医联体 工作日历\r\n');
    expect(s).toMatch(/\r\nPRODID:[^\r]+\r\n/);
  });
});

describe('working days before a deadline', () => {
  const cal = new WorkCalendar();
  it('skips the 2021 National Day holiday and weekends', () => {
    // 2021-10-08 (Fri) is a working day; 10-01..10-07 are holidays; 09-30 Thu, 09-29 Wed
    expect(workdaysBefore(cal, '2021-10-08', 1)).toBe('2021-09-30');
    expect(workdaysBefore(cal, '2021-10-08', 3)).toBe('2021-09-28');
    // 2021-09-26 (Sun) is a make-up working day
    expect(workdaysBefore(cal, '2021-09-28', 1)).toBe('2021-09-27');
    expect(workdaysBefore(cal, '2021-09-28', 2)).toBe('2021-09-26');
    expect(workdaysBefore(cal, '2021-06-30', 0)).toBe('2021-06-30');
  });

  it('counts Monday to Friday in a year the calendar does not cover', () => {
    // 2040-01-09 is a Monday: one working day before is Friday 01-06; the sixth is Friday 2039-12-30
    expect(workdaysBefore(cal, '2040-01-09', 1)).toBe('2040-01-06');
    expect(workdaysBefore(cal, '2040-01-09', 6)).toBe('2039-12-30');
  });
});

async function ics(args: string[], cwd = ROOT) {
  return runCli(['check', '--format', 'ics', '-o', '-', ...args], { cwd });
}

describe('yilian check --format ics', () => {
  it('same input twice gives the same bytes', async () => {
    const a = await ics(['examples/guangshan-2021', '--as-of', '2021-07-01']);
    const b = await ics(['examples/guangshan-2021', '--as-of', '2021-07-01']);
    expect(a.code).toBe(0);
    expect(a.stdout).toContain('BEGIN:VEVENT');
    expect(a.stdout).toBe(b.stdout);
  });

  it('listing the files in another order keeps every UID (and the bytes)', async () => {
    const dir = path.join(ROOT, 'examples/guangshan-2021');
    const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join('examples/guangshan-2021', f));
    expect(files.length).toBeGreaterThan(1);
    const a = await ics([...files, '--as-of', '2021-07-01']);
    const b = await ics([...files].reverse().concat('--as-of', '2021-07-01'));
    const uids = (s: string) => s.split('\r\n').filter((l) => l.startsWith('UID:')).sort();
    expect(uids(a.stdout).length).toBeGreaterThan(5);
    expect(uids(b.stdout)).toEqual(uids(a.stdout));
    expect(b.stdout).toBe(a.stdout);
  });

  it('a later as-of date keeps the UIDs (a re-import updates the events) and moves DTSTAMP', async () => {
    const a = await ics(['examples/guangshan-2021', '--as-of', '2021-07-01']);
    const b = await ics(['examples/guangshan-2021', '--as-of', '2021-08-15']);
    const uids = (s: string) => new Set(s.split('\r\n').filter((l) => l.startsWith('UID:')));
    expect([...uids(a.stdout)].every((u) => uids(b.stdout).has(u))).toBe(true);
    expect(b.stdout).toContain('DTSTAMP:20210815T000000Z');
  });

  it('needs -o, and will not replace a file without --force', async () => {
    const none = await runCli(['check', 'examples/guangshan-2021', '--format', 'ics']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('-o');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'yilian-ics-'));
    const out = path.join(dir, '医联体.ics');
    await writeFile(out, 'mine');
    const r = await runCli(['check', 'examples/guangshan-2021', '--as-of', '2021-07-01', '--format', 'ics', '-o', out]);
    expect(r.code).toBe(2);
    expect(await readFile(out, 'utf8')).toBe('mine');
    const f = await runCli(['check', 'examples/guangshan-2021', '--as-of', '2021-07-01', '--format', 'ics', '-o', out, '--force']);
    expect(f.code).toBe(0);
    expect(await readFile(out, 'utf8')).toContain('BEGIN:VCALENDAR');
  });
});

/** A python3 that has the Debian package python3-icalendar, or undefined. */
function pythonWithIcalendar(): string | undefined {
  for (const py of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(py, ['-c', 'import icalendar'], { stdio: 'ignore' });
    if (r.status === 0) return py;
  }
  return undefined;
}

describe('independent read-back', () => {
  it('python3-icalendar (apt-get install python3-icalendar) parses every example calendar: dates, alarms, UIDs', async () => {
    const py = pythonWithIcalendar();
    if (!py) throw new Error('python3 with the icalendar module is missing: run `apt-get install -y python3-icalendar` (.ci/run does this).');
    const script = [
      'import sys, json, icalendar',
      'c = icalendar.Calendar.from_ical(sys.stdin.buffer.read())',
      'out = {"name": str(c.get("X-WR-CALNAME")), "events": []}',
      'for e in c.walk("VEVENT"):',
      '    al = [str(a.decoded("TRIGGER").isoformat()) for a in e.walk("VALARM")]',
      '    out["events"].append({"uid": str(e["UID"]), "start": e.decoded("DTSTART").isoformat(), "summary": str(e["SUMMARY"]), "description": str(e["DESCRIPTION"]), "alarms": al})',
      'print(json.dumps(out, ensure_ascii=False))',
    ].join('\n');
    for (const ex of ['guangshan-2021', 'wuchuan-2017', 'shaoxing-tcm-2017']) {
      const r = await ics([`examples/${ex}`, '--as-of', '2021-07-01']);
      expect(r.code).toBe(0);
      const parsed = JSON.parse(execFileSync(py, ['-c', script], { input: r.stdout, encoding: 'utf8' })) as {
        name: string;
        events: { uid: string; start: string; summary: string; description: string; alarms: string[] }[];
      };
      const begun = r.stdout.split('\r\n').filter((l) => l === 'BEGIN:VEVENT').length;
      expect(parsed.events.length).toBe(begun);
      expect(parsed.name).toMatch(/工作日历$/);
      expect(new Set(parsed.events.map((e) => e.uid)).size).toBe(parsed.events.length);
      for (const e of parsed.events) {
        expect(e.start).toMatch(/^\d{4}-\d{2}-\d{2}$/); // a DATE, not a DATE-TIME
        for (const a of e.alarms) expect(a).toMatch(/^\d{4}-\d{2}-\d{2}T01:00:00\+00:00$/);
      }
    }
    // guangshan item 3 is quarterly: its Q3 event unfolds whole and its reminder is 3 working days before 9-30
    const g = await ics(['examples/guangshan-2021', '--as-of', '2021-07-01']);
    const parsed = JSON.parse(execFileSync(py, ['-c', script], { input: g.stdout, encoding: 'utf8' })) as { events: { summary: string; start: string; description: string; alarms: string[] }[] };
    const q3 = parsed.events.find((e) => e.summary.startsWith('第3项') && e.summary.includes('2021-Q3'));
    expect(q3?.start).toBe('2021-09-30');
    expect(q3?.description).toContain('牵头科室：');
    expect(q3?.alarms).toEqual(['2021-09-27T01:00:00+00:00']);
  });
});

describe('quota periods in the calendar', () => {
  const events = (s: string) =>
    s
      .replace(/\r\n /g, '')
      .split('BEGIN:VEVENT')
      .slice(1)
      .map((e) => {
        // the event's own lines, then its alarm's trigger
        const [own, alarm = ''] = e.split('BEGIN:VALARM');
        const lines = [...own!.split('\r\n'), ...alarm.split('\r\n').filter((l) => l.startsWith('TRIGGER'))];
        return Object.fromEntries(lines.filter((l) => /^(UID|DTSTART|SUMMARY|DESCRIPTION|TRIGGER)[:;]/.test(l)).map((l) => [l.split(/[:;]/)[0]!, l.slice(l.indexOf(':') + 1).replace(/@yilian$/, '')])) as Record<string, string>;
      });
  const quotaEvents = async (dir: string, asOf: string) => events((await ics([dir, '--as-of', asOf])).stdout).filter((e) => e.UID!.startsWith('quota-'));

  it('one event per alliance, quota and period from the as-of month to the cycle end, on its last working day', async () => {
    const q = await quotaEvents('examples/guangshan-2021', '2021-07-10');
    const onsite = q.filter((e) => e.UID!.startsWith('quota-guangshan-2021-onsite-days-'));
    // the cycle runs 2021-05-01 … 2022-04-30: the closed months with their outcome, nothing after the cycle
    expect(onsite.map((e) => /onsite-days-(\d{4}-\d{2})-/.exec(e.UID!)![1])).toEqual(['2021-05', '2021-06', '2021-07', '2021-08', '2021-09', '2021-10', '2021-11', '2021-12', '2022-01', '2022-02', '2022-03', '2022-04']);
    // two monthly quotas (per alliance, not per person), the yearly share (2021, 2022), two per cycle
    expect(q).toHaveLength(24 + 2 + 2);
    expect(onsite[0]!.DESCRIPTION).toContain('本期缺少数据，无法检查');
    expect(onsite[1]!.DESCRIPTION).toContain('本期未达到（1/23）：屈莉');
    expect(onsite[1]!.TRIGGER).toBeUndefined();
    const july = onsite[2]!;
    expect(july.DTSTART).toBe('20210730'); // 07-31 is a Saturday
    expect(july.SUMMARY).toBe('2021年7月考核统计截止：每月下沉值诊带教不少于4个工作日');
    // 2021-10: the National Day week; 10-29 (Fri) is the last working day, 3 working days before is 10-26
    const oct = onsite.find((e) => e.UID!.includes('-2021-10-'))!;
    expect(oct.DTSTART).toBe('20211029');
    expect(oct.TRIGGER).toBe('20211026T010000Z');
  });

  it('reminders fall on working days of the official calendar, N working days ahead', async () => {
    const cal = new WorkCalendar();
    for (const e of await quotaEvents('examples/guangshan-2021', '2021-07-10')) {
      if (!e.TRIGGER) continue; // a closed period has no reminder
      const day = e.DTSTART!.replace(/(\d{4})(\d{2})(\d{2})/, '$1-$2-$3');
      const alarm = e.TRIGGER!.slice(0, 8).replace(/(\d{4})(\d{2})(\d{2})/, '$1-$2-$3');
      expect(cal.isWorkday(day), day).toBe(true);
      expect(cal.isWorkday(alarm), alarm).toBe(true);
      expect(alarm).toBe(workdaysBefore(cal, day, 3));
    }
  });

  it('the open period lists who is still short so far, from the judgement check uses', async () => {
    const [june] = (await quotaEvents('examples/guangshan-2021', '2021-06-20')).filter((e) => e.UID!.includes('onsite-days-2021-06-'));
    expect(june!.DESCRIPTION).toContain('截至 2021-06-20 尚未达到（20/23）：刘鹏飞（门诊、查房、带教 3 个工作日，要求 4 个）');
    expect(june!.TRIGGER).toBe('20210625T010000Z');
  });

  it('a multi-year cycle gives at most the 12 months ahead; UIDs stay the same at a later as-of date', async () => {
    const a = await quotaEvents('examples/wuchuan-2017', '2018-03-01');
    // wuchuan's quotas are yearly; the cycle runs to 2022-06-03: 2017 (closed within the year
    // before), 2018 (open) and 2019 (starts within 12 months); not 2020-2022
    expect(new Set(a.map((e) => /-(\d{4})-[0-9a-f]{16}$/.exec(e.UID!)![1]))).toEqual(new Set(['2017', '2018', '2019']));
    const b = await quotaEvents('examples/wuchuan-2017', '2018-09-01');
    const uids = new Set(b.map((e) => e.UID));
    expect(a.filter((e) => e.UID!.includes('-2018-')).every((e) => uids.has(e.UID))).toBe(true);
  });
});
