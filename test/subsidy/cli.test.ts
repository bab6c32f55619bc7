// End to end through the built CLI: yilian subsidy on the Shaoxing example (绍市中医〔2017〕39号
// 三(二)8), the workbook read back with exceljs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { runCli, ROOT } from '../helpers/cli.js';

const EX = 'examples/shaoxing-tcm-2017';
const tmp = mkdtempSync(path.join(tmpdir(), 'yilian-subsidy-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SHEETS = ['绍兴市中医院', '越城区陶堰社区卫生服务中心', '越城区府山社区卫生服务中心', '越城区富盛社区卫生服务中心', '斗门卫生院', '明细'];
const HEADER_ROW = 3;

type Row = (string | number | null | { formula: string; result: number })[];
function rows(ws: ExcelJS.Worksheet): Row[] {
  const out: Row[] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    out[r] = (row.values as Row).slice(1);
  });
  return out;
}
const num = (v: unknown) => (typeof v === 'object' && v !== null && 'result' in v ? (v as { result: number }).result : (v as number));

let wb: ExcelJS.Workbook;
let first: Buffer;
let run1: Awaited<ReturnType<typeof runCli>>;

beforeAll(async () => {
  const out = path.join(tmp, 'a.xlsx');
  run1 = await runCli(['subsidy', EX, '--month', '2017-06', '-o', out]);
  first = readFileSync(out);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(first);
});

