// An xlsx activity log read a row at a time: the rows and warnings readGrid gives for the same
// file (the first visible sheet with a non-empty cell; merged cells carrying their master's
// text; io/formula-no-value for every visible sheet), without a Workbook of all its cells. A
// 2,000,000-row log is 434 MB of sheet XML, which no heap holds as exceljs objects.
//
// The zip's parts are read by their directory (io/zip.ts), so the small parts (workbook,
// relationships, styles, shared strings) are read first whatever the archive's order, and each
// row of a sheet goes through exceljs's own row parser, reconciliation and Row (the in-memory
// reader's code, not the streaming WorkbookReader, which differs from it: a formula's boolean or
// error result, dates when styles.xml comes after the sheets, sheets in archive order).
//
// A sheet's merges and hyperlinks come after its rows in the XML; a first pass over the sheet's
// bytes (inflate and byte search, no XML parse) collects them, and checks that rows come in
// order. Whatever that pass or the small parts find odd (a broken archive, overlapping merges,
// rows out of order), the file is read by readGrid instead, so the diagnostics are its own;
// readGrid refuses a workbook too large for the heap.
import { t, type Diagnostic } from '../model/diagnostic.js';
import { IO_CODES } from '../codes/io.js';
import { loadExcel, loadExcelParts, type ExcelParts } from './exceljs.js';
import { partBytes, partChunks, zipParts, type ZipPart } from './zip.js';
import { GridReadError, NAMED_FORMULAS, assertFitsInHeap, parseMerges, readGrid, rowTexts, trimRow, unknownFormulaWarnings, type Grid, type MergeRange } from './xlsx-read.js';
import type { ReconcileOptions, RowModel } from 'exceljs/lib/xlsx/xform/sheet/row-xform.js';

export type RowSink = (row: string[], rowNumber: number) => void;

/**
 * Each row of a workbook's log sheet, as readGrid's rows of that sheet (blank rows between data
 * as [], none after it); returns the reading warnings. Throws GridReadError as readGrid does.
 */
export async function eachXlsxRow(data: Uint8Array, file: string | undefined, onRow: RowSink, heapLimit?: number): Promise<Diagnostic[]> {
  const book = await openBook(data, file, heapLimit);
  if (!book) return eachGridRow(await readGrid(data, { file, format: 'xlsx', heapLimit }), onRow);
  const warnings: Diagnostic[] = [];
  let claimed = false;
  const claim = () => !claimed && (claimed = true);
  // An error of the sheet's XML is the file's; one thrown by onRow is the caller's own.
  let callerError: unknown;
  const sink: RowSink = (row, n) => {
    try {
      onRow(row, n);
    } catch (e) {
      throw (callerError = e);
    }
  };
  for (const sheet of book.sheets) {
    const blank = await readSheet(data, book, sheet, new SheetRows(sheet.merges, sink, claim)).catch((e: Error) => {
      if (e === callerError) throw e;
      throw new GridReadError(IO_CODES.raise('io/xlsx-unreadable', 'invalid', { file: file ?? t('工作簿', 'the workbook'), reason: e.message }), file);
    });
    warnings.push(...unknownFormulaWarnings(sheet.name, blank.named, blank.total, file));
  }
  return warnings;
}

/** readGrid's rows of the log sheet, as eachXlsxRow hands them. */
function eachGridRow(grid: Grid, onRow: RowSink): Diagnostic[] {
  const rows = grid.sheets.find((s) => s.rows.some((r) => r.some((c) => c !== '')))?.rows ?? [];
  rows.forEach((row, i) => onRow(row, i + 1));
  return grid.warnings;
}

interface Sheet {
  name: string;
  part: ZipPart;
  merges: MergeRange[];
  /** The reconciliation options of its rows (styles, shared strings, hyperlinks…). */
  options: ReconcileOptions;
}

/** A sheet's formula cells without a saved result: the first NAMED_FORMULAS (`row:col`), and how many. */
interface BlankFormulas {
  named: string[];
  total: number;
}

interface Book {
  excel: ExcelParts;
  formulaType: number;
  worksheet: import('exceljs').Worksheet;
  /** The visible sheets, in the workbook's order. */
  sheets: Sheet[];
}

