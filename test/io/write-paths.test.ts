// Output paths a clerk can get wrong, each one sentence with the fix; and what must hold: an
// input is never overwritten, the old file survives a failed write, no temp files are left.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { writeOutputAtomic } from '../../src/io/write.js';
import { captureIo } from '../helpers/io.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'yilian-outpath-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const fresh = () => {
  const d = path.join(tmp, `case${++n}`);
  mkdirSync(d);
  return d;
};

describe('paths that cannot be an output file: one sentence, nothing written', () => {
  it('an empty name', async () => {
    const r = await writeOutputAtomic('', 'x', { force: true });
    expect(r).toMatchObject({ ok: false, code: 'io/output-path' });
    expect(!r.ok && r.message.zh).toBe('输出文件名是空的，请在 -o 后写上文件名，如 -o 名单.xlsx。');
  });

  it('a folder, with or without --force', async () => {
    const d = fresh();
    for (const force of [false, true]) {
      const r = await writeOutputAtomic(d, 'x', { force });
      expect(r).toMatchObject({ ok: false, code: 'io/output-path' });
      expect(!r.ok && r.message.zh).toMatch(/是一个文件夹.*请在 -o 中写上文件名/);
    }
    expect(readdirSync(d)).toEqual([]);
  });

  // Never aim a test at a real /dev node: if the refusal broke, the device would be replaced.
  it.runIf(process.getuid?.() === 0)('a device, even with --force (Linux, as root: a mknod copy of /dev/null)', async () => {
    const dev = path.join(fresh(), 'null.xlsx');
    execFileSync('mknod', [dev, 'c', '1', '3']);
    const r = await writeOutputAtomic(dev, 'x', { force: true });
    expect(r).toMatchObject({ ok: false, code: 'io/output-path' });
    expect(!r.ok && r.message.en).toMatch(/null\.xlsx is not a regular file \(a device\)/);
    expect(statSync(dev).isCharacterDevice()).toBe(true);
  });

  it('a named pipe, even with --force (Linux: mkfifo)', async () => {
    const p = path.join(fresh(), 'p.xlsx');
    execFileSync('mkfifo', [p]);
    expect(await writeOutputAtomic(p, 'x', { force: true })).toMatchObject({ ok: false, code: 'io/output-path' });
    expect(statSync(p).isFIFO()).toBe(true);
  });

  it('inside something that is a file, not a folder', async () => {
    const d = fresh();
    writeFileSync(path.join(d, '名单.xlsx'), 'old');
    const r = await writeOutputAtomic(path.join(d, '名单.xlsx', 'x.xlsx'), 'x');
    expect(r).toMatchObject({ ok: false, code: 'io/output-path' });
    expect(!r.ok && r.message.zh).toMatch(/「.*名单\.xlsx」是文件，不是文件夹/);
  });

  it('a file open in WPS/Excel (Windows: EBUSY/EPERM on replace) says to close it', async () => {
    const d = fresh();
    const p = path.join(d, '名单.xlsx');
    writeFileSync(p, 'old');
    for (const code of ['EBUSY', 'EPERM']) {
      const locked = (async () => {
        throw Object.assign(new Error(code), { code });
      }) as typeof fsp.rename;
      const r = await writeOutputAtomic(p, 'new', { force: true }, { rename: locked });
      expect(r).toMatchObject({ ok: false, code: 'io/write' });
      expect(!r.ok && r.message.zh).toMatch(/请先在 WPS\/Excel 中关闭该文件/);
      expect(!r.ok && r.message.en).toMatch(/close it in Excel\/WPS first/);
    }
    expect(readFileSync(p, 'utf8')).toBe('old');
    expect(readdirSync(d)).toEqual(['名单.xlsx']);
  });
});

describe('what holds', () => {
  it('a full disk keeps the old file and leaves no temp file', async () => {
    const d = fresh();
    const p = path.join(d, '发放表.xlsx');
    writeFileSync(p, 'old');
    const full = (async () => {
      throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
    }) as typeof fsp.rename;
    const r = await writeOutputAtomic(p, 'new', { force: true }, { rename: full });
    expect(r).toMatchObject({ ok: false, code: 'io/write' });
    expect(!r.ok && r.message.zh).toBe(`无法写入「${p}」（磁盘已满，ENOSPC），原文件未改动。`);
    expect(readFileSync(p, 'utf8')).toBe('old');
    expect(readdirSync(d)).toEqual(['发放表.xlsx']);
  });
});

describe('temp files of an interrupted write', () => {
  it('ours with a dead pid, over a minute old, are removed on the next write to that folder; others are left', async () => {
    const d = fresh();
    // A pid that is surely not running: a child that has exited.
    const dead = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).toString());
    const stale = [`.名单.xlsx.${dead}.0a1b2c3d.tmp`, `.进展报告.md.${dead}.deadbeef.tmp`];
    const young = `.名单.xlsx.${dead}.12345678.tmp`; // may be a write on another computer
    const kept = [`.名单.xlsx.${process.pid}.0a1b2c3d.tmp`, `.名单.xlsx.${dead}.tmp`, 'notes.tmp', `.x.${dead}.0A1B2C3D.tmp`, young];
    const hourAgo = new Date(Date.now() - 3600_000);
    for (const f of [...stale, ...kept]) {
      writeFileSync(path.join(d, f), '');
      if (f !== young) utimesSync(path.join(d, f), hourAgo, hourAgo);
    }
    expect(await writeOutputAtomic(path.join(d, '名单.xlsx'), 'x')).toMatchObject({ ok: true });
    expect(readdirSync(d).sort()).toEqual([...kept, '名单.xlsx'].sort());
  });
});

describe('yilian schema -o DIR', () => {
  it('refuses to replace existing schemas without --force, replaces them with it', async () => {
    const d = fresh();
    expect(await main(['node', 'yilian', 'schema', '-o', d], captureIo().io)).toBe(0);
    const file = path.join(d, readdirSync(d)[0]!);
    writeFileSync(file, 'mine');
    const c = captureIo();
    expect(await main(['node', 'yilian', 'schema', '-o', d], c.io)).toBe(2);
    expect(c.err).toHaveLength(1);
    expect(c.err[0]).toMatch(/已有.*未覆盖.*--force/);
    expect(readFileSync(file, 'utf8')).toBe('mine');
    expect(await main(['node', 'yilian', 'schema', '-o', d, '--force'], captureIo().io)).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toBe('mine');
  });
});

describe('through a command (roster -o)', () => {
  const EX = path.resolve('examples/wuchuan-2017');
  it('-o naming a folder: one sentence, no EISDIR, exit 2', async () => {
    const d = fresh();
    for (const extra of [[], ['--force']]) {
      const c = captureIo();
      expect(await main(['node', 'yilian', 'roster', EX, '-o', d, ...extra], c.io)).toBe(2);
      const all = c.err.join('\n');
      expect(all).toMatch(/是一个文件夹/);
      expect(all).not.toMatch(/EISDIR|--force/);
    }
  });
  it("-o '': one sentence about the empty name (roster, report)", async () => {
    for (const args of [['roster', EX], ['report', EX, '--as-of', '2017-07-01']]) {
      const c = captureIo();
      expect(await main(['node', 'yilian', ...args, '-o', ''], c.io)).toBe(2);
      expect(c.err).toEqual(['输出文件名是空的，请在 -o 后写上文件名，如 -o 名单.xlsx。']);
    }
  });
});
