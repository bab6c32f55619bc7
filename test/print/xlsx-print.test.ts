// Every xlsx yilian writes prints on A4 in Excel, WPS and LibreOffice (issue 10): read back with
// an independent reader (the package XML, not exceljs) and checked against the page:
// - A4 landscape, the margins, an explicit scale (no fit-to-page, which each application
//   computes differently), the smallest font × scale ≥ 9 pt, the table as wide as the page allows;
// - every font a cell uses is named 宋体 or 黑体;
// - the manual page breaks leave no page taller than the paper (so no application adds its own),
//   and no merged cell crosses one;
// - titles fit their merged row, or wrap into a row tall enough;
// - stamp and signature blocks where offices put them.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderRosterXlsx } from '../../src/render/xlsx-roster.js';
import type { RosterReport } from '../../src/reports/roster.js';
import { runCli } from '../helpers/cli.js';
import { readPrintSheets, splitRef, type PrintSheet } from './xlsx-xml.js';

const A4 = { long: 841.89, short: 595.28 };
/** LibreOffice on Linux: 7 pt per width unit (measured in its PDF); Excel 5.25 pt. */
const UNIT_WIDEST = 7;
const UNIT_NARROWEST = 5.25;
const MIN_PT = 9;

const tmp = mkdtempSync(path.join(tmpdir(), 'yilian-print-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const CASES: [string, string[]][] = [
  ['roster-guangshan', ['roster', 'examples/guangshan-2021']],
  ['roster-liangping', ['roster', 'examples/liangping-2018']],
  ['roster-shaoxing', ['roster', 'examples/shaoxing-tcm-2017']],
  ['roster-wuchuan', ['roster', 'examples/wuchuan-2017']],
  ['roster-jingmen', ['roster', 'examples/jingmen-dongbao']],
  // the one example with a SubsidyPolicy, for the one month its log covers
  ['subsidy-shaoxing-2017-06', ['subsidy', 'examples/shaoxing-tcm-2017', '--month', '2017-06']],
  ['report-shaoxing', ['report', 'examples/shaoxing-tcm-2017', '--as-of', '2017-07-01', '--period', '2017-Q2']],
  ['report-guangshan', ['report', 'examples/guangshan-2021', '--as-of', '2021-07-01', '--period', '2021-Q2']],
  ['report-liangping', ['report', 'examples/liangping-2018', '--as-of', '2019-01-01', '--period', '2018']],
  ['report-wuchuan', ['report', 'examples/wuchuan-2017', '--as-of', '2018-01-05', '--period', '2017']],
  ['report-jingmen', ['report', 'examples/jingmen-dongbao', '--as-of', '2025-01-01', '--period', '2024']],
];

const books = new Map<string, PrintSheet[]>();
beforeAll(async () => {
  await Promise.all(
    CASES.map(async ([name, args]) => {
      const file = path.join(tmp, `${name}.xlsx`);
      const r = await runCli([...args, '-o', file, '-q']);
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      books.set(name, readPrintSheets(readFileSync(file)).sheets);
    }),
  );
}, 300_000);

const displayWidth = (s: string) => [...s].reduce((n, ch) => n + (/[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 2 : 1), 0);

function tableColumns(ws: PrintSheet): number {
  let n = 0;
  for (const a of ws.text.keys()) n = Math.max(n, splitRef(a).col);
  for (const m of ws.merges) n = Math.max(n, m.right);
  return n;
}

/** Every print property of one sheet; returns the problems found. */
function printProblems(ws: PrintSheet): string[] {
  const p: string[] = [];
  const say = (s: string) => p.push(`${ws.name}: ${s}`);
  if (ws.pageSetup.paperSize !== '9') say(`paper ${ws.pageSetup.paperSize}, not A4`);
  if (ws.pageSetup.orientation !== 'landscape') say(`orientation ${ws.pageSetup.orientation}`);
  if (ws.fitToPage) say('fit to page is on: each application would pick its own scale');
  const scale = Number(ws.pageSetup.scale ?? 100) / 100;
  const m = ws.margins;
  if (!(m.left! >= 0.3 && m.right! >= 0.3 && m.top! >= 0.5 && m.bottom! >= 0.5)) say(`margins ${JSON.stringify(m)}`);
  // fonts
  for (const [addr, f] of ws.cellFonts) {
    if (f.name !== '宋体' && f.name !== '黑体') say(`${addr} font ${f.name ?? '(none)'}`);
    if (ws.text.has(addr) && f.size * scale < MIN_PT - 1e-9) say(`${addr} prints at ${(f.size * scale).toFixed(2)} pt`);
  }
  // width
  const n = tableColumns(ws);
  let widest = 0;
  for (let c = 1; c <= n; c++) widest += (ws.widths.get(c) ?? 9) * UNIT_WIDEST + 2;
  const pageWidth = A4.long - 72 * (m.left! + m.right!);
  if (widest * scale > pageWidth + 0.5) say(`table ${(widest * scale).toFixed(0)} pt wide, page ${pageWidth.toFixed(0)} pt`);
  // pages: every stretch between breaks fits the paper
  const pageHeight = A4.short - 72 * (m.top! + m.bottom!);
  const header = Number(/^\$?(\d+):/.exec(ws.printTitles?.split('!').pop() ?? '')?.[1] ?? 0);
  const h = (r: number) => ws.heights.get(r) ?? 15;
  const stops = [...ws.breaks, ws.lastRow];
  let from = 1;
  for (const stop of stops) {
    let used = from > 1 && header ? h(header) : 0;
    for (let r = from; r <= stop; r++) used += h(r);
    if (used * scale > pageHeight) say(`rows ${from}–${stop} are ${(used * scale).toFixed(0)} pt tall, the page ${pageHeight.toFixed(0)} pt`);
    from = stop + 1;
  }
  for (const mg of ws.merges)
    for (const b of ws.breaks) if (mg.top <= b && b < mg.bottom) say(`merge rows ${mg.top}–${mg.bottom} crosses the page break after row ${b}`);
  // title rows: the text fits the merged width where units are narrowest, or the row holds its lines
  for (const mg of ws.merges.filter((x) => x.top === x.bottom && x.top < (header || 3))) {
    const addr = `A${mg.top}`;
    const text = ws.text.get(addr);
    if (!text || mg.left !== 1) continue;
    const size = ws.cellFonts.get(addr)!.size;
    let units = 0;
    for (let c = mg.left; c <= mg.right; c++) units += ws.widths.get(c) ?? 9;
    const lines = text.split('\n').reduce((k, l) => k + Math.ceil(((displayWidth(l) * size) / 2) / (units * UNIT_NARROWEST)), 0);
    if (h(mg.top) < lines * size * 1.3) say(`title "${text.slice(0, 20)}…" needs ${lines} line(s), row is ${h(mg.top)} pt`);
  }
  return p;
}

describe.each(CASES)('%s prints on A4', (name) => {
  it('A4 landscape at a scale where every font prints ≥ 9 pt, fonts named, pages and merges and titles right', () => {
    const sheets = books.get(name)!;
    expect(sheets.length).toBeGreaterThan(0);
    expect(sheets.flatMap(printProblems)).toEqual([]);
  });
});

const allText = (ws: PrintSheet) => [...ws.text.values()].join('\n');

describe('stamp and signature blocks', () => {
  it('every lead unit sheet of a roster has 填报单位（盖章）/填报人/联系电话/填报日期', () => {
    for (const [name] of CASES.filter(([n]) => n.startsWith('roster'))) {
      const leads = books.get(name)!.filter((s) => s.name !== '汇总');
      expect(leads.length, name).toBeGreaterThan(0);
      for (const ws of leads) for (const label of ['填报单位（盖章）', '填报人', '联系电话', '填报日期']) expect(allText(ws), `${name} ${ws.name}`).toContain(label);
    }
  });

  it('every payment sheet has 负责人/审核人/制表人/领款人 and 单位（盖章）', () => {
    const payers = books.get('subsidy-shaoxing-2017-06')!.filter((s) => s.name !== '明细');
    expect(payers.length).toBe(5);
    for (const ws of payers) for (const label of ['负责人', '审核人', '制表人', '领款人', '单位（盖章）']) expect(allText(ws), ws.name).toContain(label);
  });
});

describe('half-days and sessions', () => {
  it("shaoxing's host sheet counts 金志良's lecture apart from his half-days: 4 × 250 + 1 lecture = ¥1,500", () => {
    const ws = books.get('subsidy-shaoxing-2017-06')!.find((s) => s.name === '越城区陶堰社区卫生服务中心')!;
    const header = [...ws.text].filter(([a]) => splitRef(a).row === 3).map(([, v]) => v);
    expect(header).toContain('半天数');
    expect(header).toContain('讲座次数');
    const row = [...ws.text].find(([, v]) => v === '金志良')![0];
    const r = splitRef(row).row;
    const at = (label: string) => ws.text.get(`${String.fromCharCode(64 + header.indexOf(label) + 1)}${r}`);
    expect([at('半天数'), at('讲座次数'), at('劳务费(元)')]).toEqual(['4', '1', '1500']);
  });
});

describe('a roster longer than a page', () => {
  it('breaks pages explicitly and repeats 牵头医院名称 on each page instead of merging across the break', async () => {
    const rows = Array.from({ length: 70 }, (_, i) => ({
      seq: i + 1,
      name: `医生${i + 1}`,
      gender: '男',
      specialty: '内科',
      title: '主治医师',
      phone: `1380000${String(i).padStart(4, '0')}`,
      target: `第${i + 1}镇卫生院`,
      start: '2021-05-01',
      end: '2022-04-30',
    }));
    const report = {
      title: '某医联体下派人员名单',
      alliance: { name: '某医联体' },
      mode: 'all',
      date: '2021-05-01',
      sections: [{ lead: { name: '某县人民医院' }, rows }],
      summary: { units: [], uncovered: [], received: 0, people: 70, assignments: 70 },
      diagnostics: [],
    } as unknown as RosterReport;
    const ws = readPrintSheets(await renderRosterXlsx(report)).sheets[0]!;
    expect(ws.breaks.length).toBeGreaterThanOrEqual(2);
    expect(printProblems(ws)).toEqual([]);
    // the lead name starts each page's stretch of column A
    for (const b of ws.breaks.filter((x) => x < 3 + rows.length)) expect(ws.text.get(`A${b + 1}`)).toBe('某县人民医院');
    const leadMerges = ws.merges.filter((m) => m.left === 1 && m.right === 1);
    expect(leadMerges.length).toBe(ws.breaks.filter((x) => x < 3 + rows.length).length + 1);
  });
});
