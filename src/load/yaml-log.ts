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
//
// Where the caller asks for it (typeEntries: the workspace loader), an activity log is first read
// optimistically: as long as every line is blank, a comment or a regular item whose entry
// quickAppend accepts, the scanner's reading of each line (keys and values in reused arrays, no
// object) goes straight into an EntryStore, typed (holding 500,000 entry objects until schema.ts
// typed them made garbage collection a fifth of a check). At the first other line that pass is
// dropped and the log is read as above, from its start. The document's `entries` is then the
// store, which schema.ts takes as typed; other callers get plain values.
import { isMap, isScalar, isSeq, LineCounter, type Document, type Node as YamlNode } from 'yaml';
import type { Diagnostic, SourcePos } from '../model/diagnostic.js';
import { EntryStore } from '../model/entry-store.js';
import { LINES_PER_PROGRESS } from '../model/progress.js';
import { quickAppendPairs } from './activity-entry.js';
import { ITEM, LineScanner, NEUTRAL, OTHER, positionInItem } from './line-scanner.js';
import { readPlanText } from './yaml-plan.js';
import { composeDocuments, overBudgetAt, YamlLimitExceeded, type YamlLimits } from './yaml-stream.js';
import { limitDiagnostic, parseYamlDocuments, PositionIndex, readDocument, type LineShift, type PathKey, type RawDocument } from './yaml.js';

export { LINES_PER_PROGRESS };

export interface ReadOptions {
  /** Told every LINES_PER_PROGRESS lines how many lines of a log were read. */
  onLines?: (lines: number) => void;
  /** Give a regular activity log's entries typed, as an EntryStore (see the top of this file); else plain values. */
  typeEntries?: boolean;
}

/**
 * YAML text → documents: the fast reader where the file is a log of one-line entries, the plan
 * reader (yaml-plan.ts) where its lists are written one flow map per line, else the precise path.
 */
export function readYamlText(text: string, file: string, diags: Diagnostic[], limits: YamlLimits, opts: ReadOptions = {}): RawDocument[] {
  const fast = readLineLog(text, file, limits, opts) ?? readPlanText(text, file, limits);
  if (!fast) return parseYamlDocuments(text, file, diags, limits);
  diags.push(...fast.diags);
  return fast.docs;
}

/** Regular lines after an irregular part that must come out of `yaml` as list items where we expect them. */
const CONTEXT_ITEMS = 2;
/** A header larger than this is no log header: the precise path reads such files. */
const MAX_HEADER = 64 * 1024;


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

/** The body of a line log (what follows `entries:`) and what reading it needs. */
interface Body {
  text: string;
  file: string;
  /** Offset of the body's first line. */
  from: number;
  head: string;
  header: Header;
  limits: YamlLimits;
  /** Called with the number of body lines read after each line. */
  progress?: (lines: number) => void;
}

/** `undefined` when the text is not a line log (the precise path reads it then). */
function readLineLog(text: string, file: string, limits: YamlLimits, opts: ReadOptions): Result | undefined {
  // The precise path refuses such a file at once; let it say so in its words.
  if (overBudgetAt(text, limits.maxTokens) !== undefined) return undefined;
  const m = /^entries:(?:[ ]+#[^\n]*|[ ]*)$/m.exec(text.length > MAX_HEADER ? text.slice(0, MAX_HEADER) : text);
  if (!m) return undefined;
  const headEnd = text.indexOf('\n', m.index);
  if (headEnd < 0) return undefined;
  const head = text.slice(0, headEnd + 1);
  const header = readHeader(head, file, limits);
  if (!header) return undefined;
  const body: Body = { text, file, from: headEnd + 1, head, header, limits, progress: progressOf(opts.onLines) };
  const typed = opts.typeEntries && (header.raw.value as Record<string, unknown>).kind === 'ActivityLog' ? readRegularLog(body) : undefined;
  return typed ?? readMixedLog(body);
}

/** Tells onLines every LINES_PER_PROGRESS lines, but never twice the same count (a dropped optimistic pass told it already). */
function progressOf(onLines: ((lines: number) => void) | undefined): ((lines: number) => void) | undefined {
  if (!onLines) return undefined;
  let told = 0;
  return (lines) => {
    if (lines % LINES_PER_PROGRESS === 0 && lines > told) onLines((told = lines));
  };
}

/** Where the line starting at `at` ends (its newline, or the end of the text). */
function lineEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl;
}

