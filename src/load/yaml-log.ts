// A fast reader for YAML logs written one entry per line, as `yilian import activity` writes them:
//
//   kind: ActivityLog
//   entries:
//     - { date: 2021-06-03, person: 刘鹏飞, unit: 寨河, type: 门诊, halfDays: 2 }  # 第2行
//
// The precise path (yaml.ts) keeps a syntax tree and a position map per node: about 12 KB per
// entry, so a province-year of 500,000 entries outgrew the heap. Here the header is parsed
// precisely, each line of the entries list that has the regular form is read by a small scanner,
// and every other line (block maps, comments inside a map, multi-line flow maps, anchors, tabs,
// escapes it does not know, …) is handed to `yaml` in a region together with the header and the
// regular line before it, so it parses in the same context as in the whole file. A region ends
// only where `yaml` itself is seen to be back at the start of a list item: the next regular lines
// must come out as items of the same list at the same places; otherwise the region grows. The
// result — values, diagnostics and positions — is the precise path's (test/load/yaml-log.test.ts
// checks that on random logs); positions of regular lines are computed from a few columns kept
// per entry, not stored per node.
import { isMap, isScalar, isSeq, LineCounter, Scalar, type Document, type Node as YamlNode } from 'yaml';
import { RawNumber } from '../model/common.js';
import type { Diagnostic, SourcePos } from '../model/diagnostic.js';
import { composeDocuments, overBudgetAt, YamlLimitExceeded, type YamlLimits } from './yaml-stream.js';
import { limitDiagnostic, parseYamlDocuments, PositionIndex, readDocument, scalarString, type LineShift, type PathKey, type RawDocument } from './yaml.js';

/** How often (in lines) a long log tells how far it has read: a progress line can then move within one file. */
export const LINES_PER_PROGRESS = 16384;

/**
 * YAML text → documents: the fast reader where the file is a log of one-line entries, else the
 * precise path. `onLines` hears every LINES_PER_PROGRESS lines how many lines of a log were read.
 */
export function readYamlText(text: string, file: string, diags: Diagnostic[], limits: YamlLimits, onLines?: (lines: number) => void): RawDocument[] {
  const fast = readLineLog(text, file, limits, onLines);
  if (!fast) return parseYamlDocuments(text, file, diags, limits);
  diags.push(...fast.diags);
  return fast.docs;
}

/** Regular lines after an irregular part that must come out of `yaml` as list items where we expect them. */
const CONTEXT_ITEMS = 2;
/** A header larger than this is no log header: the precise path reads such files. */
const MAX_HEADER = 64 * 1024;

const NEUTRAL = 0; // blank, or only a comment
const ITEM = 1; // `- { key: value, … }` read by the scanner
const OTHER = 2; // anything else: read by `yaml`

/** What the scanner read of the regular lines, by body line (kept in arrays: there are many). */
interface Scanned {
  values: (Record<string, unknown> | undefined)[];
  /** Where each line's columns start in the scanner's `cols`. */
  colAt: number[];
  /** Radical look-alike warnings of a line's values (the precise path gives the same). */
  warnings: Map<number, Diagnostic[]>;
}

interface Region {
  /** Body lines [first, last] parsed by `yaml`; `last` is the body's last line when it reaches the end. */
  first: number;
  last: number;
  /** Whether `first` is a regular item repeated only to give the parser its context. */
  pre: boolean;
  raw?: RawDocument;
  syntax: boolean;
  diags: Diagnostic[];
  /** The region's entries (its context item dropped), or undefined when it had errors. */
  items: unknown[];
  /** Where the region's first entry is in the workspace's numbering. */
  base: number;
}

interface Result {
  docs: RawDocument[];
  diags: Diagnostic[];
}

