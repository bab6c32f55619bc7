// YAML text → plain values with source positions.
//
// We convert the YAML AST ourselves instead of calling toJS(): that lets us refuse what plan
// files never need (aliases, explicit tags, YAML 1.1 directives — the usual sources of alias
// bombs and of `0012` silently becoming 10), keep the digits of plain numbers (RawNumber), and
// record where every key and value sits so any later diagnostic can name file:line:col.
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  Scalar,
  type Document,
  type Node as YamlNode,
} from 'yaml';
import { RawNumber } from '../model/common.js';
import { t, type Diagnostic, type SourcePos } from '../model/diagnostic.js';
import { TEXT_CODES, YAML_CODES } from '../codes/loader.js';
import { composeDocuments, DEFAULT_YAML_LIMITS, YamlLimitExceeded, type YamlLimits } from './yaml-stream.js';

export type PathKey = string | number;

/** Positions of one document's nodes, keyed by their path joined with \u0000. */
export class PositionIndex {
  readonly values = new Map<string, SourcePos>();
  readonly keys = new Map<string, SourcePos>();
  constructor(readonly file: string) {}
  static key(path: readonly PathKey[]): string {
    return path.join('\u0000');
  }
  /** Position of the value at `path`, or of its nearest ancestor. */
  valueAt(path: readonly PathKey[]): SourcePos {
    for (let n = path.length; n >= 0; n--) {
      const p = this.values.get(PositionIndex.key(path.slice(0, n)));
      if (p) return p;
    }
    return { file: this.file, line: 1, col: 1 };
  }
  /** Position of the key that introduces `path` (falls back to the value). */
  keyAt(path: readonly PathKey[]): SourcePos {
    return this.keys.get(PositionIndex.key(path)) ?? this.valueAt(path);
  }
}

export interface RawDocument {
  file: string;
  index: number; // 0-based position within the file
  /** Plain JS with RawNumber boxes; an activity log's entries may come typed, as an EntryStore (readYamlText's typeEntries). */
  value: unknown;
  positions: PositionIndex;
}

/**
 * Where an offset of the parsed text lies in the file. The fast log reader (yaml-log.ts) parses
 * a few lines of a large file on their own, after its header: `shift` maps their line numbers
 * back to the file's (columns are unchanged, as whole lines are parsed).
 */
export type LineShift = (line: number) => number;
const same: LineShift = (line) => line;

const posOf = (lc: LineCounter, file: string, offset: number, shift: LineShift = same): SourcePos => {
  const { line, col } = lc.linePos(offset);
  return { file, line: shift(line), col };
};

