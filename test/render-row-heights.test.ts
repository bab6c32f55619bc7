// Printed sheets: a wrapped text cell must get a row tall enough for all its lines. Excel, WPS and
// LibreOffice keep the row height stored in the file; at the default 15pt a wrapped note prints
// one line and spills the rest over the next rows (明细 备注, 概况, 问题清单 位置, 未覆盖 …).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from './helpers/cli.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'yilian-row-heights-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const CASES: [string, string[]][] = [
  ['subsidy.xlsx', ['subsidy', 'examples/shaoxing-tcm-2017', '--month', '2017-06']],
  ['report.xlsx', ['report', 'examples/shaoxing-tcm-2017', '--as-of', '2017-07-01', '--period', '2017-Q2']],
  ['report-gs.xlsx', ['report', 'examples/guangshan-2021', '--as-of', '2021-07-01', '--period', '2021-Q2']],
  ['roster.xlsx', ['roster', 'examples/liangping-2018']],
];

/**
 * The fewest lines a text can take in a cell `cols` units wide: a line holds at most `cols` units,
 * and a CJK ideograph takes 2. Other characters count only when they are printable ASCII (1), so
 * this never overestimates: it is a lower bound, independent of how production measures and
 * wraps, and a row lower than it certainly clips its text.
 */
function fewestLines(text: string, cols: number): number {
  const units = (line: string) => [...line].reduce((n, ch) => n + (/[\u4e00-\u9fff]/.test(ch) ? 2 : /[ -~]/.test(ch) ? 1 : 0), 0);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(units(line) / cols)), 0);
}

beforeAll(async () => {
  for (const [out, args] of CASES) {
    const r = await runCli([...args, '-o', path.join(tmp, out)]);
    expect(r.code, r.stderr).toBe(0);
  }
});

describe.each(CASES)('%s', (out) => {
  it('every wrapped cell has at least the row height its lines need, and some need several', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(tmp, out));
    const short: string[] = [];
    let examined = 0;
    let multiLine = 0;
    for (const ws of wb.worksheets) {
      const merges = (ws.model as unknown as { merges?: string[] }).merges ?? [];
      ws.eachRow((row, r) => {
        row.eachCell((cell, c) => {
          if (!cell.alignment?.wrapText || typeof cell.value !== 'string' || cell.master !== cell) return;
          const m = merges.find((x) => x.startsWith(cell.address + ':'));
          let cols = c;
          if (m) {
            const end = ws.getCell(m.split(':')[1]!);
            if (Number(end.row) > r) return; // merged down: wraps into the rows below
            cols = Number(end.col);
          }
          let w = 0;
          for (let k = c; k <= cols; k++) w += ws.getColumn(k).width ?? 9;
          const lines = fewestLines(cell.value, w);
          examined++;
          if (lines > 1) multiLine++;
          // 15 points is one line of 11-point text (Excel's default row height).
          if ((row.height ?? 15) < 15 * lines) short.push(`${ws.name}!${cell.address}: ≥ ${lines} lines, height ${row.height ?? 'default'}`);
        });
      });
    }
    expect(short).toEqual([]);
    // A workbook with no wrapped cell, or none that needs a second line, would prove nothing.
    expect(examined).toBeGreaterThan(0);
    expect(multiLine).toBeGreaterThan(0);
  });
});
