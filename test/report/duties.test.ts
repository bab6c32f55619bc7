// 其他职责: terms, assignment ends, per-dispatch deliverables, promotions and facility shares each
// get a table listing every judgement with its state and the record behind it, the satisfied ones
// too; the expected rows are read off the examples' plan files by hand (examples/wuchuan-2017/
// roster.yaml, examples/jingmen-dongbao/{alliance,quotas,roster}.yaml).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectFindings } from '../../src/reports/findings.js';
import { buildProgressReport } from '../../src/reports/progress.js';
import { renderReportMarkdown } from '../../src/render/report-md.js';
import { parsePeriodKey } from '../../src/time/periods.js';
import { loadInline } from '../helpers/test-rule.js';
import { col, exampleReport, ROOT, section, tableOf } from './helpers.js';

const pick = (t: ReturnType<typeof tableOf>, ...headers: string[]) => t.rows.map((r) => headers.map((h) => r[col(t, h)]));

describe('wuchuan-2017 as of 2017-10-20, 2017-Q4', async () => {
  const r = await exampleReport('wuchuan-2017', '2017-10-20', '2017-Q4');

  it('is the fifth section, before the 问题清单, which becomes the sixth', () => {
    expect(r.sections.map((s) => s.title)).toEqual(['一、工作计划完成情况', '二、考核指标达标情况', '三、下沉人员与覆盖', '四、双向转诊', '五、其他职责', '六、问题清单']);
    expect(r.summary[4]).toBe('其他职责（截至 2017-10-20）：任期与建设周期 1 项；下派期满 2 项；下派成果 3 项，需处理 1 项。');
  });

  it('lists the first batch\'s 五个一 as overdue (俞晓东 has no 学术管理课) and its quality inspection as done, with the record', () => {
    const t = tableOf(r, 'duties-deliverables');
    expect(pick(t, '要求', '批次', '开始', '结束', '状态', '尚缺')).toEqual([
      ['每批次下派的专家达到“五个一”要求', '第一批', '2017-09-18', '2017-10-17', '逾期', '俞晓东：示范讲演一堂学术管理课'],
      ['下派期间专家帮助对方组织一次综合质量管理检查', '第一批', '2017-09-18', '2017-10-17', '已完成', ''],
      // the assessment is owed a month after the batch ends (due: 结束后一个月内): not yet due
      ['对下派人员的履职情况和工作质量进行考核', '第一批', '2017-09-18', '2017-10-17', '进行中', '章建平：履职及工作质量考核；俞晓东：履职及工作质量考核'],
    ]);
    expect(t.rows[1]![col(t, '依据')]).toBe('章建平 2017-10-10 综合质量管理检查');
    expect(t.rows[0]![col(t, '位置')]).toMatch(/roster\.yaml:51:5$/);
  });

  it('lists both postings that ended in the quarter, with the place of their end date', () => {
    const t = tableOf(r, 'duties-assignment-ends');
    expect(pick(t, '人员', '结束', '状态')).toEqual([
      ['章建平', '2017-10-17', '已期满'],
      ['俞晓东', '2017-10-17', '已期满'],
    ]);
    expect(t.rows.map((x) => x[col(t, '位置')])).toEqual([expect.stringMatching(/roster\.yaml:46:10$/), expect.stringMatching(/roster\.yaml:54:10$/)]);
  });
});

describe('jingmen-dongbao', () => {
  it('as of 2027-07-05: both terms have ended, 李文静 was promoted 91 days short, 张晓华 met it', async () => {
    const r = await exampleReport('jingmen-dongbao', '2027-07-05', '2027-Q3');
    expect(pick(tableOf(r, 'duties-terms'), '名称', '届满', '状态')).toEqual([
      ['医疗集团理事会', '2026-12-31', '已届满'],
      ['医疗集团监事会', '2026-12-31', '已届满'],
    ]);
    expect(pick(tableOf(r, 'duties-promotions'), '人员', '晋升日期', '基层天数', '要求天数', '状态')).toEqual([
      ['张晓华', '2024-12-01', 184, 183, '满足'],
      ['李文静', '2027-07-01', 92, 183, '不足'],
    ]);
  });

  it('lists both facility shares, met: 2/2 社区卫生服务站 and 12/14 村卫生室 (85.7% ≥ 4/5), naming the two that fall short', async () => {
    const r = await exampleReport('jingmen-dongbao', '2025-01-02', '2024-Q4');
    const t = tableOf(r, 'duties-facilities');
    expect(pick(t, '机构类别', '达到', '共', '要求占比', '状态')).toEqual([
      ['社区卫生服务站', 2, 2, '100.0%', '达标'],
      ['村卫生室', 12, 14, '80.0%', '达标'],
    ]);
    expect(t.rows[1]![col(t, '未达到')]).toBe('仙居乡卫生院/金星村卫生室、石桥驿镇卫生院/团林村卫生室');
  });

  it('a share below its target is 未达标 once owed and 尚未达标 before, as check raises an error or a warning', () => {
    const dir = path.join(ROOT, 'examples', 'jingmen-dongbao');
    const files = Object.fromEntries(fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
    files['quotas.yaml'] = files['quotas.yaml']!.replace('min: 4/5', 'min: 9/10\n    by: 2025-06-30');
    const { workspace } = loadInline(files);
    const state = (asOf: string) => {
      const findings = collectFindings(workspace, asOf, 14);
      const r = buildProgressReport({ ws: workspace, alliance: workspace.alliances[0]!, asOf, period: parsePeriodKey('2025-Q2')!, findings, withinDays: 14 });
      const t = tableOf(r, 'duties-facilities');
      return [t.rows[1]![col(t, '状态')], findings.find((f) => f.code === 'facilities/below')?.severity];
    };
    expect(state('2025-06-30')).toEqual(['尚未达标', 'warning']);
    expect(state('2025-07-01')).toEqual(['未达标', 'error']);
  });

  it('in English, the section and its states are in English', async () => {
    const r = await exampleReport('jingmen-dongbao', '2026-12-20', '2026-Q4', 'en');
    expect(section(r, 'duties').title).toBe('5. Other duties');
    expect(pick(tableOf(r, 'duties-terms'), 'Status')).toEqual([['ending soon'], ['ending soon']]);
    expect(pick(tableOf(r, 'duties-promotions'), 'Status')).toEqual([['met'], ['to arrange']]);
  });
});

describe('a workspace with none of these duties', () => {
  it('has no 其他职责 section, and the 问题清单 stays the fifth', async () => {
    const r = await exampleReport('liangping-2018', '2018-11-01', '2018-Q4');
    expect(r.sections.map((s) => s.id)).toEqual(['workplan', 'quotas', 'dispatch', 'referrals', 'issues']);
    expect(section(r, 'issues').title).toBe('五、问题清单');
    expect(renderReportMarkdown(r)).not.toContain('其他职责');
  });
});
