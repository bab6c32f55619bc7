// Activity logs kept as CSV or XLSX (FORMAT.md: the same column names as the YAML entries, or
// 日期/人员/单位/类型/半天数/备注), read into the same typed ActivityLog document a YAML file
// gives, with the same diagnostics. Positions are row:column (column = the field's number), and
// are computed, not stored, so a 500,000-row log costs no position maps.
import { SCHEMA_CODES } from '../codes/loader.js';
import { t, type Diagnostic } from '../model/diagnostic.js';
import { RawNumber } from '../model/common.js';
import { activityEntrySchema, type ActivityEntry } from '../model/kinds.js';
import { registerOrigins, entryIssueDiagnostic, type TypedDocument } from '../load/schema.js';
import { didYouMean } from '../load/suggest.js';
import { quickAppendFields } from '../load/activity-entry.js';
import { EntryStore } from '../model/entry-store.js';
import { LINES_PER_PROGRESS } from '../model/progress.js';
import { titleText } from '../import/common.js';
import { PositionIndex, type PathKey } from '../load/yaml.js';
import type { SourcePos } from '../model/diagnostic.js';

const COLUMNS: Record<string, keyof ActivityEntry> = {
  date: 'date',
  日期: 'date',
  person: 'person',
  人员: 'person',
  姓名: 'person',
  unit: 'unit',
  单位: 'unit',
  type: 'type',
  类型: 'type',
  halfdays: 'halfDays',
  半天数: 'halfDays',
  note: 'note',
  备注: 'note',
};
const REQUIRED: (keyof ActivityEntry)[] = ['date', 'person', 'unit', 'type'];

/** Row/column positions for a table: path ['entries', i, field] → (row of entry i, its column). */
class TablePositions extends PositionIndex {
  /** The row of each entry (1-based): all a table keeps per entry to say where it is. */
  private rowOf = new Uint32Array(1024);
  private n = 0;
  constructor(
    file: string,
    private readonly colOf: Map<string, number>,
    private readonly headerRow: number,
  ) {
    super(file);
  }
  /** Record the row of the next entry; returns its index. */
  add(row: number): number {
    if (this.n === this.rowOf.length) {
      const wider = new Uint32Array(this.n * 2);
      wider.set(this.rowOf);
      this.rowOf = wider;
    }
    this.rowOf[this.n] = row;
    return this.n++;
  }
  override valueAt(path: readonly PathKey[]): SourcePos {
    if (path[0] === 'entries' && typeof path[1] === 'number') {
      const line = path[1] < this.n ? this.rowOf[path[1]]! : this.headerRow;
      const col = typeof path[2] === 'string' ? (this.colOf.get(path[2]) ?? 1) : 1;
      return { file: this.file, line, col };
    }
    return { file: this.file, line: this.headerRow, col: 1 };
  }
  override keyAt(path: readonly PathKey[]): SourcePos {
    return this.valueAt(path);
  }
}

/** A table's rows, handed one at a time to `onRow` with their 1-based row number; false when unreadable. */
async function eachTableRow(file: string, bytes: Buffer, diags: Diagnostic[], onRow: (row: string[], line: number) => boolean): Promise<boolean> {
  const { eachCsvRowOfBytes, GridReadError } = await import('./xlsx-read.js');
  // Row by row from the bytes: a log of 500,000 rows is never a grid of row arrays, nor one text.
  let more = true;
  if (/\.csv$/i.test(file)) {
    let line = 0;
    diags.push(...eachCsvRowOfBytes(bytes, file, (row) => void (more &&= onRow(row, ++line))));
    return true;
  }
  const { eachXlsxRow } = await import('./xlsx-stream.js');
  const before = diags.length;
  try {
    // The reading warnings are known at the end of the workbook; they go before the rows' findings, as a sheet read whole puts them.
    const warnings = await eachXlsxRow(bytes, file, (row, line) => void (more &&= onRow(row, line)));
    diags.splice(before, 0, ...warnings);
    return true;
  } catch (e) {
    if (!(e instanceof GridReadError)) throw e;
    diags.length = before; // a sheet found broken part way was not read
    diags.push({ code: e.code, severity: 'error', file, line: 1, col: 1, message: e.text });
    return false;
  }
}

/** A cell a table reader reads as a number (a halfDays of 2 or 1.5; anything else is text). */
const NUMBER = /^-?\d+(\.\d+)?$/;
const SLOTS = ['date', 'person', 'unit', 'type', 'halfDays', 'note'] as const satisfies readonly (keyof ActivityEntry)[];

/**
 * An activity log kept as a table (.csv, .xlsx). `onRows` hears every LINES_PER_PROGRESS rows how
 * many were read, so a long one (an xlsx of 500,000 rows takes seconds) moves the progress line.
 */
export async function readActivityTable(file: string, bytes: Buffer, diags: Diagnostic[], onRows?: (rows: number) => void): Promise<TypedDocument<'ActivityLog'> | undefined> {
  let table: LogTable | undefined;
  let bad = false;
  const readable = await eachTableRow(file, bytes, diags, (row, line) => {
    if (onRows && line % LINES_PER_PROGRESS === 0) onRows(line);
    if (table) return table.row(row, line), true;
    if (!row.some((c) => c?.trim())) return true;
    // A caption above the header (光山县下沉人员签到表, often merged across the columns) is one
    // text however many cells it fills; a header names at least four different columns.
    if (titleText(row.map((c) => c ?? '')) !== undefined) return true;
    const header = readHeader(row, line, file, diags);
    if (header) table = new LogTable(file, header, line, diags);
    else bad = true;
    return !bad;
  });
  if (!readable || bad) return undefined;
  return table ? table.end() : undefined; // an empty table is an empty log
}

