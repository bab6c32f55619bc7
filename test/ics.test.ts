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
