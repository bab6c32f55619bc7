// import writes nothing when there is nothing to import, and says why; a formula cell without a
// saved result is named (Sheet1!B3) and never filled from the row above.
import { crc32 } from 'node:zlib';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo } from '../helpers/io.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'yilian-import-lenient-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A zip (stored, no compression) holding the given files: a minimal valid archive. */
function zip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const fname = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fname.length, 26);
    locals.push(local, fname, data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(data.length, 20);
    c.writeUInt32LE(data.length, 24);
    c.writeUInt16LE(fname.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, fname);
    offset += 30 + fname.length + data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

async function runImport(kind: 'roster' | 'activity', name: string, bytes: string | Buffer) {
  const file = path.join(tmp, name);
  writeFileSync(file, bytes);
  const out = path.join(tmp, `${name}.yaml`);
  const c = captureIo();
  const code = await main(['node', 'yilian', 'import', kind, file, '-o', out], c.io);
  return { code, err: c.err.join('\n'), written: existsSync(out) };
}

describe('nothing to import: nothing written, and why', () => {
  it('a zip with no workbook in it is not an xlsx (exit 2, like any unreadable workbook)', async () => {
    for (const kind of ['roster', 'activity'] as const) {
      const r = await runImport(kind, `no-workbook-${kind}.xlsx`, zip({ 'readme.txt': 'hello' }));
      expect(r).toMatchObject({ code: 2, written: false });
      expect(r.err).toMatch(/没有工作表/);
    }
  });

  it('an empty CSV (exit 1, like a sheet where no row could be read)', async () => {
    for (const kind of ['roster', 'activity'] as const) {
      const r = await runImport(kind, `empty-${kind}.csv`, '');
      expect(r).toMatchObject({ code: 1, written: false });
      expect(r.err).toMatch(/没有可导入的记录/);
      expect(r.err).toMatch(/未写入文件/);
    }
  });

  it('a roster CSV with a header and no rows', async () => {
    const r = await runImport('roster', 'header-only.csv', '姓名,性别,职称,电话,下派单位,下派时间\n');
    expect(r).toMatchObject({ code: 1, written: false });
    expect(r.err).toMatch(/没有可导入的记录/);
  });

  it('to stdout: nothing on stdout either', async () => {
    const file = path.join(tmp, 'empty-stdout.csv');
    writeFileSync(file, '');
    const c = captureIo();
    expect(await main(['node', 'yilian', 'import', 'roster', file], c.io)).toBe(1);
    expect([...c.out, ...c.bytes]).toEqual([]);
  });
});

describe('formula cells without a saved result', () => {
  it('are warned about by address and not filled from the row above', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['日期', '人员', '单位', '类型', '半天数', '备注']);
    ws.addRow(['2021-06-03', '刘鹏飞', '寨河', '门诊', 2, '']);
    ws.addRow(['2021-06-04', { formula: 'B2' }, '寨河', '查房', { formula: '1+1' }, { formula: 'CONCAT("a","b")' }]);
    ws.addRow(['2021-06-05', '王芳', '寨河', '门诊', { formula: '1+1', result: 2 }, '']);
    const file = path.join(tmp, 'formulas.xlsx');
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const c = captureIo();
    const code = await main(['node', 'yilian', 'import', 'activity', file], c.io);
    const err = c.err.join('\n');
    for (const addr of ['Sheet1!B3', 'Sheet1!E3', 'Sheet1!F3']) expect(err).toContain(addr);
    expect(err).not.toContain('Sheet1!E4'); // a formula with its result is read normally
    const yaml = c.bytes.join('');
    expect(yaml).toMatch(/刘鹏飞.*# 第2行/);
    expect(yaml).toMatch(/王芳, unit: 寨河, type: 门诊, halfDays: 2/);
    expect(yaml).not.toMatch(/2021-06-04/); // its person is unknown: not taken from row 2
    expect(code).toBe(1);
  });
});
