// Codes of reading and writing files. Reading problems mean nothing could be checked; a
// workspace cannot turn them off.
import { t } from '../model/diagnostic.js';
import { family } from './declare.js';

export const IO_CODES = family('io', t('读取', 'file'), {
  'not-found': {
    severity: 'error',
    description: t('找不到命令行上给出的文件或目录。', 'A file or folder named on the command line does not exist.'),
    help: t('检查路径是否写对；含空格的路径要加引号。', 'Check the path; quote a path that contains spaces.'),
  },
  read: {
    severity: 'error',
    description: t('文件或目录无法读取。', 'A file or folder cannot be read.'),
    help: t('检查文件是否被其他程序占用，以及是否有读取权限。', 'Check that no other program holds the file and that you may read it.'),
  },
  'empty-workspace': {
    severity: 'error',
    description: t('没有找到任何计划文件。', 'No plan files were found.'),
    help: t('在计划文件所在目录运行，或把目录作为参数；用 yilian init 新建示例。', 'Run in the folder with the plan files, pass it as an argument, or start with yilian init.'),
  },
  'unsupported-file': {
    severity: 'error',
    description: t('给出的文件不是计划文件。', 'A file given is not a plan file.'),
    help: t('计划文件为 .yaml 或 .yml；活动记录也可为 .csv 或 .xlsx。', 'Plan files are .yaml or .yml; activity logs may also be .csv or .xlsx.'),
  },
  'not-a-file': {
    severity: 'error',
    description: t('文件不是普通文件（命名管道、设备或套接字），未读取；在扫描的文件夹中发现时为警告。', 'The file is not a regular file (a named pipe, device or socket) and was not read; a warning when found in a scanned folder.'),
    help: t('计划文件和活动记录须是普通文件；检查是否选错了路径。', 'Plan files and activity logs must be regular files; check the path.'),
  },
  'broken-link': {
    severity: 'warning',
    description: t('扫描的文件夹中有失效的链接（快捷方式），其目标不存在，已跳过。', 'A link in a scanned folder points to nothing (its target is gone); it was skipped.'),
    help: t('重新建立链接指向正确的文件或文件夹，或删除它。', 'Recreate the link to the right file or folder, or delete it.'),
  },
  encoding: {
    severity: 'error',
    description: t('文件既不是 UTF-8 也不是 GB18030 编码的文字。', 'The file is text in neither UTF-8 nor GB18030.'),
    help: t('在编辑器中以 UTF-8 编码另存该文件。', 'Save the file again as UTF-8 in your editor.'),
  },
  'encoding-gb18030': {
    severity: 'warning',
    description: t('文件不是 UTF-8 编码，已按 GB18030（GBK）读取。', 'The file is not UTF-8; it was read as GB18030 (GBK).'),
    help: t('结果可用；以 UTF-8 另存可免去此提示，也便于其他工具读取。', 'The result is usable; save the file as UTF-8 to silence this and help other tools.'),
  },
  'too-large': {
    severity: 'error',
    description: t('文件超过读取的大小上限。', 'The file is larger than the reading limit.'),
    help: t('检查是否选错了文件；大量活动记录可按月分成多个文件。', 'Check that it is the right file; split a large activity log into one file per month.'),
  },
  'xls-unsupported': {
    severity: 'error',
    description: t('旧版 Excel（.xls）或 WPS 表格（.et）文件无法读取。', 'An old binary Excel (.xls) or WPS (.et) file cannot be read.'),
    help: t('在 Excel 或 WPS 中另存为 .xlsx 后再导入。', 'Save it as .xlsx in Excel or WPS and import that.'),
  },
  'xlsx-unreadable': {
    severity: 'error',
    description: t('文件不是有效的 .xlsx 工作簿。', 'The file is not a valid .xlsx workbook.'),
    help: t('文件可能已损坏，或是改了扩展名的其他文件；在 Excel/WPS 中打开后另存为 .xlsx。', 'It may be damaged or another file renamed; open it in Excel/WPS and save it as .xlsx.'),
  },
  'formula-no-value': {
    severity: 'warning',
    description: t('表格中的公式没有保存计算结果（文件由程序生成、未在 Excel/WPS 中保存过），按空白读取。', 'A formula in the sheet has no saved result (the file was written by a program and never saved in Excel/WPS); it reads as blank.'),
    help: t('在 Excel/WPS 中打开并保存该文件（保存时会算出结果），再导入或检查。', 'Open and save the file in Excel/WPS (that computes the results), then import or check it again.'),
  },
  'output-exists': {
    severity: 'error',
    description: t('输出文件已存在，未覆盖。', 'The output file exists and was left alone.'),
    help: t('用 -o 指定另一个文件；确需覆盖时加 --force。', 'Choose another file with -o, or add --force to replace it.'),
  },
  'output-is-input': {
    severity: 'error',
    description: t('输出文件是输入文件之一，不会覆盖它。', 'The output file is one of the inputs and is never overwritten.'),
    help: t('用 -o 指定另一个输出文件。', 'Choose another output file with -o.'),
  },
  'output-path': {
    severity: 'error',
    description: t('-o 给出的路径不能作为输出文件：名字为空，或是文件夹、设备、管道，或上级路径是文件。', 'The -o path cannot be an output file: the name is empty, or it is a folder, a device or a pipe, or a folder on its way is a file.'),
    help: t('在 -o 后写上一个文件名，如 -o 名单.xlsx；设备和文件夹即使加 --force 也不会被替换。', 'Write a file name after -o, e.g. -o roster.xlsx; devices and folders are never replaced, not even with --force.'),
  },
  write: {
    severity: 'error',
    description: t('输出文件无法写入。', 'The output file cannot be written.'),
    help: t('检查目录是否存在、是否有写入权限、磁盘是否已满，以及文件是否正在 Excel/WPS 中打开。', 'Check that the folder exists and is writable, the disk is not full, and the file is not open in Excel/WPS.'),
  },
});
