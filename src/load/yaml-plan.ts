// A fast reader for plan files whose lists are written one flow map per line, as `yilian import
// roster` and most offices write them:
//
//   kind: Roster
//   people:
//     - { name: 医0-0, gender: 女, unit: a000-lead1, title: 主管护师, phone: "13800000000" }
//     - { name: 医0-1, gender: 男, unit: a000-lead2, title: 主任医师, phone: "13800000001" }
//
// Each such line is read by the line scanner. Where the rest of the file is block mappings and
// lists whose values each sit on one line, the scanner reads those too and `yaml` is not called
// (readBlocks). Otherwise `yaml` parses the file with every run of
// scanned lines replaced by one empty flow map `{}` on the run's first line (the `- ` and its
// indent kept, so columns stay). That keeps the headers, block maps and every irregular line in
// their exact context while `yaml` builds no tree for the regular lines. A run is used only where
// `yaml` sees its `{}` as an item of a block list under a top-level key, at the `{` the scanner
// read; a run seen anywhere else (in a block scalar, a nested list) goes back into the text and
// the file is parsed again. Any error, or a limit passed, leaves the file to the precise path, so
// its diagnostics are the precise path's own. Values, warnings and positions are the precise
// path's (test/load/yaml-log.test.ts holds the two to that on random plan files and on the examples).
import { isMap, isScalar, isSeq, LineCounter, type Document } from 'yaml';
import type { Diagnostic, SourcePos } from '../model/diagnostic.js';
import { ITEM, LineScanner, NEUTRAL, NO_VALUE, OTHER, positionInItem, type NestedCols } from './line-scanner.js';
import { composeDocuments, overBudgetAt, YamlLimitExceeded, type YamlLimits } from './yaml-stream.js';
import { PositionIndex, readDocument, scalarText, type PathKey, type RawDocument } from './yaml.js';

/** Lines the scanner read, by line index (0-based). */
interface Scanned {
  values: (Record<string, unknown> | undefined)[];
  colAt: Int32Array;
  cols: Uint16Array;
  keyNames: readonly string[];
  nested: Map<number, NestedCols>;
  warnings: Map<number, Diagnostic[]>;
}

/** Scanned lines at one indent with only blank or comment lines between them: one `{}` for `yaml`. */
interface Run {
  first: number;
  last: number;
  lines: number[];
  indent: number;
}

/** How often a file is parsed again after runs were found out of place, before the precise path reads it. */
const MAX_ATTEMPTS = 3;

/** `undefined` when the fast reader does not apply or is not sure (the precise path reads the file then). */
export function readPlanText(text: string, file: string, limits: YamlLimits): { docs: RawDocument[]; diags: Diagnostic[] } | undefined {
  // The precise path refuses such a file at once; let it say so in its words.
  if (overBudgetAt(text, limits.maxTokens) !== undefined) return undefined;
  const scan = new LineScanner(text, file, true);
  const starts: number[] = [];
  /** NEUTRAL, ITEM (read by the scanner) or OTHER, by line. */
  const kinds: number[] = [];
  const values: (Record<string, unknown> | undefined)[] = [];
  const colAt: number[] = [];
  const nested = new Map<number, NestedCols>();
  const warnings = new Map<number, Diagnostic[]>();
  let runs: Run[] = [];
  let run: Run | undefined;
  let indent = -1;
  for (let at = 0, n = 0; at < text.length; n++) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    starts.push(at);
    const kind = scan.classify(at, end);
    const value = kind === ITEM ? scan.item(n + 1) : undefined;
    values.push(value);
    kinds.push(value ? ITEM : kind === ITEM ? OTHER : kind);
    colAt.push(value ? scan.lastCols : -1);
    if (value) {
      if (scan.lastNested) nested.set(n, scan.lastNested);
      if (scan.lastWarnings) warnings.set(n, scan.lastWarnings);
      if (run && scan.indent === indent) {
        run.last = n;
        run.lines.push(n);
      } else runs.push((run = { first: n, last: n, lines: [n], indent: scan.indent }));
      indent = scan.indent;
    } else if (kind !== NEUTRAL) run = undefined;
    at = end + 1;
  }
  // Where the line after the last would start: each line ends one before the next's start.
  starts.push(text.endsWith('\n') ? text.length : text.length + 1);
  const scanned: Scanned = { values, colAt: Int32Array.from(colAt), cols: scan.columns(), keyNames: scan.keyNames, nested, warnings };
  const whole = readBlocks(text, file, scan, starts, kinds, runs, scanned);
  if (whole || !runs.length) return whole;
  for (let attempt = 0; attempt < MAX_ATTEMPTS && runs.length; attempt++) {
    const r = readMasked(text, file, limits, starts, runs, scanned);
    if (!r) return undefined;
    if (!('misplaced' in r)) return r;
    runs = runs.filter((_, i) => !r.misplaced.has(i));
  }
  return undefined;
}