/** The workbook's visible sheets made ready to read, or undefined when readGrid should read the file. */
async function openBook(data: Uint8Array, file: string | undefined, heapLimit: number | undefined): Promise<Book | undefined> {
  const parts = zipParts(data);
  if (!parts) return undefined;
  // The shared strings are held whole, as the in-memory reader holds them.
  assertFitsInHeap(data, file, heapLimit, (p) => p.name === 'xl/sharedStrings.xml');
  const excel = await loadExcelParts();
  try {
    const model = async (name: string, Xform: PartXformClass) => (await partXform(data, parts, name, Xform))?.model;
    const workbook = (await model('xl/workbook.xml', excel.WorkbookXform)) as { sheets?: SheetDef[]; properties?: { date1904?: boolean } } | undefined;
    const rels = ((await model('xl/_rels/workbook.xml.rels', excel.RelationshipsXform)) ?? []) as Rel[];
    const found = sheetParts(workbook?.sheets ?? [], rels, parts);
    if (!found.length) return undefined; // readGrid words "no worksheet"
    const styles = await partXform(data, parts, 'xl/styles.xml', excel.StylesXform);
    const sharedStrings = await partXform(data, parts, 'xl/sharedStrings.xml', excel.SharedStringsXform);
    const sheets: Sheet[] = [];
    for (const { def, part, no } of found) {
      if (def.state && def.state !== 'visible') continue; // hidden sheets are not what people look at
      const tail = await sheetTail(data, part);
      if (!tail) return undefined;
      const sheetRels = ((await model(`xl/worksheets/_rels/sheet${no}.xml.rels`, excel.RelationshipsXform)) ?? []) as Rel[];
      // As WorksheetXform.reconcile makes them; a comment changes no cell's text, so none are read.
      const options = { styles, sharedStrings, date1904: workbook?.properties?.date1904, hyperlinkMap: hyperlinkMap(tail.hyperlinks, sheetRels), formulae: {}, commentsMap: undefined };
      sheets.push({ name: def.name, part, merges: tail.merges, options });
    }
    const ExcelJS = await loadExcel();
    return { excel, formulaType: ExcelJS.ValueType.Formula, worksheet: new ExcelJS.Workbook().addWorksheet('rows'), sheets };
  } catch {
    // A part exceljs cannot read (or a hyperlink without its target): nothing has been handed on
    // yet, so readGrid reads the file and its diagnostic is the one a whole read gives.
    return undefined;
  }
}

interface SheetDef {
  name: string;
  id: number;
  rId: string;
  state?: string;
}
interface Rel {
  Id: string;
  Target: string;
}

type PartXformClass = ExcelParts['WorkbookXform'];

/** A small part parsed whole by an exceljs xform: the xform (styles and shared strings answer look-ups), its model the part. */
async function partXform(data: Uint8Array, parts: Map<string, ZipPart>, name: string, Xform: PartXformClass): Promise<InstanceType<PartXformClass> | undefined> {
  const part = parts.get(name);
  if (!part) return undefined;
  const xform = new Xform();
  await xform.parseStream([utf8Text(partBytes(data, part))]);
  return xform;
}

