// Turn the 下派人员名单 sheets offices already keep (seed 003, 附件1/2) into a commented Roster
// file. Pure: grid in, {roster, yaml, problems} out. Nothing a clerk typed is dropped silently:
// every row that cannot be read becomes a problem naming its sheet and row.
import { IMPORT_CODES } from '../codes/import.js';
import { t, type Diagnostic } from '../model/diagnostic.js';
import { rosterSchema, type Assignment, type Person, type Unit } from '../model/kinds.js';
import type { Grid, GridSheet } from '../io/xlsx-read.js';
import { halfWidth, isoDate, isValidYmd, daysInMonth } from '../time/dates.js';
import {
  cell,
  comment,
  excelSerialDate,
  isTotalRow,
  isSignatureRow,
  TOTAL_ROW,
  flowMap,
  isEmptyRow,
  matchHeaders,
  mayCarry,
  rowAt,
  sourceNote,
  where,
  squeezeSpaces,
  titleText,
  type FieldSpec,
  type RowPos,
} from './common.js';

type Field =
  | 'lead'
  | 'seq'
  | 'name'
  | 'gender'
  | 'specialty'
  | 'department'
  | 'title'
  | 'phone'
  | 'target'
  | 'start'
  | 'end'
  | 'range'
  | 'post'
  | 'batch'
  | 'note';

export const ROSTER_FIELDS: FieldSpec<Field>[] = [
  { field: 'lead', names: ['牵头医院名称', '牵头医院', '牵头单位', '牵头单位名称', '派出单位', '派出医院', '派出单位名称', '所在单位', '工作单位'] },
  { field: 'seq', names: ['序号', '编号', '序'] },
  { field: 'name', names: ['姓名', '名字', '人员姓名', '专家姓名', '下派人员', '下派人员姓名', '派驻人员'] },
  { field: 'gender', names: ['性别'] },
  { field: 'specialty', names: ['专业', '科室', '专业科室', '所在科室', '专业/科室', '科室/专业', '擅长专业'], test: (h) => /专业|科室/.test(h) && !/职称/.test(h) },
  { field: 'title', names: ['职称', '技术职称', '专业技术职称', '专业技术资格', '职称/资格'], test: (h) => h.includes('职称') },
  { field: 'phone', names: ['电话', '联系电话', '手机', '手机号', '手机号码', '联系方式', '电话号码'], test: (h) => /电话|手机/.test(h) },
  {
    field: 'target',
    names: ['拟下派乡镇卫生院', '下派乡镇卫生院', '下派单位', '派驻单位', '下派医院', '派驻医院', '帮扶单位', '受援单位', '下沉单位', '拟下派单位', '下派卫生院'],
    test: (h) => /(下派|派驻|下沉|受援|帮扶)/.test(h) && /(卫生院|单位|医院|分院|地点|机构)/.test(h),
  },
  { field: 'range', names: ['起止时间', '下派起止时间', '派驻起止时间', '下派期限', '派驻时间段'], test: (h) => h.includes('起止') },
  { field: 'start', names: ['下派时间', '开始时间', '起始时间', '派驻时间', '下派日期', '开始日期', '起始日期', '下沉时间'] },
  { field: 'end', names: ['结束时间', '截止时间', '终止时间', '结束日期', '截止日期'] },
  { field: 'post', names: ['职务', '挂职职务', '派驻职务', '担任职务', '拟任职务', '下派职务'] },
  { field: 'batch', names: ['批次', '期次'] },
  { field: 'note', names: ['备注', '说明'] },
];

/** Continuation rows write nothing in the grouping columns; these say "no posting" explicitly. */
const NO_TARGET = new Set(['待定', '无', '—', '-', '／', '/', '暂无', '未定']);
const HEADER_SCAN_ROWS = 10;

export interface ImportRosterOptions {
  /** Source file name, for diagnostics and the YAML header. */
  file?: string;
  /** Resolve a unit reference against the workspace's alliance units (id, name, alias). */
  resolveUnit?: (ref: string) => Unit | undefined;
  /** `alliance:` to write. */
  alliance?: string;
  /** Posting period for rows that give no 下派时间 (e.g. the alliance's cycle). */
  period?: { start: string; end?: string };
}

