// An import holds the whole sheet, its entries and the text it writes: a sheet larger than this
// machine's heap can take is refused in one sentence before the import starts, instead of V8
// ending the run with a stack trace. The limit follows the heap, so a test injects a small one.
import { describe, expect, it } from 'vitest';
import { tooManyRows } from '../../src/cli/import.js';
import type { Grid } from '../../src/io/xlsx-read.js';

const grid = (rows: number): Grid => ({ format: 'csv', warnings: [], sheets: [{ name: 's', merges: [], rows: Array.from({ length: rows }, () => ['2021-06-03', '刘鹏飞', '寨河', '门诊']) }] });

describe('tooManyRows', () => {
  it('refuses a sheet with more rows than the heap can import, naming the rows and the bound', () => {
    const d = tooManyRows(grid(1000), '签到表.csv', 1_000_000); // room for about 727 rows
    expect(d?.code).toBe('io/too-large');
    expect(d?.message.zh).toBe('表格「签到表.csv」有 1000 行，超过本机内存一次能导入的量（约 727 行）；请按月拆分后分别导入。');
    expect(d?.message.en).toContain('1000 rows');
  });

  it('lets through what fits, and a province-year of 500,000 rows on this heap', () => {
    expect(tooManyRows(grid(700), '签到表.csv', 1_000_000)).toBeUndefined();
    expect(tooManyRows(grid(500_000), 'log.csv')).toBeUndefined();
    // empty rows (a stray cell far below the table) cost nothing and are not counted
    expect(tooManyRows({ ...grid(0), sheets: [{ name: 's', merges: [], rows: [...Array.from({ length: 5000 }, () => []), ['x']] }] }, 't.xlsx', 1_000_000)).toBeUndefined();
  });
});
