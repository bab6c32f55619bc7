import { describe, expect, it } from 'vitest';
import { ALLIANCE, loadInline, locate, testRule } from '../helpers/test-rule.js';
import { references } from '../../src/rules/references.js';

const rule = 'references';

describe(rule, () => {
  it('accepts references by id, name and alias across files', () => {
    expect(
      testRule(rule, {
        'alliance.yaml': ALLIANCE,
        'roster.yaml': `
          kind: Roster
          alliance: 光山县医疗服务集团
          people:
            - { name: 刘鹏飞, unit: gs-rmyy }
          assignments:
            - { person: 刘鹏飞, target: 寨河, start: 2021-05-01 }
            - { person: 刘鹏飞, target: 光山县人民医院泼河镇分院, start: 2021-06-01 }
        `,
        'log.yaml': `
          kind: ActivityLog
          entries:
            - { date: 2021-06-03, person: 刘鹏飞, unit: 泼河, type: 门诊 }
        `,
      }),
    ).toEqual([]);
  });

  it('reports an unknown unit with the nearest name (寨和 → 寨河)', () => {
    const found = testRule(rule, {
      'alliance.yaml': ALLIANCE,
      'roster.yaml': `
        kind: Roster
        people:
          - { name: 刘鹏飞, unit: gs-rmyy }
        assignments:
          - { person: 刘鹏飞, target: 寨和, start: 2021-05-01 }
      `,
    });
    expect(found).toMatchObject([{ code: 'references/unknown', severity: 'error', at: 'roster.yaml:5:28' }]);
    expect(found[0]!.message).toBe('Unknown unit "寨和"; did you mean "寨河"?');
  });

  it('reports an unknown person in an activity log', () => {
    expect(
      testRule(rule, {
        'alliance.yaml': ALLIANCE,
        'roster.yaml': 'kind: Roster\npeople: [ { name: 刘鹏飞, unit: gs-rmyy } ]\n',
        'log.yaml': 'kind: ActivityLog\nentries:\n  - { date: 2021-06-03, person: 刘鹏非, unit: 寨河, type: 门诊 }\n',
      }),
    ).toMatchObject([{ code: 'references/unknown', at: 'log.yaml:3:33', message: 'Unknown person "刘鹏非"; did you mean "刘鹏飞"?' }]);
  });

  it('reports an ambiguous alias, and lets an id or full name win over a shared alias', () => {
    const alliance = `
      kind: Alliance
      id: t
      name: 测试医共体
      type: 医共体
      units:
        - { id: rmyy, name: 县人民医院, aliases: [县医院], role: lead }
        - { id: zyy, name: 县中医院, aliases: [县医院, 县人民医院], role: lead }
        - { id: x, name: 寨河镇卫生院, role: member, lead: 县人民医院 }
        - { id: y, name: 泼河镇卫生院, role: member, lead: 县医院 }
    `;
    const found = testRule(rule, alliance);
    expect(found).toMatchObject([{ code: 'references/ambiguous', at: locate('a.yaml', alliance, '县医院 }', 'lead: ') }]);
    expect(found[0]!.message).toBe('The unit "县医院" is ambiguous: 县人民医院（rmyy）, 县中医院（zyy）.');
  });

  it('reports duplicate ids and duplicate names without ids', () => {
    const found = testRule(
      rule,
      `
        kind: Alliance
        id: t
        name: 测试医共体
        type: 医共体
        units:
          - { id: a, name: 甲医院, role: lead }
          - { id: a, name: 乙医院, role: member }
          - { name: 中心卫生院, role: member }
          - { name: 中心卫生院, role: member }
          - { id: c1, name: 社区卫生服务中心, role: member }
          - { id: c2, name: 社区卫生服务中心, role: member }
      `,
    );
    expect(found.map((f) => [f.code, f.at])).toEqual([
      ['references/duplicate-id', 'a.yaml:7:11'],
      ['references/duplicate-name', 'a.yaml:9:13'],
    ]);
  });

  it('requires alliance: when the workspace has several alliances', () => {
    const second = 'kind: Alliance\nid: sx\nname: 绍兴\ntype: 医联体\nunits: [ { id: sx-tcm, name: 绍兴市中医院, role: lead } ]\n';
    const roster = 'kind: Roster\n\npeople: [ { name: 刘鹏飞, unit: gs-rmyy } ]\n';
    expect(testRule(rule, { 'a.yaml': ALLIANCE, 'b.yaml': second, 'roster.yaml': roster })).toMatchObject([
      { code: 'references/alliance-required', at: 'roster.yaml:1:1' },
    ]);
    expect(testRule(rule, { 'a.yaml': ALLIANCE, 'b.yaml': second, 'roster.yaml': roster.replace('\n\n', '\nalliance: gs\n') })).toEqual([]);
  });

  it('reports an unknown alliance and an unknown disjointFrom group', () => {
    const alliance = `
        kind: Alliance
        id: t
        name: 测试医共体
        type: 医共体
        units: [ { id: a, name: 甲医院, role: lead } ]
        groups:
          - { id: board, name: 理事会, type: board }
          - { id: sup, name: 监事会, type: supervisory, disjointFrom: [borad] }
      `;
    const quotas = 'kind: Quotas\nalliance: tt\nrules: []\n';
    const found = testRule(rule, { 'alliance.yaml': alliance, 'quotas.yaml': quotas });
    expect(found.map((f) => [f.code, f.at, f.message])).toEqual([
      ['references/unknown', locate('alliance.yaml', alliance, 'borad'), 'Unknown group "borad"; did you mean "board"?'],
      ['references/unknown', locate('quotas.yaml', quotas, 'tt'), 'Unknown alliance "tt"; did you mean "t"?'],
    ]);
  });

  it('checks the units of Training, Referrals and Indicators entries', () => {
    const other = `
        kind: Training
        entries: [ { person: 王某, from: 寨河, at: 光山县医院, start: 2021-06-01, end: 2021-09-01 } ]
        ---
        kind: Referrals
        entries: [ { month: 2021-06, unit: 破河, up: 1, down: 0 } ]
        ---
        kind: Indicators
        entries: [ { period: 2021, unit: 泼河, beds: 10 } ]
      `;
    const found = testRule(rule, { 'alliance.yaml': ALLIANCE, 'other.yaml': other });
    expect(found.map((f) => [f.code, f.at])).toEqual([
      ['references/unknown', locate('other.yaml', other, '光山县医院')],
      ['references/unknown', locate('other.yaml', other, '破河')],
    ]);
  });

  it('the same person in two rosters: the ambiguity names where each record is, not the same name twice', () => {
    const found = testRule(rule, {
      'alliance.yaml': ALLIANCE,
      'roster-1.yaml': 'kind: Roster\npeople:\n  - { name: 刘鹏飞, unit: gs-rmyy }\nassignments:\n  - { person: 刘鹏飞, target: 寨河, start: 2021-05-01 }\n',
      'roster-2.yaml': 'kind: Roster\npeople:\n  - { name: 刘鹏飞, unit: gs-rmyy }\n',
    });
    expect(found.map((f) => [f.code, f.at])).toEqual([['references/ambiguous', 'roster-1.yaml:5:15']]);
    expect(found[0]!.message).toContain('roster-1.yaml:3');
    expect(found[0]!.message).toContain('roster-2.yaml:3');
  });
});

