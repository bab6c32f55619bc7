// Turn a sign-in sheet / activity log (xlsx or csv) into ActivityLog entries and a commented
// YAML file. Headers 日期/人员/单位/类型/半天数 (FORMAT.md) and the usual synonyms. Pure.
import { t, type Diagnostic } from '../model/diagnostic.js';
import { ACTIVITY_SYNONYMS, ACTIVITY_TYPES, activityEntrySchema, activityLogSchema, type ActivityEntry, type ActivityType, type Unit } from '../model/kinds.js';
import type { Grid } from '../io/xlsx-read.js';
import { isoDate, isValidYmd, normalizeDate } from '../time/dates.js';
import { IMPORT_CODES } from '../codes/import.js';
import { cell, comment, mayCarry, excelSerialDate, flowMap, isTotalRow, isSignatureRow, isEmptyRow, matchHeaders, rowAt, sourceNote, where, squeezeSpaces, titleText, type FieldSpec, type RowPos } from './common.js';

type Field = 'date' | 'person' | 'unit' | 'type' | 'halfDays' | 'note';

export const ACTIVITY_FIELDS: FieldSpec<Field>[] = [
  { field: 'date', names: ['日期', '时间', '工作日期', '下沉日期', '帮扶日期', '活动日期', '签到日期', 'date'] },
  { field: 'person', names: ['人员', '姓名', '专家', '专家姓名', '下派人员', '下沉人员', '人员姓名', 'person'] },
  { field: 'unit', names: ['单位', '地点', '下沉单位', '帮扶单位', '受援单位', '下派单位', '派驻单位', '乡镇卫生院', '工作地点', 'unit'] },
  { field: 'type', names: ['类型', '工作类型', '活动类型', '工作内容', '内容', '项目', '帮扶形式', '帮扶内容', 'type'], test: (h) => /类型|内容/.test(h) },
  { field: 'halfDays', names: ['半天数', '半天', '时长', '工作时长', 'halfDays'], test: (h) => h.includes('半天') },
  { field: 'note', names: ['备注', '说明', 'note'] },
];

export interface ImportActivityOptions {
  file?: string;
  resolveUnit?: (ref: string) => Unit | undefined;
  /** `YYYY-MM`: written as `month:`, and the year for dates written without one (6月3日). */
  month?: string;
}

export interface ActivityDoc {
  kind: 'ActivityLog';
  version: 1;
  month?: string;
  entries: ActivityEntry[];
}

export interface ActivityImport {
  log: ActivityDoc;
  yaml: string;
  problems: Diagnostic[];
  stats: { sheets: number; rows: number; entries: number; skipped: number };
}

/** An activity type from what people write (坐诊 → 门诊, 门诊坐诊 → 门诊), or undefined. */
export function activityType(s: string): ActivityType | undefined {
  const v = squeezeSpaces(s);
  if ((ACTIVITY_TYPES as readonly string[]).includes(v)) return v as ActivityType;
  if (ACTIVITY_SYNONYMS[v]) return ACTIVITY_SYNONYMS[v];
  for (const ty of ACTIVITY_TYPES) if (ty !== '其他' && v.includes(ty)) return ty;
  for (const [syn, ty] of Object.entries(ACTIVITY_SYNONYMS)) if (v.includes(syn)) return ty;
  return undefined;
}

/** 1, 2 … ; 半天 → 1; 全天/一天/1天 → 2; N天 → 2N. */
export function halfDaysOf(s: string): number | undefined {
  const v = squeezeSpaces(s);
  if (/^\d+$/.test(v)) return Number(v);
  if (v === '半天' || v === '0.5天' || v === '0.5') return 1;
  if (v === '全天' || v === '一天' || v === '整天') return 2;
  const m = /^(\d+(?:\.5)?)天$/.exec(v);
  if (m) return Math.round(Number(m[1]) * 2);
  return undefined;
}

function dateOf(s: string, month?: string): string | undefined {
  const serial = excelSerialDate(s);
  if (serial) return serial;
  const iso = normalizeDate(s.replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, ''));
  if (iso) return iso;
  if (!month) return undefined;
  const y = Number(month.slice(0, 4));
  const m = /^(\d{1,2})(?:月|[./-])(\d{1,2})[日号]?$/.exec(squeezeSpaces(s));
  if (!m) return undefined;
  const [mo, d] = [Number(m[1]), Number(m[2])];
  return isValidYmd(y, mo, d) ? isoDate(y, mo, d) : undefined;
}

