import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'yaml';
import { readGrid } from '../../src/io/xlsx-read.js';
import { importActivity } from '../../src/import/activity.js';
import { activityLogSchema } from '../../src/model/kinds.js';

describe('import activity', () => {
  it('reads a sign-in sheet with merged dates, synonyms and problems per row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('6月');
    ws.addRow(['光山县下沉工作签到表（2021年6月）']);
    ws.mergeCells('A1:F1');
    ws.addRow(['日期', '专家姓名', '下沉单位', '工作内容', '半天数', '备注']);
    ws.addRow([new Date(Date.UTC(2021, 5, 3)), '刘 鹏飞', '寨河', '坐诊', 2, '']);
    ws.addRow([null, '刘鹏飞', '寨河', '技能培训', '', '心肺复苏']);
    ws.mergeCells('A3:A4');
    ws.addRow(['2021/6/10', '祝咏梅', '斛山', '查房', '全天']);
    ws.addRow(['2021-06-31', '祝咏梅', '斛山', '查房', 1]);
    ws.addRow(['2021-06-11', '祝咏梅', '斛山', '打扫卫生', 1]);
    const grid = await readGrid(Buffer.from(await wb.xlsx.writeBuffer()), { file: '签到表.xlsx' });
    const res = importActivity(grid, { file: '签到表.xlsx' });
    expect(res.log.entries).toEqual([
      { date: '2021-06-03', person: '刘鹏飞', unit: '寨河', type: '门诊', halfDays: 2 },
      { date: '2021-06-03', person: '刘鹏飞', unit: '寨河', type: '培训', note: '心肺复苏' },
      { date: '2021-06-10', person: '祝咏梅', unit: '斛山', type: '查房', halfDays: 2 },
      { date: '2021-06-11', person: '祝咏梅', unit: '斛山', type: '其他', note: '原类型：打扫卫生' },
    ]);
    expect(res.log.month).toBe('2021-06');
    expect(res.problems.find((p) => p.code === 'import/bad-date')).toMatchObject({ line: 6, col: 1, severity: 'error' });
    expect(res.problems.find((p) => p.code === 'import/unknown-type')).toMatchObject({ line: 7 });
    expect(activityLogSchema.parse(parse(res.yaml)).entries).toHaveLength(4);
  });

  it('reads CSV with the FORMAT.md headers', async () => {
    const csv = '\ufeff日期,人员,单位,类型,半天数\n2021-06-03,刘鹏飞,寨河,门诊,2\n';
    const res = importActivity(await readGrid(Buffer.from(csv), { file: 'log.csv' }));
    expect(res.log.entries).toEqual([{ date: '2021-06-03', person: '刘鹏飞', unit: '寨河', type: '门诊', halfDays: 2 }]);
    expect(res.problems).toEqual([]);
  });
});
