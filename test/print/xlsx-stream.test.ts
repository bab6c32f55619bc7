// The streamed 明细 sheet (xlsx-stream.ts, issue 9) prints exactly as the in-memory one: same
// column widths, row heights, page breaks, merges, texts, fonts and page setup, read back with the
// independent reader of the print tests; and it is byte-identical across runs.
import { describe, expect, it } from 'vitest';
import { benchSubsidyReport } from '../../src/bench/xlsx.js';
import type { SubsidyReport } from '../../src/money/subsidy-model.js';
import { renderSubsidyXlsx } from '../../src/render/xlsx-subsidy.js';
import { readPrintSheets, type PrintSheet } from './xlsx-xml.js';

/** 300 rows over several pages, some unbilled (red), some with notes long enough to wrap. */
function report(): SubsidyReport {
  const r = benchSubsidyReport(300);
  r.details.forEach((d, i) => {
    if (i % 37 === 5) Object.assign(d, { counted: false, item: undefined, amountFen: 0, reason: { zh: '当日已在别处计费', en: 'billed elsewhere' } });
    if (i % 41 === 7) d.note = '因道路施工改至次日补诊，经牵头医院医务科审核同意后按原计划标准计费，附情况说明一份';
  });
  r.grandTotalFen = r.details.reduce((s, d) => s + d.amountFen, 0);
  return r;
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

  it('writes the same bytes twice', async () => {
    const r = report();
    const a = await renderSubsidyXlsx(r, { streamRows: 0 });
    await new Promise((ok) => setTimeout(ok, 1100)); // a zip stamped with the clock would differ now
    const b = await renderSubsidyXlsx(r, { streamRows: 0 });
    expect(b.equals(a)).toBe(true);
  });
});
