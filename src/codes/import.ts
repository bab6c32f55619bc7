// Codes of `yilian import`: problems in the spreadsheets offices already keep, reported per row
// and cell so the clerk can correct the sheet or the YAML written from it.
import { t } from '../model/diagnostic.js';
import { family, msg } from './declare.js';

export const IMPORT_CODES = family('import', t('导入', 'import'), {
  'no-header': {
    severity: 'error',
    description: t('工作表中没有找到表头行。', 'No header row was found in the sheet.'),
    help: t('表头须在前 10 行内，列名如 姓名、单位、日期、类型、半天数。', 'The header must be in the first 10 rows, with columns such as 姓名, 单位, 日期, 类型, 半天数.'),
    messages: {
      activity: msg('工作表“{sheet}”：前 10 行里没有找到表头（日期、人员、单位、类型、半天数）', 'sheet "{sheet}": no header row in the first 10 rows (日期, 人员, 单位, 类型, 半天数)'),
      roster: msg(
        '工作表“{sheet}”：前 {rows} 行里没有找到表头（至少要有“姓名”和另外两列，如 性别、职称、电话、下派单位）',
        'sheet "{sheet}": no header row in the first {rows} rows (need 姓名 and two more columns such as 性别, 职称, 电话, 下派单位)',
      ),
      // a workbook's other sheets (说明, 汇总 …) beside a roster
      otherSheet: msg('工作表“{sheet}”没有名单表头，已跳过', 'sheet "{sheet}" has no roster header; skipped'),
    },
  },
  'unreadable-row': {
    severity: 'error',
    description: t('一行中读不出日期、人员和类型，未导入。', 'A row has no readable date, person or type and was not imported.'),
    help: t('补全该行，或删去合计、说明之类不是记录的行。', 'Complete the row, or remove rows such as totals and notes that are not records.'),
    message: msg('{where}：读不出日期、人员和类型（{cells}），此行未导入', '{where}: no date, person or type ({cells}); row not imported'),
  },
  'bad-date': {
    severity: 'warning',
    description: t('日期无法识别。', 'A date is not recognised.'),
    help: t('写作 2021-06-03 或 2021年6月3日；Excel 中可把单元格设为日期格式。', 'Write 2021-06-03 or 2021年6月3日, or format the cell as a date in Excel.'),
    messages: {
      activity: msg('{where}：日期“{date}”无法识别，此行未导入', '{where}: date "{date}" not recognised; row not imported'),
      posting: msg('{where}：下派时间“{date}”无法识别', '{where}: posting dates "{date}" not recognised'),
    },
  },
  'no-person': {
    severity: 'error',
    description: t('一行没有人员，未导入。', 'A row has no person and was not imported.'),
    help: t('填写人员姓名。', 'Fill in the person.'),
    message: msg('{where}：没有人员，此行未导入', '{where}: no person; row not imported'),
  },
  'no-unit': {
    severity: 'error',
    description: t('一行没有单位。', 'A row has no unit.'),
    help: t('填写单位全称或医联体中登记的简称。', 'Fill in the unit, by its full name or an alias the alliance lists.'),
    messages: {
      activity: msg('{where}：没有单位，此行未导入', '{where}: no unit; row not imported'),
      roster: msg('{where}：{name} 没有派出（牵头）单位，已写作“待填写”', '{where}: {name} has no dispatching unit; written as "待填写"'),
    },
  },
  'no-type': {
    severity: 'error',
    description: t('一行没有活动类型，未导入。', 'A row has no activity type and was not imported.'),
    help: t('填写类型，如 坐诊、查房、手术、带教、讲座。', 'Fill in the type, e.g. 坐诊, 查房, 手术, 带教 or 讲座.'),
    message: msg('{where}：没有类型，此行未导入', '{where}: no activity type; row not imported'),
  },
  'unknown-type': {
    severity: 'warning',
    description: t('活动类型不是已知类型，记为“其他”。', 'An activity type is not a known one and was recorded as 其他.'),
    help: t('改为已知类型之一，或在生成的文件中改写 type。', 'Use one of the known types, or correct type in the file written.'),
    message: msg('{where}：类型“{type}”不在 {types} 之中，记为“其他”', '{where}: activity type "{type}" is not one of {types}; recorded as 其他'),
  },
  'unknown-unit': {
    severity: 'warning',
    description: t('单位不是医联体的单位，已按原文保留。', 'A unit is not a unit of the alliance and was kept as written.'),
    help: t('改为单位全称，或在 Alliance 中把这个写法加入该单位的 aliases。', 'Use the full name, or add this spelling to the unit\'s aliases in the Alliance.'),
    message: msg('{where}：{what}“{unit}”不是医联体的单位，已按原文保留', '{where}: {what} "{unit}" is not a unit of the alliance; kept as written'),
  },
  'short-unit-name': {
    severity: 'warning',
    description: t('单位写的是简称，已按原文保留。', 'A unit is given by a short name and was kept as written.'),
    help: t('用 --workspace 指定医联体目录即可换成全称；或在 Alliance 里把它写进该单位的 aliases。', 'Pass --workspace to resolve it to the full name, or add it to the unit\'s aliases in the Alliance.'),
    message: msg('{where}：{what}“{unit}”是简称，已按原文保留', '{where}: {what} "{unit}" is a short name; kept as written'),
  },
  'half-days': {
    severity: 'warning',
    description: t('半天数无法识别，按 1 个半天计。', 'A number of half-days is not recognised and was counted as 1.'),
    help: t('填写 1、2 这样的整数（一天为 2 个半天）。', 'Write a whole number such as 1 or 2 (a day is 2 half-days).'),
    message: msg('{where}：半天数“{value}”无法识别，按 1 个半天计', '{where}: half days "{value}" not recognised; counted as 1'),
  },
  'outside-month': {
    severity: 'error',
    description: t('日期不在导入的月份内。', 'A date is outside the month being imported.'),
    help: t('检查日期，或用 --month 指定正确的月份。', 'Check the date, or give the right month with --month.'),
    message: msg('{source}：日期 {date} 不在 {month} 月内', '{source}: date {date} is outside {month}'),
  },
  'no-name': {
    severity: 'warning',
    description: t('一行没有姓名，未导入。', 'A row has no name and was not imported.'),
    help: t('填写姓名，或删去不是人员的行。', 'Fill in the name, or remove rows that are not people.'),
    message: msg('{where}：没有姓名，未导入（{cells}）', '{where}: no name; row not imported ({cells})'),
  },
  gender: {
    severity: 'warning',
    description: t('性别无法识别，未填。', 'A gender is not recognised and was left out.'),
    help: t('写作 男 或 女。', 'Write 男 or 女.'),
    message: msg('{where}：性别“{value}”无法识别，未填', '{where}: gender "{value}" not recognised; left out'),
  },
  'phone-digits-lost': {
    severity: 'error',
    description: t('电话号码被 Excel 显示成科学计数法，位数已丢失。', 'A phone number became scientific notation in Excel and lost digits.'),
    help: t('把该列设为文本格式，按原号码重新填写。', 'Format the column as text and type the number again.'),
    message: msg('{where}：电话“{phone}”是科学计数法，位数已丢失，请按原号码填写', '{where}: phone "{phone}" is in scientific notation and has lost digits; type the number again'),
  },
  'phone-format': {
    severity: 'warning',
    description: t('电话不像手机号或带区号的座机号，已按原文保留。', 'A phone is neither a mobile nor a landline number and was kept as written.'),
    help: t('写 11 位手机号，或带区号的座机号如 0376-1234567。', 'Write an 11-digit mobile or a landline with its area code, e.g. 0376-1234567.'),
    message: msg('{where}：电话“{phone}”不像手机号或带区号的座机号，已按原文保留', '{where}: phone "{phone}" is neither a mobile nor a landline number; kept as written'),
  },
  'duplicate-name': {
    severity: 'warning',
    description: t('同名的两人电话或单位不同，按两个人导入。', 'Two people share a name but not a phone or unit; both were imported.'),
    help: t('下派安排按姓名引用：给其中一人加 id，或改用别名。', 'Postings refer to people by name: give one of them an id, or an alias.'),
    message: msg(
      '{where}：与 {first} 同名（{name}）但电话或单位不同，按两个人导入；下派安排按姓名引用，请给其中一人加 id 或改用别名',
      '{where}: same name as {first} ({name}) but a different phone or unit; imported as two people — give one an id',
    ),
  },
  conflict: {
    severity: 'warning',
    description: t('同一人在两处的性别、专业或职称不同，保留先出现的。', 'One person has two different genders, specialties or titles; the first was kept.'),
    help: t('在生成的文件中核对并改正。', 'Check and correct it in the file written.'),
    message: msg('{where}：{name} 的{field}与 {first} 不同（“{value}”/“{kept}”），保留先出现的', '{where}: {name}\'s {field} differs from {first} ("{value}" vs "{kept}"); the first is kept'),
  },
  'no-target': {
    severity: 'info',
    description: t('人员没有下派单位，只导入人员。', 'A person has no receiving unit and was imported without a posting.'),
    help: t('如有下派，补上下派单位后重新导入，或在 assignments 中补写。', 'If the person is posted, add the receiving unit and import again, or add it under assignments.'),
    message: msg('{where}：{name} 没有下派单位，只导入人员', '{where}: {name} has no receiving unit; imported without a posting'),
  },
  'no-start': {
    severity: 'warning',
    description: t('下派安排没有下派时间，已写成注释。', 'A posting has no start date and was written as a comment.'),
    help: t('补上 start 后取消注释；或用 --start/--end 指定，或用 --workspace 取医联体的建设周期。', 'Add start and uncomment it; or pass --start/--end, or --workspace to take the alliance cycle.'),
    message: msg('{where}：{name} 的下派安排没有下派时间，已写成注释，请补上 start 后取消注释', '{where}: {name}\'s posting has no start date; written as a comment — add start and uncomment it'),
  },
  internal: {
    severity: 'error',
    description: t('导入结果未通过该类文档的校验，未写出。', 'The imported result fails its kind\'s schema and was not written.'),
    help: t('这是 yilian 的缺陷：请把表格和这条信息一起报告给维护者。', 'This is a defect of yilian: report it with the spreadsheet to the maintainers.'),
    messages: {
      activity: msg('导入结果未通过 ActivityLog 校验：{problem}', 'imported log fails the ActivityLog schema: {problem}'),
      roster: msg('导入结果未通过 Roster 校验：{problem}', 'imported roster fails the Roster schema: {problem}'),
    },
  },
});
