// check and report read one judgement of each work-plan item, so they must agree item by item:
// an item is 逾期/漏期 in the report exactly when check raises an error for it, 未设期限 exactly
// when check lists it as open, and 已完成 when check says it was done late. Every example, at the
// dates of the seed tables, for the quarter and the year holding the date.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '../../src/io/workspace.js';
import { collectFindings } from '../../src/reports/findings.js';
import { buildProgressReport } from '../../src/reports/progress.js';
import { periodOf } from '../../src/time/periods.js';
import { ROOT } from '../helpers/cli.js';
import { col, tableOf } from '../report/helpers.js';

const DATES: Record<string, string[]> = {
  'wuchuan-2017': ['2017-10-08', '2018-12-31', '2019-04-01'],
  'liangping-2018': ['2018-10-20', '2018-11-01', '2019-01-02'],
  'shaoxing-tcm-2017': ['2017-06-10', '2017-06-30', '2017-12-31', '2018-01-02'],
  'guangshan-2021': ['2021-07-01', '2021-12-20', '2022-04-15', '2022-05-20', '2022-06-01'],
  'jingmen-dongbao': ['2024-06-30', '2024-12-20', '2025-01-02'],
};

const ERRORS = new Set(['deadline/overdue', 'recurrence/missed', 'recurrence/first-overdue']);

describe.each(Object.entries(DATES))('%s: check and report agree', (dir, dates) => {
  it.each(dates.flatMap((d) => [[d, 'quarter'] as const, [d, 'year'] as const]))('as of %s, the %s report', async (asOf, kind) => {
    const { workspace } = await loadWorkspace([path.join(ROOT, 'examples', dir)]);
    const findings = collectFindings(workspace, asOf, 14);
    const report = buildProgressReport({ ws: workspace, alliance: workspace.alliances[0]!, asOf, period: periodOf(kind, asOf), findings, withinDays: 14 });
    const t = tableOf(report, 'workplan-items');
    const status = new Map(t.rows.map((r) => [String(r[col(t, '序号')]), String(r[col(t, '状态')])]));
    const itemsWith = (pred: (code: string) => boolean) => new Set(findings.filter((f) => f.data?.item !== undefined && pred(f.code)).map((f) => String(f.data!.item)));

    const late = itemsWith((c) => ERRORS.has(c));
    for (const no of late) expect(status.get(no), `item ${no} has an error in check`).toMatch(/^(逾期|漏期)$/);
    for (const [no, s] of status) if (s === '逾期' || s === '漏期') expect(late.has(no), `item ${no} is ${s} in the report`).toBe(true);

    const open = itemsWith((c) => c === 'deadline/open');
    for (const [no, s] of status) expect(s === '未设期限', `item ${no}: ${s} vs check's open list`).toBe(open.has(no));

    for (const no of itemsWith((c) => c === 'deadline/done-late')) if (!late.has(no) && status.has(no)) expect(status.get(no)).toBe('已完成');

    // per-unit duties (each: unit): the units check names as missing are named in the report's row too
    const notes = new Map(t.rows.map((r) => [String(r[col(t, '序号')]), String(r[col(t, '说明')])]));
    for (const f of findings.filter((x) => ERRORS.has(x.code) && Array.isArray(x.data?.units))) {
      const no = String(f.data!.item);
      const units = f.data!.units as string[];
      // when no unit has done it, both say how many ("9 家单位均没有记录") rather than list them all
      if (f.message.zh.includes(`${units.length} 家单位均没有记录`)) expect(notes.get(no)).toContain(`${units.length} 家单位均没有记录`);
      else for (const u of units) expect(notes.get(no), `item ${no}: ${u} is missing in check`).toContain(u);
    }
  });
});

// Quota periods: the report's 达标情况 and check's quota findings read one judgement
// (judge/quotas.ts), so a row is 未全部达标 exactly when check finds a shortfall of that quota in
// that period (quota/below or /above, or a shortfall on an incomplete log), 达标 rows have none,
// a period not yet closed has no finding, and 缺数据 rows have check's no-data or calendar gap.
const QUOTA_DATES: Record<string, string[]> = {
  'wuchuan-2017': ['2018-01-02', '2018-12-31', '2019-04-01'],
  'liangping-2018': ['2018-11-01', '2019-01-02', '2019-01-20'],
  'shaoxing-tcm-2017': ['2017-06-30', '2018-01-02', '2018-07-01'],
  'guangshan-2021': ['2021-06-20', '2021-07-01', '2021-10-10', '2022-05-20'],
  'jingmen-dongbao': ['2024-06-30', '2025-01-02', '2026-01-05'],
};

