// For each of the five examples: as-of date → the exact set of work-plan and coverage findings
// (code, item or unit, period), written from the seed text (../../examples/README and each plan
// file's header name the seed). Exact in both directions: no false alarm, no missed one. Info
// findings (deadline/open) and quota findings are left out of these tables; quotas have their own.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '../../src/io/workspace.js';
import type { Workspace } from '../../src/load/workspace.js';
import { collectFindings } from '../../src/reports/findings.js';
import { ROOT } from '../helpers/cli.js';

async function load(dir: string): Promise<Workspace> {
  const { workspace, diagnostics } = await loadWorkspace([path.join(ROOT, 'examples', dir)]);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return workspace;
}

/** `code item period`, sorted: the findings a clerk would have to act on. */
function findingSet(ws: Workspace, asOf: string): string[] {
  return collectFindings(ws, asOf, 14)
    .filter((f) => /^(deadline|recurrence|coverage)\//.test(f.code) && f.severity !== 'info')
    .map((f) => [f.code, String(f.data?.item ?? f.data?.unit ?? ''), String(f.data?.period ?? '')].join(' ').trim())
    .sort();
}

type Table = [asOf: string, expected: string[]][];

const cases: Record<string, Table> = {
  // 002 绍市中医〔2017〕66号, 附件《对口帮扶工作计划清单》.
  'wuchuan-2017': [
    // 第4项 "组团赴贵…同时选拔第一批人员（医疗2人）赴贵…" 9月: roster.yaml shows 章建平 and 俞晓东
    // leaving 2017-09-18, so it is done, not overdue. 第1项 "7月" was done 2017-08-30 (late);
    // 第2项 "7月", 第3项 "8月下旬", 第5项 "接收第一批…进修" 9月 have nothing recorded.
    ['2017-10-08', ['deadline/done-late 1', 'deadline/overdue 2', 'deadline/overdue 3', 'deadline/overdue 5']],
    // 第7项 "每年派出2—3名…（副主任医师或高年资主治医师）" 每年3月和9月: the 2018-03-05 and 2018-09-03
    // batches satisfy it. 第8项 "接收受援医院的进修人员" 每年3月和9月: no Training file. 第9、10项 年终
    // are due that day. 第6项 "12月底" has passed with nothing recorded.
    [
      '2018-12-31',
      ['deadline/done-late 1', 'deadline/due-soon 10 2018', 'deadline/due-soon 9 2018', 'deadline/overdue 2', 'deadline/overdue 3', 'deadline/overdue 5', 'deadline/overdue 6', 'recurrence/missed 8 2018-03', 'recurrence/missed 8 2018-09'],
    ],
    // 2019: no batch left in March 2019 (the roster stops in 2018), so 第7项 2019-03 is missed.
    [
      '2019-04-01',
      ['deadline/done-late 1', 'deadline/overdue 10 2018', 'deadline/overdue 2', 'deadline/overdue 3', 'deadline/overdue 5', 'deadline/overdue 6', 'deadline/overdue 9 2018', 'recurrence/missed 7 2019-03', 'recurrence/missed 8 2018-03', 'recurrence/missed 8 2018-09', 'recurrence/missed 8 2019-03'],
    ],
  ],
  // 001 梁平卫计发〔2018〕128号.
  'liangping-2018': [
    // "2018年10月底，区域内医联体全覆盖": region.yaml is covered 34/34, so 第1项 is neither due soon
    // nor overdue. "每两月应深入成员单位" (first 10月底): 2018-B5 closes 10-31, due soon.
    // "年度（季度）工作计划" and "各单位每季度…报告": 2018-Q3 (first 9月底) closed empty.
    ['2018-10-20', ['recurrence/due-soon 5 2018-B5', 'recurrence/missed 4 2018-Q3', 'recurrence/missed 6 2018-Q3']],
    ['2018-11-01', ['recurrence/missed 4 2018-Q3', 'recurrence/missed 5 2018-B5', 'recurrence/missed 6 2018-Q3']],
    [
      '2019-01-02',
      ['recurrence/missed 3 2018', 'recurrence/missed 4 2018-Q3', 'recurrence/missed 4 2018-Q4', 'recurrence/missed 5 2018-B5', 'recurrence/missed 5 2018-B6', 'recurrence/missed 6 2018-Q3', 'recurrence/missed 6 2018-Q4'],
    ],
  ],
  // 000 绍市中医〔2017〕39号, 附件 工作计划清单.
  'shaoxing-tcm-2017': [
    // "每季度召开一次…（5月底召开第一次会议）": held 2017-05-26, so the first meeting is on time.
    // 第7项 and 第15项 "5月底" are open past their deadline.
    ['2017-06-10', ['deadline/overdue 15', 'deadline/overdue 7']],
    ['2017-06-30', ['deadline/due-soon 16', 'deadline/overdue 15', 'deadline/overdue 7']],
    // after the year: the 全年 items close on 31 Dec; no meeting held in 2017-Q4.
    [
      '2018-01-02',
      ['deadline/overdue 10', 'deadline/overdue 11', 'deadline/overdue 13', 'deadline/overdue 14', 'deadline/overdue 15', 'deadline/overdue 16', 'deadline/overdue 2', 'deadline/overdue 3', 'deadline/overdue 7', 'deadline/overdue 9', 'recurrence/missed 8 2017-Q4'],
    ],
  ],
  // 003 光医管委办[2021] 1号; cycle 2021-05-01 — 2022-04-30.
  'guangshan-2021': [
    // "医管委办公室原则上每季度对下沉工作进行一次全面检查": nothing held in 2021-Q2.
    ['2021-07-01', ['recurrence/missed 3 2021-Q2']],
    // "每年制定年度帮扶计划": the 2021 plan is warned ahead of the year end, as is 2021-Q4.
    ['2021-12-20', ['recurrence/due-soon 2 2021', 'recurrence/due-soon 3 2021-Q4', 'recurrence/missed 3 2021-Q2', 'recurrence/missed 3 2021-Q3']],
    // the plan covers its whole cycle (cycle: true), so the 2022-Q1 inspection is checked too.
    ['2022-04-15', ['recurrence/missed 2 2021', 'recurrence/missed 3 2021-Q2', 'recurrence/missed 3 2021-Q3', 'recurrence/missed 3 2021-Q4', 'recurrence/missed 3 2022-Q1']],
    // "下沉周期结束后…联合管理考核" (一个月内 assumed): not overdue on 1 May, due soon by 20 May,
    // overdue from 31 May.
    ['2022-05-01', ['recurrence/missed 2 2021', 'recurrence/missed 3 2021-Q2', 'recurrence/missed 3 2021-Q3', 'recurrence/missed 3 2021-Q4', 'recurrence/missed 3 2022-Q1']],
    ['2022-05-20', ['deadline/due-soon 6', 'recurrence/missed 2 2021', 'recurrence/missed 3 2021-Q2', 'recurrence/missed 3 2021-Q3', 'recurrence/missed 3 2021-Q4', 'recurrence/missed 3 2022-Q1']],
    ['2022-06-01', ['deadline/overdue 6', 'recurrence/missed 2 2021', 'recurrence/missed 3 2021-Q2', 'recurrence/missed 3 2021-Q3', 'recurrence/missed 3 2021-Q4', 'recurrence/missed 3 2022-Q1']],
  ],
  // 004 荆门市东宝区 紧密型城市医疗集团 (plan year 2024).
  'jingmen-dongbao': [
    ['2024-06-30', ['recurrence/due-soon 3 2024-H1']],
    // the 每年 items are warned within the window before the year ends, not only after it.
    ['2024-12-20', ['recurrence/due-soon 1 2024', 'recurrence/due-soon 3 2024-H2', 'recurrence/due-soon 4 2024', 'recurrence/missed 3 2024-H1']],
    ['2025-01-02', ['recurrence/missed 1 2024', 'recurrence/missed 3 2024-H1', 'recurrence/missed 3 2024-H2', 'recurrence/missed 4 2024']],
  ],
};

describe.each(Object.entries(cases))('%s: the findings the seed makes owed', (dir, table) => {
  it.each(table)('as of %s', async (asOf, expected) => {
    expect(findingSet(await load(dir), asOf)).toEqual([...expected].sort());
  });
});

describe('first: (shaoxing 第8项 "5月底召开第一次会议")', () => {
  it('with no meeting held, the first one is overdue on 10 June, before its quarter closes', async () => {
    const ws = await load('shaoxing-tcm-2017');
    const item = ws.data('WorkPlan')[0]!.items.find((i) => i.no === 8)!;
    item.held = [];
    expect(findingSet(ws, '2017-06-10')).toContain('recurrence/first-overdue 8 first');
    // once 2017-Q2 has closed empty, its 漏期 says it, once
    const later = findingSet(ws, '2017-07-03').filter((f) => f.includes(' 8 '));
    expect(later).toEqual(['recurrence/missed 8 2017-Q2']);
  });

  it('a first meeting after the day is late, not missing', async () => {
    const ws = await load('shaoxing-tcm-2017');
    const item = ws.data('WorkPlan')[0]!.items.find((i) => i.no === 8)!;
    item.held = ['2017-06-12', '2017-09-12'];
    expect(findingSet(ws, '2017-06-20').filter((f) => f.includes(' 8 '))).toEqual(['recurrence/first-late 8 first']);
  });
});

describe('evidence names what decided, or what is missing', () => {
  it('wuchuan 第7项 without the September batch: "2018年9月没有下派记录"', async () => {
    const ws = await load('wuchuan-2017');
    const roster = ws.data('Roster')[0]!;
    roster.assignments = roster.assignments.filter((a) => a.start !== '2018-09-03');
    const missed = collectFindings(ws, '2018-12-31', 14).filter((f) => f.code === 'recurrence/missed' && f.data?.item === 7);
    expect(missed.map((f) => [f.data?.period, f.message.zh])).toEqual([['2018-09', '第7项（每年3月和9月）在 2018-09 月没有记录：2018年9月没有下派记录。']]);
  });

  it('wuchuan 第7项: a batch below the seniority asked does not count, and says why', async () => {
    const ws = await load('wuchuan-2017');
    const p = ws.data('Roster')[0]!.people.find((x) => x.name === '章建平')!;
    p.title = '主治医师';
    p.titleSince = '2016-09';
    const missed = collectFindings(ws, '2018-12-31', 14).filter((f) => f.code === 'recurrence/missed' && f.data?.item === 7);
    expect(missed.map((f) => f.message.zh)).toEqual(['第7项（每年3月和9月）在 2018-09 月没有记录：2018年9月没有下派记录（章建平 不符合资历要求）。']);
  });
});

describe('per-unit duties name the units that owe them (each: unit)', () => {
  /** `code item period: units` for the findings of one item. */
  const unitsOf = (ws: Workspace, asOf: string, item: number) =>
    collectFindings(ws, asOf, 14)
      .filter((f) => f.data?.item === item)
      .map((f) => `${f.code} ${String(f.data?.period ?? '')}: ${((f.data?.units as string[] | undefined) ?? []).join('、')}`);

  // 001 五（一）「各单位每季度向区卫生计生委报告工作进展情况」: each member unit reports every
  // quarter. The example's report dates (assumed) leave 铁门乡、紫照镇 out of 2018-Q3 and 龙胜乡 out of Q4.
  it('liangping 第6项: before first: (9月底) nothing is owed; then one finding per quarter, naming who did not report', async () => {
    const ws = await load('liangping-2018');
    expect(unitsOf(ws, '2018-07-05', 6)).toEqual([]);
    expect(unitsOf(ws, '2018-10-20', 6)).toEqual(['recurrence/missed 2018-Q3: 铁门乡卫生院、紫照镇卫生院']);
    expect(unitsOf(ws, '2019-01-02', 6)).toEqual(['recurrence/missed 2018-Q3: 铁门乡卫生院、紫照镇卫生院', 'recurrence/missed 2018-Q4: 龙胜乡卫生院']);
  });

  // 004 六「建立每半年考核监督的工作机制，理事会相关职能部门每半年参与对…各基层医疗机构开展绩效考核」:
  // each of the nine 基层 units is reviewed every half year; none is recorded.
  it('jingmen 第3项: every 基层 unit, each half year', async () => {
    const ws = await load('jingmen-dongbao');
    const basic = ['牌楼镇卫生院', '仙居乡卫生院', '子陵铺镇卫生院', '漳河镇卫生院', '马河镇卫生院', '石桥驿镇卫生院', '栗溪镇卫生院', '龙泉街道社区卫生服务中心', '泉口街道社区卫生服务中心'].join('、');
    expect(unitsOf(ws, '2024-06-01', 3)).toEqual([]);
    expect(unitsOf(ws, '2025-01-02', 3)).toEqual([`recurrence/missed 2024-H1: ${basic}`, `recurrence/missed 2024-H2: ${basic}`]);
  });

  // 004 六「医疗集团理事会要与医疗集团各成员单位签订任务责任书」: no deadline, so an open item that
  // names the units with no letter signed (the example's dates are assumed).
  it('jingmen 第2项: the open item names the two units with no letter', async () => {
    const ws = await load('jingmen-dongbao');
    expect(unitsOf(ws, '2024-12-20', 2)).toEqual(['deadline/open : 荆门市皮肤病防治院、栗溪镇卫生院']);
  });
});

describe('a required dispatch length (evidence dispatches months:)', () => {
  // 002 清单第4项「选拔第一批人员（医疗2人）赴贵进行为期一个月的学科对接帮扶」: the first batch runs
  // 2017-09-18 to 2017-10-17, one month, so 第4项 is done late (first batch left after 9月)…
  it('wuchuan 第4项: two one-month dispatches satisfy it; a shorter one does not, and says why', async () => {
    const ws = await load('wuchuan-2017');
    expect(collectFindings(ws, '2017-10-20', 14).filter((f) => f.data?.item === 4).map((f) => f.code)).toEqual([]);
    // …while a dispatch cut to three weeks is not the month the plan asks.
    const ws2 = await load('wuchuan-2017');
    ws2.data('Roster')[0]!.assignments.find((x) => x.person === '俞晓东')!.end = '2017-10-08';
    const f = collectFindings(ws2, '2017-10-20', 14).filter((x) => x.data?.item === 4);
    expect(f.map((x) => [x.code, x.message.zh])).toEqual([
      ['deadline/overdue', '第4项「组团赴贵进行授牌及启动仪式，举行大型义诊；同时选拔第一…」已逾期 20 天（期限 2017-09-30，9月）：2017-09-30 前下派 1 人，要求 2 人（俞晓东 下派不足 1 个月）。'],
    ]);
  });
});
