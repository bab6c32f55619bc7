// Codes of the loader: YAML syntax, text clean-up, documents and schema fields. A workspace
// cannot turn these off — a file that does not load has nothing else to check.
import { t } from '../model/diagnostic.js';
import { family, msg } from './declare.js';

export const YAML_CODES = family('yaml', t('YAML格式', 'YAML'), {
  syntax: {
    severity: 'error',
    description: t('YAML 语法错误，文件无法读取。', 'A YAML syntax error; the file cannot be read.'),
    help: t(
      '按提示的行列检查缩进、冒号和引号：同一层的字段对齐，「字段名: 值」的冒号后留一个空格，含冒号或 # 的文字加引号。',
      'Check indentation, colons and quotes at the given line: align keys of one level, put a space after the colon of "key: value", and quote text that contains a colon or #.',
    ),
    messages: {
      known: msg('YAML 格式错误：{problem}。', 'YAML error: {problem}.'),
      // the parser's own sentence is English only; the Chinese says what it can
      unknown: msg('YAML 格式错误：无法读懂这里的写法。', 'YAML error: {parser}'),
      noColon: msg('YAML 格式错误：「{key}」后面没有冒号，花括号里的每一项都要写成「字段名: 值」。', 'YAML error: "{key}" has no colon; every entry in { } must be "key: value".'),
    },
  },
  'duplicate-key': {
    severity: 'error',
    description: t('同一层里有两个同名字段。', 'The same key appears twice in one mapping.'),
    help: t('删去或合并重复的字段；YAML 不会替你决定保留哪一个。', 'Remove or merge the duplicate; YAML cannot tell which one you meant.'),
    message: msg('YAML 格式错误：同一层级出现了重复的字段名。', 'YAML error: duplicate key in the same mapping.'),
  },
  directive: {
    severity: 'error',
    description: t('文件声明了 YAML 1.2 以外的版本（%YAML 指令）。', 'The file declares a YAML version other than 1.2 (%YAML directive).'),
    help: t('删除 %YAML 那一行；计划文件按 YAML 1.2 读取。', 'Delete the %YAML line; plan files are read as YAML 1.2.'),
    message: msg('计划文件使用 YAML 1.2，不接受 %YAML {version} 指令。', 'Plan files are YAML 1.2; the %YAML {version} directive is not accepted.'),
  },
  'empty-file': {
    severity: 'warning',
    description: t('计划文件是空的（没有内容，或只有注释）。', 'A plan file is empty (nothing, or only comments).'),
    help: t('写入计划内容（以 kind: 开头），或删除这个文件。', 'Write the plan in it (starting with kind:), or delete the file.'),
    message: msg('文件「{file}」是空的（没有内容，或只有注释），没有可检查的计划。', '{file} is empty (nothing, or only comments); there is no plan in it to check.'),
  },
  alias: {
    severity: 'error',
    description: t('使用了锚点（&）或别名（*）。', 'An anchor (&) or alias (*) is used.'),
    help: t('把引用的内容直接写出来；计划文件不使用锚点和别名，以免一处修改悄悄影响多处。', 'Write the value out in full; plan files use no anchors or aliases, so one edit cannot silently change several places.'),
    message: msg('计划文件不使用锚点（&）和别名（*），请把内容直接写出来。', 'Plan files use no anchors (&) or aliases (*); write the value out.'),
  },
  tag: {
    severity: 'error',
    description: t('使用了显式类型标签（如 !!str）。', 'An explicit tag such as !!str is used.'),
    help: t('删除标签；需要文本时给值加引号。', 'Remove the tag; quote the value if it is text.'),
    message: msg('不接受显式类型标签「{tag}」。', 'Explicit tags such as {tag} are not accepted.'),
  },
  'complex-key': {
    severity: 'error',
    description: t('字段名不是简单文本（如用列表或映射作键）。', 'A key is not plain text (e.g. a list or mapping used as a key).'),
    help: t('字段名只写文字，如「name: 值」。', 'Write keys as plain words, such as "name: value".'),
    message: msg('字段名必须是简单文本。', 'Keys must be plain text.'),
  },
  'too-deep': {
    severity: 'error',
    description: t('列表或字段映射嵌套超过 100 层。', 'Lists or mappings are nested more than 100 levels deep.'),
    help: t(
      '计划文件只需几层缩进；检查是否多了括号 [ { 或缩进错了。',
      'Plan files need only a few levels; look for stray [ or { or wrong indentation.',
    ),
    message: msg('YAML 嵌套太深：超过 {limit} 层的列表或字段映射。', 'YAML nested too deeply: more than {limit} levels of lists or mappings.'),
  },
  'too-many-documents': {
    severity: 'error',
    description: t('一个文件里有超过 1000 个文档（用 --- 分隔）。', 'A file holds more than 1,000 documents (separated by ---).'),
    help: t('把内容分到几个文件里，或删去多余的 --- 行。', 'Split the content into several files, or remove the extra --- lines.'),
    message: msg('一个文件里的文档（用 --- 分隔）超过 {limit} 个。', 'More than {limit} documents (separated by ---) in one file.'),
  },
  'too-many-values': {
    severity: 'error',
    description: t(
      '文件里的值、符号和行太多，按文件大小上限读取会耗尽内存。',
      'The file holds too many values, symbols and lines to read within the memory the file-size limit allows.',
    ),
    help: t(
      '把大的文件拆成按月的文件，或用 --max-file-size 调高上限（上限每 MB 允许约 78 万个 YAML 记号）。',
      'Split it into monthly files, or raise --max-file-size (each MB of the limit allows about 786,000 YAML tokens).',
    ),
    message: msg('文件里的值、符号和行太多（超过 {limit} 个），按当前的文件大小上限无法读取。', 'The file holds too many values, symbols and lines (over {limit}) for the current file-size limit.'),
  },
  'too-large-for-memory': {
    severity: 'error',
    description: t(
      '文件中不是「一行一条」写法的部分太大，在本机内存内无法逐项读取。',
      'The part of a file not written one entry per line is too large to read within this machine\'s memory.',
    ),
    help: t(
      '一行一条的活动记录（yilian import activity 的写法）可读到文件大小上限；把其余写法改成一行一条，或拆成按月的文件。',
      'Logs written one entry per line (as yilian import activity writes them) read up to the size limit; rewrite the rest one entry per line, or split the file by month.',
    ),
    message: msg(
      '文件中不是「一行一条」写法的部分太大（超过 {limit} 个 YAML 记号），本机内存无法逐项读取。',
      'The part of this file not written one entry per line is too large (over {limit} YAML tokens) to read in this machine\'s memory.',
    ),
  },
});

