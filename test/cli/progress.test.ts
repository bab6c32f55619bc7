// The progress line (issue 9): on a terminal stderr, a run past a second says what it is doing on
// one redrawn line, cleared at the end; nothing when stderr is piped, under a machine format,
// --quiet or --no-progress. Driven by an injected clock and an Io that claims a terminal: no timing.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/context.js';
import { main } from '../../src/cli/main.js';
import { processIo } from '../../src/cli/process-io.js';
import { PROGRESS_AFTER_MS, progressLine, progressText } from '../../src/cli/progress.js';
import { ROOT } from '../helpers/cli.js';

/** A clock that moves `step` ms each time it is read. */
function clock(step: number): () => number {
  let t = 0;
  return () => (t += step);
}

/** An Io whose stderr is a terminal: `lines` records what the status line showed (null: cleared). */
function terminalIo(now: () => number): { io: Io; lines: (string | null)[]; out: string[]; err: string[] } {
  const lines: (string | null)[] = [];
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    outBytes: (b) => out.push(String(b)),
    settle: async () => ({}),
    isTTY: true,
    env: { NO_COLOR: '1', YILIAN_LANG: '' },
    cwd: ROOT,
    status: (text) => lines.push(text ?? null),
    now,
  };
  return { io, lines, out, err };
}

const EX = path.join(ROOT, 'examples/guangshan-2021');

describe('progressLine', () => {
  it('shows nothing in the first second, then each new step at once and one step at most every 100 ms', () => {
    let t = 0;
    const shown: (string | undefined)[] = [];
    const p = progressLine({ status: (s) => shown.push(s), now: () => t }, 'zh');
    p({ step: 'read', file: 1, of: 3, entries: 0 });
    t = PROGRESS_AFTER_MS - 1;
    p({ step: 'read', file: 2, of: 3, entries: 10 });
    expect(shown).toEqual([]);
    t = PROGRESS_AFTER_MS;
    p({ step: 'read', file: 3, of: 3, entries: 20 });
    t += 50;
    p({ step: 'read', file: 3, of: 3, entries: 25 }); // too soon: not redrawn
    p({ step: 'judge' }); // a new step: drawn at once
    t += 200;
    p({ step: 'write' });
    expect(shown).toEqual(['读取文件 3/3，已读 20 条记录', '检查中……', '写入文件……']);
  });

  it('speaks English with --lang en', () => {
    expect(progressText({ step: 'read', file: 2, of: 40, entries: 1234 }, 'en')).toBe('Reading file 2 of 40, 1234 entries read');
    expect(progressText({ step: 'read', file: 1, of: 40, entries: 0 }, 'en')).toBe('Reading file 1 of 40');
  });
});

describe('the progress line of a real run (in-process, a terminal Io, a clock 400 ms per reading)', () => {
  it('check on a slow clock shows reading, entries and checking, and clears the line at the end', async () => {
    const t = terminalIo(clock(400));
    expect(await main(['node', 'yilian', 'check', EX, '--as-of', '2021-07-01'], t.io)).toBe(1);
    expect(t.lines).toContain('检查中……');
    expect(t.lines.some((l) => l?.startsWith('读取文件 ') && l.includes('/7'))).toBe(true);
    expect(t.lines.some((l) => l?.includes('条记录'))).toBe(true);
    expect(t.lines.at(-1)).toBe(null);
    expect(t.out.join('\n')).not.toMatch(/读取文件|\r/);
  });

  it('report shows the writing step', async () => {
    const t = terminalIo(clock(400));
    await main(['node', 'yilian', 'report', EX, '--as-of', '2021-07-01', '-o', '-', '--format', 'md'], t.io);
    expect(t.lines).toContain('写入文件……');
  });

  it('a fast run shows nothing', async () => {
    const t = terminalIo(clock(1));
    await main(['node', 'yilian', 'validate', EX], t.io);
    expect(t.lines.filter((l) => l !== null)).toEqual([]);
  });

  it.each([
    ['--format json', ['check', EX, '--as-of', '2021-07-01', '--format', 'json']],
    ['--format sarif', ['validate', EX, '--format', 'sarif']],
    ['--format github', ['validate', EX, '--format', 'github']],
    ['--quiet', ['-q', 'check', EX, '--as-of', '2021-07-01']],
    ['--no-progress', ['--no-progress', 'check', EX, '--as-of', '2021-07-01']],
  ])('nothing under %s', async (_name, args) => {
    const t = terminalIo(clock(400));
    await main(['node', 'yilian', ...args], t.io);
    expect(t.lines.filter((l) => l !== null)).toEqual([]);
  });

  it('a piped stderr gets no progress: the process Io draws only on a terminal', () => {
    expect(!!processIo().status).toBe(!!process.stderr.isTTY);
  });
});
