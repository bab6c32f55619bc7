// The report says Region coverage (区域内医联体全覆盖) as check's coverage rule judges it
// (judge/coverage.ts), in a sentence of its own: complete, still owed, or missed by the date.
import { describe, expect, it } from 'vitest';
import { buildProgressReport } from '../../src/reports/progress.js';
import { collectFindings } from '../../src/reports/findings.js';
import { periodOf } from '../../src/time/periods.js';
import { loadInline } from '../helpers/test-rule.js';

const FILES = {
  'alliance.yaml': `
    kind: Alliance
    id: a
    name: 区人民医院医联体
    type: 医联体
    units:
      - { id: lead, name: 区人民医院, role: lead }
      - { name: 屏锦中心卫生院, role: member, level: township }
      - { name: 福禄中心卫生院, role: member, level: township, joined: 2018-12-01 }
  `,
  'region.yaml': `
    kind: Region
    name: 梁平区
    coverage: { by: 2018-10-31, levels: [township] }
    units:
      - { name: 屏锦中心卫生院, level: township }
      - { name: 福禄中心卫生院, level: township }
  `,
};

function dispatchLines(files: Record<string, string>, asOf: string): string[] {
  const { workspace } = loadInline(files);
  const findings = collectFindings(workspace, asOf, 14);
  const r = buildProgressReport({ ws: workspace, alliance: workspace.alliances[0]!, asOf, period: periodOf('quarter', asOf), findings, withinDays: 14 });
  return r.sections.find((s) => s.id === 'dispatch')!.lines;
}

describe('the report on Region coverage', () => {
  it('names the units still missing before the date, and says the target was missed after it, as check does', () => {
    expect(dispatchLines(FILES, '2018-10-20')).toContain('区域覆盖：梁平区 1/2 个单位已加入医联体，须在 2018-10-31 前全覆盖；尚未：福禄中心卫生院。');
    expect(dispatchLines(FILES, '2018-11-01')).toContain('区域覆盖：梁平区 到 2018-10-31 未实现全覆盖，1/2 个单位恰好属于一个医联体；未覆盖或重复：福禄中心卫生院。');
  });

  it('says full coverage when every unit joined by the date', () => {
    const files = { ...FILES, 'alliance.yaml': FILES['alliance.yaml'].replace(', joined: 2018-12-01', '') };
    expect(dispatchLines(files, '2018-11-01')).toContain('区域覆盖：梁平区 2/2 个单位均已加入医联体（要求 2018-10-31 前全覆盖）。');
  });
});
