// An xlsx built the way offices build theirs (seed 003, 附件2): a title row above the header,
// 牵头医院名称 merged down, phones typed as numbers, blank continuation cells, a stray empty
// row, names with inner full-width spaces, a row without a name.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'yaml';
import { readGrid } from '../../src/io/xlsx-read.js';
import { importRoster } from '../../src/import/roster.js';
import { rosterSchema, type Unit } from '../../src/model/kinds.js';

async function officeWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.getCell('A1').value = '附件2:';
  ws.getCell('A2').value = '光山县中医院下派乡镇卫生院名单';
  ws.mergeCells('A2:G2');
  ws.addRow([]); // row 3 empty
  ws.getRow(4).values = ['牵头医院名称', '姓 名', '性别', '专业', '职称', '联系电话', '下派乡镇卫生院'];
  const rows: (string | number | null)[][] = [
    ['光山县中医院', '林承福', '男', '外科、皮肤科', '全科执业医师', 13949188365, '泼河'],
    [null, '曾文武', '男', '内科/康复科', '中医执业医师', 15037615519, null],
    [null, '祝咏梅', '女', '儿科', '中医副主任医师', '1.3087012799E10', '斛山'],
    [null, '屈　莉', '女', '妇产科', '主治医师', 13937622863, ''],
    [null, null, null, null, null, null, null], // stray empty row
    [null, '陈  娥', '女', 'B超室', '副主任医师', '137 8290 5919', '白奎'],
    [null, null, '男', '外科', '主治医师', 18790120862, '妇幼保健院'], // no name
    [null, '王从福', '男', '外科', '副主任医师', 1.38e10, '砖桥'],
  ];
  rows.forEach((r, i) => (ws.getRow(5 + i).values = r));
  ws.mergeCells('A5:A12');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const UNITS: Unit[] = [
  { id: 'gs-zyy', name: '光山县中医院', role: 'lead' },
  { id: 'pohe', name: '光山县中医院泼河镇分院', aliases: ['泼河'], role: 'member', lead: 'gs-zyy' },
  { id: 'hushan', name: '光山县中医院斛山乡分院', aliases: ['斛山'], role: 'member', lead: 'gs-zyy' },
  { id: 'baikui', name: '光山县中医院白奎分院', aliases: ['白奎'], role: 'member', lead: 'gs-zyy' },
  { id: 'zhuanqiao', name: '光山县中医院砖桥镇分院', aliases: ['砖桥'], role: 'member', lead: 'gs-zyy' },
];
const resolveUnit = (ref: string) => UNITS.find((u) => u.id === ref || u.name === ref || u.aliases?.includes(ref));