/** Thrown inside readBlocks where the text leaves what it reads: the file goes to readMasked. */
class Declined {}

/**
 * The common case without `yaml`: one document of block mappings and block lists whose values
 * each sit on their key's or dash's line (scalars, flow maps, flow lists, one-line flow-map
 * items), with blank and comment lines anywhere. A top-level list that is one run keeps its
 * items' positions as columns; everything else gets the precise path's positions in an index.
 * Anything else (another kind of line or indent, a repeated key, several documents, an empty
 * item, a value running onto the next line) leaves the file to readMasked.
 */
function readBlocks(text: string, file: string, scan: LineScanner, starts: number[], kinds: number[], runs: Run[], scanned: Scanned): { docs: RawDocument[]; diags: Diagnostic[] } | undefined {
  const positions = new PositionIndex(file);
  const slotsOf = new Map<string, Int32Array>();
  const diags: Diagnostic[] = [];
  const runAt = new Map(runs.map((r) => [r.first, r]));
  const count = kinds.length;
  const decline = (): never => {
    throw new Declined();
  };
  const at = (n: number, offset: number): SourcePos => ({ file, line: n + 1, col: offset - starts[n]! + 1 });
  const indentOf = (n: number) => {
    let i = starts[n]!;
    while (text.charCodeAt(i) === 32) i++;
    return i - starts[n]!;
  };
  /** Whether line n has `-` at its indent `ind`, followed by a space. */
  const dashAt = (n: number, ind: number) => text.charCodeAt(starts[n]! + ind) === 0x2d && text.charCodeAt(starts[n]! + ind + 1) === 32;
  const warn = () => {
    if (scan.lastWarnings) diags.push(...scan.lastWarnings);
  };
  const nestedTo = (n: number, nested: NestedCols | undefined, prefix: string) => {
    if (!nested) return;
    for (const [path, col] of nested.values) positions.values.set(prefix + path, { file, line: n + 1, col });
    for (const [path, col] of nested.keys) positions.keys.set(prefix + path, { file, line: n + 1, col });
  };
  let n = 0;
  const skipNeutral = () => {
    while (n < count && kinds[n] === NEUTRAL) n++;
  };

  /** A block mapping at `indent`; `first` is where its first key starts when that is after a dash on the current line. */
  function mapping(indent: number, path: PathKey[], first?: number): Record<string, unknown> {
    const obj: Record<string, unknown> = {};
    // Keys seen, those with nothing under them too (the precise path reports them repeated as well).
    const seen = new Set<string>();
    const prefix = PositionIndex.key(path);
    for (let k = first; ; k = undefined) {
      if (k === undefined) {
        skipNeutral();
        if (n >= count) break;
        const ind = indentOf(n);
        if (ind < indent) break;
        if (ind > indent) decline();
        k = starts[n]! + ind;
      }
      const p = scan.pair(starts[n]!, starts[n + 1]! - 1, n + 1, k, prefix);
      if (!p || seen.has(p.key)) decline();
      seen.add(p!.key);
      const keyPos = at(n, k);
      if (!positions.values.has(prefix)) positions.values.set(prefix, keyPos);
      const childPath = [...path, p!.key];
      const child = PositionIndex.key(childPath);
      positions.keys.set(child, keyPos);
      if (p!.value !== NO_VALUE) {
        positions.values.set(child, { file, line: n + 1, col: p!.valueCol });
        nestedTo(n, scan.lastNested, '');
        warn();
        obj[p!.key] = p!.value; // never __proto__ (the scanner declines it)
        n++;
        continue;
      }
      n++;
      skipNeutral();
      const ind = n < count ? indentOf(n) : -1;
      if (ind > indent || (ind === indent && dashAt(n, ind))) obj[p!.key] = dashAt(n, ind) ? list(ind, childPath) : mapping(ind, childPath);
      // `key:` with nothing under it is "not given", placed at its key.
      else positions.values.set(child, keyPos);
    }
    return obj;
  }

  /** A block list at `indent`, starting on the current line. */
  function list(indent: number, path: PathKey[]): unknown[] {
    const prefix = PositionIndex.key(path);
    positions.values.set(prefix, at(n, starts[n]! + indent));
    const run = path.length === 1 ? runAt.get(n) : undefined;
    if (run) {
      // A top-level list that is one run keeps its items' positions as columns (see PlanPositions).
      n = run.last + 1;
      skipNeutral();
      if (n >= count || indentOf(n) < indent || !dashAt(n, indent)) {
        for (const m of run.lines) {
          const w = scanned.warnings.get(m);
          if (w) diags.push(...w);
        }
        slotsOf.set(String(path[0]), Int32Array.from(run.lines));
        return run.lines.map((m) => scanned.values[m]);
      }
      n = run.first;
    }
    const out: unknown[] = [];
    for (;;) {
      skipNeutral();
      if (n >= count) break;
      const ind = indentOf(n);
      if (ind < indent || (ind === indent && !dashAt(n, ind))) break;
      if (ind > indent) decline();
      const item = [...path, out.length];
      const itemKey = PositionIndex.key(item);
      if (kinds[n] === ITEM) {
        // A one-line flow map the scanner read: its positions from its columns.
        const c = scanned.colAt[n]!;
        const cols = scanned.cols;
        positions.values.set(itemKey, { file, line: n + 1, col: cols[c]! });
        for (let k = 0, j = c + 2; k < cols[c + 1]!; k++, j += 3) {
          const key = `${itemKey}\u0000${scanned.keyNames[cols[j]!]}`;
          positions.keys.set(key, { file, line: n + 1, col: cols[j + 1]! });
          positions.values.set(key, { file, line: n + 1, col: cols[j + 2]! });
        }
        nestedTo(n, scanned.nested.get(n), `${itemKey}\u0000`);
        const w = scanned.warnings.get(n);
        if (w) diags.push(...w);
        out.push(scanned.values[n]);
        n++;
        continue;
      }
      let v = starts[n]! + ind + 2;
      while (text.charCodeAt(v) === 32) v++;
      const end = starts[n + 1]! - 1;
      if (v >= end || text.charCodeAt(v) === 13 || text.charCodeAt(v) === 0x23) decline(); // an empty item, or one on the lines below
      // `- key: value` opens a mapping at the key's column; anything else is the item itself.
      if (scan.pair(starts[n]!, end, n + 1, v, itemKey)) {
        out.push(mapping(v - starts[n]!, item, v));
        continue;
      }
      const r = scan.itemValue(starts[n]!, end, n + 1, v, itemKey);
      if (!r) decline();
      positions.values.set(itemKey, at(n, v));
      nestedTo(n, scan.lastNested, '');
      warn();
      out.push(r!.value);
      n++;
    }
    return out;
  }

  let value: Record<string, unknown>;
  try {
    value = mapping(0, []);
  } catch (e) {
    if (e instanceof Declined) return undefined;
    throw e;
  }
  if (n < count || !positions.values.has('')) return undefined;
  return { docs: [{ file, index: 0, value, positions: new PlanPositions(file, positions, slotsOf, scanned, false) }], diags };
}

