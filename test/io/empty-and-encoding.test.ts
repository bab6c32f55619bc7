// An empty plan file is a warning (it holds nothing to check: probably saved too early, or the
// wrong file); a file in no encoding yilian reads is a finding at the bad byte, exit 1 in every
// command.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo } from '../helpers/io.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'yilian-empty-enc-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const PLAN =
  'kind: Alliance\nid: a\nname: 测试医联体\ntype: 医共体\nunits:\n  - { id: lead, name: 县医院, role: lead }\n  - { id: m, name: 乡镇卫生院, role: member }\n';

function workspace(name: string, files: Record<string, string | Uint8Array>): string {
  const d = path.join(tmp, name);
  mkdirSync(d);
  writeFileSync(path.join(d, 'alliance.yaml'), PLAN);
  for (const [f, text] of Object.entries(files)) writeFileSync(path.join(d, f), text);
  return d;
}

async function validateJson(dir: string) {
  const c = captureIo({ env: { YILIAN_LANG: 'en' } });
  const code = await main(['node', 'yilian', 'validate', dir, '--format', 'json'], c.io);
  const json = JSON.parse(c.out.join('\n')) as { diagnostics: { code: string; severity: string; file: string; line?: number; col?: number }[] };
  return { code, diags: json.diagnostics.map((d) => `${path.basename(d.file)}:${d.line}:${d.col} ${d.code} ${d.severity}`) };
}

describe('an empty plan file', () => {
  it('empty, blank, comments only, or bare --- : a warning naming the file, exit 0', async () => {
    const d = workspace('empty', {
      'a-empty.yaml': '',
      'b-blank.yaml': '\n  \n',
      'c-comments.yaml': '# 待补充\n# TODO\n',
      'd-dashes.yaml': '---\n# nothing\n---\n',
    });
    const r = await validateJson(d);
    expect(r.diags).toEqual([
      'a-empty.yaml:1:1 yaml/empty-file warning',
      'b-blank.yaml:1:1 yaml/empty-file warning',
      'c-comments.yaml:1:1 yaml/empty-file warning',
      'd-dashes.yaml:1:1 yaml/empty-file warning',
    ]);
    expect(r.code).toBe(0);
  });

  it('a file with one empty document beside a real one is not empty', async () => {
    const d = workspace('half-empty', { 'cal.yaml': '---\n---\nkind: Calendar\nholidays: [2021-06-14]\n' });
    expect((await validateJson(d)).diags).toEqual([]);
  });
});

describe('a file that is neither UTF-8 nor GB18030', () => {
  // Eight good lines, then a stray 0xFF as the 50th character of line 9.
  const utf8Bad = Buffer.concat([
    Buffer.from(PLAN + 'note: >-\n'),
    Buffer.from('  ' + '说明'.repeat(23) + '。'),
    Buffer.from([0xff]),
    Buffer.from('\n'),
  ]);
  // GB18030 text (中文) where a 0xFF byte sits at line 3, column 4.
  const gbBad = Buffer.concat([
    Buffer.from('kind: Calendar\nnote: '),
    Buffer.from([0xd6, 0xd0, 0xce, 0xc4]),
    Buffer.from('\n# '),
    Buffer.from([0xd6, 0xd0, 0xff]),
    Buffer.from('\n'),
  ]);

  it('the position is the bad byte (UTF-8 text)', async () => {
    const d = workspace('enc-utf8', {});
    writeFileSync(path.join(d, 'alliance.yaml'), utf8Bad);
    const r = await validateJson(d);
    expect(r.diags).toEqual(['alliance.yaml:9:50 io/encoding error']);
  });

  it('the position is the bad byte (GB18030 text: the encoding that reads further wins)', async () => {
    const d = workspace('enc-gb', { 'calendar.yaml': gbBad });
    expect((await validateJson(d)).diags).toEqual(['calendar.yaml:3:4 io/encoding error']);
  });

  it('every command exits 1 for it, as for any finding in a file', async () => {
    const d = workspace('enc-all', {});
    writeFileSync(path.join(d, 'alliance.yaml'), utf8Bad);
    const commands = [
      ['validate', d],
      ['check', d, '--as-of', '2021-07-01'],
      ['roster', d, '-o', path.join(tmp, 'r.xlsx')],
      ['subsidy', d, '--month', '2021-06', '-o', path.join(tmp, 's.xlsx')],
      ['report', d, '--as-of', '2021-07-01', '-o', path.join(tmp, 'p.md')],
    ];
    const codes: Record<string, number> = {};
    for (const args of commands) codes[args[0]!] = await main(['node', 'yilian', ...args], captureIo().io);
    expect(codes).toEqual({ validate: 1, check: 1, roster: 1, subsidy: 1, report: 1 });
  });
});

describe('a text longer than V8 can hold', () => {
  // Only a raised --max-file-size lets such a file through; it was told as "no encoding" after a
  // minute of bisecting for a bad byte (5.7 GB RSS on a 600 MB log). 537 MB of "a" in memory, no file.
  it('is said to be too long to read at once, not to be in no encoding', async () => {
    const { decodeText } = await import('../../src/io/read.js');
    const { constants } = await import('node:buffer');
    const diags: import('../../src/model/diagnostic.js').Diagnostic[] = [];
    const bytes = Buffer.alloc(constants.MAX_STRING_LENGTH + 1, 0x61);
    expect(decodeText(bytes, 'log.yaml', diags)).toBeUndefined();
    expect(diags.map((d) => [d.code, d.line, d.col])).toEqual([['io/too-large', 1, 1]]);
    expect(diags[0]!.message.zh).toContain('请按月拆分');
    expect(diags[0]!.message.en).toContain(`${constants.MAX_STRING_LENGTH} characters`);
  });
});
