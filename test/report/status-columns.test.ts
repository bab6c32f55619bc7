// A status word (未达标, 逾期) is read at a glance: the 类别 and 状态 columns never wrap it
// ("未达/标"), in the HTML (nowrap cells) and in the workbook (no wrap, a column wide enough).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../src/render/report-html.js';
import { renderReportXlsx } from '../../src/render/report-xlsx.js';
import { displayWidth } from '../../src/render/text-width.js';
import { exampleReport, tableOf } from './helpers.js';

describe('status columns of the wuchuan-2017 report (as of 2021-07-10)', async () => {
  const r = await exampleReport('wuchuan-2017', '2021-07-10', '2021-Q2');
  const issues = tableOf(r, 'issues');

  it('types 级别 and 类别 as statuses, so every renderer keeps them on one line', () => {
    expect(issues.columns[1]).toEqual({ header: '级别', type: 'status' });
    expect(issues.columns[2]).toEqual({ header: '类别', type: 'status' });
    expect(issues.rows.some((x) => x[2] === '未达标')).toBe(true);
  });

  it('HTML: each 级别 and 类别 cell is a nowrap status cell', () => {
    const html = renderReportHtml(r);
    const table = /<table id="table-issues"[^>]*>([\s\S]*?)<\/table>/.exec(html)![1]!;
    const kinds = [...table.matchAll(/<tr>(<td[^>]*>[^<]*<\/td>)(<td[^>]*>[^<]*<\/td>)(<td[^>]*>)/g)].flatMap((m) => [m[2], m[3]]);
    expect(kinds.length).toBe(2 * issues.rows.length);
    for (const td of kinds) expect(td).toMatch(/class="status( tone-\w+)?"/);
    expect(html).toMatch(/td\.date, td\.status \{ white-space: nowrap; \}/);
  });

  it('xlsx: the 类别 column does not wrap and is wide enough for its longest word', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderReportXlsx(r)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('问题清单')!;
    const cells: ExcelJS.Cell[] = [];
    ws.eachRow((row) => issues.rows.some((x) => x[2] === row.getCell(3).value && x[0] === row.getCell(1).value) && cells.push(row.getCell(3)));
    expect(cells.length).toBe(issues.rows.length);
    for (const c of cells) expect(c.alignment?.wrapText ?? false).toBe(false);
    const widest = Math.max(...cells.map((c) => displayWidth(String(c.value))));
    expect(ws.getColumn(3).width!).toBeGreaterThanOrEqual(widest);
  });
});
