// Child-process probe for the xlsx part of `npm run bench` (issue 9): write a subsidy workbook
// whose 明细 sheet has N detail rows, either through yilian's writer (`subsidy`) or as the floor,
// a bare exceljs streaming write of the same rows and columns with no layout (`floor`). Reports
// wall time and peak RSS as JSON on the last stderr line, like measure.js. The report is built
// here rather than from a generated log: a log with 500,000 entries in one alliance-month would
// measure the subsidy computation, not the writer.
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { SubsidyDetail, SubsidyReport } from '../money/subsidy-model.js';

const TYPES = ['门诊', '查房', '带教', '培训', '会诊'];

/** A month's report with `n` detail rows (deterministic), over 50 people and 50 units. */
export function benchSubsidyReport(n: number): SubsidyReport {
  const details: SubsidyDetail[] = [];
  for (let i = 0; i < n; i++) {
    const half = 1 + (i % 2);
    details.push({
      date: `2021-06-${String(1 + (i % 28)).padStart(2, '0')}`,
      person: `人员${String(i % 50).padStart(3, '0')}`,
      personUnit: `第${i % 3}人民医院`,
      unit: `成员单位${String(i % 50).padStart(3, '0')}乡镇卫生院`,
      activity: TYPES[i % TYPES.length]!,
      halfDays: half,
      counted: true,
      item: '劳务费',
      per: 'halfDay',
      rateFen: 25000,
      quantity: half,
      amountFen: 25000 * half,
      payer: `第${i % 3}人民医院`,
    } as SubsidyDetail);
  }
  const total = details.reduce((s, d) => s + d.amountFen, 0);
  return {
    month: '2021-06',
    date: '2021-06-30',
    alliance: { id: 'a000', name: '测试医疗联合体' },
    policyBasis: ['测卫〔2021〕1号'],
    policies: [],
    items: ['劳务费'],
    payers: [],
    people: 50,
    itemTotals: [{ item: '劳务费', amountFen: total }],
    grandTotalFen: total,
    grandDaxie: '',
    details,
    diagnostics: [],
  } as unknown as SubsidyReport;
}

/** The floor: the same rows' values through exceljs's streaming writer, nothing else. */
async function floor(report: SubsidyReport, file: string): Promise<void> {
  const { loadExcel } = await import('../io/exceljs.js');
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: createWriteStream(file), useStyles: true, useSharedStrings: true });
  const ws = wb.addWorksheet('明细');
  report.details.forEach((d, i) => {
    const work = `${d.activity}（${d.halfDays}个半天）`;
    const charge = `${(d.rateFen ?? 0) / 100}元/半天 × ${d.quantity}`;
    ws.addRow([i + 1, new Date(`${d.date}T00:00:00Z`), d.person, d.personUnit, d.unit, work, d.item, charge, d.amountFen / 100, d.payer, '']).commit();
  });
  ws.commit();
  await wb.commit();
}

async function main(): Promise<void> {
  const [job, rows, file] = process.argv.slice(2);
  const report = benchSubsidyReport(Number(rows));
  const t0 = process.hrtime.bigint();
  if (job === 'floor') await floor(report, file!);
  else {
    const { renderSubsidyXlsx } = await import('../render/xlsx-subsidy.js');
    await writeFile(file!, await renderSubsidyXlsx(report));
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stderr.write(`\n${JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024, code: 0 })}\n`);
}

if (process.argv[1]?.endsWith('xlsx.js')) void main();