describe('the hint of an unknown reference names the file that defines it', () => {
  const hintFor = (files: Record<string, string>) => {
    const { workspace } = loadInline(files);
    const found = references.check(workspace, {}).filter((d) => d.code === 'references/unknown');
    expect(found).toHaveLength(1);
    return found[0]!.hint!;
  };

  it('an unknown person is added to the Roster, not the alliance file', () => {
    const hint = hintFor({
      'alliance.yaml': ALLIANCE,
      'roster.yaml': 'kind: Roster\npeople:\n  - { name: 刘鹏飞, unit: gs-rmyy }\n',
      'log.yaml': 'kind: ActivityLog\nentries:\n  - { date: 2021-06-03, person: 王小二, unit: 泼河, type: 门诊 }\n',
    });
    expect(hint.zh).toContain('人员名单（kind: Roster）');
    expect(hint.zh).not.toContain('医联体文件');
    expect(hint.en).toContain('Roster');
  });

  it('an unknown unit is added to the Alliance file', () => {
    const hint = hintFor({
      'alliance.yaml': ALLIANCE,
      'roster.yaml': 'kind: Roster\npeople:\n  - { name: 刘鹏飞, unit: 完全不同的医院 }\n',
    });
    expect(hint.zh).toContain('医联体文件（kind: Alliance）的 units');
    expect(hint.en).toContain('Alliance');
  });
});
