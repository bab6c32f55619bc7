// The 问题清单 lists every finding the workspace's severity settings leave on, with its level
// (级别, the words check's table uses), errors first: guangshan-2021's missed 2021-Q2 inspection
// (workplan.yaml item 3, 原则上每季度) is a warning by the example's Settings, an error when the
// Settings say so, and absent when they turn the code off.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectFindings } from '../../src/reports/findings.js';
import { buildProgressReport } from '../../src/reports/progress.js';
import { parsePeriodKey } from '../../src/time/periods.js';
import type { Lang } from '../../src/model/diagnostic.js';
import { loadInline } from '../helpers/test-rule.js';
import { col, ROOT, tableOf } from './helpers.js';

const DIR = path.join(ROOT, 'examples', 'guangshan-2021');
const ASOF = '2021-07-01';

/** The example with its Settings replaced by `rules`. */
function report(rules: string, lang: Lang = 'zh') {
  const files = Object.fromEntries(fs.readdirSync(DIR).filter((f) => f.endsWith('.yaml') && f !== 'yilian.yaml').map((f) => [f, fs.readFileSync(path.join(DIR, f), 'utf8')]));
  files['yilian.yaml'] = `kind: Settings\nrules:\n${rules}`;
  const { workspace } = loadInline(files);
  const findings = collectFindings(workspace, ASOF, 14);
  return { findings, r: buildProgressReport({ ws: workspace, alliance: workspace.alliances[0]!, asOf: ASOF, period: parsePeriodKey('2021-Q2')!, findings, withinDays: 14, lang }) };
}

const missedRows = (r: ReturnType<typeof report>['r'], kind = '漏期') => {
  const t = tableOf(r, 'issues');
  return t.rows.filter((x) => x[col(t, r.lang === 'zh' ? '类别' : 'Kind')] === kind).map((x) => [x[col(t, r.lang === 'zh' ? '级别' : 'Level')], x[col(t, r.lang === 'zh' ? '期限/期间' : 'Due / period')]]);
};

describe('levels in the 问题清单 (guangshan-2021 as of 2021-07-01)', () => {
  it('a warning by the Settings is listed as 警告, after every error', () => {
    const { r } = report('  recurrence/missed: warning\n');
    expect(missedRows(r)).toEqual([['警告', '2021-Q2']]);
    const t = tableOf(r, 'issues');
    const levels = t.rows.map((x) => x[col(t, '级别')]);
    expect(levels.lastIndexOf('错误')).toBeLessThan(levels.indexOf('警告'));
    expect(r.counts.issues).toBe(2);
  });

  it('an error by the Settings is listed as 错误 and counted as a problem', () => {
    const { r } = report('  recurrence/missed: error\n');
    expect(missedRows(r)).toEqual([['错误', '2021-Q2']]);
    expect(r.counts.issues).toBe(3);
  });

  it('a code the Settings turn off is not listed, though the work plan still shows the item as missed', () => {
    const { r, findings } = report('  recurrence/missed: off\n');
    expect(findings.some((f) => f.code === 'recurrence/missed')).toBe(false);
    expect(missedRows(r)).toEqual([]);
    const wp = tableOf(r, 'workplan-items');
    expect(wp.rows.find((x) => x[col(wp, '序号')] === 3)![col(wp, '状态')]).toBe('漏期');
  });

  it('a rule turned off leaves out its notes and warnings too', () => {
    const before = report('  recurrence/missed: warning\n');
    const t0 = tableOf(before.r, 'issues');
    expect(t0.rows.some((x) => x[col(t0, '类别')] === '未设期限')).toBe(true);
    const { r } = report('  recurrence/missed: warning\n  deadline: off\n');
    const t = tableOf(r, 'issues');
    expect(t.rows.some((x) => x[col(t, '类别')] === '未设期限')).toBe(false);
  });

  it('in English the levels are check\'s English words', () => {
    const { r } = report('  recurrence/missed: warning\n', 'en');
    expect(missedRows(r, 'missed')).toEqual([['warning', '2021-Q2']]);
    const t = tableOf(r, 'issues');
    expect(new Set(t.rows.map((x) => x[col(t, 'Level')]))).toEqual(new Set(['error', 'warning', 'info']));
  });
});
