// From January 2027 the built-in official calendar runs out: the calendar/gap finding must show
// the exact Calendar document to add, and that document, saved as it is, must be valid and make
// the year covered (the holidays then filled in by the clerk from the State Council's notice).
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { calendarGapFinding } from '../../src/rules/calendar-gap.js';
import { calendarTemplate, CalendarGapError, lastOfficialYear } from '../../src/time/calendar.js';
import { ROOT, runCli } from '../helpers/cli.js';

describe('a year after the official calendar', () => {
  const year = lastOfficialYear() + 1;

  it('the gap error names calendar-<year>.yaml and carries the template as its hint', () => {
    const e = new CalendarGapError(year);
    expect(calendarGapFinding(year).message.zh).toContain(`calendar-${year}.yaml`);
    expect(e.hint.zh).toContain(calendarTemplate(year));
    expect(calendarTemplate(year)).toMatch(new RegExp(`^kind: Calendar$[\\s\\S]*^years: \\[${year}\\]$[\\s\\S]*^holidays:[\\s\\S]*^workdays:`, 'm'));
  });

  it('check shows the template below the table; saved as it is, it validates and closes the gap', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'yilian-gap-'));
    await cp(path.join(ROOT, 'examples/guangshan-2021'), dir, { recursive: true });
    const args = ['check', dir, '--as-of', `${year}-02-15`, '--within', '10wd'];
    const gap = await runCli(args);
    expect(gap.stdout).toContain(`${year}年没有官方工作日历`);
    expect(gap.stdout).toContain(`kind: Calendar\nname: ${year}年放假安排\nyears: [${year}]`);
    await writeFile(path.join(dir, `calendar-${year}.yaml`), calendarTemplate(year));
    expect((await runCli(['validate', dir])).code).toBe(0);
    const json = JSON.parse((await runCli([...args, '--format', 'json'])).stdout) as { findings: { code: string }[] };
    expect(json.findings.map((f) => f.code)).not.toContain('calendar/gap');
  });
});