export const TEXT_CODES = family('text', t('文字', 'text'), {
  'radical-lookalike': {
    severity: 'warning',
    description: t('文字中有部首字符（看似汉字，多从 PDF 复制而来）。', 'Text contains CJK radical look-alikes (usually copied from a PDF).'),
    help: t('把这些字重新输入一遍，否则名称和职务无法匹配。', 'Retype those characters, or names and roles will not match.'),
    message: msg(
      '「{text}」里有部首字符（看起来像汉字，常见于从 PDF 复制的文字），应为「{fixed}」。',
      '"{text}" contains CJK radical look-alikes (common in text copied from PDFs); it should read "{fixed}".',
    ),
  },
});

export const DOC_CODES = family('doc', t('文档', 'document'), {
  'not-a-mapping': {
    severity: 'error',
    description: t('文档顶层不是「字段名: 值」的映射。', 'The document is not a mapping of "key: value" at its top level.'),
    help: t('文档应以 kind: 开头，其余字段写在其下，不要以「-」列表开头。', 'Start the document with kind: and the other keys below it, not with a "-" list.'),
    message: msg('每个文档应是以 kind: 开头的字段映射。', 'Each document must be a mapping that starts with kind:.'),
  },
  'missing-kind': {
    severity: 'error',
    description: t('文档没有写 kind（文档类型）。', 'The document has no kind.'),
    help: t('在文档开头写 kind:，如 kind: Alliance、kind: WorkPlan（见 FORMAT.md）。', 'Add kind: at the top, e.g. kind: Alliance or kind: WorkPlan (see FORMAT.md).'),
    message: msg('文档缺少 kind: 字段。', 'The document has no kind: field.'),
  },
  'unknown-kind': {
    severity: 'error',
    description: t('kind 不是已知的文档类型。', 'kind is not a known document kind.'),
    help: t('改为 FORMAT.md 列出的类型之一，注意大小写（如 WorkPlan）。', 'Use one of the kinds listed in FORMAT.md, with its capitals (e.g. WorkPlan).'),
    messages: {
      unknown: msg('未知的文档类型「{kind}」。', 'Unknown kind "{kind}".'),
      didYouMean: msg('未知的文档类型「{kind}」。{suggestion}', 'Unknown kind "{kind}". {suggestion}'),
      // a number, list or mapping where the kind's name belongs
      notText: msg('kind 应为文本（文档类型名），实际是{got}。', 'kind must be the name of a kind, got {got}.'),
    },
  },
});