/** `undefined` when the text is not a line log (the precise path reads it then). */
function readLineLog(text: string, file: string, limits: YamlLimits, onLines?: (lines: number) => void): Result | undefined {
  // The precise path refuses such a file at once; let it say so in its words.
  if (overBudgetAt(text, limits.maxTokens) !== undefined) return undefined;
  const m = /^entries:(?:[ ]+#[^\n]*|[ ]*)$/m.exec(text.length > MAX_HEADER ? text.slice(0, MAX_HEADER) : text);
  if (!m) return undefined;
  const headEnd = text.indexOf('\n', m.index);
  if (headEnd < 0) return undefined;
  const head = text.slice(0, headEnd + 1);
  const header = readHeader(head, file, limits);
  if (!header) return undefined;
  const headLines = header.lines;

  // Pass 1: where each body line starts, what kind it is, and the regular ones read.
  const starts: number[] = [];
  const kinds: number[] = [];
  const fast: Scanned = { values: [], colAt: [], warnings: new Map() };
  const scan = new LineScanner(text, file);
  let indent = -1;
  for (let at = headEnd + 1, n = 0; at < text.length; n++) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    starts.push(at);
    const kind = scan.classify(at, end);
    let value: Record<string, unknown> | undefined;
    if (kind === ITEM && (indent < 0 || scan.indent === indent)) value = scan.item(headLines + 1 + n);
    if (value) {
      if (indent < 0) indent = scan.indent;
      kinds.push(ITEM);
      fast.colAt.push(scan.lastCols);
      if (scan.lastWarnings) fast.warnings.set(n, scan.lastWarnings);
    } else {
      kinds.push(kind === ITEM ? OTHER : kind);
      fast.colAt.push(-1);
    }
    fast.values.push(value);
    at = end + 1;
    if (onLines && (n + 1) % LINES_PER_PROGRESS === 0) onLines(n + 1);
  }
  starts.push(text.length + 1);
  const count = kinds.length;

  // Pass 2: the irregular parts, each parsed by `yaml` in its context.
  const regions: Region[] = [];
  let lastItem = -1;
  for (let n = 0; n < count; n++) {
    if (kinds[n] === ITEM) {
      lastItem = n;
      continue;
    }
    if (kinds[n] === NEUTRAL) continue;
    const first = lastItem >= 0 ? lastItem : 0;
    const pre = lastItem >= 0;
    let last = contextEnd(kinds, n);
    for (;;) {
      const r = parseRegion(text, head, header.pairs, starts, first, last, count, pre, fast, scan, file, limits, headLines);
      if (r === 'multi') return undefined;
      if (r === 'unsynced') {
        // Grow: at least double, and end again after enough regular lines.
        last = Math.min(count - 1, contextEnd(kinds, Math.max(last + 1, first + 2 * (last - first + 1))));
        continue;
      }
      if ('limit' in r) return { docs: [], diags: [r.limit] };
      if (r.first === 0 && r.last === count - 1 && !r.pre) return undefined; // all of it: the precise path
      regions.push(r);
      break;
    }
    n = regions[regions.length - 1]!.last;
    lastItem = kinds[n] === ITEM ? n : -1;
  }

  // Diagnostics in document order; a syntax error anywhere leaves only the syntax errors, as in
  // the precise path (which converts nothing of a document that does not parse).
  if (regions.some((r) => r.syntax)) return { docs: [], diags: regions.filter((r) => r.syntax).flatMap((r) => r.diags) };
  const diags = [...header.diags];
  const entries: unknown[] = [];
  /** Per entry: its body line when the scanner read it, else -1 - the index of its region. */
  const slots: number[] = [];
  let entriesPos: SourcePos | undefined;
  const fastLine = (n: number) => {
    const value = fast.values[n];
    if (!value) return;
    entriesPos ??= { file, line: headLines + 1 + n, col: indent + 1 };
    const w = fast.warnings.get(n);
    if (w) diags.push(...w);
    entries.push(value);
    slots.push(n);
  };
  let n = 0;
  for (const [ri, r] of regions.entries()) {
    // The region's context line (`pre`) is a regular line of its own, unless the region before
    // ended on it.
    for (; n <= r.first - (r.pre ? 0 : 1); n++) fastLine(n);
    if (!entriesPos && r.raw) entriesPos = r.raw.positions.values.get('entries');
    // Its copy of the header (and of its context line) was reported already.
    const from = headLines + (r.pre ? r.first + 1 : 0);
    diags.push(...r.diags.filter((d) => (d.line ?? 0) > from));
    r.base = entries.length;
    for (const v of r.items) {
      entries.push(v);
      slots.push(-1 - ri);
    }
    n = r.last + 1;
  }
  for (; n < count; n++) fastLine(n);
  if (diags.some((d) => d.severity === 'error')) return { docs: [], diags };
  const tail = regions.length && regions[regions.length - 1]!.last === count - 1 ? regions[regions.length - 1]!.raw : undefined;
  const value: Record<string, unknown> = {};
  const put = (k: string, v: unknown) => Object.defineProperty(value, k, { value: v, enumerable: true, writable: true, configurable: true });
  for (const [k, v] of Object.entries(header.raw.value as Record<string, unknown>)) put(k, v);
  if (entries.length || entriesPos) put('entries', entries);
  // Keys after the list (`note:` at the end) come from the region that read them.
  if (tail) {
    const keys = Object.keys(tail.value as Record<string, unknown>);
    for (const k of keys.slice(keys.indexOf('entries') + 1)) put(k, (tail.value as Record<string, unknown>)[k]);
  }
  const positions = new LinePositions(file, tail?.positions ?? header.raw.positions, entriesPos, Int32Array.from(slots), regions, Int32Array.from(fast.colAt), scan.columns(), scan.keyNames, headLines);
  return { docs: [{ file, index: 0, value, positions }], diags };
}