/**
 * Parse the text with each run replaced by `{}`: the documents, or which runs `yaml` did not see
 * as list items under a top-level key, or undefined when the text has errors or passes a limit.
 */
function readMasked(
  text: string,
  file: string,
  limits: YamlLimits,
  starts: number[],
  runs: Run[],
  scanned: Scanned,
): { docs: RawDocument[]; diags: Diagnostic[] } | { misplaced: Set<number> } | undefined {
  const parts: string[] = [];
  /** The file's line number of each line of the masked text. */
  const lineOf: number[] = [];
  /** Offset of each run's `{` in the masked text → the run. */
  const holes = new Map<number, number>();
  let offset = 0;
  for (let n = 0, ri = 0; n < starts.length - 1; ) {
    const r = runs[ri];
    let part: string;
    if (r && n === r.first) {
      const brace = starts[n]! + scanned.cols[scanned.colAt[n]!]! - 1;
      part = text.slice(starts[n], brace) + '{}\n';
      holes.set(offset + brace - starts[n]!, ri++);
      lineOf.push(n + 1);
      n = r.last + 1;
    } else {
      part = text.slice(starts[n], starts[n + 1]);
      lineOf.push(n + 1);
      n++;
    }
    parts.push(part);
    offset += part.length;
  }
  const masked = parts.join('');
  const last = lineOf[lineOf.length - 1] ?? 0;
  const shift = (line: number) => (line <= lineOf.length ? lineOf[line - 1]! : last + line - lineOf.length);
  const lc = new LineCounter();
  const docs: RawDocument[] = [];
  const diags: Diagnostic[] = [];
  const misplaced = new Set(runs.keys());
  let index = 0;
  try {
    for (const doc of composeDocuments(masked, lc, limits)) {
      if (doc.errors.length) return undefined;
      const lists = listsOf(doc, holes);
      for (const list of lists.values()) for (const ri of list.values()) misplaced.delete(ri);
      const docDiags: Diagnostic[] = [];
      const raw = readDocument(doc, index++, masked, file, lc, docDiags, shift);
      if (docDiags.some((d) => d.severity === 'error')) return undefined;
      if (!raw || !lists.size) {
        diags.push(...docDiags);
        if (raw) docs.push(raw);
        continue;
      }
      // Each `{}` becomes the values of its run; positions of those come from the scanner's columns.
      const slotsOf = new Map<string, Int32Array>();
      const fromScanner: Diagnostic[] = [];
      const value = raw.value as Record<string, unknown>;
      for (const [key, list] of lists) {
        const items = value[key] as unknown[];
        const out: unknown[] = [];
        const slots: number[] = [];
        for (const [j, item] of items.entries()) {
          const ri = list.get(j);
          if (ri === undefined) {
            out.push(item);
            slots.push(-1 - j);
            continue;
          }
          for (const n of runs[ri]!.lines) {
            out.push(scanned.values[n]);
            slots.push(n);
            const w = scanned.warnings.get(n);
            if (w) fromScanner.push(...w);
          }
        }
        Object.defineProperty(value, key, { value: out, enumerable: true, writable: true, configurable: true });
        slotsOf.set(key, Int32Array.from(slots));
      }
      diags.push(...byLine(docDiags, fromScanner));
      docs.push({ ...raw, positions: new PlanPositions(file, raw.positions, slotsOf, scanned, true) });
    }
  } catch (e) {
    if (!(e instanceof YamlLimitExceeded)) throw e;
    return undefined;
  }
  return misplaced.size ? { misplaced } : { docs, diags };
}

