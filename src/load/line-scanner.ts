// The scanner the fast YAML readers share (yaml-log.ts for logs, yaml-plan.ts for plan files):
// it reads one line of a block list written as a one-line flow map,
//
//   - { id: a000-u2, name: 第2乡镇卫生院, staff: { professional: 44 }, activities: [门诊, 查房] }  # 注释
//
// into the values the precise path (yaml.ts) would give, or declines (undefined) at anything it
// is not sure of — core-schema specials other than decimal integers, escapes it does not know,
// tabs and invisible characters, `a:b`, `#` inside a word, trailing commas — which `yaml` reads.
// Positions are kept as columns: per item a few numbers in one typed array, and for the rare
// nested flow map or list a small map by path.
import { Scalar } from 'yaml';
import { RawNumber } from '../model/common.js';
import type { Diagnostic, SourcePos } from '../model/diagnostic.js';
import { scalarString, type PathKey } from './yaml.js';

export const NEUTRAL = 0; // blank, or only a comment
export const ITEM = 1; // `- { key: value, … }` to be read by the scanner
export const OTHER = 2; // anything else: read by `yaml`
/** What LineScanner.pair gives for `key:` with nothing after it. */
export const NO_VALUE = Symbol('no value');

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

/**
 * Columns (1-based) of the parts of an item below its top-level keys, by their path from the
 * item joined with \u0000 as PositionIndex joins paths: `values` for every nested node, `keys`
 * for the keys of nested maps.
 */
export interface NestedCols {
  values: Map<string, number>;
  keys: Map<string, number>;
}