/** The body line after which `CONTEXT_ITEMS` regular items follow the irregular line `from`. */
function contextEnd(kinds: number[], from: number): number {
  let seen = 0;
  let n = from;
  for (; n < kinds.length; n++) {
    if (kinds[n] === OTHER) seen = 0;
    else if (kinds[n] === ITEM && ++seen === CONTEXT_ITEMS) return n;
  }
  return kinds.length - 1;
}

interface Header {
  raw: RawDocument;
  diags: Diagnostic[];
  pairs: number;
  lines: number;
}

/** The text up to `entries:` as one clean block mapping ending in that key, else undefined. */
function readHeader(head: string, file: string, limits: YamlLimits): Header | undefined {
  const lc = new LineCounter();
  let docs: Document.Parsed[];
  try {
    docs = [...composeDocuments(head, lc, limits)];
  } catch {
    return undefined;
  }
  const doc = docs[0];
  if (docs.length !== 1 || !doc || doc.errors.length || doc.warnings.length) return undefined;
  const map = doc.contents;
  if (!isMap(map) || map.flow) return undefined;
  const last = map.items[map.items.length - 1];
  const empty = last?.value === null || (isScalar(last?.value) && last.value.value === null && !last.value.tag && !last.value.anchor);
  if (!last || !isScalar(last.key) || last.key.value !== 'entries' || !empty) return undefined;
  const diags: Diagnostic[] = [];
  const raw = readDocument(doc, 0, head, file, lc, diags);
  if (!raw || diags.some((d) => d.severity === 'error')) return undefined;
  let lines = 0;
  for (let i = head.indexOf('\n'); i >= 0; i = head.indexOf('\n', i + 1)) lines++;
  return { raw, diags, pairs: map.items.length, lines };
}

/**
 * Parse body lines [first, last] after the header. 'unsynced' when the lines after the
 * irregular part did not come out as the expected list items (the region must grow), 'multi'
 * when the part holds another document.
 */