/** Whether a body line of kind `kind` is an item of the list (at its `indent`, -1 before the first). */
function inList(scan: LineScanner, kind: number, indent: number): boolean {
  return kind === ITEM && (indent < 0 || scan.indent === indent);
}

/**
 * The optimistic reading (see the top of this file): every body line blank, a comment or a
 * regular item whose entry quickAppend accepts, the entries typed into a store as they are read;
 * undefined at the first line that is not.
 */
function readRegularLog(b: Body): Result | undefined {
  const { text, file, header } = b;
  const scan = new LineScanner(text, file);
  const store = new EntryStore();
  const slots: number[] = [];
  const colAt: number[] = [];
  const diags = [...header.diags];
  let indent = -1;
  for (let at = b.from, n = 0; at < text.length; n++) {
    const end = lineEnd(text, at);
    const kind = scan.classify(at, end);
    if (inList(scan, kind, indent) && scan.fields(header.lines + 1 + n) && quickAppendPairs(store, scan.fieldKeys, scan.fieldValues, scan.fieldCount)) {
      indent = scan.indent;
      slots.push(n);
      colAt.push(scan.lastCols);
      if (scan.lastWarnings) diags.push(...scan.lastWarnings);
    } else if (kind === NEUTRAL) colAt.push(-1);
    else return undefined;
    at = end + 1;
    b.progress?.(n + 1);
  }
  const entriesPos = slots.length ? itemPos(file, header, slots[0]!, indent) : undefined;
  const positions = new LinePositions(file, header.raw.positions, entriesPos, Int32Array.from(slots), [], Int32Array.from(colAt), scan.columns(), scan.keyNames, header.lines);
  return { docs: [logDocument(header, store, entriesPos, undefined, positions)], diags };
}

/** Where the list's item on body line `n` starts. */
function itemPos(file: string, header: Header, n: number, indent: number): SourcePos {
  return { file, line: header.lines + 1 + n, col: indent + 1 };
}

/**
 * The document of a line log: the header's keys, then `entries` (plain values, or a store
 * already typed) unless the list is empty and nowhere, then the keys after the list (`note:` at
 * the end) from the region that read them.
 */
function logDocument(header: Header, entries: unknown[] | EntryStore, entriesPos: SourcePos | undefined, tail: RawDocument | undefined, positions: LinePositions): RawDocument {
  const value: Record<string, unknown> = {};
  const put = (k: string, v: unknown) => Object.defineProperty(value, k, { value: v, enumerable: true, writable: true, configurable: true });
  for (const [k, v] of Object.entries(header.raw.value as Record<string, unknown>)) put(k, v);
  if (entries.length || entriesPos) put('entries', entries);
  if (tail) {
    const keys = Object.keys(tail.value as Record<string, unknown>);
    for (const k of keys.slice(keys.indexOf('entries') + 1)) put(k, (tail.value as Record<string, unknown>)[k]);
  }
  return { file: positions.file, index: 0, value, positions };
}

/** Any line log: regular lines by the scanner, irregular parts by `yaml` in regions (see the top of this file). */
function readMixedLog(b: Body): Result | undefined {
  const { text, file, head, header, limits } = b;
  const headLines = header.lines;

  // Pass 1: where each body line starts, what kind it is, and the regular ones read.
  const starts: number[] = [];
  const kinds: number[] = [];
  const fast: Scanned = { values: [], colAt: [], warnings: new Map() };
  const scan = new LineScanner(text, file);
  let indent = -1;
  for (let at = b.from, n = 0; at < text.length; n++) {
    const end = lineEnd(text, at);
    starts.push(at);
    const kind = scan.classify(at, end);
    const value = inList(scan, kind, indent) ? scan.item(headLines + 1 + n) : undefined;
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
    b.progress?.(n + 1);
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
    entriesPos ??= itemPos(file, header, n, indent);
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
  const positions = new LinePositions(file, tail?.positions ?? header.raw.positions, entriesPos, Int32Array.from(slots), regions, Int32Array.from(fast.colAt), scan.columns(), scan.keyNames, headLines);
  return { docs: [logDocument(header, entries, entriesPos, tail, positions)], diags };
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
    return positionInItem(this.file, this.headLines + 1 + slot, this.cols, this.colAt[slot]!, this.keyNames, undefined, path.slice(2), key);
  }
}
