// The streamed 明细 sheet (xlsx-stream.ts, issue 9) prints exactly as the in-memory one: same
// column widths, row heights, page breaks, merges, texts, fonts and page setup, read back with the
// independent reader of the print tests; and it is byte-identical across runs.
import { describe, expect, it } from 'vitest';
import { benchDetail, benchSubsidyReport } from '../../src/bench/xlsx.js';
import { renderSubsidyXlsx, type SubsidyXlsxModel } from '../../src/render/xlsx-subsidy.js';
import { openStreamWorkbook, RowStream, zipBacklog } from '../../src/render/xlsx-stream.js';
import { entryData, readZipEntries } from '../../src/render/xlsx-common.js';
import { readPrintSheets, type PrintSheet } from './xlsx-xml.js';

/**
 * Every cell's style on the 明细 sheet (the last), by address, written out in full: number
 * format code, quote prefix, alignment, font and border, whatever ids the writer gave them.
 */
function cellLooks(xlsx: Buffer): Map<string, string> {
  const files = new Map(readZipEntries(xlsx).map((e) => [e.name.replace(/^\//, ''), entryData(e).toString('utf8')]));
  const styles = files.get('xl/styles.xml')!;
  const block = (tag: string) => /<(\w+)\b[^>]*>([\s\S]*?)<\/\1>/.exec(new RegExp(`<${tag}\\b[^>]*>[\\s\\S]*?</${tag}>`).exec(styles)?.[0] ?? '')?.[2] ?? '';
  const items = (tag: string, item: string) => [...block(tag).matchAll(new RegExp(`<${item}\\b[^>]*?/>|<${item}\\b[\\s\\S]*?</${item}>`, 'g'))].map((m) => m[0]);
  const fmts = new Map([...block('numFmts').matchAll(/numFmtId="(\d+)" formatCode="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
  const [fonts, borders, xfs] = [items('fonts', 'font'), items('borders', 'border'), items('cellXfs', 'xf')];
  const look = (s: string) => {
    const xf = xfs[Number(s)]!;
    const id = (k: string) => new RegExp(`\\b${k}="(\\d+)"`).exec(xf)?.[1] ?? '0';
    const fmt = /\bnumFmtId="(\d+)"/.exec(xf)?.[1] ?? '0';
    return [fmts.get(fmt) ?? fmt, /quotePrefix="1"/.test(xf), /<alignment[^>]*>/.exec(xf)?.[0], fonts[Number(id('fontId'))], borders[Number(id('borderId'))]].join(' | ');
  };
  const sheets = [...files.keys()].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).sort();
  const xml = files.get(sheets[sheets.length - 1]!)!;
  return new Map([...xml.matchAll(/<c r="([A-Z]+\d+)"(?: s="(\d+)")?/g)].map((m) => [m[1]!, look(m[2] ?? '0')]));
}

/** 300 rows over several pages, some unbilled (red), some with notes long enough to wrap, a few odd cells. */
function report(): SubsidyXlsxModel {
  const details = Array.from({ length: 300 }, (_, i) => benchDetail(i));
  details.forEach((d, i) => {
    if (i % 37 === 5) Object.assign(d, { counted: false, item: undefined, amountFen: 0, reason: { zh: '当日已在别处计费', en: 'billed elsewhere' } });
    if (i % 41 === 7) d.note = '因道路施工改至次日补诊，经牵头医院医务科审核同意后按原计划标准计费，附情况说明一份';
  });
  // text a spreadsheet would take for a formula, a charge without a rate (an empty cell)
  Object.assign(details[9]!, { note: '=HYPERLINK("http://x")', person: '@王五' });
  Object.assign(details[13]!, { rateFen: undefined, basis: '测卫〔2020〕9号', assumed: true, cappedFen: 1250 });
  return benchSubsidyReport(details.length, details);
}

const layout = (s: PrintSheet) => ({
  ...s,
  merges: [...s.merges].sort((a, b) => a.top - b.top || a.left - b.left),
  widths: [...s.widths],
  heights: [...s.heights],
  text: [...s.text],
  cellFonts: [...s.cellFonts],
});

describe('streamed 明细 sheet', () => {
  it('lays out and prints exactly as the in-memory sheet', async () => {
    const r = report();
    const memory = readPrintSheets(await renderSubsidyXlsx(r, { streamRows: Infinity }));
    const streamed = readPrintSheets(await renderSubsidyXlsx(r, { streamRows: 0 }));
    const detail = streamed.sheets.find((s) => s.name === '明细')!;
    expect(detail.breaks.length).toBeGreaterThan(3);
    expect(detail.heights.get(detail.breaks[0]! + 1)).toBeDefined();
    expect(streamed.sheets.map(layout)).toEqual(memory.sheets.map(layout));
    expect(streamed.fonts).toEqual(memory.fonts);
  });

  it('gives every cell the in-memory cell\'s format, alignment, font and border', async () => {
    const r = report();
    const memory = cellLooks(await renderSubsidyXlsx(r, { streamRows: Infinity }));
    const streamed = cellLooks(await renderSubsidyXlsx(r, { streamRows: 0 }));
    expect(streamed.size).toBeGreaterThan(3000);
    expect(streamed.get('K13')).toMatch(/^49 \| true \|/); // the formula-like note: Text, quote prefix
    expect(streamed.get('C13')).toMatch(/^49 \| true \|/);
    expect(streamed.get('C14')).toMatch(/^49 \| false \|/);
    expect([...streamed]).toEqual([...memory]);
  });

  it('writes the same bytes twice', async () => {
    const r = report();
    const a = await renderSubsidyXlsx(r, { streamRows: 0 });
    await new Promise((ok) => setTimeout(ok, 1100)); // a zip stamped with the clock would differ now
    const b = await renderSubsidyXlsx(r, { streamRows: 0 });
    expect(b.equals(a)).toBe(true);
  });
});

describe('back-pressure on the zip', () => {
  // zipDrain relies on archiver's entry stream (exceljs internals); should they change, the
  // writer would silently hold the whole sheet's XML again, so the backlog must stay readable.
  it('can tell how far the zip is behind a streamed sheet', async () => {
    const { wb, finish } = await openStreamWorkbook();
    const ws = wb.addWorksheet('s');
    ws.getRow(1).getCell(1).value = 'x';
    ws.getRow(1).commit();
    const rows = new RowStream(wb, ws, 2);
    const style = {};
    for (let r = 2; r < 20_000; r++) rows.write(r, 18, [r, `第${r % 7}行`], [style, style]);
    let backlog: number | undefined;
    for (let i = 0; i < 100 && backlog === undefined; i++) {
      await rows.flush();
      backlog = zipBacklog(ws);
    }
    expect(backlog).toBeTypeOf('number');
    rows.end(20_000);
    ws.commit();
    expect((await finish()).length).toBeGreaterThan(1000);
  });
});