export function importActivity(grid: Grid, opts: ImportActivityOptions = {}): ActivityImport {
  const file = opts.file ?? grid.file;
  const problems: Diagnostic[] = [...grid.warnings];
  const entries: { e: ActivityEntry; src: string; notes: string[] }[] = [];
  const flagged = new Set<string>();
  const multiSheet = grid.sheets.filter((s) => s.rows.some((r) => !isEmptyRow(r))).length > 1;
  let rows = 0;
  let skipped = 0;
  let sheets = 0;

  for (const sheet of grid.sheets) {
    if (sheet.rows.every(isEmptyRow)) continue;
    sheets++;
    let header: Map<Field, number> | undefined;
    let carry: { date?: string; person?: string; unit?: string } = {};
    for (let r = 0; r < sheet.rows.length; r++) {
      const row = sheet.rows[r]!;
      const pos: RowPos = { sheet: sheet.name, row: r + 1 };
      if (isEmptyRow(row)) continue;
      const hm = matchHeaders(row, ACTIVITY_FIELDS);
      if (hm.has('date') && hm.has('person') && hm.size >= 3) {
        header = hm;
        carry = {};
        continue;
      }
      if (!header) {
        if (r >= 10) break;
        continue;
      }
      if (titleText(row) && row.filter((s) => s.trim()).length >= 3) continue; // a merged caption line
      if (isTotalRow(row) || isSignatureRow(row)) continue; // 合计, 制表人： … under the table
      const col = (f: Field) => (header!.has(f) ? header!.get(f)! + 1 : undefined);
      const get = (f: Field) => cell(row, header!.get(f));
      // a row not imported: an error at its cell (the row when no one cell is to blame)
      const at = (f: Field | undefined) => {
        skipped++;
        const p = { ...pos, col: f ? col(f) : undefined };
        return { place: where(p), extra: { ...rowAt(file, p), severity: 'error' as const } };
      };
      rows++;
      const notes: string[] = [];
      const above = (f: 'date' | 'person' | 'unit') => (mayCarry(sheet, r, header!.get(f)) ? carry[f] : undefined);
      const dateText = get('date') || above('date') || '';
      const personRaw = get('person') || above('person') || '';
      const unitText = get('unit') || above('unit') || '';
      if (get('date')) carry.date = get('date');
      if (get('person')) carry.person = get('person');
      if (get('unit')) carry.unit = get('unit');
      if (!get('person') && !get('type') && !get('date')) {
        const { place, extra } = at(undefined);
        problems.push(IMPORT_CODES.raise('import/unreadable-row', { where: place, cells: row.filter((s) => s.trim()).join(' | ') }, extra));
        continue;
      }
      const date = dateOf(dateText, opts.month);
      if (!date) {
        const { place, extra } = at('date');
        problems.push(IMPORT_CODES.raise('import/bad-date', 'activity', { where: place, date: dateText }, extra));
        continue;
      }
      const person = squeezeSpaces(personRaw);
      if (!person) {
        const { place, extra } = at('person');
        problems.push(IMPORT_CODES.raise('import/no-person', { where: place }, extra));
        continue;
      }
      if (person !== personRaw.trim()) notes.push(`原表人员“${personRaw.trim()}”`);
      if (!unitText) {
        const { place, extra } = at('unit');
        problems.push(IMPORT_CODES.raise('import/no-unit', 'activity', { where: place }, extra));
        continue;
      }
      if (opts.resolveUnit && !opts.resolveUnit(unitText) && !flagged.has(unitText)) {
        flagged.add(unitText);
        const p = { ...pos, col: col('unit') };
        problems.push(IMPORT_CODES.raise('import/unknown-unit', { where: where(p), what: t('单位', 'unit'), unit: unitText }, rowAt(file, p, { unit: unitText })));
      }
      const typeText = get('type');
      let type = activityType(typeText);
      let note = get('note') || undefined;
      if (!type) {
        if (!typeText) {
          const { place, extra } = at('type');
          problems.push(IMPORT_CODES.raise('import/no-type', { where: place }, extra));
          continue;
        }
        type = '其他';
        note = [`原类型：${typeText}`, note].filter(Boolean).join('；');
        const p = { ...pos, col: col('type') };
        const types = t(ACTIVITY_TYPES.join('、'), ACTIVITY_TYPES.join(', '));
        problems.push(IMPORT_CODES.raise('import/unknown-type', { where: where(p), type: typeText, types }, rowAt(file, p)));
      } else if (type !== squeezeSpaces(typeText)) notes.push(`原类型“${typeText}”`);
      let halfDays: number | undefined;
      const hd = get('halfDays');
      if (hd) {
        halfDays = halfDaysOf(hd);
        if (halfDays === undefined || halfDays < 1 || halfDays > 62) {
          const p = { ...pos, col: col('halfDays') };
          problems.push(IMPORT_CODES.raise('import/half-days', { where: where(p), value: hd }, rowAt(file, p)));
          halfDays = undefined;
        }
      }
      const e = {
        date,
        person,
        unit: unitText,
        type,
        ...(halfDays !== undefined && halfDays !== 1 ? { halfDays } : {}),
        ...(note ? { note } : {}),
      } as ActivityEntry;
      entries.push({ e, src: sourceNote(sheet, r + 1, multiSheet), notes });
    }
    if (!header)
      problems.push(IMPORT_CODES.raise('import/no-header', 'activity', { sheet: sheet.name }, { ...(file ? { file } : {}), data: { sheet: sheet.name } }));
  }

  const months = new Set(entries.map((x) => x.e.date.slice(0, 7)));
  const month = opts.month ?? (months.size === 1 ? [...months][0] : undefined);
  if (opts.month)
    for (const x of entries)
      if (!x.e.date.startsWith(opts.month))
        problems.push(IMPORT_CODES.raise('import/outside-month', { source: x.src, date: x.e.date, month: opts.month }, file ? { file } : {}));
  const log: ActivityDoc = { kind: 'ActivityLog', version: 1, ...(month ? { month } : {}), entries: entries.map((x) => x.e) };
  // What is written must read back: the header, then entry by entry (a parse of the whole log
  // at once copied every entry, ≈ 1 GB more at the peak for a 2.5 million-row sheet).
  const issue = firstIssue(activityLogSchema.safeParse({ ...log, entries: [] })) ?? firstEntryIssue(log.entries);
  if (issue !== undefined) problems.push(IMPORT_CODES.raise('import/internal', 'activity', { problem: String(issue) }));

  const out = new LineChunks();
  const fileName = file ? file.split(/[\\/]/).pop() : undefined;
  out.push(`# 下沉工作记录 — 由 yilian import activity 从 ${fileName ?? '表格'} 导入（${entries.length} 条）。行尾注释写明来源行。`);
  const errs = problems.filter((p) => p.severity === 'error').length;
  if (errs || skipped) out.push(`# 请核对：${errs} 个错误，${skipped} 行未导入。`);
  out.push('kind: ActivityLog', 'version: 1');
  if (month) out.push(`month: ${month}`);
  out.push(entries.length ? 'entries:' : 'entries: []');
  for (const x of entries)
    out.push(`  - ${flowMap({ date: x.e.date, person: x.e.person, unit: x.e.unit, type: x.e.type, halfDays: x.e.halfDays, note: x.e.note })}  # ${comment([x.src, ...x.notes].join('；'))}`);
  return { log, yaml: out.text(), problems, stats: { sheets, rows, entries: entries.length, skipped } };
}

type Parsed = { success: true } | { success: false; error: { issues: { message: string }[] } };
const firstIssue = (r: Parsed): string | undefined => (r.success ? undefined : r.error.issues[0]?.message);

function firstEntryIssue(entries: ActivityEntry[]): string | undefined {
  for (const e of entries) {
    const issue = firstIssue(activityEntrySchema.safeParse(e));
    if (issue !== undefined) return issue;
  }
  return undefined;
}

/**
 * Lines joined a few thousand at a time: a million lines held one by one until a final join
 * put every line and the whole text in memory at once.
 */
class LineChunks {
  private readonly chunks: string[] = [];
  private lines: string[] = [];

  push(...lines: string[]): void {
    for (const l of lines) this.lines.push(l);
    if (this.lines.length >= 8192) this.flush();
  }

  /** Every line, each ending in a line break. */
  text(): string {
    this.flush();
    return this.chunks.join('');
  }

  private flush(): void {
    if (this.lines.length) this.chunks.push(this.lines.join('\n') + '\n');
    this.lines = [];
  }
}