export interface RosterDoc {
  kind: 'Roster';
  version: 1;
  alliance?: string;
  people: Person[];
  assignments: Assignment[];
}

export interface RosterImport {
  roster: RosterDoc;
  yaml: string;
  problems: Diagnostic[];
  stats: { sheets: number; rows: number; people: number; assignments: number; skipped: number };
}

interface PersonRec {
  person: Person;
  key: string;
  notes: string[];
  src: string;
}
interface AssignmentRec {
  a: Omit<Assignment, 'start'> & { start?: string };
  notes: string[];
  src: string;
}

export function importRoster(grid: Grid, opts: ImportRosterOptions = {}): RosterImport {
  const file = opts.file ?? grid.file;
  const problems: Diagnostic[] = [...grid.warnings];
  const people = new Map<string, PersonRec>();
  const byName = new Map<string, PersonRec[]>();
  const assignments: AssignmentRec[] = [];
  const flaggedUnits = new Set<string>();
  const multiSheet = grid.sheets.filter((s) => s.rows.some((r) => !isEmptyRow(r))).length > 1;
  let rowsRead = 0;
  let skipped = 0;
  let withHeader = 0;
  const headerless: string[] = [];

  const resolve = (text: string, pos: RowPos, what: 'lead' | 'target'): { name: string; note?: string } => {
    const u = opts.resolveUnit?.(text) ?? (text !== squeezeSpaces(text) ? opts.resolveUnit?.(squeezeSpaces(text)) : undefined);
    if (u) return u.name === text ? { name: text } : { name: u.name, note: `原表“${text}”` };
    const key = `${what}:${text}`;
    if (!flaggedUnits.has(key)) {
      flaggedUnits.add(key);
      const label = what === 'lead' ? t('牵头（派出）单位', 'dispatching unit') : t('下派单位', 'receiving unit');
      if (opts.resolveUnit)
        problems.push(
          IMPORT_CODES.raise('import/unknown-unit', { where: where(pos), what: label, unit: text }, rowAt(file, pos, { unit: text })),
        );
      else if (!/(医院|卫生院|分院|中心|保健院|卫生室|院|所|站)$/.test(text))
        problems.push(
          IMPORT_CODES.raise(
            'import/short-unit-name',
            { where: where(pos), what: label, unit: text },
            rowAt(
              file,
              pos,
              { unit: text },
              t('用 --workspace 指定医联体目录即可换成全称；或在 Alliance 里把它写进该单位的 aliases', 'pass --workspace to resolve it to the full name, or add it to the unit\'s aliases in the Alliance'),
            ),
          ),
        );
    }
    return { name: text };
  };

  for (const sheet of grid.sheets) {
    const rows = sheet.rows;
    if (rows.every(isEmptyRow)) continue;
    let header: Map<Field, number> | undefined;
    let caption: string | undefined; // the last title line seen (e.g. 光山县中医院下派乡镇卫生院名单)
    let carry: { lead?: string; target?: string; start?: string; end?: string } = {};
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      const pos: RowPos = { sheet: sheet.name, row: r + 1 };
      if (isEmptyRow(row)) continue;
      const hm = matchHeaders(row, ROSTER_FIELDS);
      if (hm.has('name') && hm.size >= 3) {
        header = hm;
        carry = {};
        continue;
      }
      const title = titleText(row);
      if (!header) {
        if (title) caption = title;
        if (r >= HEADER_SCAN_ROWS) break;
        continue;
      }
      if (isTotalRow(row) || isSignatureRow(row)) continue; // 合计, 填报单位（盖章）… under the table
      const name0 = cell(row, header.get('name'));
      const filled = row.filter((s) => s.trim()).length;
      if (title && (filled === 1 ? !name0 : filled >= 3)) {
        // a caption between two tables (附件2: …) starts a new group
        caption = title;
        carry = {};
        continue;
      }
      if (!name0) {
        skipped++;
        problems.push(
          IMPORT_CODES.raise('import/no-name', { where: where(pos), cells: row.filter((s) => s.trim()).join(' | ') }, rowAt(file, pos)),
        );
        continue;
      }
      if (TOTAL_ROW.test(name0)) continue;
      rowsRead++;
      const col = (f: Field) => (header!.has(f) ? header!.get(f)! + 1 : undefined);
      const get = (f: Field) => cell(row, header!.get(f));
      const pnotes: string[] = [];
      const anotes: string[] = [];

      // name
      const name = squeezeSpaces(name0);
      if (name !== name0) pnotes.push(`原表姓名“${name0}”`);

      // dispatching unit: this row, the row above, the caption, the sheet name
      let leadText = get('lead');
      if (leadText) carry.lead = leadText;
      else if (mayCarry(sheet, r, header.get('lead'))) leadText = carry.lead ?? '';
      if (!leadText) {
        const fromCaption = caption ? /^(?:附件\s*\d+\s*[:：]?\s*)?(.+?)(?:医疗健康服务集团|医疗服务集团)?(?:下派|派驻|下沉)/.exec(caption)?.[1] : undefined;
        const fromSheet = opts.resolveUnit?.(sheet.name) ? sheet.name : undefined;
        leadText = fromCaption ?? fromSheet ?? '';
        if (leadText) pnotes.push(`派出单位取自${fromCaption ? '表题' : '工作表名'}`);
      }
      let unit: string;
      if (leadText) {
        const res = resolve(leadText, { ...pos, col: col('lead') }, 'lead');
        unit = res.name;
        if (res.note) pnotes.push(res.note);
      } else {
        unit = '待填写';
        problems.push(
          IMPORT_CODES.raise('import/no-unit', 'roster', { where: where(pos), name }, rowAt(file, pos)),
        );
      }

      // gender
      let gender: Person['gender'];
      const g = squeezeSpaces(get('gender'));
      if (g) {
        if (g === '男' || g === '男性' || g.toUpperCase() === 'M') gender = '男';
        else if (g === '女' || g === '女性' || g.toUpperCase() === 'F') gender = '女';
        else {
          const p = { ...pos, col: col('gender') };
          problems.push(IMPORT_CODES.raise('import/gender', { where: where(p), value: g }, rowAt(file, p)));
        }
      }

      // phone
      let phone: string | undefined = get('phone') || undefined;
      if (phone) {
        const p = halfWidth(phone);
        const at = { ...pos, col: col('phone') };
        if (/^\d(\.\d+)?[eE]\+?\d+$/.test(p))
          problems.push(
            IMPORT_CODES.raise('import/phone-digits-lost', { where: where(at), phone }, rowAt(file, at)),
          );
        else if (/^1[3-9]\d{9}$/.test(p) || /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/.test(p) || /^\d{7,8}$/.test(p)) phone = p;
        else if (/^(?:\+?86)?1[3-9]\d{9}$/.test(p.replace(/[-()（）]/g, ''))) phone = p.replace(/[-()（）]/g, '').slice(-11); // 138-0000-0001, +86 138…
        else if (/^[(（]0\d{2,3}[)）]-?\d{7,8}$/.test(p)) phone = p.replace(/^[(（](0\d{2,3})[)）]-?/, '$1-'); // (0376)1234567
        else
          problems.push(
            IMPORT_CODES.raise('import/phone-format', { where: where(at), phone }, rowAt(file, at)),
          );
      }

      const person: Person = {
        name,
        ...(gender ? { gender } : {}),
        unit,
        ...(get('specialty') ? { specialty: get('specialty') } : {}),
        ...(get('title') ? { title: squeezeSpaces(get('title')) } : {}),
        ...(phone ? { phone } : {}),
      } as Person;

      // one person per name + phone (else name + unit); repeated rows are further postings
      const key = `${name}\u0000${phone ?? `unit:${unit}`}`;
      let rec = people.get(key);
      const src = sourceNote(sheet, r + 1, multiSheet);
      if (!rec) {
        rec = { person, key, notes: pnotes, src };
        people.set(key, rec);
        const same = byName.get(name) ?? [];
        if (same.length)
          problems.push(
            IMPORT_CODES.raise('import/duplicate-name', { where: where(pos), first: same[0]!.src, name }, rowAt(file, pos)),
          );
        same.push(rec);
        byName.set(name, same);
      } else {
        for (const k of ['gender', 'specialty', 'title'] as const) {
          const v = person[k];
          if (v && rec.person[k] && rec.person[k] !== v)
            problems.push(
              IMPORT_CODES.raise('import/conflict', { where: where(pos), name, field: t({ gender: '性别', specialty: '专业', title: '职称' }[k], k), first: rec.src, value: v, kept: rec.person[k] }, rowAt(file, pos)),
            );
          else if (v && !rec.person[k]) (rec.person as Record<string, unknown>)[k] = v;
        }
      }

      // posting
      let targetText = get('target');
      let carried = false;
      if (targetText) carry.target = targetText;
      else if (header.has('target') && carry.target && mayCarry(sheet, r, header.get('target'))) {
        targetText = carry.target;
        carried = true;
        anotes.push('下派单位沿用上一行');
      }
      if (!targetText || NO_TARGET.has(targetText)) {
        if (!targetText && header.has('target'))
          problems.push(IMPORT_CODES.raise('import/no-target', { where: where(pos), name }, rowAt(file, pos)));
        continue;
      }
      const tres = resolve(targetText, { ...pos, col: col('target') }, 'target');
      if (tres.note) anotes.push(tres.note);

      // dates: this row, else (on a continuation row) the row above, else the default period
      let { start, end } = readPeriod(get('range') || get('start'), get('end'));
      const dateText = [get('range'), get('start'), get('end')].filter(Boolean).join(' ');
      if (dateText && !start) {
        const at = { ...pos, col: col('range') ?? col('start') };
        problems.push(IMPORT_CODES.raise('import/bad-date', 'posting', { where: where(at), date: dateText }, rowAt(file, at)));
      }
      if (start) {
        carry.start = start;
        carry.end = end;
      } else if (carried && carry.start) {
        start = carry.start;
        end = carry.end;
      } else if (opts.period) {
        start = opts.period.start;
        end = opts.period.end;
        if (!dateText) anotes.push('起止时间取自建设周期');
      }
      const a: AssignmentRec['a'] = {
        person: name,
        target: tres.name,
        ...(start ? { start } : {}),
        ...(end ? { end } : {}),
        ...(get('post') ? { post: get('post') } : {}),
        ...(get('batch') ? { batch: get('batch') } : {}),
        ...(get('note') ? { note: get('note') } : {}),
      };
      if (!start)
        problems.push(
          IMPORT_CODES.raise(
            'import/no-start',
            { where: where(pos), name },
            rowAt(file, pos, {}, t('或用 --start/--end 指定，或用 --workspace 取医联体的建设周期', 'or pass --start/--end, or --workspace to take the alliance cycle')),
          ),
        );
      assignments.push({ a, notes: anotes, src });
    }
    if (!header) headerless.push(sheet.name);
    else withHeader++;
  }
  for (const name of headerless)
    problems.push(
      // a workbook's other sheets (说明, 汇总 …) are fine as long as one sheet is a roster
      withHeader
        ? IMPORT_CODES.raise('import/no-header', 'otherSheet', { sheet: name }, { severity: 'info', ...(file ? { file } : {}), data: { sheet: name } })
        : IMPORT_CODES.raise('import/no-header', 'roster', { sheet: name, rows: HEADER_SCAN_ROWS }, { ...(file ? { file } : {}), data: { sheet: name } }),
    );

  const peopleList = [...people.values()];
  const done = assignments.filter((x) => x.a.start) as (AssignmentRec & { a: Assignment })[];
  const roster: RosterDoc = {
    kind: 'Roster',
    version: 1,
    ...(opts.alliance ? { alliance: opts.alliance } : {}),
    people: peopleList.map((p) => p.person),
    assignments: done.map((x) => x.a),
  };

  // self-check: what we write must be a valid Roster
  const check = rosterSchema.safeParse(roster);
  if (!check.success)
    problems.push(
      IMPORT_CODES.raise('import/internal', 'roster', { problem: String(check.error.issues[0]?.message) }, { data: { issues: check.error.issues.map((i) => ({ path: i.path, message: i.message })) } }),
    );

  const yaml = rosterYaml(roster, peopleList, assignments, { file, sheets: withHeader, problems });
  return {
    roster,
    yaml,
    problems,
    stats: { sheets: withHeader, rows: rowsRead, people: roster.people.length, assignments: roster.assignments.length, skipped },
  };
}

