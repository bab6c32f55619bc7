import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeOutputAtomic } from '../../src/io/write.js';

const dir = mkdtempSync(path.join(tmpdir(), 'yilian-write-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeOutputAtomic', () => {
  it('writes a new file (creating folders) and leaves no temp file', async () => {
    const p = path.join(dir, 'sub', 'a.yaml');
    expect(await writeOutputAtomic(p, 'x: 1\n')).toMatchObject({ ok: true });
    expect(readFileSync(p, 'utf8')).toBe('x: 1\n');
    expect(readdirSync(path.join(dir, 'sub'))).toEqual(['a.yaml']);
  });

  it('refuses to overwrite without force, overwrites with it', async () => {
    const p = path.join(dir, 'b.yaml');
    writeFileSync(p, 'old');
    const r = await writeOutputAtomic(p, 'new');
    expect(r).toMatchObject({ ok: false, code: 'io/output-exists' });
    expect(readFileSync(p, 'utf8')).toBe('old');
    expect(await writeOutputAtomic(p, 'new', { force: true })).toMatchObject({ ok: true });
    expect(readFileSync(p, 'utf8')).toBe('new');
  });

  it('never writes over an input, even with force or through a symlink or ../', async () => {
    const input = path.join(dir, '名单.xlsx');
    writeFileSync(input, 'xlsx');
    const link = path.join(dir, 'link.xlsx');
    symlinkSync(input, link);
    for (const target of [input, link, path.join(dir, 'sub', '..', '名单.xlsx')]) {
      const r = await writeOutputAtomic(target, 'yaml', { force: true, inputs: [input] });
      expect(r).toMatchObject({ ok: false, code: 'io/output-is-input' });
    }
    expect(readFileSync(input, 'utf8')).toBe('xlsx');
  });
});
