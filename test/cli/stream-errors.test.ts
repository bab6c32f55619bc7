// stdout/stderr that cannot be written (a closed pipe, a full disk) end the run quietly: never
// an "Unhandled 'error' event" trace, never a success message after a failed write.
// EPIPE (the reader left, as `| head` does): no message, the run's own exit code.
// Any other write error (ENOSPC…): one sentence on stderr, exit 2.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { BIN, ROOT } from '../helpers/cli.js';
import { captureIo } from '../helpers/io.js';

const EX = (name: string) => path.join(ROOT, 'examples', name);
const tmp = mkdtempSync(path.join(tmpdir(), 'yilian-stream-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const CSV = path.join(tmp, '签到表.csv');
writeFileSync(CSV, '日期,人员,单位,类型,半天数\n2021-06-03,刘鹏飞,寨河,门诊,2\n');

describe('a stdout that fails (in-process, injected Io)', () => {
  it('ENOSPC: one sentence naming standard output, exit 2', async () => {
    const c = captureIo({ failStdout: 'ENOSPC' });
    const code = await main(['node', 'yilian', 'validate', EX('wuchuan-2017')], c.io);
    expect(code).toBe(2);
    expect(c.err).toHaveLength(1);
    expect(c.err[0]).toMatch(/标准输出/);
    expect(c.err[0]).toMatch(/磁盘已满|ENOSPC/);
  });

  it('EPIPE: no message, the exit code of the run', async () => {
    const c = captureIo({ failStdout: 'EPIPE' });
    expect(await main(['node', 'yilian', 'validate', EX('wuchuan-2017')], c.io)).toBe(0);
    expect(c.err).toEqual([]);
  });

  it('report -o - into a full disk does not say 已输出', async () => {
    const c = captureIo({ failStdout: 'ENOSPC' });
    const code = await main(['node', 'yilian', 'report', EX('wuchuan-2017'), '-o', '-', '--as-of', '2017-07-01'], c.io);
    expect(code).toBe(2);
    expect(c.err.join('\n')).not.toMatch(/已输出/);
    expect(c.err.at(-1)).toMatch(/标准输出/);
  });

  it('English with --lang en', async () => {
    const c = captureIo({ failStdout: 'EIO' });
    expect(await main(['node', 'yilian', '--lang', 'en', 'validate', EX('wuchuan-2017')], c.io)).toBe(2);
    expect(c.err).toEqual([expect.stringMatching(/standard output.*EIO/i)]);
  });
});

/** Run the built CLI with stdout as given; resolve with exit code and stderr. */
function spawnCli(args: string[], stdout: 'close-early' | number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', YILIAN_LANG: '' },
      stdio: ['ignore', stdout === 'close-early' ? 'pipe' : stdout, 'pipe'],
    });
    // The reader goes away before the first byte: every write meets EPIPE.
    if (stdout === 'close-early') child.stdout!.destroy();
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('the real process', () => {
  it('check --format json into a closed pipe: quiet, exit 1 for the findings', async () => {
    const r = await spawnCli(['check', EX('wuchuan-2017'), '--as-of', '2030-01-01', '--format', 'json'], 'close-early');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
  });

  const commands: [string, string[]][] = [
    ['validate', ['validate', EX('wuchuan-2017')]],
    ['check', ['check', EX('wuchuan-2017'), '--as-of', '2017-07-01']],
    ['roster', ['roster', EX('wuchuan-2017'), '-o', '-']],
    ['subsidy', ['subsidy', EX('shaoxing-tcm-2017'), '--month', '2017-06', '-o', '-']],
    ['report', ['report', EX('wuchuan-2017'), '--as-of', '2017-07-01', '-o', '-']],
    ['import', ['import', 'activity', CSV]],
  ];
  it.runIf(existsSync('/dev/full')).each(commands)('%s into /dev/full (Linux): one sentence, exit 2', async (_name, args) => {
    const fd = openSync('/dev/full', 'w');
    try {
      const r = await spawnCli(args, fd);
      expect(r.stderr).not.toMatch(/Unhandled|at .*\(|已输出|已写入|已导入/);
      expect(r.stderr.trim().split('\n').at(-1)).toMatch(/标准输出.*ENOSPC|标准输出.*磁盘已满/);
      expect(r.code).toBe(2);
    } finally {
      closeSync(fd);
    }
  });
});
