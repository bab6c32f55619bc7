// Codes of reading and writing files. Reading problems mean nothing could be checked; a
// workspace cannot turn them off.
import { t } from '../model/diagnostic.js';
import { family, msg } from './declare.js';

export const IO_CODES = family('io', t('读取', 'file'), {
  'not-found': {
    severity: 'error',
    description: t('找不到命令行上给出的文件或目录。', 'A file or folder named on the command line does not exist.'),
    help: t('检查路径是否写对；含空格的路径要加引号。', 'Check the path; quote a path that contains spaces.'),
    messages: {
      missing: msg('找不到文件或目录「{path}」。', 'No such file or directory: {path}'),
      brokenLink: msg('「{file}」是失效的链接：指向的「{target}」不存在（或链接绕成了环）。', '{file} is a broken link: its target {target} does not exist (or the links form a loop).'),
    },
  },
  read: {
    severity: 'error',
    description: t('文件或目录无法读取。', 'A file or folder cannot be read.'),
    help: t('检查文件是否被其他程序占用，以及是否有读取权限。', 'Check that no other program holds the file and that you may read it.'),
    messages: {
      folder: msg('无法读取文件夹「{file}」（{why}），其中的文件未检查。', 'Cannot read the folder {file} ({why}); the files in it were not checked.'),
      file: msg('无法读取「{file}」（{why}）。', 'Cannot read {file} ({why}).'),
      sheet: msg('无法读取文件 {file}（{why}）', 'cannot read {file} ({why})'),
    },
  },
  'empty-workspace': {
    severity: 'error',
    description: t('没有找到任何计划文件。', 'No plan files were found.'),
    help: t('在计划文件所在目录运行，或把目录作为参数；用 yilian init 新建示例。', 'Run in the folder with the plan files, pass it as an argument, or start with yilian init.'),
    message: msg('没有找到计划文件（.yaml/.yml）。', 'No plan files (.yaml/.yml) found.'),
  },
  'unsupported-file': {
    severity: 'error',
    description: t('给出的文件不是计划文件。', 'A file given is not a plan file.'),
    help: t('计划文件为 .yaml 或 .yml；活动记录也可为 .csv 或 .xlsx。', 'Plan files are .yaml or .yml; activity logs may also be .csv or .xlsx.'),
    message: msg('「{input}」不是计划文件（应为 .yaml、.yml，活动记录也可为 .csv、.xlsx）。', '{input} is not a plan file (expected .yaml or .yml; activity logs may be .csv or .xlsx).'),
  },
  'not-a-file': {
    severity: 'error',
    description: t('文件不是普通文件（命名管道、设备或套接字），未读取；在扫描的文件夹中发现时为警告。', 'The file is not a regular file (a named pipe, device or socket) and was not read; a warning when found in a scanned folder.'),
    help: t('计划文件和活动记录须是普通文件；检查是否选错了路径。', 'Plan files and activity logs must be regular files; check the path.'),
    messages: {
      notRead: msg('「{file}」不是普通文件（是{kind}），未读取。', '{file} is not a regular file ({kind}); it was not read.'),
      skipped: msg('「{file}」不是普通文件（是{kind}），已跳过。', '{file} is not a regular file ({kind}); skipped.'),
    },
  },
  'broken-link': {
    severity: 'warning',
    description: t('扫描的文件夹中有失效的链接（快捷方式），其目标不存在，已跳过。', 'A link in a scanned folder points to nothing (its target is gone); it was skipped.'),
    help: t('重新建立链接指向正确的文件或文件夹，或删除它。', 'Recreate the link to the right file or folder, or delete it.'),
    message: msg('「{file}」是失效的链接：指向的「{target}」不存在（或链接绕成了环），已跳过。', '{file} is a broken link: its target {target} does not exist (or the links form a loop); skipped.'),
  },
  encoding: {
    severity: 'error',
    description: t('文件既不是 UTF-8 也不是 GB18030 编码的文字。', 'The file is text in neither UTF-8 nor GB18030.'),
    help: t('在编辑器中以 UTF-8 编码另存该文件。', 'Save the file again as UTF-8 in your editor.'),
    messages: {
      bytes: msg(
        '无法识别文件「{file}」的编码：第 {line} 行第 {col} 列的字节既不是 UTF-8 也不是 GB18030，请保存为 UTF-8。',
        'Cannot read {file}: the bytes at line {line}, column {col} are neither UTF-8 nor GB18030; save it as UTF-8.',
      ),
      named: msg('无法识别文件「{file}」的编码（{encoding}），请保存为 UTF-8。', 'Cannot read {file}: unsupported encoding ({encoding}); save it as UTF-8.'),
    },
  },
  'encoding-gb18030': {
    severity: 'warning',
    description: t('文件不是 UTF-8 编码，已按 GB18030（GBK）读取。', 'The file is not UTF-8; it was read as GB18030 (GBK).'),
    help: t('结果可用；以 UTF-8 另存可免去此提示，也便于其他工具读取。', 'The result is usable; save the file as UTF-8 to silence this and help other tools.'),
    messages: {
      plan: msg('文件「{file}」不是 UTF-8 编码，已按 GB18030（GBK）读取。', '{file} is not UTF-8; it was read as GB18030 (GBK).'),
      sheet: msg('{file} 不是 UTF-8 编码，已按 GB18030 读取', '{file} is not UTF-8; read as GB18030'),
    },
  },
  'too-large': {
    severity: 'error',
    description: t('文件超过读取的大小上限。', 'The file is larger than the reading limit.'),
    help: t('检查是否选错了文件；大量活动记录可按月分成多个文件。', 'Check that it is the right file; split a large activity log into one file per month.'),
    messages: {
      over: msg('文件「{file}」超过上限 {limit} MB。', '{file} is over the limit of {limit} MB.'),
      size: msg('文件「{file}」有 {size} MB，超过上限 {limit} MB。', '{file} is {size} MB, over the limit of {limit} MB.'),
      import: msg('文件「{file}」超过 {limit} MB，无法导入；请按月拆分后再导入。', '{file} is over {limit} MB; split it by month and import the parts.'),
      rows: msg(
        '表格「{file}」有 {rows} 行，超过本机内存一次能导入的量（约 {max} 行）；请按月拆分后分别导入。',
        '{file} has {rows} rows, more than this machine\'s memory can import at once (about {max}); split it by month and import the parts.',
      ),
      text: msg(
        '文件「{file}」有 {size} MB，解码后的文字超过一次能读入的长度（{chars} 个字符）；请按月拆分成多个文件（CSV 格式的活动记录不受此限）。',
        '{file} is {size} MB; its text is longer than can be read at once ({chars} characters). Split it into one file per month (an activity log as CSV has no such limit).',
      ),
      workbook: msg(
        '工作簿「{file}」的表格解压后有 {size} MB，整本读入所需的内存超过本机上限；请在 Excel/WPS 中另存为 CSV（CSV 不受此限），或按月拆分成多个文件。',
        '{file} holds {size} MB of sheet data once unzipped, more than this machine can read as a whole workbook; save the sheet as CSV in Excel/WPS (CSV has no such limit) or split it by month.',
      ),
    },
  },
  'xls-unsupported': {
    severity: 'error',
    description: t('旧版 Excel（.xls）或 WPS 表格（.et）文件无法读取。', 'An old binary Excel (.xls) or WPS (.et) file cannot be read.'),
    help: t('在 Excel 或 WPS 中另存为 .xlsx 后再导入。', 'Save it as .xlsx in Excel or WPS and import that.'),
    message: msg(
      '{file} 是旧版 Excel（.xls）或 WPS 表格（.et）格式，请在 Excel/WPS 中另存为 .xlsx 后再导入',
      '{file} is an old binary Excel (.xls) or WPS (.et) file; save it as .xlsx in Excel/WPS and import that',
    ),
  },
  'xlsx-unreadable': {
    severity: 'error',
    description: t('文件不是有效的 .xlsx 工作簿。', 'The file is not a valid .xlsx workbook.'),
    help: t('文件可能已损坏，或是改了扩展名的其他文件；在 Excel/WPS 中打开后另存为 .xlsx。', 'It may be damaged or another file renamed; open it in Excel/WPS and save it as .xlsx.'),
    messages: {
      // the zip reader's own reason is English only; the Chinese says what to do instead
      invalid: msg(
        '无法读取 {file}：不是有效的 .xlsx 文件（文件可能已损坏，或是改了扩展名的其他文件；请在 Excel/WPS 中打开后另存为 .xlsx）',
        'cannot read {file}: not a valid .xlsx file ({reason})',
      ),
      noSheet: msg(
        '{file} 里没有工作表：它不是 Excel 工作簿（可能是改了扩展名的压缩包）；请在 Excel/WPS 中打开表格后另存为 .xlsx',
        '{file} holds no worksheet: it is not an Excel workbook (perhaps a renamed zip archive); save the sheet as .xlsx in Excel/WPS',
      ),
    },
  },
  'formula-no-value': {
    severity: 'warning',
    description: t('表格中的公式没有保存计算结果（文件由程序生成、未在 Excel/WPS 中保存过），按空白读取。', 'A formula in the sheet has no saved result (the file was written by a program and never saved in Excel/WPS); it reads as blank.'),
    help: t('在 Excel/WPS 中打开并保存该文件（保存时会算出结果），再导入或检查。', 'Open and save the file in Excel/WPS (that computes the results), then import or check it again.'),
    messages: {
      cell: msg('{cell} 是公式，但文件里没有保存计算结果，按空白读取（不沿用上一行）。', '{cell} is a formula with no saved result; read as blank (not filled from the row above).'),
      more: msg('工作表“{sheet}”还有 {count} 个公式没有保存计算结果，均按空白读取。', '{count} more formulas in sheet "{sheet}" have no saved result and read as blank.'),
    },
  },
  'output-exists': {
    severity: 'error',
    description: t('输出文件已存在，未覆盖。', 'The output file exists and was left alone.'),
    help: t('用 -o 指定另一个文件；确需覆盖时加 --force。', 'Choose another file with -o, or add --force to replace it.'),
    message: msg('文件「{path}」已存在，未覆盖。如确需覆盖请加 --force。', '{path} already exists and was left alone; add --force to replace it.'),
  },
  'output-is-input': {
    severity: 'error',
    description: t('输出文件是输入文件之一，不会覆盖它。', 'The output file is one of the inputs and is never overwritten.'),
    help: t('用 -o 指定另一个输出文件。', 'Choose another output file with -o.'),
    message: msg('输出文件「{path}」是输入文件之一，不会覆盖它。', 'The output {path} is one of the inputs; it will not be overwritten.'),
  },
  'output-path': {
    severity: 'error',
    description: t('-o 给出的路径不能作为输出文件：名字为空，或是文件夹、设备、管道，或上级路径是文件。', 'The -o path cannot be an output file: the name is empty, or it is a folder, a device or a pipe, or a folder on its way is a file.'),
    help: t('在 -o 后写上一个文件名，如 -o 名单.xlsx；设备和文件夹即使加 --force 也不会被替换。', 'Write a file name after -o, e.g. -o roster.xlsx; devices and folders are never replaced, not even with --force.'),
    messages: {
      empty: msg('输出文件名是空的，请在 -o 后写上文件名，如 -o 名单.xlsx。', 'The output file name is empty; write one after -o, e.g. -o roster.xlsx.'),
      folder: msg('「{path}」是一个文件夹；请在 -o 中写上文件名，如 -o {example}。', '{path} is a folder; give a file name with -o, e.g. -o {example}.'),
      special: msg('「{path}」不是普通文件（是{kind}），不会写入或替换它；请用 -o 指定一个文件。', '{path} is not a regular file ({kind}); it is never written or replaced. Choose a file with -o.'),
      fileOnWay: msg('「{folder}」是文件，不是文件夹，无法在其中写入「{path}」。', '{folder} is a file, not a folder; {path} cannot be written inside it.'),
    },
  },
  write: {
    severity: 'error',
    description: t('输出文件无法写入。', 'The output file cannot be written.'),
    help: t('检查目录是否存在、是否有写入权限、磁盘是否已满，以及文件是否正在 Excel/WPS 中打开。', 'Check that the folder exists and is writable, the disk is not full, and the file is not open in Excel/WPS.'),
    messages: {
      busy: msg('无法替换「{path}」：文件正被其他程序占用，请先在 WPS/Excel 中关闭该文件，再运行一次。', 'Cannot replace {path}: another program holds it; close it in Excel/WPS first, then run again.'),
      failed: msg('无法写入「{path}」（{why}），原文件未改动。', 'Cannot write {path} ({why}); any old file is unchanged.'),
    },
  },
});
