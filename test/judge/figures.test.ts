// Indicators figures of the alliance as a whole (`alliance:` instead of `unit:`, 梁平「全区所有贫困
// 人口纳入签约范围」) and year-on-year rises (`rise:`, 光山「基层就诊比例逐年提升」「较上年同期有合理
// 增长」): what the schema accepts, what the quota judgement reads, and how check words it.
import { describe, expect, it } from 'vitest';
import { judgeQuotas } from '../../src/judge/quotas.js';
import { yearEarlier, parsePeriodKey } from '../../src/time/periods.js';
import { ALLIANCE, loadInline, locate, testRule } from '../helpers/test-rule.js';

const indicators = (entries: string) => `
  kind: Indicators
  alliance: gs
  entries:
${entries}
`;
const quotas = (rules: string) => `
  kind: Quotas
  alliance: gs
  rules:
${rules}
`;
const SIGNED = '    - { id: signed, text: 全区所有贫困人口纳入签约范围, each: alliance, per: year, measure: ratio, num: signed, den: poor, min: 1 }';

describe('Indicators entries: a unit\'s figures or the alliance\'s', () => {
  it('an entry names a unit or the alliance, never neither nor both, each at its place', () => {
    const text = indicators(['    - { period: 2021, poor: 10 }', '    - { period: 2022, unit: 寨河, alliance: gs, poor: 10 }'].join('\n'));
    const { diagnostics } = loadInline({ 'alliance.yaml': ALLIANCE, 'ind.yaml': text });
    expect(diagnostics.map((d) => [d.code, `${d.file}:${d.line}:${d.col}`])).toEqual([
      ['schema/missing-field', locate('ind.yaml', text, '{ period: 2021')],
      ['schema/invalid', locate('ind.yaml', text, '{ period: 2022')],
    ]);
    expect(diagnostics[0]!.message.zh).toContain('单位的写 unit:，医联体（全区、全集团）整体的写 alliance:');
  });

  it('the alliance it names must exist (references/unknown with a suggestion)', () => {
    const text = indicators('    - { period: 2021, alliance: gx, poor: 10 }');
    const found = testRule('references', { 'alliance.yaml': ALLIANCE, 'ind.yaml': text });
    expect(found.map((f) => [f.code, f.at])).toEqual([['references/unknown', locate('ind.yaml', text, 'gx', 'alliance: ')]]);
  });

  it('a span of dates is a period (a cycle, and the same span a year earlier); a reversed one is not', () => {
    const ok = loadInline({ 'alliance.yaml': ALLIANCE, 'ind.yaml': indicators('    - { period: 2020-05-01~2021-04-30, unit: 寨河, visits: 10 }') });
    expect(ok.diagnostics).toEqual([]);
    const bad = loadInline({ 'alliance.yaml': ALLIANCE, 'ind.yaml': indicators('    - { period: 2021-05-01~2020-04-30, unit: 寨河, visits: 10 }') });
    expect(bad.diagnostics.map((d) => d.code)).toEqual(['schema/invalid-period']);
  });
});

describe('quotas over the alliance\'s own figures', () => {
  it('each: alliance reads the alliance\'s figure, not the sum of its units\'', () => {
    const { workspace } = loadInline({
      'alliance.yaml': ALLIANCE,
      'ind.yaml': indicators(['    - { period: 2021, alliance: gs, poor: 200, signed: 199 }', '    - { period: 2021, unit: 寨河, poor: 10, signed: 10 }'].join('\n')),
      'quotas.yaml': quotas(SIGNED),
    });
    const p = judgeQuotas(workspace, '2022-05-02').periods.find((x) => x.period.key === '2021')!;
    expect(p.subjects.map((j) => [j.subject, j.state, j.value, j.required, j.evidence.records])).toEqual([['光山县医疗服务集团', 'short', 199 / 200, 1, 1]]);
    expect(p.subjects[0]!.shown?.zh).toBe('signed/poor = 199/200 = 99.5%（医联体整体数据）');
  });

  it('a year without the alliance\'s figure cannot be judged: no data, naming the alliance, never a pass', () => {
    const found = testRule(
      'quota',
      { 'alliance.yaml': ALLIANCE, 'ind.yaml': indicators('    - { period: 2021, alliance: gs, poor: 200, signed: 200 }'), 'quotas.yaml': quotas(SIGNED) },
      { asOf: '2023-01-02' },
    );
    expect(found.map((f) => [f.code, f.severity, f.message])).toEqual([
      ['quota/no-data', 'warning', '2022: Indicators missing for 光山县医疗服务集团; cannot check (全区所有贫困人口纳入签约范围)'],
    ]);
  });

  it('without figures of the alliance\'s own, each: alliance adds up its units\' as before', () => {
    const { workspace } = loadInline({
      'alliance.yaml': ALLIANCE,
      'ind.yaml': indicators(['    - { period: 2021, unit: 寨河, poor: 10, signed: 10 }', '    - { period: 2021, unit: 泼河, poor: 30, signed: 20 }'].join('\n')),
      'quotas.yaml': quotas(SIGNED),
    });
    const j = judgeQuotas(workspace, '2022-05-02').periods.find((x) => x.period.key === '2021')!.subjects[0]!;
    expect([j.value, j.shown?.zh]).toEqual([30 / 40, 'signed/poor = 30/40 = 75%']);
  });
});

