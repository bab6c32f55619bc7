// The reader of CSV/XLSX activity logs as it was before entries became columns (src at commit
// ddd230a, src/io/activity-table.ts; this project's own code, same licence), kept as the
// reference test/io/activity-table-store.test.ts holds the streaming reader to: a grid of rows,
// a raw object and a typed object per row. Only the imports changed, and captions above the
// header are passed over as src now does (see headerIndex).
import { t, type Diagnostic } from '../../../src/model/diagnostic.js';
import { RawNumber } from '../../../src/model/common.js';
import { activityEntrySchema, type ActivityEntry } from '../../../src/model/kinds.js';
import { registerOrigins, entryIssueDiagnostic } from '../../../src/load/schema.js';
import { didYouMean } from '../../../src/load/suggest.js';
import { quickEntry } from '../../../src/load/activity-entry.js';
import { PositionIndex, type PathKey } from '../../../src/load/yaml.js';
import type { SourcePos } from '../../../src/model/diagnostic.js';

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
  constructor(
    file: string,
    private readonly rowOf: Uint32Array,
    private readonly colOf: Map<string, number>,
    private readonly headerRow: number,
  ) {
    super(file);
  }
  override valueAt(path: readonly PathKey[]): SourcePos {
    if (path[0] === 'entries' && typeof path[1] === 'number') {
      const line = this.rowOf[path[1]] ?? this.headerRow;
      const col = typeof path[2] === 'string' ? (this.colOf.get(path[2]) ?? 1) : 1;
      return { file: this.file, line, col };
    }
    return { file: this.file, line: this.headerRow, col: 1 };
  }
  override keyAt(path: readonly PathKey[]): SourcePos {
    return this.valueAt(path);
  }
}

async function tableRows(file: string, bytes: Buffer, diags: Diagnostic[]): Promise<string[][] | undefined> {
  const { readGrid, GridReadError } = await import('../../../src/io/xlsx-read.js');
  try {
    // The same reader `yilian import` uses: one set of rules for a sheet's encodings.
    const grid = await readGrid(bytes, { file, format: /\.csv$/i.test(file) ? 'csv' : 'xlsx' });
    diags.push(...grid.warnings);
    return grid.sheets.find((s) => s.rows.some((r) => r.some((c) => c !== '')))?.rows ?? [];
  } catch (e) {
    if (!(e instanceof GridReadError)) throw e;
    diags.push({ code: e.code, severity: 'error', file, line: 1, col: 1, message: e.text });
    return undefined;
  }
}

export async function oldReadActivityTable(file: string, bytes: Buffer, diags: Diagnostic[]): Promise<{ data: { entries: ActivityEntry[] }; positions: PositionIndex } | undefined> {
  const rows = await tableRows(file, bytes, diags);
  if (!rows) return undefined;
  // (since then, as src does: a caption above the header — one text, however many cells — is passed over)
  const headerIndex = rows.findIndex((r) => r.some((c) => c.trim() !== '') && new Set(r.map((c) => c.trim()).filter(Boolean)).size > 1);
  if (headerIndex < 0) return undefined; // an empty table is an empty log
  const header = rows[headerIndex]!;
  const fieldAt: (keyof ActivityEntry | undefined)[] = [];
  const colOf = new Map<string, number>();
  let bad = false;
  header.forEach((h, i) => {
    const name = h.trim();
    if (!name) return;
    const field = COLUMNS[name] ?? COLUMNS[name.toLowerCase()];
    if (!field) {
      const s = didYouMean(name, Object.keys(COLUMNS));
      diags.push({
        code: 'schema/unknown-key',
        severity: 'error',
        file,
        line: headerIndex + 1,
        col: i + 1,
        message: t(`未知列名「${name}」。${s ? s.zh : ''}`, `Unknown column "${name}". ${s ? s.en : ''}`.trim()),
        hint: t('活动记录的列：日期、人员、单位、类型、半天数、备注。', 'Columns: date, person, unit, type, halfDays, note (or 日期/人员/单位/类型/半天数/备注).'),
      });
      bad = true;
      return;
    }
    fieldAt[i] = field;
    colOf.set(field, i + 1);
  });
  for (const f of REQUIRED)
    if (!colOf.has(f)) {
      diags.push({
        code: 'schema/missing-field',
        severity: 'error',
        file,
        line: headerIndex + 1,
        col: 1,
        message: t(`表格缺少「${f}」列。`, `The table has no "${f}" column.`),
        hint: t('活动记录的列：日期、人员、单位、类型、半天数、备注。', 'Columns: date, person, unit, type, halfDays, note.'),
      });
      bad = true;
    }
  if (bad) return undefined;

  const entries: ActivityEntry[] = [];
  const rowOf = new Uint32Array(rows.length);
  // One copy of each repeated value (names, units, dates) and of each number's box.
  const texts = new Map<string, string>();
  const numbers = new Map<string, RawNumber>();
  const cell = (f: keyof ActivityEntry, v: string): string | RawNumber => {
    if (f === 'halfDays' && /^-?\d+(\.\d+)?$/.test(v)) {
      let n = numbers.get(v);
      if (!n) numbers.set(v, (n = new RawNumber(Number(v), v)));
      return n;
    }
    let s = texts.get(v);
    if (s === undefined) texts.set(v, (s = v));
    return s;
  };
  const positions = new TablePositions(file, rowOf, colOf, headerIndex + 1);
  const before = diags.length;
  for (let r = headerIndex + 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.every((c) => c.trim() === '')) continue;
    const raw: Record<string, unknown> = {};
    row.forEach((c, i) => {
      const f = fieldAt[i];
      const v = c.trim();
      if (!f || v === '') return;
      raw[f] = cell(f, v);
    });
    const idx = entries.length;
    rowOf[idx] = r + 1;
    const quick = quickEntry(raw);
    if (quick) {
      entries.push(quick);
      continue;
    }
    const res = activityEntrySchema.safeParse(raw);
    if (!res.success) {
      for (const issue of res.error.issues) diags.push(entryIssueDiagnostic(issue, raw, positions, ['entries', idx]));
      entries.push(raw as ActivityEntry); // keep the index aligned with rowOf; dropped below
      continue;
    }
    entries.push(res.data);
  }
  if (diags.length > before) return undefined;
  const data = { kind: 'ActivityLog' as const, entries };
  registerOrigins(data, positions);
  return { data, positions };
}
