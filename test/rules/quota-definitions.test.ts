// quota-definitions: a Quotas rule must be checkable before any date is involved.
import { describe, expect, it } from 'vitest';
import { ALLIANCE, locate, testRule } from '../helpers/test-rule.js';

const quotas = (rules: string) => ({
  'alliance.yaml': ALLIANCE,
  'quotas.yaml': `
  kind: Quotas
  alliance: gs
  rules:
${rules}`,
});
const codes = (rules: string) => testRule('quota-definitions', quotas(rules)).map((f) => f.code);

describe('quota-definitions', () => {
  it('the FORMAT.md examples are clean', () => {
    expect(
      codes(`
    - { id: onsite-days, text: 每月下沉值诊带教不少于4个工作日, each: person, per: month, measure: workdays, activities: [门诊, 查房, 带教], min: 4 }
    - { id: monthly-training, text: 技能培训每月不少于1次, each: person, per: month, measure: count, activities: [培训], min: 1 }
    - { id: batches, text: 每年派出2期, each: alliance, per: year, measure: batches, min: 2 }
    - { id: seniority, text: 副主任医师或高年资主治医师以上, each: assignment, require: { minGrade: 副高, orTitle: 主治医师, minYearsInTitle: 5 } }
    - { id: trainees, text: 进修人数不低于专技人数的10%, each: unit, per: year, measure: trainees, minDays: 90, minRatio: 0.10, of: staff.professional }
    - { id: visits, text: 每两月深入成员单位指导, each: unit, per: bimonth, measure: visits, min: 1 }
    - { id: tcm-coverage, text: 中医药适宜技术, each: alliance, per: year, measure: share, units: { level: township }, where: { tcmCategories: ">= 6", tcmTechniques: ">= 10" }, min: 1.0 }
    - { id: slots-down, text: 门诊号源下沉, each: unit, units: { role: lead }, per: year, measure: ratio, num: outpatientSlotsShared, den: outpatientSlots, min: 0.3333 }
    - { id: per-cycle, text: 周期内不少于10次, each: alliance, per: cycle, measure: count, min: 10 }
`),
    ).toEqual([]);
  });

  it('a measure needs per; require rules do not', () => {
    const files = quotas(`
    - { id: a, text: 每月不少于4个工作日, each: person, measure: workdays, min: 4 }
`);
    expect(testRule('quota-definitions', files)).toEqual([
      {
        code: 'quota-definitions/missing-per',
        severity: 'error',
        at: locate('quotas.yaml', files['quotas.yaml'], 'workdays', 'measure: '),
        message: 'Quota "a" measures workdays and needs per: (month, bimonth, quarter, halfYear, year or cycle).',
      },
    ]);
  });

  it('fields only with their measures: activities, num/den, where, minRatio/minDays/of', () => {
    expect(codes(`    - { id: a, text: x, each: unit, per: year, measure: visits, activities: [门诊], min: 1 }\n`)).toEqual(['quota-definitions/field-not-allowed']);
    expect(codes(`    - { id: a, text: x, each: unit, per: year, measure: count, num: a, den: b, min: 1 }\n`)).toEqual(['quota-definitions/field-not-allowed', 'quota-definitions/field-not-allowed']);
    expect(codes(`    - { id: a, text: x, each: alliance, per: year, measure: count, where: { a: ">= 1" }, min: 1 }\n`)).toEqual(['quota-definitions/field-not-allowed']);
    expect(codes(`    - { id: a, text: x, each: unit, per: year, measure: visits, minRatio: 0.1 }\n`)).toEqual(['quota-definitions/field-not-allowed']);
    expect(codes(`    - { id: a, text: x, each: unit, per: year, measure: ratio, num: a, min: 0.3 }\n`)).toEqual(['quota-definitions/missing-field']);
    expect(codes(`    - { id: a, text: x, each: alliance, per: year, measure: share, min: 1 }\n`)).toEqual(['quota-definitions/missing-field']);
    expect(codes(`    - { id: a, text: x, each: unit, per: year, measure: share, where: { a: ">= 1" }, min: 1 }\n`)).toEqual(['quota-definitions/field-not-allowed']);
  });

  it('something to compare with: min, max, minRatio or require', () => {
    expect(codes(`    - { id: a, text: x, each: person, per: month, measure: count }\n`)).toEqual(['quota-definitions/no-target']);
    expect(codes(`    - { id: a, text: x, each: person }\n`)).toEqual(['quota-definitions/no-measure']);
    expect(codes(`    - { id: a, text: x, each: assignment, require: { minYearsInTitle: 5 } }\n`)).toEqual(['quota-definitions/no-target', 'quota-definitions/missing-field']);
    expect(codes(`    - { id: a, text: x, each: alliance, per: year, measure: people, min: 3, max: 2 }\n`)).toEqual(['quota-definitions/min-above-max']);
  });

  it('an unknown of: path suggests the known one', () => {
    const f = testRule('quota-definitions', quotas(`    - { id: a, text: x, each: unit, per: year, measure: trainees, minRatio: 0.1, of: staff.profesional }\n`));
    expect(f.map((x) => [x.code, x.message])).toEqual([['quota-definitions/unknown-of', 'Unknown of: path "staff.profesional"; did you mean "staff.professional"?']]);
  });

  it('duplicate ids; per: cycle without an alliance cycle', () => {
    expect(
      codes(`
    - { id: a, text: x, each: alliance, per: year, measure: batches, min: 1 }
    - { id: a, text: y, each: alliance, per: year, measure: batches, min: 2 }
`),
    ).toEqual(['quota-definitions/duplicate-id']);
    const noCycle = { 'alliance.yaml': ALLIANCE.replace(/\n\s*cycle: .*\n/, '\n'), 'quotas.yaml': quotas(`    - { id: a, text: x, each: alliance, per: cycle, measure: batches, min: 1 }\n`)['quotas.yaml'] };
    expect(testRule('quota-definitions', noCycle).map((f) => f.code)).toEqual(['quota-definitions/no-cycle']);
  });
});
