// Escape sequences written in plan files reach the terminal visibly, never as commands.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { terminalSafe } from '../src/render/terminal-safe.js';
import { runCli } from './helpers/cli.js';

describe('terminalSafe', () => {
  it('shows control characters as stand-ins', () => {
    expect(terminalSafe('a\x1b]0;title\x07b\x1b[2Jc\rd\x9be')).toBe('a␛]0;title␇b␛[2Jc␍d<U+009B>e');
    expect(terminalSafe('abc\u202Efdp.exe')).toBe('abc<U+202E>fdp.exe');
  });

  it('keeps line breaks, tabs, Chinese text and our own colour codes', () => {
    expect(terminalSafe('医联\t体\n第二行')).toBe('医联\t体\n第二行');
    expect(terminalSafe('\x1b[31m错误\x1b[39m \x1b[1;2mx\x1b[22m')).toBe('\x1b[31m错误\x1b[39m \x1b[1;2mx\x1b[22m');
  });

  it('never lets "conceal" through, which would hide the rest of the line', () => {
    expect(terminalSafe('\x1b[8mhidden')).toBe('␛[8mhidden');
    expect(terminalSafe('\x1b[1;8mhidden')).toBe('␛[1;8mhidden');
  });

  it('is idempotent', () => {
    const once = terminalSafe('x\x1b]0;t\x07\x1b[2J');
    expect(terminalSafe(once)).toBe(once);
  });
});

describe('the real CLI', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'yilian-esc-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  writeFileSync(
    path.join(tmp, 'alliance.yaml'),
    'kind: Alliance\nid: t\nname: 测试医共体\ntype: 医共体\ncycle: { start: 2021-01-01, end: 2021-12-31 }\n' +
      'units:\n  - { id: a, name: 县医院, role: lead, level: county }\n  - { id: m, name: 某镇卫生院, role: member, level: township, lead: a }\n',
  );
  writeFileSync(
    path.join(tmp, 'log.yaml'),
    'kind: ActivityLog\nalliance: t\nentries:\n  - { date: 2021-06-03, person: "X\\e]0;pwned\\a\\e[2JY", unit: m, type: 门诊 }\n',
  );

  for (const cmd of [['validate'], ['check', '--as-of', '2021-07-01']])
    it(`${cmd[0]}: the escapes of a plan file are shown, not sent (text format)`, async () => {
      const r = await runCli([...cmd, '.'], { cwd: tmp });
      expect(r.stdout).toContain('␛]0;pwned␇␛[2J');
      expect(r.stdout + r.stderr).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    });

  it('validate --format github: the annotation carries no raw escape either', async () => {
    const r = await runCli(['validate', '.', '--format', 'github'], { cwd: tmp });
    expect(r.stdout).toContain('::error');
    expect(r.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
  });

  it('validate --format json keeps the text exactly (JSON escapes it)', async () => {
    const r = await runCli(['validate', '.', '--format', 'json'], { cwd: tmp });
    expect(r.stdout).toContain('\\u001b]0;pwned\\u0007');
  });
});
