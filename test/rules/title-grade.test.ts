import { describe, expect, it } from 'vitest';
import { ALLIANCE, locate, testRule } from '../helpers/test-rule.js';

const rule = 'title-grade';
const roster = (people: string) => ({ 'alliance.yaml': ALLIANCE, 'roster.yaml': `kind: Roster\npeople:\n${people}\n` });

describe(rule, () => {
  it('accepts titles that map to a grade, and a practice qualification with grade', () => {
    expect(
      testRule(
        rule,
        roster(
          [
            '  - { name: 甲, unit: gs-rmyy, title: 主任医师 }',
            '  - { name: 乙, unit: gs-rmyy, title: 中医副主任医师 }',
            '  - { name: 丙, unit: gs-rmyy, title: 主管护师 }',
            '  - { name: 丁, unit: gs-rmyy, title: 护士 }',
            '  - { name: 戊, unit: gs-rmyy, title: 中医执业医师, grade: 初级 }',
            '  - { name: 己, unit: gs-rmyy }',
          ].join('\n'),
        ),
      ),
    ).toEqual([]);
  });

  it('warns at a practice qualification without grade', () => {
    const files = roster('  - { name: 王某某, unit: gs-rmyy, title: 全科执业医师 }');
    const found = testRule(rule, files);
    expect(found).toMatchObject([
      { code: 'title-grade/practice-qualification', severity: 'warning', at: locate('roster.yaml', files['roster.yaml'], '全科执业医师') },
    ]);
    expect(found[0]!.message).toBe('"全科执业医师" (王某某) is a practice qualification, not a title; the grade is unknown.');
  });

  it('warns at a title it cannot place, unless grade is given', () => {
    const files = roster('  - { name: 王某某, unit: gs-rmyy, title: 主任大夫 }');
    expect(testRule(rule, files)).toMatchObject([
      { code: 'title-grade/unknown-title', severity: 'warning', at: locate('roster.yaml', files['roster.yaml'], '主任大夫') },
    ]);
    expect(testRule(rule, roster('  - { name: 王某某, unit: gs-rmyy, title: 主任大夫, grade: 正高 }'))).toEqual([]);
  });
});