function parseRegion(
  text: string,
  head: string,
  headPairs: number,
  starts: number[],
  first: number,
  last: number,
  count: number,
  pre: boolean,
  fast: Scanned,
  scan: LineScanner,
  file: string,
  limits: YamlLimits,
  headLines: number,
): Region | { limit: Diagnostic } | 'unsynced' | 'multi' {
  const toEnd = last === count - 1;
  const partText = head + text.slice(starts[first]!, Math.min(text.length, starts[last + 1]!));
  const shift: LineShift = (line) => (line <= headLines ? line : line + first);
  const lc = new LineCounter();
  let docs: Document.Parsed[];
  try {
    docs = [...composeDocuments(partText, lc, limits)];
  } catch (e) {
    if (!(e instanceof YamlLimitExceeded)) throw e;
    return { limit: limitDiagnostic(e, file, lc, shift) };
  }
  if (docs.length !== 1) return toEnd ? 'multi' : 'unsynced';
  const doc = docs[0]!;
  const map = doc.contents;
  const pair = isMap(map) ? map.items[headPairs - 1] : undefined;
  const seq = pair?.value as YamlNode | null | undefined;
  if (!toEnd) {
    // Back in step: the last regular lines are the list's last items, where the scanner read them.
    if (!isMap(map) || map.items.length !== headPairs || !isSeq(seq) || seq.flow) return 'unsynced';
    const ctx: number[] = [];
    for (let n = last; n > first && ctx.length < CONTEXT_ITEMS; n--) if (fast.values[n]) ctx.unshift(n);
    if (ctx.length < CONTEXT_ITEMS || seq.items.length < CONTEXT_ITEMS + (pre ? 1 : 0)) return 'unsynced';
    const base = head.length - starts[first]!;
    const since = base + starts[ctx[0]!]!;
    if (doc.errors.some((e) => e.pos[0] >= since)) return 'unsynced';
    const tailItems = seq.items.slice(-CONTEXT_ITEMS);
    for (let i = 0; i < CONTEXT_ITEMS; i++)
      if (!sameItem(tailItems[i] as YamlNode, scan.cols, fast.colAt[ctx[i]!]!, base + starts[ctx[i]!]!, starts[ctx[i]! + 1]! - starts[ctx[i]!]!)) return 'unsynced';
  }
  const diags: Diagnostic[] = [];
  const raw = readDocument(doc, 0, partText, file, lc, diags, shift);
  const syntax = doc.errors.length > 0;
  let items: unknown[] = [];
  if (raw) {
    const entries = (raw.value as Record<string, unknown> | undefined)?.entries;
    items = Array.isArray(entries) ? entries.slice(pre ? 1 : 0) : [];
  }
  return { first, last, pre, raw, syntax, diags, items, base: 0 };
}

/** Whether a parsed list item is the flow map the scanner read on the line at `lineAt`. */
function sameItem(node: YamlNode, cols: Uint16Array, c: number, lineAt: number, lineLength: number): boolean {
  if (!isMap(node) || !node.flow || !node.range) return false;
  const colAt = (offset: number) => offset - lineAt + 1;
  if (colAt(node.range[0]) !== cols[c] || node.range[1] > lineAt + lineLength) return false;
  if (node.items.length !== cols[c + 1]) return false;
  return node.items.every((p, i) => {
    const k = p.key as YamlNode | null;
    const v = p.value as YamlNode | null;
    return isScalar(k) && k.range && colAt(k.range[0]) === cols[c + 3 + 3 * i] && isScalar(v) && v.range && colAt(v.range[0]) === cols[c + 4 + 3 * i];
  });
}

// ------------------------------------------------------------------ the line scanner

// The core schema's non-string plain scalars other than decimal integers: left to `yaml`.
const SPECIAL_PLAIN = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^0o[0-7]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
];
const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Characters the scanner never reads (tabs, controls, line and invisible characters): `yaml` does. */
function unsafe(c: number): boolean {
  return (
    c < 0x20 ||
    (c >= 0x7f && c <= 0x9f) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0xfeff ||
    (c >= 0x200b && c <= 0x200d) ||
    c === 0x2060 ||
    c === 0xfffe ||
    c === 0xffff
  );
}

/** Ends a plain scalar or is not allowed in one here: , [ ] { } # : " ' */
function stopsPlain(c: number): boolean {
  return c === 0x2c || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x23 || c === 0x3a || c === 0x22 || c === 0x27;
}