/** The top-level block lists of a document holding `{}` holes: key → item index → run. */
function listsOf(doc: Document.Parsed, holes: Map<number, number>): Map<string, Map<number, number>> {
  const lists = new Map<string, Map<number, number>>();
  const map = doc.contents;
  if (!isMap(map) || map.flow) return lists;
  for (const pair of map.items) {
    const seq = pair.value;
    if (!isSeq(seq) || seq.flow || !isScalar(pair.key)) continue;
    let list: Map<number, number> | undefined;
    for (const [j, item] of seq.items.entries()) {
      if (!isMap(item) || !item.flow || item.items.length || !item.range || item.anchor || item.tag) continue;
      const ri = holes.get(item.range[0]);
      if (ri !== undefined) (list ??= new Map()).set(j, ri);
    }
    if (list) lists.set(scalarText(pair.key), list);
  }
  return lists;
}

/** Two lists of diagnostics each in line order, merged in line order (they never share a line). */
function byLine(a: Diagnostic[], b: Diagnostic[]): Diagnostic[] {
  if (!b.length) return a;
  const out: Diagnostic[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length)
    if (j >= b.length || (i < a.length && (a[i]!.line ?? 0) <= (b[j]!.line ?? 0))) out.push(a[i++]!);
    else out.push(b[j++]!);
  return out;
}

/**
 * Positions of a plan document read with runs: items of the scanned lines from their columns,
 * everything else from the index of the parse around them (its list indices mapped back).
 */
export class PlanPositions extends PositionIndex {
  constructor(
    file: string,
    private readonly rest: PositionIndex,
    /** Per list key, per item: its line index when the scanner read it, else -1 - its index in the parse. */
    private readonly slotsOf: Map<string, Int32Array>,
    private readonly scanned: Scanned,
    /** Whether `yaml` parsed the rest of the file (readMasked), or the scanner read all of it (readBlocks). */
    readonly withYaml: boolean,
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
    const slots = path.length > 1 ? this.slotsOf.get(String(path[0])) : undefined;
    if (!slots) return key ? this.rest.keyAt(path) : this.rest.valueAt(path);
    // PositionIndex joins paths as text, so 3 and '3' name the same item.
    const i = Number(path[1]);
    const slot = String(i) === String(path[1]) && i >= 0 && i < slots.length ? slots[i]! : undefined;
    // An item that is not there: the list's own place, as the precise path's nearest ancestor.
    if (slot === undefined) return this.rest.valueAt([path[0]!]);
    if (slot < 0) {
      const local = [path[0]!, -1 - slot, ...path.slice(2)];
      return key ? this.rest.keyAt(local) : this.rest.valueAt(local);
    }
    const s = this.scanned;
    return positionInItem(this.file, slot + 1, s.cols, s.colAt[slot]!, s.keyNames, s.nested.get(slot), path.slice(2), key);
  }
}