describe('yilian subsidy on shaoxing-tcm-2017, June 2017', () => {
  it('exits 0 with a one-line summary, and reports the unpaid 带教 with its position', () => {
    expect(run1.code, run1.stderr).toBe(0);
    expect(run1.stdout.trim().split('\n')).toHaveLength(1);
    expect(run1.stdout).toContain('5 个付款单位，4 人，合计 ¥6,050.00（陆仟零伍拾元整）');
    expect(run1.stderr).toMatch(/activity-2017-06\.yaml:\d+:\d+\s+警告\s+绍市中医〔2017〕39号没有带教的标准/);
    expect(run1.stderr).toContain('[subsidy/no-rate]');
  });

  it('one sheet per payer (the lead first, then members in alliance order) and a 明细 sheet', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(SHEETS);
  });

  it('a host sheet: title, subtitle, headers, the expert\'s row and the total', () => {
    const ws = wb.getWorksheet('越城区陶堰社区卫生服务中心')!;
    const r = rows(ws);
    expect(r[1]![0]).toBe('绍兴市中医院医联体（双下沉）劳务费/补贴发放表（2017年6月）');
    expect(r[2]![0]).toContain('付款单位：越城区陶堰社区卫生服务中心');
    expect(r[2]![0]).toContain('绍市中医〔2017〕39号');
    // the lecture is paid per session: counted in a column of its own, not as a half-day
    expect(r[HEADER_ROW]).toEqual(['序号', '姓名', '职称', '单位', '工作内容', '半天数', '讲座次数', '劳务费(元)', '合计(元)', '签名']);
    // ※: the 讲座 fee rests on an assumed rate (see the next test)
    // 金志良, 正高: 门诊 3 × 250 + 查房 250 (4 半天) + 讲座 500 (1 次) (the 带教 earns nothing)
    expect(r[4]!.slice(0, 9)).toEqual([1, '金志良', '主任中医师', '绍兴市中医院', '门诊3次、查房1次、讲座1次 ※', 4, 1, 1500, 1500]);
    expect(ws.getCell(4, 10).value).toBeNull(); // 签名 left empty…
    expect(ws.getCell(4, 10).border?.left?.style).toBe('thin'); // …with borders
    const total = r[5]!;
    expect(total[0]).toBe('合计');
    expect(total[7]).toMatchObject({ formula: 'SUM(H4:H4)', result: 1500 });
    expect(rows(ws)[6]![0]).toContain('合计人民币（大写）：壹仟伍佰元整');
    expect([String(r[8]![0]), String(r[9]![0])]).toEqual(['负责人：', '单位（盖章）：']);
  });

  // Seed 000 三(二)8 sets 250/200 元 for 查房、门诊 only; 会诊's amount and the 讲座 amounts
  // (按绍市财行〔2014〕65号) are not in it: subsidy.yaml marks them `assumed: [amount]`.
  it('amounts the source does not state are flagged on the payer sheets and in 明细', () => {
    const note = (name: string) => rows(wb.getWorksheet(name)!)[7]![0];
    expect(note('越城区陶堰社区卫生服务中心')).toBe('※ 示意值，原文未规定：讲座（正高）500.00元/次（请按绍市财行〔2014〕65号核实）。');
    expect(note('越城区府山社区卫生服务中心')).toBe('※ 示意值，原文未规定：会诊（副高）200.00元/半天。');
    expect(note('越城区富盛社区卫生服务中心')).toContain('讲座（副高）300.00元/次');
    // the lead pays only the 交通补贴 (100 元/次 is in the source): no mark, no note
    const lead = rows(wb.getWorksheet('绍兴市中医院')!);
    expect(lead.slice(4, 8).map((x) => String(x[4]).endsWith('※'))).toEqual([false, false, false, false]);
    expect(String(lead[10]?.[0] ?? '')).not.toContain('示意值');
    const detail = rows(wb.getWorksheet('明细')!).slice(4).filter((x) => typeof x?.[0] === 'number');
    const flagged = detail.filter((x) => String(x[10]).includes('示意值'));
    // 备注: the rate's own 依据, then the flag, then the log's note
    expect(flagged.map((x) => [x[2], x[7], String(x[10]).split('；').slice(0, 2).join('；')])).toEqual([
      ['金志良', '500.00元/次 × 1', '依据绍市财行〔2014〕65号；金额为示意值，原文未规定'],
      ['钱慧芳', '200.00元/半天 × 1', '金额为示意值，原文未规定'],
      ['楼国强', '500.00元/次 × 1', '依据绍市财行〔2014〕65号；金额为示意值，原文未规定'],
      ['宣佳敏', '300.00元/次 × 1', '依据绍市财行〔2014〕65号；金额为示意值，原文未规定'],
    ]);
  });

  it('the lead sheet pays 交通补贴, one per trip, and its total row equals the sum of its rows', () => {
    const ws = wb.getWorksheet('绍兴市中医院')!;
    const r = rows(ws);
    // The lead pays per trip: its quantity column counts trips, not the half-days the hosts pay.
    expect(r[HEADER_ROW]).toEqual(['序号', '姓名', '职称', '单位', '工作内容', '下沉次数', '交通补贴(元)', '合计(元)', '签名']);
    const people = r.slice(4, 8);
    expect(people.map((x) => [x[1], x[5], x[6]])).toEqual([
      ['金志良', 4, 400], // 4 trips: 6/6 (门诊+查房 one trip), 6/13 (门诊+带教), 6/20, 6/27
      ['钱慧芳', 4, 400],
      ['楼国强', 2, 200],
      ['宣佳敏', 4, 400],
    ]);
    expect(num(r[8]![5])).toBe(14);
    const totalRow = r[8]!;
    const sum = people.reduce((s, x) => s + (x[7] as number), 0);
    expect(num(totalRow[7])).toBe(sum);
    expect(num(totalRow[6])).toBe(1400);
    expect(r[9]![0]).toContain('壹仟肆佰元整');
  });

  it('money cells are numbers formatted #,##0.00; print settings are A4 landscape with the header repeated and frozen', () => {
    for (const name of SHEETS.slice(0, 5)) {
      const ws = wb.getWorksheet(name)!;
      const money = rows(ws)[HEADER_ROW]!.flatMap((h, i) => (String(h).endsWith('(元)') ? [i + 1] : []));
      expect(money.length).toBeGreaterThanOrEqual(2);
      for (const c of money) {
        expect(typeof ws.getCell(4, c).value).toBe('number');
        expect(ws.getCell(4, c).numFmt).toBe('#,##0.00');
      }
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.pageSetup.orientation).toBe('landscape');
      expect(ws.pageSetup.fitToPage).toBeFalsy();
      expect(ws.pageSetup.scale).toBeGreaterThanOrEqual(82);
      expect(ws.pageSetup.printTitlesRow).toBe('3:3');
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    }
  });

  it('the 明细 sheet lists every charge and the uncounted entry; its total is the grand total', () => {
    const ws = wb.getWorksheet('明细')!;
    const r = rows(ws);
    expect(r[HEADER_ROW]).toEqual(['序号', '日期', '姓名', '派出单位', '工作单位', '工作内容', '项目', '计费', '金额(元)', '付款单位', '备注']);
    const body = r.slice(4).filter((x) => typeof x?.[0] === 'number');
    expect(body).toHaveLength(32); // 18 entries: 17 fees + 14 trips + 1 未计费
    const un = body.filter((x) => x[6] === '未计费');
    expect(un).toHaveLength(1);
    expect(un[0]![5]).toBe('带教（1个半天）');
    expect(String(un[0]![10])).toContain('没有带教的标准');
    // rate, unit and quantity read as one; a lecture's own basis is named in 备注
    const lecture = body.find((x) => String(x[5]).startsWith('讲座'))!;
    expect([lecture[7], lecture[8]]).toEqual(['500.00元/次 × 1', 500]);
    expect(String(lecture[10])).toMatch(/^依据绍市财行〔2014〕65号；/);
    expect(body.find((x) => x[6] === '交通补贴')![7]).toBe('100.00元/趟 × 1');
    const total = r.find((x) => x?.[0] === '合计')!;
    expect(num(total[8])).toBe(6050);
    expect(body.reduce((s, x) => s + Math.round((x[8] as number) * 100), 0)).toBe(605000);
    expect(ws.getCell(4, 2).value).toBeInstanceOf(Date);
    expect(r.at(-1)![0]).toContain('陆仟零伍拾元整');
  });

  it('the same input gives the same bytes (another run, another time zone, -o -)', async () => {
    const out = path.join(tmp, 'b.xlsx');
    const r = await runCli(['subsidy', EX, '--month', '2017年6月', '-o', out], { env: { TZ: 'America/Los_Angeles' } });
    expect(r.code).toBe(0);
    expect(readFileSync(out).equals(first)).toBe(true);
    const viaStdout = await new Promise<Buffer>((resolve, reject) => {
      import('node:child_process').then(({ execFile }) =>
        execFile(process.execPath, [path.join(ROOT, 'bin/yilian.js'), 'subsidy', EX, '--month', '2017-06', '-o', '-'], { cwd: ROOT, encoding: 'buffer', env: { ...process.env, NO_COLOR: '1' } }, (err, stdout) =>
          err ? reject(err) : resolve(stdout),
        ),
      );
    });
    expect(viaStdout.equals(first)).toBe(true);
    const props = wb.created.toISOString();
    expect(props.startsWith('2017-06-30')).toBe(true);
  });

  it('--format json: the report model with fen integers and yuan strings', async () => {
    const r = await runCli(['subsidy', EX, '--month', '2017-06', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ month: '2017-06', grandTotalFen: 605000, grandTotalYuan: '6050.00', grandDaxie: '陆仟零伍拾元整', people: 4 });
    expect(j.payers).toHaveLength(5);
    const taoyan = j.payers.find((p: { payer: { id: string } }) => p.payer.id === 'taoyan');
    expect(taoyan.rows[0]).toMatchObject({ person: '金志良', totalFen: 150000, totalYuan: '1500.00', daxie: '壹仟伍佰元整' });
    expect(j.diagnostics.map((d: { code: string }) => d.code)).toEqual(['subsidy/no-rate']);
    expect(j.details.find((d: { counted: boolean }) => !d.counted).reason).toContain('没有带教的标准');
    // assumed amounts travel in the model: on each detail, each row and the payer's note
    type D = { activity: string; assumed?: boolean; rateYuan?: string };
    expect(j.details.filter((d: D) => d.assumed).map((d: D) => `${d.activity} ${d.rateYuan}`)).toEqual([
      '讲座 500.00',
      '会诊 200.00',
      '讲座 500.00',
      '讲座 300.00',
    ]);
    expect(j.details.filter((d: D) => d.activity === '门诊' && d.assumed)).toEqual([]);
    expect(taoyan.rows[0].assumed).toBe(true);
    expect(taoyan.assumedNote).toContain('讲座（正高）500.00元/次');
    const en = JSON.parse((await runCli(['subsidy', EX, '--month', '2017-06', '--format', 'json', '--lang', 'en'])).stdout);
    expect(en.payers.find((p: { payer: { id: string } }) => p.payer.id === 'taoyan').assumedNote).toBe(
      '※ assumed, not in the source: 讲座（正高） 500.00 yuan per session (verify against 绍市财行〔2014〕65号).',
    );
  });
});