/** The field of each column (by the header row), or undefined with its diagnostics said. */
function readHeader(header: string[], line: number, file: string, diags: Diagnostic[]): (keyof ActivityEntry | undefined)[] | undefined {
  const fieldAt: (keyof ActivityEntry | undefined)[] = [];
  const seen = new Set<string>();
  let bad = false;
  header.forEach((h, i) => {
    const name = h.trim();
    if (!name) return;
    const field = COLUMNS[name] ?? COLUMNS[name.toLowerCase()];
    if (!field) {
      const s = didYouMean(name, Object.keys(COLUMNS));
      const extra = { file, line, col: i + 1, hint: t('活动记录的列：日期、人员、单位、类型、半天数、备注。', 'Columns: date, person, unit, type, halfDays, note (or 日期/人员/单位/类型/半天数/备注).') };
      diags.push(s ? SCHEMA_CODES.raise('schema/unknown-key', 'columnDidYouMean', { name, suggestion: s }, extra) : SCHEMA_CODES.raise('schema/unknown-key', 'column', { name }, extra));
      bad = true;
      return;
    }
    fieldAt[i] = field;
    seen.add(field);
  });
  for (const f of REQUIRED)
    if (!seen.has(f)) {
      diags.push(
        SCHEMA_CODES.raise('schema/missing-field', 'column', { field: f }, { file, line, col: 1, hint: t('活动记录的列：日期、人员、单位、类型、半天数、备注。', 'Columns: date, person, unit, type, halfDays, note.') }),
      );
      bad = true;
    }
  return bad ? undefined : fieldAt;
}

/** The rows under a header, typed into an EntryStore as they come. */
class LogTable {
  private readonly store = new EntryStore();
  private readonly positions: TablePositions;
  private readonly slotAt: number[];
  private readonly fieldAt: (keyof ActivityEntry | undefined)[];
  /** The current row's text per field (SLOTS order), undefined where blank. */
  private readonly cells: (string | undefined)[] = new Array(SLOTS.length);
  /** Whether a row had findings (the reading warnings come into `diags` later, before them). */
  private bad = false;
  // For rows zod reads: one copy of each repeated value and of each number's box.
  private readonly texts = new Map<string, string>();
  private readonly numbers = new Map<string, RawNumber>();

  constructor(
    private readonly file: string,
    fieldAt: (keyof ActivityEntry | undefined)[],
    headerRow: number,
    private readonly diags: Diagnostic[],
  ) {
    this.fieldAt = fieldAt;
    this.slotAt = fieldAt.map((f) => (f ? SLOTS.indexOf(f as (typeof SLOTS)[number]) : -1));
    const colOf = new Map<string, number>();
    fieldAt.forEach((f, i) => f && colOf.set(f, i + 1));
    this.positions = new TablePositions(file, colOf, headerRow);
  }

  private cell(f: keyof ActivityEntry, v: string): string | RawNumber {
    if (f === 'halfDays' && NUMBER.test(v)) {
      let n = this.numbers.get(v);
      if (!n) this.numbers.set(v, (n = new RawNumber(Number(v), v)));
      return n;
    }
    let s = this.texts.get(v);
    if (s === undefined) this.texts.set(v, (s = v));
    return s;
  }

  row(row: string[], line: number): void {
    const cells = this.cells;
    cells.fill(undefined);
    let blank = true;
    for (let i = 0; i < row.length; i++) {
      const v = row[i]?.trim(); // a sheet's row may have holes
      if (!v) continue;
      blank = false;
      const slot = this.slotAt[i];
      if (slot !== undefined && slot >= 0) cells[slot] = v;
    }
    if (blank) return;
    const idx = this.positions.add(line);
    // The plainly valid row is typed by hand (load/activity-entry.ts), straight into the store;
    // halfDays as the number cell() would box (the check reads a box's value).
    const h = cells[4];
    const half = h !== undefined && NUMBER.test(h) ? Number(h) : h;
    if (quickAppendFields(this.store, cells[0], cells[1], cells[2], cells[3], half, cells[5])) return;
    // Any other row goes through zod, which words its diagnostics: as an object, in column order.
    const raw: Record<string, unknown> = {};
    for (let i = 0; i < row.length; i++) {
      const f = this.fieldAt[i];
      const v = row[i]?.trim();
      if (f && v) raw[f] = this.cell(f, v);
    }
    const res = activityEntrySchema.safeParse(raw);
    if (res.success) this.store.append(res.data);
    else {
      this.bad = true;
      for (const issue of res.error.issues) this.diags.push(entryIssueDiagnostic(issue, raw, this.positions, ['entries', idx]));
    }
  }

  end(): TypedDocument<'ActivityLog'> | undefined {
    if (this.bad) return undefined;
    const data = { kind: 'ActivityLog' as const, entries: this.store };
    registerOrigins(data, this.positions);
    return { kind: 'ActivityLog', file: this.file, index: 0, data, positions: this.positions };
  }
}