const YAML_ERROR_TEXT: Record<string, { zh: string; en: string }> = {
  BAD_INDENT: { zh: '缩进不正确', en: 'bad indentation' },
  MISSING_CHAR: { zh: '缺少必要的符号（如冒号后的空格或闭合括号）', en: 'a required character is missing' },
  MULTILINE_IMPLICIT_KEY: { zh: '字段名不能跨行（可能漏了冒号或缩进错了）', en: 'implicit keys must be on one line' },
  TAB_AS_INDENT: { zh: '不能用 Tab 缩进，请改用空格', en: 'tabs are not allowed as indentation; use spaces' },
  BLOCK_AS_IMPLICIT_KEY: { zh: '字段名写法不正确（可能是缩进错了或漏了冒号）', en: 'a key is malformed (wrong indentation or a missing colon?)' },
  UNEXPECTED_TOKEN: { zh: '出现了意外的符号', en: 'unexpected token' },
  BAD_SCALAR_START: { zh: '值不能以这个符号开头（可加引号）', en: 'a plain value cannot start with this character (quote it)' },
  BLOCK_IN_FLOW: {
    zh: '花括号 { } 或方括号 [ ] 里的内容写法不对（常见原因：逗号或冒号用了全角，或漏了逗号）',
    en: 'a flow collection { } or [ ] is malformed (a full-width comma or colon, or a missing comma?)',
  },
  BAD_DQ_ESCAPE: {
    zh: '双引号里的反斜杠 \\ 是转义符（如 Windows 路径 C:\\…）；请改用单引号，或把 \\ 写成 \\\\',
    en: 'a backslash in double quotes starts an escape (e.g. a Windows path); use single quotes or write \\\\',
  },
  KEY_OVER_1024_CHARS: {
    zh: '字段名太长（超过 1024 个字符），多半是一段长文字里带了「: 」；长文字请写在字段名之后并加引号',
    en: 'a key is over 1024 characters (a long text with ": " in it?); quote long text',
  },
  MULTIPLE_DOCS: { zh: '一个文件里的多个文档之间要用 --- 分隔', en: 'documents in one file must be separated by ---' },
  BAD_DIRECTIVE: { zh: '以 % 开头的指令行不正确（普通文字不能以 % 开头，请加引号）', en: 'a % directive line is malformed' },
  BAD_PROP_ORDER: { zh: '锚点（&）或类型标签（!）的写法不正确', en: 'anchor or tag in the wrong place' },
  MULTIPLE_ANCHORS: { zh: '一个值只能有一个锚点（&）', en: 'a node may have one anchor' },
  MULTIPLE_TAGS: { zh: '一个值只能有一个类型标签（!）', en: 'a node may have one tag' },
  ALIAS_PROPS: { zh: '别名（*）不能带锚点或类型标签', en: 'an alias cannot have an anchor or tag' },
  BAD_ALIAS: { zh: '别名（*）的写法不正确', en: 'bad alias' },
  TAG_RESOLVE_FAILED: { zh: '无法识别的类型标签（!）', en: 'unresolved tag' },
  NON_STRING_KEY: { zh: '字段名必须是简单文本', en: 'keys must be plain text' },
  BAD_COLLECTION_TYPE: { zh: '列表或字段映射的写法不正确', en: 'bad collection type' },
};

/** Full-width punctuation where YAML needs ASCII: `task：`, `{ a: 1， b: 2 }`. */
function fullWidthHint(line: string): { zh: string; en: string } | undefined {
  const colon = /(^|[\s{,，\-])[A-Za-z][A-Za-z0-9_]*\s*：/.test(line);
  const comma = /，\s*[A-Za-z][A-Za-z0-9_]*\s*[:：]/.test(line);
  if (!colon && !comma) return undefined;
  const what = [colon ? '冒号「：」' : '', comma ? '逗号「，」' : ''].filter(Boolean).join('和');
  return {
    zh: `这一行用了全角${what}：字段名后的冒号、字段之间的逗号要用半角（英文）符号「: 」「, 」。`,
    en: 'This line has full-width punctuation (： or ，) where YAML needs ASCII ": " or ", ".',
  };
}

/** The text of the lines from `from` to `to` (offsets). */
function linesAround(text: string, from: number, to: number): string {
  const start = text.lastIndexOf('\n', Math.max(0, from - 1)) + 1;
  const end = text.indexOf('\n', Math.max(from, to));
  return text.slice(start, end < 0 ? text.length : end);
}

/** The parser reports an unclosed `{`/`[` as BAD_INDENT or MISSING_CHAR; say what is wrong. */
function yamlErrorText(code: string, message: string): { zh: string; en: string } | undefined {
  const unclosed = /(?:end with a|Expected) ([}\]])/.exec(message);
  if (unclosed && (code === 'BAD_INDENT' || code === 'MISSING_CHAR'))
    return {
      zh: `此处之前的${unclosed[1] === '}' ? '花括号 { ' : '方括号 [ '}没有闭合（缺少 ${unclosed[1]}）`,
      en: `an unclosed ${unclosed[1] === '}' ? '{' : '['} before this point (missing ${unclosed[1]})`,
    };
  return YAML_ERROR_TEXT[code];
}

export function parseYamlDocuments(
  text: string,
  file: string,
  diags: Diagnostic[],
  limits: YamlLimits = DEFAULT_YAML_LIMITS,
): RawDocument[] {
  const lc = new LineCounter();
  const out: RawDocument[] = [];
  const before = diags.length;
  let index = 0;
  try {
    // Each document is converted as soon as it is composed, so its syntax tree can go.
    for (const doc of composeDocuments(text, lc, limits)) {
      const raw = readDocument(doc, index++, text, file, lc, diags);
      if (raw) out.push(raw);
    }
  } catch (e) {
    if (!(e instanceof YamlLimitExceeded)) throw e;
    // One sentence for the file instead of whatever its first part happened to produce.
    diags.splice(before);
    diags.push(limitDiagnostic(e, file, lc));
    return [];
  }
  return out;
}