describe('yilian subsidy: options and refusals', () => {
  it('writes 劳务费发放表-YYYY-MM.xlsx by default and accepts 2017年6月', async () => {
    const dir = mkdtempSync(path.join(tmp, 'default-'));
    const r = await runCli(['subsidy', path.join(ROOT, EX), '--month', '2017年6月'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(path.join(dir, '劳务费发放表-2017-06.xlsx'))).toBe(true);
  });

  it('needs a valid --month', async () => {
    expect((await runCli(['subsidy', EX, '-o', path.join(tmp, 'x.xlsx')])).code).toBe(2);
    const bad = await runCli(['subsidy', EX, '--month', '2017-13', '-o', path.join(tmp, 'x.xlsx')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--month');
    expect(existsSync(path.join(tmp, 'x.xlsx'))).toBe(false);
  });

  it('refuses to overwrite without --force and never writes over an input', async () => {
    const out = path.join(tmp, 'exists.xlsx');
    writeFileSync(out, 'keep');
    const r = await runCli(['subsidy', EX, '--month', '2017-06', '-o', out]);
    expect(r.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('keep');
    const forced = await runCli(['subsidy', EX, '--month', '2017-06', '-o', out, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(out).equals(first)).toBe(true);
    const self = await runCli(['subsidy', EX, '--month', '2017-06', '-o', `${EX}/subsidy.yaml`, '--force']);
    expect(self.code).toBe(2);
    expect(self.stderr).toContain('输入文件');
  });

  it('a workspace with validation errors: exit 1, the errors printed, nothing written', async () => {
    const dir = path.join(tmp, 'broken');
    cpSync(path.join(ROOT, EX), dir, { recursive: true });
    const log = path.join(dir, 'activity-2017-06.yaml');
    writeFileSync(log, readFileSync(log, 'utf8').replace('person: 钱慧芳, unit: 府山, type: 会诊', 'person: 钱慧芬, unit: 府山, type: 会诊'));
    const out = path.join(tmp, 'broken.xlsx');
    const r = await runCli(['subsidy', dir, '--month', '2017-06', '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('钱慧芬');
    expect(r.stderr).toContain('未生成发放表');
    expect(existsSync(out)).toBe(false);
  });

  it('a workspace without a SubsidyPolicy says so (exit 2)', async () => {
    const r = await runCli(['subsidy', 'examples/guangshan-2021', '--month', '2021-06', '-o', path.join(tmp, 'gs.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('SubsidyPolicy');
  });

  it('a month without entries still writes a valid workbook totalling 零元整', async () => {
    const out = path.join(tmp, 'empty.xlsx');
    const r = await runCli(['subsidy', EX, '--month', '2017-07', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('subsidy/no-entries');
    const w = new ExcelJS.Workbook();
    await w.xlsx.load(readFileSync(out));
    expect(w.worksheets.map((s) => s.name)).toEqual(['发放表', '明细']);
    expect(JSON.stringify(rows(w.worksheets[0]!))).toContain('零元整');
  });
});

describe('yilian subsidy: several alliances, one shared CSV log', () => {
  it('--alliance takes only that alliance\'s people from a log that names no alliance', async () => {
    const { generate } = await import('../../src/bench/generate.js');
    const dir = mkdtempSync(path.join(tmp, 'multi-'));
    await generate(dir, { alliances: 2, unitsPerAlliance: 6, peoplePerAlliance: 5, entriesPerPerson: 20 });
    const r = await runCli(['subsidy', dir, '--alliance', 'a001', '--month', '2021-06', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    const names = new Set<string>(j.details.map((d: { person: string }) => d.person));
    expect(names.size).toBeGreaterThan(0);
    for (const n of names) expect(n).toMatch(/^医1-/);
    expect(j.people).toBeLessThanOrEqual(5);
  });
});
