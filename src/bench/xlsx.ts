// Child-process probe for the xlsx part of `npm run bench` (issue 9): write a subsidy workbook
// whose 明细 sheet has N detail rows, either through yilian's writer (`subsidy`) or as the floor,
// a bare exceljs streaming write of the same rows and columns with no layout (`floor`). Reports
// wall time and peak RSS as JSON on the last stderr line, like measure.js. The report is built
// here rather than from a generated log: a log with 500,000 entries in one alliance-month would
// measure the subsidy computation, not the writer. Both sides read the same rows from the same
// list, which makes each row when asked (names shared, as a real report's are), so neither holds
// a 500,000-row model and the floor measures exceljs alone.
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { SubsidyDetail } from '../money/subsidy-model.js';
import type { DetailList, SubsidyXlsxModel } from '../render/xlsx-subsidy.js';

const TYPES = ['门诊', '查房', '带教', '培训', '会诊'];
const names = (k: number, f: (i: number) => string) => Array.from({ length: k }, (_, i) => f(i));
const DATES = names(28, (i) => `2021-06-${String(1 + i).padStart(2, '0')}`);
const PEOPLE = names(50, (i) => `人员${String(i).padStart(3, '0')}`);
const LEADS = names(3, (i) => `第${i}人民医院`);
const UNITS = names(50, (i) => `成员单位${String(i).padStart(3, '0')}乡镇卫生院`);

/** Detail row `i` of the bench report (deterministic). */
export function benchDetail(i: number): SubsidyDetail {
  const half = 1 + (i % 2);
  return {
    date: DATES[i % 28]!,
    person: PEOPLE[i % 50]!,
    personUnit: LEADS[i % 3]!,
    unit: UNITS[i % 50]!,
    activity: TYPES[i % TYPES.length]!,
    halfDays: half,
    counted: true,
    item: '劳务费',
    per: 'halfDay',
    rateFen: 25000,
    quantity: half,
    amountFen: 25000 * half,
    payer: LEADS[i % 3]!,
  } as SubsidyDetail;
}

/** A month's report over 50 people and 50 units whose details are `details` (by default `n` rows made on demand). */
export function benchSubsidyReport(n: number, details: DetailList = { length: n, at: (i) => (i < n ? benchDetail(i) : undefined) }): SubsidyXlsxModel {
  let total = 0;
  for (let i = 0; i < details.length; i++) total += details.at(i)!.amountFen;
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
  } as unknown as SubsidyXlsxModel;
}

/**
 * The floor: the same rows' values through exceljs's streaming writer, nothing else, yielding
 * to the zip as yilian's writer does (without it exceljs holds the whole sheet's XML).
 */
async function floor(report: SubsidyXlsxModel, file: string): Promise<void> {
  const { loadExcel } = await import('../io/exceljs.js');
  const { zipDrain } = await import('../render/xlsx-stream.js');
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: createWriteStream(file), useStyles: true, useSharedStrings: true });
  const ws = wb.addWorksheet('明细');
  for (let i = 0; i < report.details.length; i++) {
    const d = report.details.at(i)!;
    const work = `${d.activity}（${d.halfDays}个半天）`;
    const charge = `${(d.rateFen ?? 0) / 100}元/半天 × ${d.quantity}`;
    ws.addRow([i + 1, new Date(`${d.date}T00:00:00Z`), d.person, d.personUnit, d.unit, work, d.item, charge, d.amountFen / 100, d.payer, '']).commit();
    if (i % 100 === 99) await zipDrain(ws);
  }
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