export class LineScanner {
  indent = 0;
  /**
   * Columns of every item read, end to end: the `{`, the number of keys, then per key its
   * number in keyNames, its column and its value's (1-based; lines are at most 65,535 long).
   */
  cols = new Uint16Array(1 << 12);
  private ncols = 0;
  readonly keyNames: string[] = [];
  private readonly keyIds = new Map<string, number>();
  /**
   * Of the last item read by fields(): its keys and their values in order, `fieldCount` of them
   * (the arrays are reused, so a log of 500,000 lines makes no object per line).
   */
  readonly fieldKeys: string[] = [];
  readonly fieldValues: unknown[] = [];
  fieldCount = 0;
  /** Per place in an item, the number in keyNames of the key in fieldKeys there. */
  private readonly fieldKeyIds: number[] = [];
  /** Of the last item read: where its columns start, its warnings, its nested parts' columns. */
  lastCols = -1;
  lastWarnings: Diagnostic[] | undefined;
  lastNested: NestedCols | undefined;
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
    /** Whether values may be flow maps and flow lists of scalars (plan files), not only scalars (log entries). */
    private readonly nested = false,
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
    if (!this.fields(line)) return undefined;
    const value: Record<string, unknown> = {};
    for (let k = 0; k < this.fieldCount; k++) value[this.fieldKeys[k]!] = this.fieldValues[k]; // never __proto__ (see key())
    return value;
  }

  /** The same read into fieldKeys and fieldValues: whether the item is regular. */
  fields(line: number): boolean {
    const s = this.text;
    const end = this.end;
    const start = this.start;
    if (end - start > 0xffff) return false;
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
    const keys = this.fieldKeys;
    const values = this.fieldValues;
    let count = 0;
    this.lastWarnings = undefined;
    this.lastNested = undefined;
    let i = this.skipSpaces(this.at + 1, end);
    for (;;) {
      const k0 = i;
      const key = this.repeatedKey(i, count) ?? this.readKey(i);
      if (key === undefined || this.seen(key, count)) return false;
      const id = key === keys[count] ? this.fieldKeyIds[count]! : this.keyIds.get(key)!;
      i = this.skipSpaces(k0 + key.length + 2, end);
      const v0 = i;
      const ch = s.charCodeAt(i);
      const r = this.nested && (ch === 0x7b || ch === 0x5b) ? this.collection(i, line, key) : this.scalar(i, line);
      if (!r) return false;
      i = r.next;
      keys[count] = key;
      this.fieldKeyIds[count] = id;
      values[count++] = r.value;
      cols[n++] = id;
      cols[n++] = k0 - start + 1;
      cols[n++] = v0 - start + 1;
      cols[c + 1]++;
      i = this.skipSpaces(i, end);
      const sep = s.charCodeAt(i);
      if (sep === 0x2c) {
        i = this.skipSpaces(i + 1, end);
        continue;
      }
      if (sep !== 0x7d) return false;
      i++;
      break;
    }
    // After the `}`: spaces, then nothing or a comment after a space.
    const j = i;
    i = this.skipSpaces(i, end);
    if (i < end) {
      if (s.charCodeAt(i) !== 0x23 || i === j) return false;
      for (; i < end; i++) if (unsafe(s.charCodeAt(i))) return false;
    }
    this.ncols = n;
    this.lastCols = c;
    this.fieldCount = count;
    return true;
  }

  /**
   * A block mapping's line from `at` (its key) to the end: `key: value` (a scalar, flow map or
   * flow list ending on the line) or `key:` with nothing after it (value NO_VALUE), a comment
   * allowed; else undefined. Columns count from `start`, the line's start; nested parts go to
   * lastNested under `prefix` (the mapping's path joined with \u0000, '' at the top).
   */
  pair(start: number, end: number, line: number, at: number, prefix: string): { key: string; value: unknown; valueCol: number } | undefined {
    const s = this.text;
    if (!this.begin(start, end)) return undefined;
    end = this.end;
    let i = at;
    while (i < end && !stopsPlain(s.charCodeAt(i)) && s.charCodeAt(i) !== 32 && !unsafe(s.charCodeAt(i))) i++;
    const key = this.key(s.slice(at, i));
    if (key === undefined || s.charCodeAt(i) !== 0x3a) return undefined;
    i++;
    if (i < end && s.charCodeAt(i) !== 32) return undefined;
    i = this.skipSpaces(i, end);
    if (i === end || s.charCodeAt(i) === 0x23) return this.restIsComment(i) ? { key, value: NO_VALUE, valueCol: 0 } : undefined;
    const value = this.value(i, line, prefix ? `${prefix}\u0000${key}` : key);
    return value === undefined ? undefined : { key, value, valueCol: i - start + 1 };
  }

  /**
   * A block list item's value from `at` to the end of the line (a scalar, flow map or flow list,
   * a comment allowed), its nested parts under `path`; else undefined.
   */
  itemValue(start: number, end: number, line: number, at: number, path: string): { value: unknown } | undefined {
    if (!this.begin(start, end)) return undefined;
    const v = this.value(at, line, path);
    return v === undefined ? undefined : { value: v };
  }

  /** Set up to read the line [start, end) afresh; false if it is too long to read. */
  private begin(start: number, end: number): boolean {
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--; // CRLF
    this.start = start;
    this.end = end;
    this.lastWarnings = undefined;
    this.lastNested = undefined;
    return end - start <= 0xffff;
  }

  /** The value at `i`, then at most a comment to the end of the line; else undefined. */
  private value(i: number, line: number, path: string): unknown {
    const ch = this.text.charCodeAt(i);
    const r = ch === 0x7b || ch === 0x5b ? this.collection(i, line, path) : this.scalar(i, line);
    if (!r) return undefined;
    const j = this.skipSpaces(r.next, this.end);
    if (j < this.end && (this.text.charCodeAt(j) !== 0x23 || j === r.next)) return undefined;
    return this.restIsComment(j) ? r.value : undefined;
  }

  /** Whether the line from `i` (at its end or a comment) holds nothing the scanner leaves to `yaml`. */
  private restIsComment(i: number): boolean {
    for (; i < this.end; i++) if (unsafe(this.text.charCodeAt(i))) return false;
    return true;
  }

  /** Whether `key` is among the first `count` fieldKeys (keys are interned: one string each). */
  private seen(key: string, count: number): boolean {
    for (let k = 0; k < count; k++) if (this.fieldKeys[k] === key) return true;
    return false;
  }

  /**
   * The key the last item read by fields() had at place `k`, where the text repeats it at `at`
   * followed by `: ` (a log repeats its keys line after line): what readKey would give there,
   * without a copy or a lookup; else undefined.
   */
  private repeatedKey(at: number, k: number): string | undefined {
    const key = this.fieldKeys[k];
    if (key === undefined || !this.text.startsWith(key, at)) return undefined;
    const after = at + key.length;
    return this.text.charCodeAt(after) === 0x3a && this.text.charCodeAt(after + 1) === 32 ? key : undefined;
  }

  /** The key at `i` followed by `: `, else undefined (whether it is new is for the caller to see). */
  private readKey(i: number): string | undefined {
    const s = this.text;
    const k0 = i;
    while (i < this.end && !stopsPlain(s.charCodeAt(i)) && s.charCodeAt(i) !== 32 && !unsafe(s.charCodeAt(i))) i++;
    const key = this.key(s.slice(k0, i));
    if (key === undefined) return undefined;
    if (s.charCodeAt(i) !== 0x3a || s.charCodeAt(i + 1) !== 32) return undefined;
    return key;
  }

  /**
   * A flow map or flow list at `i` (of scalars and flow collections), at `path` (joined with
   * \u0000): its parts' columns go to lastNested.
   */
  private collection(i: number, line: number, path: string): { value: unknown; next: number } | undefined {
    const s = this.text;
    const end = this.end;
    const nested = (this.lastNested ??= { values: new Map(), keys: new Map() });
    const col = (at: number) => at - this.start + 1;
    if (s.charCodeAt(i) === 0x5b) {
      const list: unknown[] = [];
      i = this.skipSpaces(i + 1, end);
      if (s.charCodeAt(i) === 0x5d) return { value: list, next: i + 1 };
      for (;;) {
        const at = `${path}\u0000${list.length}`;
        nested.values.set(at, col(i));
        const ch = s.charCodeAt(i);
        const r = ch === 0x7b || ch === 0x5b ? this.collection(i, line, at) : this.scalar(i, line);
        if (!r) return undefined;
        list.push(r.value);
        i = this.skipSpaces(r.next, end);
        const sep = s.charCodeAt(i);
        if (sep === 0x5d) return { value: list, next: i + 1 };
        if (sep !== 0x2c) return undefined;
        i = this.skipSpaces(i + 1, end);
      }
    }
    const map: Record<string, unknown> = {};
    i = this.skipSpaces(i + 1, end);
    if (s.charCodeAt(i) === 0x7d) return { value: map, next: i + 1 };
    for (;;) {
      const k0 = i;
      const key = this.readKey(i);
      if (key === undefined || Object.prototype.hasOwnProperty.call(map, key)) return undefined;
      i = this.skipSpaces(k0 + key.length + 2, end);
      const at = `${path}\u0000${key}`;
      nested.keys.set(at, col(k0));
      nested.values.set(at, col(i));
      const ch = s.charCodeAt(i);
      const r = ch === 0x7b || ch === 0x5b ? this.collection(i, line, at) : this.scalar(i, line);
      if (!r) return undefined;
      map[key] = r.value; // never __proto__ (see key())
      i = this.skipSpaces(r.next, end);
      const sep = s.charCodeAt(i);
      if (sep === 0x7d) return { value: map, next: i + 1 };
      if (sep !== 0x2c) return undefined;
      i = this.skipSpaces(i + 1, end);
    }
  }

  /** A quoted or plain scalar at `i` in a flow collection, else undefined. */
  private scalar(i: number, line: number): { value: unknown; next: number } | undefined {
    const s = this.text;
    const end = this.end;
    const v0 = i;
    const col = v0 - this.start + 1;
    const ch = s.charCodeAt(i);
    if (ch === 0x22 || ch === 0x27) {
      const r = ch === 0x22 ? this.doubleQuoted(i + 1) : this.singleQuoted(i + 1);
      if (!r) return undefined;
      return { value: this.str(r.text, ch === 0x22 ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE, line, col), next: r.next };
    }
    if (i >= end || (badPlainStart(ch) && !(ch >= 0x30 && ch <= 0x39)) || unsafe(ch)) return undefined;
    let last = i;
    while (i < end) {
      const d = s.charCodeAt(i);
      if (stopsPlain(d) || unsafe(d)) break;
      if (d !== 32) last = i + 1;
      i++;
    }
    const src = s.slice(v0, last);
    if (ch >= 0x30 && ch <= 0x39) {
      // The core schema's numbers other than plain integers all hold one of . e E o x.
      if (/^[0-9]+$/.test(src)) return { value: this.number(src), next: last };
      if (/[.eEox]/.test(src) && SPECIAL_PLAIN.some((re) => re.test(src))) return undefined;
    } else if ((ch === 0x7e || ch === 0x6e || ch === 0x4e || ch === 0x74 || ch === 0x54 || ch === 0x66 || ch === 0x46) && SPECIAL_PLAIN.some((re) => re.test(src))) return undefined;
    return { value: this.str(src, Scalar.PLAIN, line, col), next: last };
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

/**
 * Where the precise path puts `rel` (a path inside an item the scanner read on `line`, whose
 * columns start at `c`): the value's column, or with `key` the key's, else the nearest enclosing
 * node's — PositionIndex's rule.
 */
export function positionInItem(
  file: string,
  line: number,
  cols: Uint16Array,
  c: number,
  keyNames: readonly string[],
  nested: NestedCols | undefined,
  rel: readonly PathKey[],
  key: boolean,
): SourcePos {
  if (nested && rel.length > 1) {
    const k = key ? nested.keys.get(rel.join('\u0000')) : undefined;
    if (k !== undefined) return { file, line, col: k };
    for (let n = rel.length; n > 1; n--) {
      const v = nested.values.get(rel.slice(0, n).join('\u0000'));
      if (v !== undefined) return { file, line, col: v };
    }
  }
  if (rel.length > 0)
    for (let k = 0, j = c + 2; k < cols[c + 1]!; k++, j += 3)
      if (keyNames[cols[j]!] === rel[0]) return { file, line, col: cols[j + (key && rel.length === 1 ? 1 : 2)]! };
  return { file, line, col: cols[c]! };
}
