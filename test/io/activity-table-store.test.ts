// CSV activity logs are read row by row straight into the entry store (io/activity-table.ts).
// On random tables, broken ones included, that gives exactly what the grid reader it replaced
// gave (kept in test/io/reference/): the same diagnostics in the same order and places, the
// same entries, and the same position for every entry and field.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readActivityTable } from '../../src/io/activity-table.js';
import { locOf } from '../../src/load/schema.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { ActivityLog } from '../../src/model/kinds.js';
import { oldReadActivityTable } from './reference/old-activity-table.js';

const FIELDS = ['date', 'person', 'unit', 'type', 'halfDays', 'note'] as const;
const headerName = fc.constantFrom('date', '日期', 'person', '人员', '姓名', 'unit', '单位', 'type', '类型', 'halfDays', 'HalfDays', '半天数', 'note', '备注', ' 日期 ', 'notes', '科室', '');
const cell = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('2021-06-03', '2021年6月3日', '2021/6/30', '20210603', '2021-02-30', '刘鹏飞', ' 刘鹏飞 ', '寨河', 'a000-u2', '门诊', '坐诊', '查房 ', '讲课', '1', '2', '62', '63', '0', '-1', '1.5', '02', 'x', '', ' ', '　', '1.38E+10', '心肺 复苏', 'a,b', 'say "hi"', 'two\nlines') },
  { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
);
/** A row that would be plainly valid under the usual header. */
const valid = fc
  .tuple(fc.constantFrom('2021-06-03', '2021年6月4日', '2022-01-10'), fc.constantFrom('刘鹏飞', '郑鑫'), fc.constantFrom('寨河', 'a000-u2'), fc.constantFrom('门诊', '查房', '坐诊'), fc.constantFrom('', '1', '2', '62'), fc.constantFrom('', '备注'))
  .map((r) => [...r]);
const quote = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
const table = fc
  .tuple(
    fc.oneof({ weight: 3, arbitrary: fc.constant([...FIELDS] as string[]) }, { weight: 2, arbitrary: fc.array(headerName, { minLength: 1, maxLength: 7 }) }),
    fc.oneof(
      fc.array(fc.oneof(valid, fc.constant([] as string[])), { maxLength: 25 }),
      fc.array(fc.oneof({ weight: 3, arbitrary: valid }, { weight: 2, arbitrary: fc.array(cell, { maxLength: 8 }) }, { weight: 1, arbitrary: fc.constant([] as string[]) }), { maxLength: 25 }),
    ),
    fc.constantFrom('\n', '\r\n'),
    fc.constantFrom('', '\n', '附件2:\n'),
    fc.boolean(),
  )
  .map(([header, rows, eol, before, trailing]) => before + [header, ...rows].map((r) => r.map(quote).join(',')).join(eol) + (trailing ? eol : ''));

let typedLogs = 0;
async function expectSame(text: string): Promise<void> {
  const bytes = Buffer.from(text, 'utf8');
  const a: Diagnostic[] = [];
  const b: Diagnostic[] = [];
  const fresh = await readActivityTable('log.csv', bytes, a);
  const old = await oldReadActivityTable('log.csv', bytes, b);
  expect(a).toEqual(b);
  expect(fresh === undefined).toBe(old === undefined);
  if (!fresh || !old) return;
  const store = (fresh.data as ActivityLog).entries;
  if (store.length) typedLogs++;
  expect(JSON.stringify(store)).toBe(JSON.stringify(old.data.entries));
  old.data.entries.forEach((e, i) => {
    for (const f of [undefined, ...FIELDS]) expect(locOf(store.at(i), f)).toEqual(locOf(e, f));
  });
}

describe('CSV activity log → entry store', () => {
  it('agrees with the grid reader on random tables, broken ones included', async () => {
    typedLogs = 0;
    await fc.assert(fc.asyncProperty(table, expectSame), { numRuns: 400 });
    expect(typedLogs).toBeGreaterThan(40); // not only broken tables
  });

  it('examples: a valid log, a bad row, a blank row, an unknown column', async () => {
    await expectSame('日期,人员,单位,类型,半天数\r\n2021-06-03,刘鹏飞,寨河,门诊,2\r\n\r\n2021-06-04,刘鹏飞,寨河,坐诊,\r\n');
    await expectSame('日期,人员,单位,类型,半天数\n2021-06-03,刘鹏飞,寨河,门诊,2\n2021-02-30,刘鹏飞,,讲课,63\n,,,,\n2021-06-04,刘鹏飞,寨河,门诊,x\n');
    await expectSame('日期,人员,单位,类型,科室\n2021-06-03,刘鹏飞,寨河,门诊,2\n');
    await expectSame('日期,人员,单位\n2021-06-03,刘鹏飞,寨河\n');
    await expectSame('\ufeff日期,人员,单位,类型,备注\n2021-06-03,刘鹏飞,寨河,门诊,"心肺, 复苏"\n');
  });
});