describe('import roster from an office sheet', () => {
  it('reads the grid: merges filled, numbers back to digits', async () => {
    const grid = await readGrid(await officeWorkbook(), { file: '名单.xlsx' });
    const rows = grid.sheets[0]!.rows;
    expect(rows[1]).toEqual(Array(7).fill('光山县中医院下派乡镇卫生院名单'));
    expect(rows[5]![0]).toBe('光山县中医院'); // merged A5:A12
    expect(rows[4]![5]).toBe('13949188365');
    expect(rows[6]![5]).toBe('13087012799'); // 1.3087012799E10 as text
    expect(rows[11]![5]).toBe('13800000000'); // a real number: all its digits
  });

  it('imports to the expected Roster, with problems located by sheet and row', async () => {
    const grid = await readGrid(await officeWorkbook(), { file: '名单.xlsx' });
    const res = importRoster(grid, { file: '名单.xlsx', period: { start: '2021-05-01', end: '2022-04-30' } });
    expect(res.roster.people.map((p) => p.name)).toEqual(['林承福', '曾文武', '祝咏梅', '屈莉', '陈娥', '王从福']);
    expect(res.roster.people[0]).toEqual({
      name: '林承福', gender: '男', unit: '光山县中医院', specialty: '外科、皮肤科', title: '全科执业医师', phone: '13949188365',
    });
    expect(res.roster.people.find((p) => p.name === '陈娥')!.phone).toBe('13782905919');
    expect(res.roster.assignments.map((a) => [a.person, a.target])).toEqual([
      ['林承福', '泼河'],
      ['曾文武', '泼河'], // blank continuation cell
      ['祝咏梅', '斛山'],
      ['屈莉', '斛山'], // '' continuation cell
      ['陈娥', '白奎'],
      ['王从福', '砖桥'],
    ]);
    expect(res.roster.assignments.every((a) => a.start === '2021-05-01' && a.end === '2022-04-30')).toBe(true);
    // the nameless row is reported, not dropped silently
    const noName = res.problems.find((p) => p.code === 'import/no-name')!;
    expect(noName).toMatchObject({ file: '名单.xlsx', line: 11, data: { sheet: 'Sheet1', row: 11 } });
    expect(noName.message.zh).toContain('第 11 行');
    // short place names are kept and flagged (no workspace given)
    expect(res.problems.filter((p) => p.code === 'import/short-unit-name').map((p) => p.data!.unit)).toEqual(['泼河', '斛山', '白奎', '砖桥']);
    // a shortened scientific-notation phone has lost digits: an error, not a silent wrong number
    expect(res.problems.some((p) => p.code === 'import/phone-format' || p.code === 'import/phone-digits-lost')).toBe(false);
    expect(rosterSchema.safeParse(res.roster).success).toBe(true);

    // the YAML validates, keeps the original spellings in comments, quotes phones
    const doc = parse(res.yaml);
    expect(rosterSchema.parse(doc)).toEqual(rosterSchema.parse(res.roster));
    expect(res.yaml).toContain('phone: "13949188365"');
    expect(res.yaml).toMatch(/name: 屈莉.*# .*原表姓名“屈　莉”/);
    expect(res.yaml).toMatch(/person: 曾文武.*下派单位沿用上一行/);
    expect(res.yaml.startsWith('#')).toBe(true);
  });

  it('resolves short names against the alliance when a workspace is given', async () => {
    const grid = await readGrid(await officeWorkbook(), { file: '名单.xlsx' });
    const res = importRoster(grid, { resolveUnit, alliance: 'guangshan-2021', period: { start: '2021-05-01' } });
    expect(res.roster.alliance).toBe('guangshan-2021');
    expect(res.roster.assignments.map((a) => a.target)).toEqual([
      '光山县中医院泼河镇分院', '光山县中医院泼河镇分院', '光山县中医院斛山乡分院', '光山县中医院斛山乡分院', '光山县中医院白奎分院', '光山县中医院砖桥镇分院',
    ]);
    expect(res.problems.filter((p) => p.code.endsWith('unit-name') || p.code === 'import/unknown-unit')).toEqual([]);
    expect(res.yaml).toMatch(/target: 光山县中医院泼河镇分院.*原表“泼河”/);
  });

  it('without dates or a period, postings are written as comments and reported', async () => {
    const grid = await readGrid(await officeWorkbook(), { file: '名单.xlsx' });
    const res = importRoster(grid, {});
    expect(res.roster.assignments).toEqual([]);
    expect(res.problems.filter((p) => p.code === 'import/no-start')).toHaveLength(6);
    expect(res.yaml).toContain('assignments: []');
    expect(res.yaml).toMatch(/# 请核对（缺少 start）: - \{ person: 林承福, target: 泼河 \}/);
    expect(rosterSchema.parse(parse(res.yaml)).people).toHaveLength(6);
  });

  it('reads a 下派时间 range and a digits-lost phone', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.addRow(['姓名', '派出单位', '手机号', '下派单位', '起止时间', '职务']);
    ws.addRow(['张三', '光山县人民医院', '1.38E+10', '寨河', '2021.5-2022.4', '第一院长']);
    ws.addRow(['李四', '光山县人民医院', '0376-8888888', '晏河', '2021年5月1日至2022年4月30日']);
    const grid = await readGrid(Buffer.from(await wb.xlsx.writeBuffer()));
    const res = importRoster(grid, {});
    expect(res.roster.assignments).toEqual([
      { person: '张三', target: '寨河', start: '2021-05-01', end: '2022-04-30', post: '第一院长' },
      { person: '李四', target: '晏河', start: '2021-05-01', end: '2022-04-30' },
    ]);
    expect(res.problems.find((p) => p.code === 'import/phone-digits-lost')).toMatchObject({ severity: 'error', line: 2, col: 3 });
    expect(res.roster.people[1]!.phone).toBe('0376-8888888');
  });

  it('reports a sheet without a header row', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').addRow(['本表仅供参考']);
    const res = importRoster(await readGrid(Buffer.from(await wb.xlsx.writeBuffer())), {});
    expect(res.problems.map((p) => p.code)).toContain('import/no-header');
  });

  it('reads CSV: GB18030, quoted fields, scientific phones', async () => {
    const csv = '姓名,性别,职称,电话,下派单位,下派时间\r\n刘鹏飞,男,主治医师,1.7839758051E10,"寨河,镇",2021-05-01\r\n';
    const utf = await readGrid(Buffer.from(csv, 'utf8'), { file: 'x.csv' });
    expect(utf.sheets[0]!.rows[1]).toEqual(['刘鹏飞', '男', '主治医师', '17839758051', '寨河,镇', '2021-05-01']);
    // a GB18030 file (what Excel saves as CSV in China): 姓名 = D0D5 C3FB, 刘 = C1F5
    const gb = Buffer.concat([Buffer.from([0xd0, 0xd5, 0xc3, 0xfb]), Buffer.from(',x\r\n'), Buffer.from([0xc1, 0xf5]), Buffer.from(',1\r\n')]);
    const g = await readGrid(gb, { file: 'y.csv' });
    expect(g.sheets[0]!.rows).toEqual([['姓名', 'x'], ['刘', '1']]);
    expect(g.warnings.map((w) => w.code)).toEqual(['io/encoding-gb18030']);
  });
});