/** Text as the in-memory reader decodes a part (a byte-order mark kept, as JSZip keeps it). */
function utf8Text(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

/** Each sheet of workbook.xml whose relationship leads to a worksheet part, as exceljs resolves it. */
function sheetParts(defs: SheetDef[], rels: Rel[], parts: Map<string, ZipPart>): { def: SheetDef; part: ZipPart; no: string }[] {
  const out: { def: SheetDef; part: ZipPart; no: string }[] = [];
  for (const def of defs) {
    const rel = rels.find((r) => r.Id === def.rId);
    const name = rel && `xl/${rel.Target.replace(/^(\s|\/xl\/)+/, '')}`;
    const no = name && /xl\/worksheets\/sheet(\d+)[.]xml/.exec(name)?.[1];
    const part = name && parts.get(name);
    if (no && part) out.push({ def, part, no });
  }
  return out;
}

/** Cells with a hyperlink to a target (exceljs's WorksheetXform.reconcile). */
function hyperlinkMap(links: { ref: string; rId?: string }[], rels: Rel[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const link of links) {
    if (!link.rId) continue;
    const rel = rels.find((r) => r.Id === link.rId);
    if (!rel) throw new Error(`hyperlink ${link.rId} has no relationship`);
    map[link.ref] = rel.Target;
  }
  return map;
}

// ------------------------------------------------------------------ the first pass

const MERGE = Buffer.from('<mergeCell ');
const LINK = Buffer.from('<hyperlink ');
const ROW = Buffer.from('<row ');

/**
 * A sheet's merges and hyperlinks (which follow its rows in the XML), from its bytes: undefined
 * when its rows are out of order, or its merges overlap (exceljs refuses those), for readGrid.
 */
async function sheetTail(data: Uint8Array, part: ZipPart): Promise<{ merges: MergeRange[]; hyperlinks: { ref: string; rId?: string }[] } | undefined> {
  const refs: string[] = [];
  const hyperlinks: { ref: string; rId?: string }[] = [];
  let lastRow = 0;
  let ordered = true;
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of partChunks(data, part)) {
    const buf = carry.length ? Buffer.concat([carry, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    // Up to the last '<': every tag before it is whole; the rest waits for the next piece.
    const end = buf.lastIndexOf(0x3c);
    for (let at = buf.indexOf(ROW); at >= 0 && at < end; at = buf.indexOf(ROW, at + 1)) {
      const r = Number(/\sr=["'](\d+)["']/.exec(tagText(buf, at))?.[1] ?? NaN);
      if (r <= lastRow) ordered = false;
      if (r) lastRow = r;
    }
    for (let at = buf.indexOf(MERGE); at >= 0 && at < end; at = buf.indexOf(MERGE, at + 1)) {
      const ref = attr(tagText(buf, at), 'ref');
      if (ref) refs.push(ref);
    }
    for (let at = buf.indexOf(LINK); at >= 0 && at < end; at = buf.indexOf(LINK, at + 1)) {
      const tag = tagText(buf, at);
      hyperlinks.push({ ref: attr(tag, 'ref') ?? '', rId: attr(tag, 'r:id') });
    }
    carry = Buffer.from(buf.subarray(Math.max(end, 0)));
  }
  const merges = parseMerges(refs).sort((a, b) => a.top - b.top);
  return ordered && !overlap(merges) ? { merges, hyperlinks } : undefined;
}

function tagText(buf: Buffer, at: number): string {
  const close = buf.indexOf(0x3e, at);
  return buf.toString('utf8', at, close < 0 ? buf.length : close);
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)')`).exec(tag)?.slice(1).find((v) => v !== undefined);
}

/** Whether two merges (sorted by top) share a cell. */
function overlap(merges: MergeRange[]): boolean {
  let open: MergeRange[] = [];
  for (const m of merges) {
    open = open.filter((o) => o.bottom >= m.top);
    if (open.some((o) => o.left <= m.right && m.left <= o.right)) return true;
    open.push(m);
  }
  return false;
}

// ------------------------------------------------------------------ the rows

/** Parse a sheet's rows one by one with exceljs's RowXform, reconciled and made a Row as Workbook.xlsx.load does. */
async function readSheet(data: Uint8Array, book: Book, sheet: Sheet, rows: SheetRows): Promise<BlankFormulas> {
  const { parseSax, RowXform, Row } = book.excel;
  const xform = new RowXform();
  let inData = false;
  let inRow = false;
  const linkless = !Object.keys(sheet.options.hyperlinkMap).length;
  const take = (model: RowModel) => {
    if (!(model.number > 0)) return; // a row without its number: the Workbook drops it too
    model.cells = model.cells.filter(Boolean);
    reconcile(xform, model, sheet.options, linkless);
    const row = new Row(book.worksheet, model.number);
    row.model = model as unknown as typeof row.model; // the model RowXform parsed, which is what a Row takes
    const blank: number[] = [];
    rows.row(model.number, rowTexts(row, (c) => blank.push(c), book.formulaType), blank);
  };
  for await (const events of parseSax(sheetText(data, sheet.part))) {
    for (const e of events) {
      if (inRow) {
        if (e.eventType === 'opentag') xform.parseOpen(e.value);
        else if (e.eventType === 'text') xform.parseText(e.value);
        else if (!xform.parseClose(e.value.name)) {
          inRow = false;
          take(xform.model);
        }
      } else if (e.eventType === 'opentag') {
        if (e.value.name === 'sheetData') inData = true;
        else if (inData && e.value.name === 'row') inRow = xform.parseOpen(e.value);
      } else if (e.eventType === 'closetag' && e.value.name === 'sheetData') inData = false;
    }
  }
  rows.end();
  return rows.blankFormulas;
}

/**
 * RowXform.reconcile, which looks each cell's address up in the sheet's hyperlinks: for a fresh
 * string V8 then probes its string table, about 1 s for a 500,000-row log. When the sheet has no
 * hyperlinks that finds nothing, and the address is left out of the look-up (put back after);
 * a shared formula keeps it, for its cells to find their master.
 */
function reconcile(xform: InstanceType<ExcelParts['RowXform']>, model: RowModel, options: ReconcileOptions, linkless: boolean): void {
  if (!linkless) return xform.reconcile(model, options);
  const addresses = model.cells.map((c) => c.address);
  for (const c of model.cells) if (!(c as { shareType?: string }).shareType) c.address = undefined;
  xform.reconcile(model, options);
  model.cells.forEach((c, i) => (c.address = addresses[i]));
}

/** A part's text, a piece at a time (a character split between pieces is kept whole). */
async function* sheetText(data: Uint8Array, part: ZipPart): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  for await (const chunk of partChunks(data, part)) yield decoder.decode(chunk, { stream: true });
  yield decoder.decode();
}

/**
 * A sheet's rows in order, made what the Workbook's rows are: rows between data are [] (those
 * after the last data are dropped); a merge's cells all carry its master's text, even rows the
 * XML does not have, and are not formulas of their own. The first sheet with a non-empty cell
 * claims the log; the rows of any other are only read for their blank formulas.
 */
class SheetRows {
  private last = 0;
  /** Blank rows after the last non-blank one, not yet handed on. */
  private blanks = 0;
  private next = 0;
  private open: (MergeRange & { text?: string })[] = [];
  private emits: boolean | undefined;
  readonly blankFormulas: BlankFormulas = { named: [], total: 0 };

  constructor(
    private readonly merges: MergeRange[],
    private readonly onRow: RowSink,
    private readonly claim: () => boolean,
  ) {}

  /** Row r (after every row before it) with its texts and the columns of its blank formulas. */
  row(r: number, texts: string[], blankFormulaCols: number[]): void {
    this.fillUpTo(r - 1);
    this.take(r, texts, blankFormulaCols);
  }

  /** The end of the sheet: the rows merges reach past the last row. */
  end(): void {
    this.fillUpTo(this.merges.reduce((b, m) => Math.max(b, m.bottom), 0));
  }

  /** Rows the XML does not have, up to `r`: blank, or cells of a merge. */
  private fillUpTo(r: number): void {
    while (this.last < r) {
      this.open = this.open.filter((m) => m.bottom > this.last);
      const nextTop = this.merges[this.next]?.top ?? Infinity;
      if (!this.open.length && nextTop > r) {
        this.blanks += r - this.last;
        this.last = r;
        return;
      }
      if (!this.open.length) {
        this.blanks += nextTop - 1 - this.last;
        this.last = nextTop - 1;
      }
      this.take(this.last + 1, [], []);
    }
  }

  private take(r: number, texts: string[], blankFormulaCols: number[]): void {
    this.last = r;
    this.open = this.open.filter((m) => m.bottom >= r);
    while (this.next < this.merges.length && this.merges[this.next]!.top <= r) this.open.push(this.merges[this.next++]!);
    let formulas = blankFormulaCols;
    for (const m of this.open) {
      if (m.top === r) m.text = texts[m.left - 1] ?? '';
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        while (texts.length < c) texts.push('');
        texts[c - 1] = m.text!;
      }
      formulas = formulas.filter((c) => c < m.left || c > m.right || (r === m.top && c === m.left));
    }
    for (const c of formulas) if (this.blankFormulas.total++ < NAMED_FORMULAS) this.blankFormulas.named.push(`${r}:${c}`);
    this.hand(r, this.open.length ? trimRow(texts) : texts);
  }

  private hand(r: number, texts: string[]): void {
    if (!texts.length) {
      this.blanks++;
      return;
    }
    this.emits ??= this.claim();
    if (this.emits) for (let b = r - this.blanks; b < r; b++) this.onRow([], b);
    this.blanks = 0;
    if (this.emits) this.onRow(texts, r);
  }
}