/** May not start a plain scalar (YAML indicators, space, digits signs and dots left to `yaml`). */
function badPlainStart(c: number): boolean {
  return c === 0x20 || c === 0x2d || c === 0x3f || c === 0x21 || c === 0x26 || c === 0x2a || c === 0x7c || c === 0x3e || c === 0x25 || c === 0x40 || c === 0x60 || c === 0x2b || c === 0x2e || stopsPlain(c);
}

class LineScanner {
  indent = 0;
  /**
   * Columns of every item read, end to end: the `{`, the number of keys, then per key its
   * number in keyNames, its column and its value's (1-based; lines are at most 65,535 long).
   */
  cols = new Uint16Array(1 << 16);
  private ncols = 0;
  readonly keyNames: string[] = [];
  private readonly keyIds = new Map<string, number>();
  /** Of the last item read: where its columns start, and its warnings. */
  lastCols = -1;
  lastWarnings: Diagnostic[] | undefined;
  private at = 0;
  private end = 0;
  private start = 0;
  /** Strings seen, so a province of repeated names and dates holds each once. */
  private readonly interned = new Map<string, string>();
  /** Keys seen: the interned key, or undefined when the scanner leaves that key to `yaml`. */
  private readonly keys = new Map<string, string | undefined>();
  /** Raw scalars seen without a warning, and their cleaned text. */
  private readonly clean = new Map<string, string>();
  /** Integer boxes by spelling. */
  private readonly numbers = new Map<string, RawNumber>();

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {}

  /** NEUTRAL, ITEM (an item to try) or OTHER; leaves the scanner at the item's `{`. */
  classify(start: number, end: number): number {
    const s = this.text;
    if (end > start && s.charCodeAt(end - 1) === 13) end--; // CRLF
    this.start = start;
    this.end = end;
    let i = start;
    while (i < end && s.charCodeAt(i) === 32) i++;
    if (i === end) return NEUTRAL;
    if (s.charCodeAt(i) === 0x23) {
      for (let j = i; j < end; j++) if (unsafe(s.charCodeAt(j))) return OTHER;
      return NEUTRAL;
    }
    this.indent = i - start;
    if (s.charCodeAt(i) !== 0x2d || s.charCodeAt(i + 1) !== 32) return OTHER;
    i += 2;
    while (i < end && s.charCodeAt(i) === 32) i++;
    if (s.charCodeAt(i) !== 0x7b) return OTHER;
    this.at = i;
    return ITEM;
  }

