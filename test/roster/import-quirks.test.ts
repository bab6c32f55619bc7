// What office sheets really hold, beyond the seed's layout: a 合计 row whose 合计 sits in the 序号
// column, dates that Excel shows as serial numbers (a date typed into a General cell, or a CSV
// export of one), mobile numbers typed with dashes or a +86 prefix, an area code in brackets.
import { describe, expect, it } from 'vitest';
import type { Grid } from '../../src/io/xlsx-read.js';
import { importActivity } from '../../src/import/activity.js';
import { importRoster } from '../../src/import/roster.js';

const grid = (rows: string[][]): Grid => ({ file: 't.xlsx', format: 'xlsx', sheets: [{ name: 'Sheet1', rows, merges: [] }], warnings: [] });

describe('import roster: office quirks', () => {
  const rows = [
    ['光山县人民医院下派人员名单'],
    ['序号', '姓名', '性别', '职称', '联系电话', '下派单位', '下派时间', '结束时间'],
    ['1', '宋文斌', '男', '主治医师', '138-0000-0003', '罗陈', '44317', '44681'],
    ['2', '王五', '女', '住院医师', '+86 138 0000 0005', '弦山', '2021.5.1', '2022.4.30'],
    ['3', '张光明', '男', '主治医师', '(0376)8888888', '北向店', '2021年5月1日', '2022年4月30日'],
    ['合计', '3人'],
  ];
  const res = importRoster(grid(rows), { file: 't.xlsx' });

  it('does not import a 合计 row as a person', () => {
    expect(res.roster.people.map((p) => p.name)).toEqual(['宋文斌', '王五', '张光明']);
    expect(res.roster.assignments.map((a) => a.person)).toEqual(['宋文斌', '王五', '张光明']);
  });

  it('skips a 合计 row beside a 牵头医院 cell merged down', () => {
    const merged = importRoster(
      grid([
        ['牵头医院', '序号', '姓名', '性别', '下派单位'],
        ['光山县中医院', '1', '林承福', '男', '泼河'],
        ['光山县中医院', '合计', '1人'],
      ]),
      { file: 't.xlsx', period: { start: '2021-05-01' } },
    );
    expect(merged.roster.people.map((p) => p.name)).toEqual(['林承福']);
  });

  it('reads Excel serial dates', () => {
    expect(res.roster.assignments[0]).toMatchObject({ start: '2021-05-01', end: '2022-04-30' });
    expect(res.problems.filter((p) => p.code === 'import/bad-date' || p.code === 'import/no-start')).toEqual([]);
  });

  it('normalises phones typed with dashes, spaces, +86 or a bracketed area code', () => {
    expect(res.roster.people.map((p) => p.phone)).toEqual(['13800000003', '13800000005', '0376-8888888']);
    expect(res.problems.filter((p) => p.code === 'import/phone-format')).toEqual([]);
  });
});

describe('import activity: office quirks', () => {
  const rows = [
    ['序号', '日期', '姓名', '单位', '类型', '半天数'],
    ['1', '44349', '刘鹏飞', '寨河', '门诊', '2'],
    ['2', '2021.6.3', '郑鑫', '晏河', '查房', '1'],
    ['合计', '', '', '', '', '3'],
  ];
  const res = importActivity(grid(rows), { file: 't.xlsx' });

  it('reads an Excel serial date and skips the 合计 row without an error', () => {
    expect(res.log.entries.map((e) => e.date)).toEqual(['2021-06-02', '2021-06-03']);
    expect(res.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('import: an unreadable workbook', () => {
  it('is explained in Chinese, without the zip library\'s English message', async () => {
    const { readGrid, GridReadError } = await import('../../src/io/xlsx-read.js');
    const err = await readGrid(Buffer.from('hello, not a zip'), { file: 'bad.xlsx' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GridReadError);
    const zh = (err as InstanceType<typeof GridReadError>).text.zh.replace(/bad\.xlsx|\.xlsx|Excel|WPS/g, '');
    expect(zh).not.toMatch(/[A-Za-z]{3,}/);
  });
});
