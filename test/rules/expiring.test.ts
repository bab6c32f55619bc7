import { describe, expect, it } from 'vitest';
import { testRule } from '../helpers/test-rule.js';

describe('expiring', () => {
  it('reports a group term, the cycle and an assignment ending within the window', () => {
    const files = {
      'alliance.yaml': `
        kind: Alliance
        id: a
        name: 甲集团
        type: 城市医疗集团
        cycle: { start: 2024-01-01, end: 2026-12-31 }
        units:
          - { id: lead, name: 甲医院, role: lead }
          - { id: m, name: 乙卫生院, role: member }
        groups:
          - { id: board, name: 理事会, type: board, term: { start: 2024-01-01, years: 3 }, members: [] }
      `,
      'roster.yaml': `
        kind: Roster
        alliance: a
        people: [ { name: 张三, unit: 甲医院 } ]
        assignments: [ { person: 张三, target: 乙卫生院, start: 2026-01-01, end: 2026-12-25 } ]
      `,
    };
    const found = testRule('expiring', files, { asOf: '2026-12-20', withinDays: 14 });
    expect(found.map((f) => f.code).sort()).toEqual(['expiring/assignment', 'expiring/cycle', 'expiring/term']);
    expect(testRule('expiring', files, { asOf: '2026-11-01', withinDays: 14 })).toEqual([]);
    expect(testRule('expiring', files, { asOf: '2027-02-01', withinDays: 14 }).map((f) => f.code)).toEqual(['expiring/term-expired']);
  });

  it('a date resting on an assumed value is quoted with the flag; a stated one is not', () => {
    const files = (cycle: string, term: string, roster: string) => ({
      'alliance.yaml': `
        kind: Alliance
        id: a
        name: 甲集团
        type: 城市医疗集团
        cycle: { start: 2024-01-01, end: 2026-12-31${cycle} }
        units:
          - { id: lead, name: 甲医院, role: lead }
          - { id: m, name: 乙卫生院, role: member }
        groups:
          - { id: board, name: 理事会, type: board, term: { start: 2024-01-01, years: 3${term} }, members: [] }
      `,
      'roster.yaml': `
        kind: Roster
        alliance: a${roster}
        people: [ { name: 张三, unit: 甲医院 } ]
        assignments: [ { person: 张三, target: 乙卫生院, start: 2026-01-01, end: 2026-12-25 } ]
      `,
    });
    const messages = (f: Record<string, string>) => testRule('expiring', f, { asOf: '2026-12-20', withinDays: 14 }).map((x) => x.message).sort();
    expect(messages(files('', '', ''))).toEqual([
      "The cycle of 甲集团 ends on 2026-12-31 (in 11 day(s)).",
      "The term of 理事会 ends on 2026-12-31.",
      "张三's assignment at 乙卫生院 ends on 2026-12-25.",
    ]);
    expect(messages(files(', assumed: [end]', ', assumed: [start]', '\n        assumed: true'))).toEqual([
      'The cycle of 甲集团 ends on 2026-12-31 (assumed, not in the source) (in 11 day(s)).',
      'The term of 理事会 ends on 2026-12-31 (assumed, not in the source).',
      "张三's assignment at 乙卫生院 ends on 2026-12-25 (assumed, not in the source).",
    ]);
  });
});