  /** The flow map at the scanner's `{`, to the end of the line, or undefined if irregular. */
  item(line: number): Record<string, unknown> | undefined {
    const s = this.text;
    const end = this.end;
    const start = this.start;
    if (end - start > 0xffff) return undefined;
    // Columns go straight into `cols` (room for 2 + 3 per key: a line holds at most end-start keys).
    if (this.ncols + 2 + 3 * (end - start) > this.cols.length) {
      const grown = new Uint16Array(Math.max(this.cols.length * 2, this.ncols + 2 + 3 * (end - start)));
      grown.set(this.cols);
      this.cols = grown;
    }
    const cols = this.cols;
    const c = this.ncols;
    let n = c + 2;
    cols[c] = this.at - start + 1;
    cols[c + 1] = 0;
    const value: Record<string, unknown> = {};
    this.lastWarnings = undefined;
    let i = this.skipSpaces(this.at + 1, end);
    for (;;) {
      const k0 = i;
      while (i < end && !stopsPlain(s.charCodeAt(i)) && s.charCodeAt(i) !== 32 && !unsafe(s.charCodeAt(i))) i++;
      const key = this.key(s.slice(k0, i));
      if (key === undefined || Object.prototype.hasOwnProperty.call(value, key)) return undefined;
      if (s.charCodeAt(i) !== 0x3a || s.charCodeAt(i + 1) !== 32) return undefined;
      i = this.skipSpaces(i + 2, end);
      const v0 = i;
      const ch = s.charCodeAt(i);
      let v: unknown;
      if (ch === 0x22 || ch === 0x27) {
        const r = ch === 0x22 ? this.doubleQuoted(i + 1) : this.singleQuoted(i + 1);
        if (!r) return undefined;
        i = r.next;
        v = this.str(r.text, ch === 0x22 ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE, line, v0 - start + 1);
      } else {
        if (i >= end || (badPlainStart(ch) && !(ch >= 0x30 && ch <= 0x39)) || unsafe(ch)) return undefined;
        let last = i;
        while (i < end) {
          const d = s.charCodeAt(i);
          if (stopsPlain(d) || unsafe(d)) break;
          if (d !== 32) last = i + 1;
          i++;
        }
        const src = s.slice(v0, last);
        i = last;
        if (ch >= 0x30 && ch <= 0x39) {
          // The core schema's numbers other than plain integers all hold one of . e E o x.
          if (/^[0-9]+$/.test(src)) v = this.number(src);
          else if (/[.eEox]/.test(src) && SPECIAL_PLAIN.some((re) => re.test(src))) return undefined;
        } else if ((ch === 0x7e || ch === 0x6e || ch === 0x4e || ch === 0x74 || ch === 0x54 || ch === 0x66 || ch === 0x46) && SPECIAL_PLAIN.some((re) => re.test(src))) return undefined;
        v ??= this.str(src, Scalar.PLAIN, line, v0 - start + 1);
      }
      value[key] = v; // never __proto__ (see key())
      cols[n++] = this.keyIds.get(key)!;
      cols[n++] = k0 - start + 1;
      cols[n++] = v0 - start + 1;
      cols[c + 1]++;
      i = this.skipSpaces(i, end);
      const sep = s.charCodeAt(i);
      if (sep === 0x2c) {
        i = this.skipSpaces(i + 1, end);
        continue;
      }
      if (sep !== 0x7d) return undefined;
      i++;
      break;
    }
    // After the `}`: spaces, then nothing or a comment after a space.
    const j = i;
    i = this.skipSpaces(i, end);
    if (i < end) {
      if (s.charCodeAt(i) !== 0x23 || i === j) return undefined;
      for (; i < end; i++) if (unsafe(s.charCodeAt(i))) return undefined;
    }
    this.ncols = n;
    this.lastCols = c;
    return value;
  }

  private skipSpaces(i: number, end: number): number {
    while (i < end && this.text.charCodeAt(i) === 32) i++;
    return i;
  }

  /** A plain integer; one box per spelling, as boxes are never changed. */
  private number(src: string): RawNumber {
    let box = this.numbers.get(src);
    if (!box) this.numbers.set(src, (box = new RawNumber(parseInt(src, 10), this.own(src))));
    return box;
  }

  /** The columns read, trimmed to their length. */
  columns(): Uint16Array {
    return this.cols.slice(0, this.ncols);
  }

  /** A key the scanner reads (an identifier, not one the core schema resolves), interned; else undefined. */
  private key(k: string): string | undefined {
    const known = this.keys.get(k);
    if (known !== undefined || this.keys.has(k)) return known;
    const ok = KEY.test(k) && !SPECIAL_PLAIN[0]!.test(k) && !SPECIAL_PLAIN[1]!.test(k) && k !== '__proto__';
    const key = ok ? this.intern(k) : undefined;
    this.keys.set(this.own(k), key);
    if (key !== undefined && !this.keyIds.has(key)) this.keyIds.set(key, this.keyNames.push(key) - 1);
    return key;
  }

  private str(v: string, type: Scalar['type'], line: number, col: number): string {
    // Plain and quoted scalars are cleaned alike (only block scalars differ, never read here).
    const known = this.clean.get(v);
    if (known !== undefined) return known;
    const out: Diagnostic[] = [];
    const text = this.intern(scalarString(v, type, { file: this.file, line, col }, out));
    if (out.length) (this.lastWarnings ??= []).push(out[0]!);
    else this.clean.set(this.own(v), text);
    return text;
  }