/** The one sentence for a file that passed a limit (`shift` as in posOf). */
export function limitDiagnostic(e: YamlLimitExceeded, file: string, lc: LineCounter, shift: LineShift = same): Diagnostic {
  const at = e.at ? { file, line: shift(e.at.line), col: e.at.col } : posOf(lc, file, e.offset, shift);
  const n = e.limit.toLocaleString('en-US');
  if (e.kind === 'memory')
    return YAML_CODES.raise('yaml/too-large-for-memory', { limit: n }, {
      ...at,
      hint: t(
        '把记录写成一行一条（如 yilian import activity 写的 - { date: …, person: … }），或拆成按月的文件。',
        'Write the entries one per line (as yilian import activity writes them: - { date: …, person: … }), or split the file by month.',
      ),
    });
  if (e.kind === 'depth')
    return YAML_CODES.raise('yaml/too-deep', { limit: n }, {
      ...at,
      hint: t('计划文件只需几层缩进；检查这里是否多了括号 [ { 或缩进错了。', 'Plan files need only a few levels; look for stray [ or { or wrong indentation here.'),
    });
  if (e.kind === 'documents')
    return YAML_CODES.raise('yaml/too-many-documents', { limit: n }, {
      ...at,
      hint: t('把内容分到几个文件里，或删去多余的 --- 行。', 'Split the content into several files, or remove the extra --- lines.'),
    });
  return YAML_CODES.raise('yaml/too-many-values', { limit: n }, {
    ...at,
    hint: t('把大的文件拆成按月的文件，或用 --max-file-size 调高上限。', 'Split it into monthly files, or raise the limit with --max-file-size.'),
  });
}

/** One composed document → its diagnostics, and its values unless it has errors. */
export function readDocument(
  doc: Document.Parsed,
  index: number,
  text: string,
  file: string,
  lc: LineCounter,
  diags: Diagnostic[],
  shift: LineShift = same,
): RawDocument | undefined {
  const syntax = [...doc.errors];
  const reported = new Set<number | string>();
  for (const e of syntax) {
    // One mistake often yields several parser errors at the same spot (or, like each
    // backslash of a Windows path, several of one kind on a line): report it once.
    const p = posOf(lc, file, e.pos[0], shift);
    if (reported.has(e.pos[0]) || reported.has(`${p.line}:${e.code}`)) continue;
    reported.add(e.pos[0]);
    reported.add(`${p.line}:${e.code}`);
    const known = yamlErrorText(e.code, e.message);
    const fullWidth = fullWidthHint(linesAround(text, e.pos[0], e.pos[1]));
    const extra = { ...p, hint: fullWidth ?? t('检查这一行的缩进、冒号和引号。', 'Check indentation, colons and quotes on this line.') };
    diags.push(known ? YAML_CODES.raise('yaml/syntax', 'known', { problem: known }, extra) : YAML_CODES.raise('yaml/syntax', 'unknown', { parser: firstLine(e.message) }, extra));
  }
  if (syntax.length) return undefined;
  const version = directiveVersion(doc, text);
  if (version) {
    diags.push(
      YAML_CODES.raise('yaml/directive', { version: version.written }, {
        ...(version.at >= 0 ? posOf(lc, file, version.at, shift) : { file, line: 1, col: 1 }),
        hint: t('删除文件开头的 %YAML 行。', 'Delete the %YAML line.'),
      }),
    );
    return undefined;
  }
  // An empty document (only comments, or a bare `---`) holds nothing to check.
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) return undefined;
  const positions = new PositionIndex(file);
  const before = diags.length;
  const value = convert(doc.contents as YamlNode, [], { at: (offset) => posOf(lc, file, offset, shift), file, text, positions, diags });
  if (diags.slice(before).some((d) => d.severity === 'error')) return undefined;
  return { file, index, value, positions };
}

