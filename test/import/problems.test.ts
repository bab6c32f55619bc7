// What import says about rows it cannot take as they are: one problem per row, with the code a
// clerk can look up (yilian explain) and the row's position. CSV keeps the cases short.
import { describe, expect, it } from 'vitest';
import { readGrid } from '../../src/io/xlsx-read.js';
import { importActivity } from '../../src/import/activity.js';
import { importRoster } from '../../src/import/roster.js';

const grid = (csv: string, file: string) => readGrid(Buffer.from(csv), { file });
const codes = (ps: { code: string; line?: number; severity: string }[]) => ps.map((p) => `${p.code} ${p.line} ${p.severity}`);

describe('import activity: rows it cannot take', () => {
  const HEADER = '日期,人员,单位,类型,半天数';
  const problems = async (...rows: string[]) => codes(importActivity(await grid([HEADER, ...rows].join('\n'), 'log.csv'), { file: 'log.csv', month: '2021-06' }).problems);

  it('names each problem at its row', async () => {
    expect(
      await problems(
        '2021-06-03,刘鹏飞,寨河,门诊,2',
        ',,寨河,,', // nothing to read
        '2021-06-07,祝咏梅,斛山,,1',
        '2021-06-08,祝咏梅,斛山,查房,七个半天',
        '2021-07-01,祝咏梅,斛山,查房,1',
      ),
    ).toEqual(['import/unreadable-row 3 error', 'import/no-type 4 error', 'import/half-days 5 warning', 'import/outside-month undefined error']);
  });

  it('a first row without a person or a unit has none to carry down', async () => {
    expect(await problems('2021-06-04,,寨河,门诊,1')).toEqual(['import/no-person 2 error']);
    expect(await problems('2021-06-05,祝咏梅,,查房,1')).toEqual(['import/no-unit 2 error']);
  });
});

describe('import roster: rows it cannot take as they are', () => {
  const HEADER = '牵头医院名称,姓名,性别,专业,职称,联系电话,下派乡镇卫生院';
  // Unit names are short here (泼河 for its 分院) and no period is given: those notes are tested elsewhere.
  const problems = async (...rows: string[]) =>
    codes(importRoster(await grid([HEADER, ...rows].join('\n'), '名单.csv'), { file: '名单.csv' }).problems.filter((p) => !['import/short-unit-name', 'import/no-start'].includes(p.code)));

  it('an unknown gender, a conflicting second row, a namesake with another phone', async () => {
    expect(
      await problems(
        '光山县中医院,林承福,男,外科,主治医师,13949188365,泼河',
        '光山县中医院,曾文武,不详,内科,主治医师,15037615519,斛山',
        '光山县中医院,林承福,女,外科,主治医师,13949188365,白奎',
        '光山县人民医院,林承福,男,外科,主治医师,13900000000,砖桥',
      ),
    ).toEqual(['import/gender 3 warning', 'import/conflict 4 warning', 'import/duplicate-name 5 warning']);
  });

  it('a first row without a dispatching unit or a receiving unit', async () => {
    expect(await problems(',王从福,男,外科,副主任医师,13800000000,砖桥')).toEqual(['import/no-unit 2 error']);
    expect(await problems('光山县中医院,王从福,男,外科,副主任医师,13800000000,')).toEqual(['import/no-target 2 info']);
  });
});

describe('import: the self-check of what it writes (import/internal)', () => {
  // The CLI checks --month and the cycle before they get here; a caller of the pure importers
  // that passes them unchecked gets the self-check's error instead of a file that does not load.
  it('an activity log whose month is not a month', async () => {
    const r = importActivity(await grid('日期,人员,单位,类型\n2021-06-03,刘鹏飞,寨河,门诊', 'log.csv'), { file: 'log.csv', month: '2021-13' });
    const internal = r.problems.filter((p) => p.code === 'import/internal');
    expect(internal).toHaveLength(1);
    expect(internal[0]).toMatchObject({ severity: 'error', message: { zh: expect.stringContaining('导入结果未通过 ActivityLog 校验'), en: expect.stringContaining('fails the ActivityLog schema') } });
  });

  it('a roster whose default period starts on a day that does not exist', async () => {
    const csv = '牵头医院名称,姓名,性别,专业,职称,联系电话,下派乡镇卫生院\n光山县中医院,林承福,男,外科,主治医师,13949188365,泼河';
    const r = importRoster(await grid(csv, '名单.csv'), { file: '名单.csv', period: { start: '2021-02-30' } });
    const internal = r.problems.filter((p) => p.code === 'import/internal');
    expect(internal).toHaveLength(1);
    expect(internal[0]).toMatchObject({ severity: 'error', message: { zh: expect.stringContaining('导入结果未通过 Roster 校验') } });
    // and with a real date the same sheet imports cleanly
    const ok = importRoster(await grid(csv, '名单.csv'), { file: '名单.csv', period: { start: '2021-02-28' } });
    expect(ok.problems.filter((p) => p.code === 'import/internal')).toEqual([]);
  });
});