export const SCHEMA_CODES = family('schema', t('字段', 'field'), {
  'unknown-key': {
    severity: 'error',
    description: t('出现了该类文档没有的字段（常见于拼写错误）。', 'A key this kind of document does not have (often a misspelling).'),
    help: t('按提示改正字段名，或删除该字段；备注可写在 note 或以 # 开头的注释里。', 'Correct the key as suggested or remove it; put remarks in note or in a # comment.'),
    messages: {
      unknown: msg('未知字段「{key}」。', 'Unknown key "{key}".'),
      didYouMean: msg('未知字段「{key}」。{suggestion}', 'Unknown key "{key}". {suggestion}'),
      // the header of an activity-log table (CSV, xlsx)
      column: msg('未知列名「{name}」。', 'Unknown column "{name}".'),
      columnDidYouMean: msg('未知列名「{name}」。{suggestion}', 'Unknown column "{name}". {suggestion}'),
    },
  },
  'missing-field': {
    severity: 'error',
    description: t('缺少必填字段。', 'A required field is missing.'),
    help: t('补上提示中的字段（各字段见 FORMAT.md）。', 'Add the field named in the message (FORMAT.md lists every field).'),
    messages: {
      // {where} is empty at the top level, else the path of the mapping that lacks it
      field: msg('缺少必填字段「{field}」{where}。', 'Missing required field "{field}"{where}.'),
      column: msg('表格缺少「{field}」列。', 'The table has no "{field}" column.'),
      indicatorWhose: msg(
        '这条指标数据没有写是谁的：单位的写 unit:，医联体（全区、全集团）整体的写 alliance:。',
        'This Indicators entry does not say whose figures these are: unit: for a unit, alliance: for the alliance (the whole district or group).',
      ),
    },
  },
  empty: {
    severity: 'error',
    description: t('字段或列表为空。', 'A field or list is empty.'),
    help: t('填写内容，或删除这个字段。', 'Fill it in, or remove the field.'),
    messages: {
      item: msg('列表「{list}」的第 {n} 项是空的。', 'Item {n} of "{list}" is empty.'),
      text: msg('字段「{field}」不能为空。', '"{field}" must not be empty.'),
    },
  },
  'wrong-type': {
    severity: 'error',
    description: t('字段的值类型不对（如应为数字却写了文字）。', 'A value has the wrong type (e.g. text where a number belongs).'),
    help: t('按提示改写该值；需要列表时用「- 项」或 [a, b]。', 'Rewrite the value as the message says; write lists as "- item" lines or [a, b].'),
    messages: {
      type: msg('字段「{field}」应为{expected}，实际是{got}。', '"{field}" must be {expected}, got {got}.'),
      // a field written several ways (a union), none of which fits
      form: msg('字段「{field}」的写法不对（实际是{got}）。', '"{field}" has the wrong form (got {got}).'),
      indicatorNumber: msg('指标值「{value}」应为数字。', 'indicator value "{value}" must be a number.'),
    },
  },
  'invalid-value': {
    severity: 'error',
    description: t('字段的值不是允许的取值之一。', 'A value is not one of the allowed values.'),
    help: t('改为提示中列出的取值之一。', 'Use one of the values listed in the message.'),
    messages: {
      unknown: msg('字段「{field}」的值「{value}」无效。', '"{value}" is not a valid value for "{field}".'),
      didYouMean: msg('字段「{field}」的值「{value}」无效。{suggestion}', '"{value}" is not a valid value for "{field}". {suggestion}'),
    },
  },
  'out-of-range': {
    severity: 'error',
    description: t('数值或列表长度超出允许范围。', 'A number or list length is out of range.'),
    help: t('按提示的上下限改正。', 'Correct it to within the bounds given.'),
    messages: {
      fewItems: msg('列表「{field}」至少要有 {bound} 项。', '"{field}" needs at least {bound} item(s).'),
      manyItems: msg('列表「{field}」至多要有 {bound} 项。', '"{field}" needs at most {bound} item(s).'),
      tooSmall: msg('字段「{field}」的值不能小于 {bound}。', '"{field}" must be at least {bound}.'),
      tooBig: msg('字段「{field}」的值不能大于 {bound}。', '"{field}" must be at most {bound}.'),
    },
  },
  invalid: {
    severity: 'error',
    description: t('字段的值不符合要求的格式。', 'A value does not have the required form.'),
    help: t('对照 FORMAT.md 中该字段的写法改正。', 'Correct it as FORMAT.md describes the field.'),
    messages: {
      // a check of zod's own, worded by zod (English)
      zod: msg('字段「{field}」的值无效：{problem}', 'Invalid value for "{field}": {problem}'),
      indicatorBoth: msg(
        '这条指标数据同时写了 unit: 和 alliance:，只能写其一：某单位的数据，或医联体整体的数据。',
        'This Indicators entry has both unit: and alliance:; give one: a unit\'s figures, or the alliance\'s as a whole.',
      ),
      deliverableDue: msg('「{value}」不是能识别的期限。', '"{value}" is not a due form yilian reads.'),
    },
  },
  'invalid-date': {
    severity: 'error',
    description: t('不是有效日期，或该日不存在（如 2月30日）。', 'Not a valid date, or a day that does not exist (e.g. 30 February).'),
    help: t('写作 2017-05-15、20170515、2017/5/15 或 2017年5月15日，且该日须存在。', 'Write 2017-05-15, 20170515, 2017/5/15 or 2017年5月15日; the day must exist.'),
    message: msg('「{value}」不是有效日期。', '"{value}" is not a valid date.'),
  },
  'invalid-month': {
    severity: 'error',
    description: t('不是有效月份。', 'Not a valid month.'),
    help: t('写作 2017-05 或 2017年5月。', 'Write 2017-05 or 2017年5月.'),
    message: msg('「{value}」不是有效月份。', '"{value}" is not a valid month.'),
  },
  'invalid-id': {
    severity: 'error',
    description: t('编号（id）含有不允许的字符。', 'An id uses characters that are not allowed.'),
    help: t('编号只用英文字母、数字、点、下划线和连字符，如 gs-rmyy；中文名称写在 name。', 'Use ASCII letters, digits, ".", "_" and "-" only, e.g. gs-rmyy; put the Chinese name in name.'),
    message: msg('编号「{value}」只能用英文字母、数字、点、下划线和连字符。', 'id "{value}" may only use ASCII letters, digits, ".", "_" and "-".'),
  },
  'invalid-money': {
    severity: 'error',
    description: t('金额超过两位小数（单位：元）。', 'An amount has more than two decimals (yuan).'),
    help: t('金额以元为单位，最多写到分，如 150 或 37.5。', 'Amounts are in yuan to the fen at most, e.g. 150 or 37.5.'),
    message: msg('金额「{value}」最多两位小数（单位：元）。', 'amount {value} may have at most two decimals (yuan).'),
  },
  'invalid-period': {
    severity: 'error',
    description: t('期间格式不对。', 'A period is not in a known form.'),
    help: t('写作 2024、2024-Q1、2024-H1 或 2024-06。', 'Write 2024, 2024-Q1, 2024-H1 or 2024-06.'),
    message: msg('期间「{value}」格式不对。', 'period "{value}" is not valid.'),
  },
  'invalid-years': {
    severity: 'error',
    description: t('年份范围格式不对。', 'A range of years is not in a known form.'),
    help: t('写作 2018-2022。', 'Write 2018-2022.'),
    message: msg('年份范围「{value}」格式不对。', 'years "{value}" is not a range.'),
  },
  'invalid-comparison': {
    severity: 'error',
    description: t('条件不是「>= 6」这样的比较。', 'A condition is not a comparison such as ">= 6".'),
    help: t('写作 ">= 6" 这样的比较，并加引号。', 'Write a comparison such as ">= 6", quoted.'),
    message: msg('条件「{value}」格式不对。', 'condition "{value}" is not valid.'),
  },
});