describe.each(Object.entries(QUOTA_DATES))('%s: check and report agree on quota periods', (dir, dates) => {
  it.each(dates.flatMap((d) => [[d, 'quarter'] as const, [d, 'year'] as const]))('as of %s, the %s report', async (asOf, kind) => {
    const { workspace } = await loadWorkspace([path.join(ROOT, 'examples', dir)]);
    const findings = collectFindings(workspace, asOf, 14);
    const report = buildProgressReport({ ws: workspace, alliance: workspace.alliances[0]!, asOf, period: periodOf(kind, asOf), findings, withinDays: 14 });
    const t = tableOf(report, 'quota-attainment');
    const rows = t.rows.map((r) => ({ text: String(r[col(t, '考核指标')]), key: String(r[col(t, '考核期')]), status: String(r[col(t, '状态')]) })).filter((r) => r.key !== '下派人员资格');
    const at = (f: (typeof findings)[number]) => `${String(f.data?.text)}|${String(f.data?.period)}`;
    const short = new Set(findings.filter((f) => f.code === 'quota/below' || f.code === 'quota/above' || f.code === 'quota/not-rising' || (f.code === 'quota/no-data' && f.data?.reason === 'partial-log')).map(at));
    const noData = findings.filter((f) => f.code === 'quota/no-data' && f.data?.reason !== 'partial-log');
    const gap = findings.some((f) => f.code === 'calendar/gap');
    for (const r of rows) {
      const k = `${r.text}|${r.key}`;
      expect(r.status === '未全部达标', `${k}: ${r.status} in the report, ${short.has(k) ? 'a' : 'no'} shortfall in check`).toBe(short.has(k));
      if (r.status === '缺数据') {
        const said = noData.some((f) => f.data?.text === r.text && (f.data?.period === r.key || !Array.isArray(f.data?.periods) || (f.data.periods as string[]).length === 0 || (f.data.periods as string[]).includes(r.key)));
        expect(said || gap, `${k}: 缺数据 in the report, nothing in check`).toBe(true);
      }
    }
    // every shortfall check finds in a period the report shows is in the report
    const shown = new Set(rows.map((r) => `${r.text}|${r.key}`));
    for (const k of short) if (shown.has(k)) expect(rows.find((r) => `${r.text}|${r.key}` === k)!.status).toBe('未全部达标');
    expect(rows.length + t.rows.length, 'the table has rows to compare').toBeGreaterThan(0);
  });
});

// The other duties: the report's 其他职责 tables and check's findings read one judgement each
// (judge/ends, deliverables, promotions, facilities), so every finding has its row in the report
// in the state the finding names, and every row in a state check raises something for has that
// finding — the same subject (the record's place, the person and date, the target) and state.
const DUTY_DATES: Record<string, string[]> = {
  'wuchuan-2017': ['2017-10-08', '2017-10-20', '2018-03-25', '2018-04-10', '2019-04-01'],
  'liangping-2018': ['2018-11-01', '2019-01-02'],
  'shaoxing-tcm-2017': ['2017-06-10', '2017-12-20', '2018-01-02', '2018-11-20', '2018-12-05'],
  'guangshan-2021': ['2021-07-01', '2022-04-20', '2022-05-20'],
  'jingmen-dongbao': ['2024-06-30', '2025-01-02', '2026-12-20', '2027-01-05', '2027-07-05'],
};

/** Per table: the state each code names, how a row and a finding name their subject. */
type Row = (string | number | null)[];
type Finding = ReturnType<typeof collectFindings>[number];
const place = (f: Finding) => `${f.file}:${f.line}:${f.col}`;
const quoted = (f: Finding) => /「([^」]+)」/.exec(f.message.zh)?.[1];
const DUTY_TABLES: { table: string; codes: Record<string, string>; row: (t: { columns: { header: string }[] }, r: Row) => string; finding: (f: Finding) => string }[] = [
  { table: 'duties-terms', codes: { 'expiring/cycle': '即将结束', 'expiring/term': '即将届满', 'expiring/term-expired': '已届满' }, row: (t, r) => String(r[col(t, '位置')]), finding: place },
  { table: 'duties-assignment-ends', codes: { 'expiring/assignment': '即将期满' }, row: (t, r) => String(r[col(t, '位置')]), finding: place },
  { table: 'duties-deliverables', codes: { 'deliverables/missing': '逾期', 'deliverables/due-soon': '即将到期' }, row: (t, r) => `${r[col(t, '要求')]}|${r[col(t, '位置')]}`, finding: (f) => `${quoted(f)}|${place(f)}` },
  { table: 'duties-promotions', codes: { 'promotions/short-service': '不足', 'promotions/planned-short': '待补足' }, row: (t, r) => `${r[col(t, '人员')]}|${r[col(t, '晋升日期')]}`, finding: (f) => `${f.data?.person}|${f.data?.promotion}` },
  { table: 'duties-facilities', codes: { 'facilities/below': '未达标|尚未达标', 'facilities/none': '未列机构' }, row: (t, r) => `${r[col(t, '要求')]}|${r[col(t, '机构类别')]}`, finding: (f) => `${quoted(f)}|${f.data?.subject}` },
];

describe.each(Object.entries(DUTY_DATES))('%s: check and report agree on the other duties', (dir, dates) => {
  it.each(dates)('as of %s', async (asOf) => {
    const { workspace } = await loadWorkspace([path.join(ROOT, 'examples', dir)]);
    const findings = collectFindings(workspace, asOf, 14);
    const report = buildProgressReport({ ws: workspace, alliance: workspace.alliances[0]!, asOf, period: periodOf('quarter', asOf), findings, withinDays: 14 });
    const duties = report.sections.find((s) => s.id === 'duties');
    let compared = 0;
    for (const spec of DUTY_TABLES) {
      const t = duties?.tables.find((x) => x.id === spec.table);
      const rows = new Map((t?.rows ?? []).map((r) => [spec.row(t!, r), String(r[col(t!, '状态')])]));
      const raised = findings.filter((f) => Object.hasOwn(spec.codes, f.code));
      for (const f of raised) {
        const key = spec.finding(f);
        expect(rows.get(key), `${f.code} ${key}: the report's ${spec.table} row`).toMatch(new RegExp(`^(${spec.codes[f.code]})$`));
        compared++;
      }
      const acting = new Set(Object.values(spec.codes).flatMap((w) => w.split('|')));
      const keys = new Set(raised.map(spec.finding));
      for (const [key, state] of rows) if (acting.has(state)) expect(keys.has(key), `${spec.table} ${key} is ${state} in the report, nothing in check`).toBe(true);
      compared += rows.size;
    }
    // a workspace with any of these duties has the section; one with none has no section
    expect(duties === undefined, 'the section is there exactly when it has rows').toBe(compared === 0);
  });
});
