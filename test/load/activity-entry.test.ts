// quickEntry (load/activity-entry.ts) accepts only what zod accepts, and gives zod's output
// exactly, key order included; what it leaves to zod zod words (checked by the log tests).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quickEntry } from '../../src/load/activity-entry.js';
import { RawNumber } from '../../src/model/common.js';
import { activityEntrySchema } from '../../src/model/kinds.js';

const scalar = fc.oneof(
  fc.constantFrom('2021-06-03', '2021年6月3日', '2021-02-30', '20210603', ' 2021-06-03 ', '门诊', ' 门诊', '门诊 ', '坐诊', 'constructor', '刘鹏飞', ' 刘鹏飞 ', '', ' ', '　', 'x'),
  fc.string({ maxLength: 4 }),
  fc.constantFrom(1, 2, 62, 63, 0, -1, 1.5, true, null, undefined, [], {}),
  fc.constantFrom(new RawNumber(2, '2'), new RawNumber(2, '02'), new RawNumber(63, '63'), new RawNumber(1.5, '1.5'), new RawNumber(20210603, '20210603'), new RawNumber(7, '7')),
);
const key = fc.constantFrom('date', 'person', 'unit', 'type', 'halfDays', 'note', 'notes', '__proto__', 'constructor');
const entry = fc.oneof(
  fc.dictionary(key, scalar, { maxKeys: 7 }),
  fc.record(
    { date: fc.constantFrom('2021-06-03', '2021年6月3日', new RawNumber(5, '5')), person: fc.constantFrom('刘鹏飞', ' 郑鑫 '), unit: fc.constantFrom('寨河', new RawNumber(12, '12')), type: fc.constantFrom('门诊', '查房', '坐诊', '带教 ') },
    { requiredKeys: ['date', 'person', 'unit', 'type'] },
  ).chain((e) => fc.record({ halfDays: fc.oneof(scalar, fc.constantFrom(new RawNumber(2, '2'), 1, 62)), note: fc.oneof(scalar, fc.constantFrom('心肺复苏', new RawNumber(3, '03'))) }, { requiredKeys: [] }).map((x) => ({ ...e, ...x }))),
  scalar,
);

describe('quickEntry', () => {
  it('agrees with zod wherever it decides', () => {
    let decided = 0;
    fc.assert(
      fc.property(entry, (e) => {
        const quick = quickEntry(e);
        if (quick === undefined) return;
        decided++;
        const zod = activityEntrySchema.safeParse(e);
        expect(zod.success).toBe(true);
        expect(JSON.stringify(quick)).toBe(JSON.stringify(zod.data));
      }),
      { numRuns: 3000 },
    );
    expect(decided).toBeGreaterThan(150);
  });

  it('leaves every entry zod refuses to zod', () => {
    fc.assert(
      fc.property(entry, (e) => {
        if (!activityEntrySchema.safeParse(e).success) expect(quickEntry(e)).toBeUndefined();
      }),
      { numRuns: 3000 },
    );
  });
});