describe('year on year (rise:)', () => {
  const SHARE = '    - { id: share, text: 基层就诊比例逐年提升, each: alliance, per: year, measure: ratio, num: basic, den: all, rise: true }';
  const GROWTH = '    - { id: growth, text: 门诊服务人次较上年同期有合理增长, each: unit, units: { role: member }, per: cycle, measure: value, field: visits, rise: 合理增长 }';
  const run = (entries: string[], rules: string, asOf: string) =>
    testRule('quota', { 'alliance.yaml': ALLIANCE, 'ind.yaml': indicators(entries.join('\n')), 'quotas.yaml': quotas(rules) }, { asOf });

  it('the same period a year earlier: a year, a quarter, a month, a span of dates', () => {
    expect(['2021', '2021-Q2', '2021-03', '2021-05-01~2022-04-30', '2020-03-01~2021-02-28'].map((k) => yearEarlier(parsePeriodKey(k)!).key)).toEqual([
      '2020',
      '2020-Q2',
      '2020-03',
      '2020-05-01~2021-04-30',
      '2019-03-01~2020-02-28',
    ]);
  });

  it('逐年提升: a share not above last year\'s is an error naming both periods and values', () => {
    const up = run(['    - { period: 2020, alliance: gs, basic: 50, all: 100 }', '    - { period: 2021, alliance: gs, basic: 51, all: 100 }'], SHARE, '2022-01-02');
    expect(up).toEqual([]);
    const flat = run(['    - { period: 2020, alliance: gs, basic: 50, all: 100 }', '    - { period: 2021, alliance: gs, basic: 100, all: 200 }'], SHARE, '2022-01-02');
    expect(flat.map((f) => [f.code, f.severity, f.message])).toEqual([
      [
        'quota/not-rising',
        'error',
        '光山县医疗服务集团 2021: basic/all = 100/200 = 50% (the alliance as a whole), not above the same period a year earlier, 2020: basic/all = 50/100 = 50% (the alliance as a whole) (基层就诊比例逐年提升)',
      ],
    ]);
  });

  it('合理增长 (no number in the source): a fall is a warning that quotes the source\'s words', () => {
    const found = run(
      [
        '    - { period: 2020-05-01~2021-04-30, unit: 寨河, visits: 1000 }',
        '    - { period: 2021-05-01~2022-04-30, unit: 寨河, visits: 1200 }',
        '    - { period: 2020-05-01~2021-04-30, unit: 泼河, visits: 900 }',
        '    - { period: 2021-05-01~2022-04-30, unit: 泼河, visits: 880 }',
      ],
      GROWTH,
      '2022-05-02',
    );
    expect(found.map((f) => [f.code, f.severity, f.message])).toEqual([
      [
        'quota/not-rising',
        'warning',
        '光山县人民医院泼河镇分院 2021-05-01~2022-04-30: visits 880, not above the same period a year earlier, 2020-05-01~2021-04-30: visits 900; the source says "合理增长" without a number, read as above last year\'s (门诊服务人次较上年同期有合理增长)',
      ],
    ]);
  });

  it('without last year\'s figure a rise cannot be judged: no data, never a silent pass', () => {
    const found = run(['    - { period: 2021-05-01~2022-04-30, unit: 寨河, visits: 1200 }', '    - { period: 2020-05-01~2021-04-30, unit: 泼河, visits: 900 }', '    - { period: 2021-05-01~2022-04-30, unit: 泼河, visits: 980 }'], GROWTH, '2022-05-02');
    expect(found.map((f) => [f.code, f.message])).toEqual([
      ['quota/no-data', '2021-05-01~2022-04-30: no Indicators figures for the same period a year earlier to compare with (2020-05-01~2021-04-30) for 光山县人民医院寨河镇分院; cannot check (门诊服务人次较上年同期有合理增长)'],
    ]);
    const { workspace } = loadInline({ 'alliance.yaml': ALLIANCE, 'ind.yaml': indicators('    - { period: 2021-05-01~2022-04-30, unit: 寨河, visits: 1200 }'), 'quotas.yaml': quotas(GROWTH) });
    const p = judgeQuotas(workspace, '2022-05-02').periods[0]!;
    // 寨河 lacks last year's figure, 泼河 has none at all: neither is judged
    expect([p.subjects, p.noData]).toEqual([[], ['no-last-year', 'no-indicators']]);
  });

  it('rise compares figures only, and a value needs its field', () => {
    const text = quotas(['    - { id: a, text: 每月讲座逐年增加, each: alliance, per: month, measure: count, activities: [讲座], rise: true }', '    - { id: b, text: 门诊人次, each: unit, per: year, measure: value, min: 1 }'].join('\n'));
    const found = testRule('quota-definitions', { 'alliance.yaml': ALLIANCE, 'quotas.yaml': text });
    expect(found.map((f) => [f.code, f.at])).toEqual([
      ['quota-definitions/field-not-allowed', locate('quotas.yaml', text, 'true', 'rise: ')],
      ['quota-definitions/missing-field', locate('quotas.yaml', text, 'value', 'measure: ')],
    ]);
  });
});