// ------------------------------------------------------------------ dates

const DATE_TOKEN =
  /(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?|(?<!\d)(\d{4})([./-])(\d{1,2})(?:\5(\d{1,2}))?(?!\d)/g;

interface DateTok {
  y: number;
  m: number;
  d?: number;
}

function tokens(s: string): DateTok[] {
  const out: DateTok[] = [];
  for (const m of halfWidthKeepSpace(s).matchAll(DATE_TOKEN)) {
    if (m[1]) out.push({ y: +m[1], m: +m[2]!, d: m[3] ? +m[3] : undefined });
    else out.push({ y: +m[4]!, m: +m[6]!, d: m[7] ? +m[7] : undefined });
  }
  return out;
}

function halfWidthKeepSpace(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[－]/g, '-').replace(/．/g, '.');
}

function tokIso(tk: DateTok | undefined, asEnd: boolean): string | undefined {
  if (!tk || tk.m < 1 || tk.m > 12) return undefined;
  const d = tk.d ?? (asEnd ? daysInMonth(tk.y, tk.m) : 1);
  return isValidYmd(tk.y, tk.m, d) ? isoDate(tk.y, tk.m, d) : undefined;
}

/** `2021-05-01`, `2021年5月1日`, `2021.5-2022.4`, `2021-05-01至2022-04-30` (+ a separate end cell). */
export function readPeriod(startCell: string, endCell: string): { start?: string; end?: string } {
  const st = tokens(startCell);
  const et = tokens(endCell);
  const start = excelSerialDate(startCell) ?? tokIso(st[0], false);
  const end = excelSerialDate(endCell) ?? tokIso(et[0], true) ?? tokIso(st[1], true);
  if (!start) return {};
  return end && end >= start ? { start, end } : { start };
}