/**
 * A %YAML directive other than 1.2, with where it is written. `yaml` takes 1.1 as a version
 * and only warns about 1.3 or 9.9 (keeping 1.2); both mean the file expects other rules.
 */
function directiveVersion(doc: Document.Parsed, text: string): { written: string; at: number } | undefined {
  const unsupported = doc.warnings.find((w) => /Unsupported YAML version/.test(w.message));
  if (unsupported)
    return { written: /version (\S+)/.exec(unsupported.message)?.[1] ?? '?', at: text.lastIndexOf('%YAML', unsupported.pos[0]) };
  if (!doc.directives?.yaml.explicit || doc.directives.yaml.version === '1.2') return undefined;
  // The directive sits before this document's start (a later document may carry its own).
  return { written: doc.directives.yaml.version, at: text.lastIndexOf('%YAML', doc.range[0]) };
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

interface Ctx {
  at: (offset: number) => SourcePos;
  file: string;
  text: string;
  positions: PositionIndex;
  diags: Diagnostic[];
}

function convert(node: YamlNode, path: PathKey[], ctx: Ctx): unknown {
  const start = node.range?.[0] ?? 0;
  const pos = ctx.at(start);
  ctx.positions.values.set(PositionIndex.key(path), pos);
  const anchor = (node as { anchor?: string }).anchor;
  if (isAlias(node) || anchor) {
    // The node's range starts at its value; point at the `&name` itself, which precedes it.
    const at = anchor && !isAlias(node) ? ctx.text.lastIndexOf(`&${anchor}`, start) : -1;
    ctx.diags.push(YAML_CODES.raise('yaml/alias', {}, at >= 0 ? ctx.at(at) : pos));
    return undefined;
  }
  const tag = (node as { tag?: string }).tag;
  if (tag) {
    // Point at the tag (`!!binary`), which precedes the value the node's range starts at.
    let at = ctx.text.lastIndexOf('!', start);
    while (at > 0 && !/[\s\[{,]/.test(ctx.text[at - 1]!)) at--;
    ctx.diags.push(YAML_CODES.raise('yaml/tag', { tag: tag.replace('tag:yaml.org,2002:', '!!') }, {
      ...(at >= 0 ? ctx.at(at) : pos),
      hint: t('删除标签；需要文本时加引号。', 'Remove the tag; quote the value if it is text.'),
    }));
    return undefined;
  }
  if (isMap(node)) {
    const obj: Record<string, unknown> = {};
    const seen = new Set<string>();
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode | null;
      if (!isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === 'object') {
        ctx.diags.push(YAML_CODES.raise('yaml/complex-key', {}, ctx.at(keyNode?.range?.[0] ?? start)));
        continue;
      }
      const key = scalarText(keyNode);
      if (seen.has(key)) {
        ctx.diags.push(YAML_CODES.raise('yaml/duplicate-key', {}, { ...ctx.at(keyNode.range![0]), hint: t('删除或合并重复的字段。', 'Remove or merge the repeated key.') }));
        continue;
      }
      seen.add(key);
      const childPath = [...path, key];
      ctx.positions.keys.set(PositionIndex.key(childPath), ctx.at(keyNode.range![0]));
      const valueNode = pair.value as YamlNode | null;
      const sep = (pair as { srcToken?: { sep?: { type: string }[] } }).srcToken?.sep;
      if (node.flow && valueNode === null && !sep?.some((tok) => tok.type === 'map-value-ind')) {
        // `{ a: 1, due：6月底 }` or `{ …, 已完成 }`: an entry with no colon is a mistake, not "not given".
        const fw = key.includes('：');
        ctx.diags.push(YAML_CODES.raise('yaml/syntax', 'noColon', { key }, {
          ...ctx.at(keyNode.range![0]),
          hint: fw
            ? t('其中的「：」是全角冒号，请改为半角冒号加空格「: 」。', 'The "：" is a full-width colon; write an ASCII ": " instead.')
            : t('补上冒号，或删去这一项。', 'Add the colon, or remove the entry.'),
        }));
        continue;
      }
      if (valueNode === null || (isScalar(valueNode) && valueNode.value === null)) {
        // `key:` with nothing after it reads as "not given", not as null.
        ctx.positions.values.set(PositionIndex.key(childPath), ctx.at(keyNode.range![0]));
        continue;
      }
      Object.defineProperty(obj, key, {
        value: convert(valueNode, childPath, ctx),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return obj;
  }
  if (isSeq(node)) {
    // An empty item (`-` with nothing after it) reads as "not given", like an empty `key:`.
    return node.items.map((item, i) => {
      const props = item as { tag?: string; anchor?: string } | null;
      if (item === null || (isScalar(item) && item.value === null && !props?.tag && !props?.anchor)) {
        const off = (item as YamlNode | null)?.range?.[0] ?? start;
        const dash = node.flow ? -1 : ctx.text.lastIndexOf('-', off);
        ctx.positions.values.set(PositionIndex.key([...path, i]), ctx.at(dash >= start ? dash : off));
        return undefined;
      }
      return convert(item as YamlNode, [...path, i], ctx);
    });
  }
  if (isScalar(node)) {
    const v = node.value;
    if (typeof v === 'number') {
      const source = node.type === Scalar.PLAIN ? sourceOf(node) : String(v);
      // 0o14, 0x10, .inf, .nan: YAML reads them as numbers, a clerk never means one. Keep the
      // text, so a number field reports it instead of silently taking 12 or 16.
      if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(source)) return source;
      return new RawNumber(v, source);
    }
    if (typeof v !== 'string') return v;
    return scalarString(v, node.type, pos, ctx.diags);
  }
  return undefined;
}

/** A string scalar's value as the clerk sees it, warning about radical look-alikes at `pos`. */
export function scalarString(v: string, type: Scalar['type'], pos: SourcePos, diags: Diagnostic[]): string {
  const text = cleanText(v, type);
  const fixed = standardHanzi(text);
  if (fixed !== text)
    diags.push(TEXT_CODES.raise('text/radical-lookalike', { text, fixed }, {
      ...pos,
      hint: t('把这些字重新输入一遍，否则名称和职务无法匹配。', 'Retype those characters, or names and roles will not match.'),
    }));
  return text;
}

// CJK radicals that PDFs substitute for ordinary characters (组⻓ for 组长). Kangxi radicals
// (U+2F00–2FD5) have compatibility mappings, so NFKC fixes them; the simplified-form radicals
// of the supplement block (U+2E80–2EFF) have none, hence the small table.
const RADICAL_SUPPLEMENT: Record<string, string> = {
  '⺠': '民', '⺟': '母', '⻄': '西', '⻅': '见', '⻆': '角', '⻉': '贝', '⻋': '车', '⻓': '长',
  '⻔': '门', '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻢': '马',
  '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻨': '麦', '⻩': '黄', '⻬': '齐', '⻮': '齿',
  '⻰': '龙', '⻳': '龟',
};

function standardHanzi(s: string): string {
  if (!/[\u2E80-\u2FDF]/.test(s)) return s;
  return s.replace(/[\u2E80-\u2FDF]/g, (ch) => RADICAL_SUPPLEMENT[ch] ?? ch.normalize('NFKC'));
}

function sourceOf(node: Scalar): string {
  const tok = node.srcToken as { source?: string } | undefined;
  return tok?.source ?? String(node.value);
}

const INVISIBLE = /[\uFEFF\u200B-\u200D\u2060]/g;

/**
 * Text as the clerk sees it: invisible characters pasted from Word or web pages (byte-order
 * mark, zero-width spaces) dropped, and outside block scalars (`|`, `>`) the spaces YAML does not
 * strip itself (ideographic U+3000 from Chinese input methods, no-break U+00A0, spaces inside
 * quotes) trimmed from both ends, so `type: 门诊　` is 门诊 like any other field.
 */
function cleanText(s: string, type: Scalar['type']): string {
  const visible = s.replace(INVISIBLE, '');
  return type === Scalar.BLOCK_LITERAL || type === Scalar.BLOCK_FOLDED ? visible : visible.trim();
}

/** Key text, cleaned like values. */
export function scalarText(node: Scalar): string {
  return typeof node.value === 'number' ? sourceOf(node) : cleanText(String(node.value), node.type);
}
