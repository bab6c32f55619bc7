// What discovery and reading do with things that are not plain files: named pipes, devices,
// broken links, folders that cannot be listed, and files whose size stat does not tell.
// The pipes, devices and /proc are Linux (and macOS) things; the tests that make them say so.
import { execFileSync } from 'node:child_process';
import { promises as fsp, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { discover, readSource } from '../../src/io/read.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { captureIo } from '../helpers/io.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'yilian-special-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const PLAN =
  'kind: Alliance\nid: a\nname: 测试医联体\ntype: 医共体\nunits:\n  - { id: lead, name: 县医院, role: lead }\n  - { id: m, name: 乡镇卫生院, role: member }\n';

function folder(name: string): string {
  const d = path.join(tmp, name);
  mkdirSync(d);
  writeFileSync(path.join(d, 'alliance.yaml'), PLAN);
  return d;
}
const mkfifo = (p: string) => execFileSync('mkfifo', [p]);

describe('named on the command line (Linux: mkfifo, /dev/zero)', () => {
  it('a named pipe is refused at once with one sentence, exit 2 (it used to hang)', async () => {
    const fifo = path.join(tmp, 'pipe.yaml');
    mkfifo(fifo);
    const c = captureIo();
    expect(await main(['node', 'yilian', 'validate', fifo], c.io)).toBe(2);
    expect(c.out.join('\n')).toMatch(/pipe\.yaml.*不是普通文件.*命名管道/);
  });

  it('a link to /dev/zero is refused (it used to read until memory ran out)', async () => {
    const z = path.join(tmp, 'zero.yaml');
    symlinkSync('/dev/zero', z);
    const c = captureIo({ env: { YILIAN_LANG: 'en' } });
    expect(await main(['node', 'yilian', 'validate', z], c.io)).toBe(2);
    expect(c.out.join('\n')).toMatch(/zero\.yaml is not a regular file \(a device\)/);
  });

  it('import refuses a named pipe too', async () => {
    const fifo = path.join(tmp, 'pipe.csv');
    mkfifo(fifo);
    const c = captureIo();
    expect(await main(['node', 'yilian', 'import', 'activity', fifo], c.io)).toBe(2);
    expect(c.err.join('\n')).toMatch(/pipe\.csv.*不是普通文件/);
  });

  it('a broken link named on the command line says where it points', async () => {
    const l = path.join(tmp, 'gone.yaml');
    symlinkSync(path.join(tmp, 'nowhere.yaml'), l);
    const c = captureIo();
    expect(await main(['node', 'yilian', 'validate', l], c.io)).toBe(2);
    expect(c.out.join('\n')).toMatch(/gone\.yaml.*失效的链接.*nowhere\.yaml/);
  });
});

describe('inside a scanned folder: skipped with a warning that names it, the rest is read', () => {
  it('a named pipe, a device link and a broken link', async () => {
    const d = folder('mixed');
    mkfifo(path.join(d, 'pipe.yaml'));
    symlinkSync('/dev/zero', path.join(d, 'zero.yaml'));
    symlinkSync(path.join(d, 'moved-away'), path.join(d, 'shared-plans'));
    const diags: Diagnostic[] = [];
    const files = await discover([d], diags);
    expect(files.map((f) => path.basename(f))).toEqual(['alliance.yaml']);
    const byFile = Object.fromEntries(diags.map((x) => [x.file!.split('/').pop(), [x.code, x.severity]]));
    expect(byFile).toEqual({
      'pipe.yaml': ['io/not-a-file', 'warning'],
      'zero.yaml': ['io/not-a-file', 'warning'],
      'shared-plans': ['io/broken-link', 'warning'],
    });
    expect(diags.find((x) => x.code === 'io/broken-link')!.message.zh).toMatch(/shared-plans.*moved-away/);
  });

  it('the whole command still checks the rest and exits 0 on warnings alone', async () => {
    const d = folder('broken-only');
    symlinkSync(path.join(d, 'old.yaml'), path.join(d, 'renamed.yaml'));
    const c = captureIo();
    expect(await main(['node', 'yilian', 'validate', d], c.io)).toBe(0);
    expect(c.out.join('\n')).toMatch(/renamed\.yaml/);
  });

  it('a folder holding only a broken link: the warning, and still "no plan files found" (exit 2)', async () => {
    const d = path.join(tmp, 'only-link');
    mkdirSync(d);
    symlinkSync(path.join(d, 'gone.yaml'), path.join(d, 'plan.yaml'));
    const c = captureIo();
    expect(await main(['node', 'yilian', 'validate', d], c.io)).toBe(2);
    const out = c.out.join('\n');
    expect(out).toMatch(/plan\.yaml.*失效的链接/);
    expect(out).toMatch(/没有找到计划文件/);
  });

  it('a sub-folder that cannot be listed is io/read naming it (EACCES injected: tests run as root)', async () => {
    const d = folder('locked');
    const sub = path.join(d, '机密');
    mkdirSync(sub);
    writeFileSync(path.join(sub, 'x.yaml'), PLAN);
    const denied: typeof fsp.readdir = (async (p: string, o: never) => {
      if (path.resolve(p) === sub) throw Object.assign(new Error(`EACCES: permission denied, scandir '${p}'`), { code: 'EACCES' });
      return fsp.readdir(p, o);
    }) as typeof fsp.readdir;
    const diags: Diagnostic[] = [];
    const files = await discover([d], diags, { readdir: denied });
    expect(files.map((f) => path.basename(f))).toEqual(['alliance.yaml']);
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({ code: 'io/read', severity: 'error' });
    expect(diags[0]!.file).toMatch(/机密$/);
    expect(diags[0]!.message.zh).toMatch(/无法读取文件夹.*机密.*没有权限/);
  });
});

describe('the bounded reader', () => {
  it('never reads past the limit, even when stat says 0 bytes (Linux /proc)', async () => {
    const diags: Diagnostic[] = [];
    expect(await readSource('/proc/self/maps', diags, 64)).toBeUndefined();
    expect(diags.map((d) => d.code)).toEqual(['io/too-large']);
  });

  it('reads a regular file whole', async () => {
    const p = path.join(tmp, 'ok.yaml');
    writeFileSync(p, PLAN);
    const diags: Diagnostic[] = [];
    expect((await readSource(p, diags, 1024))?.bytes.toString()).toBe(PLAN);
    expect(diags).toEqual([]);
  });
});