// ------------------------------------------------------------------ yaml

function rosterYaml(
  roster: RosterDoc,
  people: PersonRec[],
  assignments: AssignmentRec[],
  ctx: { file?: string; sheets: number; problems: Diagnostic[] },
): string {
  const out: string[] = [];
  const fileName = ctx.file ? ctx.file.split(/[\\/]/).pop() : undefined;
  out.push(`# 下派人员名单 — 由 yilian import roster 从 ${fileName ?? '表格'} 导入（${ctx.sheets} 个工作表，${roster.people.length} 人，${roster.assignments.length} 条下派安排）。`);
  out.push('# 行尾注释写明每条记录来自表格的哪一行；标有“请核对”的地方需要人工确认。');
  const open = assignments.filter((x) => !x.a.start).length;
  const errs = ctx.problems.filter((p) => p.severity === 'error').length;
  const warns = ctx.problems.filter((p) => p.severity === 'warning').length;
  if (errs || warns || open) out.push(`# 请核对：${errs} 个错误、${warns} 个警告${open ? `，${open} 条下派安排缺少下派时间（已写成注释）` : ''}。`);
  out.push('kind: Roster');
  out.push('version: 1');
  if (roster.alliance) out.push(`alliance: ${flowScalar(roster.alliance)}`);
  out.push(people.length ? 'people:' : 'people: []');
  for (const p of people) {
    const map = flowMap(
      { name: p.person.name, gender: p.person.gender, unit: p.person.unit, specialty: p.person.specialty, title: p.person.title, phone: p.person.phone },
      ['phone'],
    );
    out.push(`  - ${map}  # ${comment([p.src, ...p.notes].join('；'))}`);
  }
  const written = assignments.filter((x) => x.a.start);
  // `assignments:` followed by nothing but comments would read as null, hence `[]`
  out.push(written.length ? 'assignments:' : 'assignments: []');
  for (const x of assignments) {
    const map = flowMap({ person: x.a.person, target: x.a.target, start: x.a.start, end: x.a.end, post: x.a.post, batch: x.a.batch, note: x.a.note });
    const note = comment([x.src, ...x.notes].join('；'));
    if (x.a.start) out.push(`  - ${map}  # ${note}`);
    else out.push(`  # 请核对（缺少 start）: - ${map}  # ${note}`);
  }
  return out.join('\n') + '\n';
}

function flowScalar(s: string): string {
  return flowMap({ x: s }).slice(5, -2);
}