  /** Contents of "…" on this line: plain characters and the escapes \\ \" \n \t, else undefined. */
  private doubleQuoted(i: number): { text: string; next: number } | undefined {
    const s = this.text;
    let out = '';
    let from = i;
    for (; i < this.end; i++) {
      const c = s.charCodeAt(i);
      if (unsafe(c)) return undefined;
      if (c === 0x22) return { text: out + s.slice(from, i), next: i + 1 };
      if (c === 0x5c) {
        const e = s[i + 1];
        const r = e === '\\' ? '\\' : e === '"' ? '"' : e === 'n' ? '\n' : e === 't' ? '\t' : undefined;
        if (r === undefined) return undefined;
        out += s.slice(from, i) + r;
        i++;
        from = i + 1;
      }
    }
    return undefined;
  }

  /** Contents of '…' on this line ('' is a quote), else undefined. */
  private singleQuoted(i: number): { text: string; next: number } | undefined {
    const s = this.text;
    let out = '';
    let from = i;
    for (; i < this.end; i++) {
      const c = s.charCodeAt(i);
      if (unsafe(c)) return undefined;
      if (c === 0x27) {
        if (s.charCodeAt(i + 1) === 0x27) {
          out += s.slice(from, i + 1);
          i++;
          from = i + 1;
          continue;
        }
        return { text: out + s.slice(from, i), next: i + 1 };
      }
    }
    return undefined;
  }

  /** One copy of each string, detached from the file's text so the text can be freed. */
  private intern(v: string): string {
    const known = this.interned.get(v);
    if (known !== undefined) return known;
    const own = this.own(v);
    this.interned.set(own, own);
    return own;
  }

  /** A copy that does not point into the file's text (V8 slices longer strings in place). */
  private own(v: string): string {
    return v.length < 13 ? v : Buffer.from(v, 'utf8').toString('utf8');
  }
}

// ------------------------------------------------------------------ positions

/**
 * Positions of a line log: entries read by the scanner from their columns, entries of an
 * irregular part from that part's own index, the rest (header, keys after the list) from the
 * header's or the last part's index.
 */
class LinePositions extends PositionIndex {
  constructor(
    file: string,
    private readonly rest: PositionIndex,
    private readonly entriesPos: SourcePos | undefined,
    /** Per entry: its body line, or -1 - its region (see readLineLog). */
    private readonly slots: Int32Array,
    private readonly regions: Region[],
    /** Per body line: where its columns start in `cols`. */
    private readonly colAt: Int32Array,
    private readonly cols: Uint16Array,
    private readonly keyNames: string[],
    private readonly headLines: number,
  ) {
    super(file);
  }

  override valueAt(path: readonly PathKey[]): SourcePos {
    return this.at(path, false);
  }

  override keyAt(path: readonly PathKey[]): SourcePos {
    return this.at(path, true);
  }

  private at(path: readonly PathKey[], key: boolean): SourcePos {
    if (path[0] !== 'entries') return key ? this.rest.keyAt(path) : this.rest.valueAt(path);
    if (path.length === 1) return key ? this.rest.keyAt(path) : (this.entriesPos ?? this.rest.valueAt(path));
    const i = path[1];
    const slot = typeof i === 'number' && i >= 0 && i < this.slots.length ? this.slots[i]! : undefined;
    if (slot === undefined) return this.entriesPos ?? this.rest.valueAt(['entries']);
    if (slot < 0) {
      const r = this.regions[-1 - slot]!;
      const local = [path[0], (i as number) - r.base + (r.pre ? 1 : 0), ...path.slice(2)];
      return key ? r.raw!.positions.keyAt(local) : r.raw!.positions.valueAt(local);
    }
    const c = this.colAt[slot]!;
    const line = this.headLines + 1 + slot;
    const cols = this.cols;
    if (path.length > 2)
      for (let k = 0, j = c + 2; k < cols[c + 1]!; k++, j += 3)
        if (this.keyNames[cols[j]!] === path[2]) return { file: this.file, line, col: cols[j + (key && path.length === 3 ? 1 : 2)]! };
    return { file: this.file, line, col: cols[c]! };
  }
}
