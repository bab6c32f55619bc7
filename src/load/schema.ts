// Raw documents → typed documents, with zod issues turned into positioned diagnostics.
import type { z } from 'zod';
import { RawNumber } from '../model/common.js';
import { t, type Diagnostic, type SourcePos, type Text } from '../model/diagnostic.js';
import { activityEntrySchema, activityLogSchema, KIND_SCHEMAS, KINDS, type ActivityEntry, type Kind, type KindTypes } from '../model/kinds.js';
import { quickAppend } from './activity-entry.js';
import { EntryStore } from '../model/entry-store.js';
import { registerOrigins } from './origin.js';
export { registerOrigins, setOrigin, locOf } from './origin.js';

const activityLogShape = activityLogSchema.shape;
import { didYouMean } from './suggest.js';
import { DOC_CODES, SCHEMA_CODES } from '../codes/loader.js';
import type { Extra } from '../codes/declare.js';
import { PositionIndex, type PathKey, type RawDocument } from './yaml.js';

export interface TypedDocument<K extends Kind = Kind> {
  kind: K;
  file: string;
  index: number;
  data: KindTypes[K];
  positions: PositionIndex;
}

export function typeDocument(raw: RawDocument, diags: Diagnostic[], wholeZod = false): TypedDocument | undefined {
  const v = raw.value;
  const here = raw.positions.valueAt([]);
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    diags.push(DOC_CODES.raise('doc/not-a-mapping', {}, here));
    return undefined;
  }
  const kind = (v as Record<string, unknown>).kind;
  const kinds = t(`可用的 kind：${KINDS.join('、')}。`, `Kinds: ${KINDS.join(', ')}.`);
  if (kind === undefined) {
    diags.push(DOC_CODES.raise('doc/missing-kind', {}, { ...here, hint: kinds }));
    return undefined;
  }
  if (typeof kind !== 'string' || !(KINDS as string[]).includes(kind)) {
    const s = typeof kind === 'string' ? didYouMean(kind, KINDS) : undefined;
    const extra = { ...raw.positions.valueAt(['kind']), hint: kinds };
    diags.push(
      typeof kind !== 'string'
        ? DOC_CODES.raise('doc/unknown-kind', 'notText', { got: describeInput(kind) }, extra)
        : s
          ? DOC_CODES.raise('doc/unknown-kind', 'didYouMean', { kind, suggestion: s }, extra)
          : DOC_CODES.raise('doc/unknown-kind', 'unknown', { kind }, extra),
    );
    return undefined;
  }
  const schema = KIND_SCHEMAS[kind as Kind] as z.ZodType;
  // Entries the reader typed already (an EntryStore: see yaml-log.ts) are for parseLog alone, even with wholeZod.
  const entries = (v as Record<string, unknown>).entries;
  const log = kind === 'ActivityLog' && ((!wholeZod && Array.isArray(entries)) || entries instanceof EntryStore);
  const res = log ? parseLog(v as Record<string, unknown>) : schema.safeParse(v);
  if (!res.success) {
    // zod's int() adds its own safe-integer bound: where the field has a bound of its own, that one says it.
    const own = new Set(res.error.issues.filter((i) => i.code === 'too_big' && i.maximum !== Number.MAX_SAFE_INTEGER).map((i) => i.path.join('\u0000')));
    for (const issue of res.error.issues) {
      if (issue.code === 'too_big' && issue.maximum === Number.MAX_SAFE_INTEGER && own.has(issue.path.join('\u0000'))) continue;
      diags.push(issueToDiagnostic(issue, v, raw.positions, schema));
    }
    return undefined;
  }
  // zod alone gives the entries as a list: the workspace holds them as columns either way.
  const data = res.data as { entries?: unknown };
  if (kind === 'ActivityLog' && Array.isArray(data.entries)) data.entries = EntryStore.from(data.entries as ActivityEntry[]);
  registerOrigins(res.data, raw.positions);
  return { kind: kind as Kind, file: raw.file, index: raw.index, data: res.data as never, positions: raw.positions };
}

type ParseResult = { success: true; data: unknown } | { success: false; error: { issues: Issue[] } };

/**
 * An activity log as zod would parse it, with its entries checked by quickAppend and only the
 * others by zod: the same data, and the same issues in zod's order (the fields before
 * `entries`, the entries, the fields after, then unknown keys). Entries given as an EntryStore
 * were all accepted by quickAppend as they were read: they are kept.
 */
function parseLog(v: Record<string, unknown>): ParseResult {
  const head = KIND_SCHEMAS.ActivityLog.safeParse({ ...v, entries: [] });
  const { typed, entryIssues } = v.entries instanceof EntryStore ? { typed: v.entries, entryIssues: [] } : typeEntries(v.entries as unknown[]);
  if (head.success && !entryIssues.length) {
    (head.data as { entries: unknown }).entries = typed;
    return { success: true, data: head.data };
  }
  const headIssues = head.success ? [] : head.error.issues;
  const order = Object.keys(activityLogShape);
  const before = (i: Issue) => i.path.length > 0 && order.indexOf(String(i.path[0])) < order.indexOf('entries');
  return { success: false, error: { issues: [...headIssues.filter(before), ...entryIssues, ...headIssues.filter((i) => !before(i))] } };
}

/** A log's entries typed into a store, each by quickAppend where it can and zod otherwise, with zod's issues. */
function typeEntries(entries: unknown[]): { typed: EntryStore; entryIssues: Issue[] } {
  const typed = new EntryStore();
  const entryIssues: Issue[] = [];
  for (let i = 0; i < entries.length; i++) {
    if (quickAppend(typed, entries[i])) continue;
    const r = activityEntrySchema.safeParse(entries[i]);
    if (r.success) typed.append(r.data);
    else for (const issue of r.error.issues) entryIssues.push({ ...issue, path: ['entries', i, ...issue.path] } as Issue);
  }
  return { typed, entryIssues };
}

// ------------------------------------------------------------------ issue → diagnostic

const TYPE_NAMES: Record<string, Text> = {
  string: t('文本', 'text'),
  number: t('数字', 'a number'),
  int: t('整数', 'an integer'),
  boolean: t('true 或 false', 'true or false'),
  array: t('列表（- 开头的多行，或 [a, b]）', 'a list'),
  object: t('字段映射（key: value）', 'a mapping (key: value)'),
  undefined: t('空', 'nothing'),
};

function describeInput(x: unknown): Text {
  if (x instanceof RawNumber) return t(`数字 ${x.source}`, `the number ${x.source}`);
  if (x === undefined || x === null) return TYPE_NAMES.undefined!;
  if (Array.isArray(x)) return TYPE_NAMES.array!;
  if (typeof x === 'string') return t(`文本「${x}」`, `the text "${x}"`);
  if (typeof x === 'boolean') return t(String(x), String(x));
  return TYPE_NAMES[typeof x] ?? t(typeof x, typeof x);
}

function valueAtPath(root: unknown, path: readonly PathKey[]): unknown {
  let cur = root;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PathKey, unknown>)[k];
  }
  return cur;
}

/** The finding of a value a field's own check (zod `custom`/`invalid_format`, named by its message) refuses. */
const FORMAT_MESSAGES: Record<string, (value: string, extra: Extra) => Diagnostic> = {
  date: (value, extra) =>
    SCHEMA_CODES.raise('schema/invalid-date', { value }, { ...extra, hint: t('日期写作 2017-05-15 或 2017年5月15日，且该日须存在（如没有 2月30日）。', 'Write dates as 2017-05-15 or 2017年5月15日; the day must exist.') }),
  month: (value, extra) => SCHEMA_CODES.raise('schema/invalid-month', { value }, { ...extra, hint: t('月份写作 2017-05 或 2017年5月。', 'Write months as 2017-05 or 2017年5月.') }),
  slug: (value, extra) => SCHEMA_CODES.raise('schema/invalid-id', { value }, { ...extra, hint: t('例如 gs-rmyy；中文名称写在 name 字段。', 'e.g. gs-rmyy; put the Chinese name in name.') }),
  yuan: (value, extra) => SCHEMA_CODES.raise('schema/invalid-money', { value }, extra),
  period: (value, extra) =>
    SCHEMA_CODES.raise('schema/invalid-period', { value }, {
      ...extra,
      hint: t('写作 2024、2024-Q1、2024-H1、2024-06，或起止日期 2021-05-01~2022-04-30。', 'Write 2024, 2024-Q1, 2024-H1, 2024-06, or a span of dates 2021-05-01~2022-04-30.'),
    }),
  years: (value, extra) => SCHEMA_CODES.raise('schema/invalid-years', { value }, { ...extra, hint: t('写作 2018-2022。', 'Write 2018-2022.') }),
  comparison: (value, extra) => SCHEMA_CODES.raise('schema/invalid-comparison', { value }, { ...extra, hint: t('写作 ">= 6" 这样的比较（需加引号）。', 'Write a comparison such as ">= 6" (quoted).') }),
  'indicator-whose': (_, extra) =>
    SCHEMA_CODES.raise('schema/missing-field', 'indicatorWhose', {}, { ...extra, hint: t('例如 { period: 2018, alliance: liangping-2018, poorResidents: 21386 }。', 'e.g. { period: 2018, alliance: liangping-2018, poorResidents: 21386 }.') }),
  'indicator-both': (_, extra) => SCHEMA_CODES.raise('schema/invalid', 'indicatorBoth', {}, { ...extra, hint: t('整体数据与各单位数据分开写成两条。', 'Write the whole\'s figures and a unit\'s as two entries.') }),
  'deliverable-due': (value, extra) =>
    SCHEMA_CODES.raise('schema/invalid', 'deliverableDue', { value }, {
      ...extra,
      hint: t('写作 结束时（默认）、结束后一个月内 或 结束后30天内（从下派结束之日算起）。', 'Write 结束时 (the default), 结束后一个月内 or 结束后30天内 (counted from the day the dispatch ends).'),
    }),
  'indicator-number': (value, extra) => SCHEMA_CODES.raise('schema/wrong-type', 'indicatorNumber', { value }, extra),
};

type Issue = z.core.$ZodIssue;

function issueToDiagnostic(issue: Issue, root: unknown, positions: PositionIndex, schema: z.ZodType): Diagnostic {
  const path = issue.path as PathKey[];
  const input = valueAtPath(root, path);
  const here = { ...positions.valueAt(path), path };
  const field = path.length ? String(path[path.length - 1]) : '';

  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    const valid = expectedKeys(schema, path);
    const s = didYouMean(key, valid);
    const extra = {
      ...positions.keyAt([...path, key]),
      path: [...path, key],
      hint: valid.length ? t(`此处可用的字段：${valid.join('、')}。`, `Valid keys here: ${valid.join(', ')}.`) : undefined,
      data: { key, suggestions: s ? valid : [] },
    };
    return s ? SCHEMA_CODES.raise('schema/unknown-key', 'didYouMean', { key, suggestion: s }, extra) : SCHEMA_CODES.raise('schema/unknown-key', 'unknown', { key }, extra);
  }
  // zod reports a missing enum or union field as invalid_value/invalid_union: still "missing".
  const missing = (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union') && input === undefined;
  if (missing && typeof path[path.length - 1] === 'number') {
    const list = String(path[path.length - 2] ?? '');
    const n = Number(path[path.length - 1]) + 1;
    return SCHEMA_CODES.raise('schema/empty', 'item', { list, n }, { ...here, hint: t('删除这一行的 -，或在其后写出内容。', 'Delete the lone -, or write the item after it.') });
  }
  if (missing) return SCHEMA_CODES.raise('schema/missing-field', 'field', { field, where: pathText(path) }, { ...positions.valueAt(path.slice(0, -1)), path });
  if (issue.code === 'invalid_type') {
    const expected = TYPE_NAMES[issue.expected] ?? t(issue.expected, issue.expected);
    const quoteHint =
      issue.expected === 'string' && !(input instanceof RawNumber) ? t('文本可直接写，含特殊符号时加引号。', 'Write text as is; quote it if it has special characters.') : undefined;
    return SCHEMA_CODES.raise('schema/wrong-type', 'type', { field, expected, got: describeInput(input) }, { ...here, hint: quoteHint });
  }
  if (issue.code === 'invalid_value') {
    const options = issue.values.map(String);
    const value = input instanceof RawNumber ? input.source : String(input);
    const s = didYouMean(value, options);
    const extra = { ...here, hint: t(`可选：${options.join('、')}。`, `Allowed: ${options.join(', ')}.`) };
    return s
      ? SCHEMA_CODES.raise('schema/invalid-value', 'didYouMean', { field, value, suggestion: s }, extra)
      : SCHEMA_CODES.raise('schema/invalid-value', 'unknown', { field, value }, extra);
  }
  if ((issue.code === 'custom' || issue.code === 'invalid_format') && FORMAT_MESSAGES[issue.message]) {
    const shown = input instanceof RawNumber ? input.source : String(input);
    return FORMAT_MESSAGES[issue.message]!(shown, here);
  }
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const small = issue.code === 'too_small';
    if (issue.origin === 'string' && small) return SCHEMA_CODES.raise('schema/empty', 'text', { field }, here);
    const bound = String(small ? issue.minimum : issue.maximum);
    const id = issue.origin === 'array' ? (small ? 'fewItems' : 'manyItems') : small ? 'tooSmall' : 'tooBig';
    return SCHEMA_CODES.raise('schema/out-of-range', id, { field, bound }, here);
  }
  if (issue.code === 'invalid_union')
    return SCHEMA_CODES.raise('schema/wrong-type', 'form', { field, got: describeInput(input) }, { ...here, ...(UNION_FORMS[field] ? { hint: UNION_FORMS[field] } : {}) });
  return SCHEMA_CODES.raise('schema/invalid', 'zod', { field, problem: issue.message }, here);
}

/** The forms a field written several ways accepts, said where one is written wrong. */
const UNION_FORMS: Record<string, Text> = {
  each: t('写作 each: unit（每家成员单位），或 each: { unit: { role: member, level: township } }，或 each: { units: [单位, …] }。', 'Write each: unit (every member unit), each: { unit: { role: member, level: township } }, or each: { units: [unit, …] }.'),
};

function pathText(path: PathKey[]): Text {
  const parent = path.slice(0, -1);
  if (!parent.length) return t('', '');
  const s = parent.map((p) => (typeof p === 'number' ? `[${p + 1}]` : `.${p}`)).join('').replace(/^\./, '');
  return t(`（位于 ${s}）`, ` (in ${s})`);
}

/** The keys the strict object at `path` accepts: zod 4 does not report them with
 * unrecognized_keys, so walk the kind's schema along the path. */
function expectedKeys(schema: z.ZodType, path: readonly PathKey[]): string[] {
  let cur: unknown = schema;
  const unwrap = (s: unknown): unknown => {
    for (let i = 0; i < 10; i++) {
      const def = (s as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
      if (!def) return s;
      if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault')
        s = def.innerType;
      else if (def.type === 'pipe') s = (def.out as { _zod: { def: { type: string } } })._zod.def.type === 'transform' ? def.in : def.out;
      else if (def.type === 'union') s = (def.options as unknown[]).find((o) => (unwrap(o) as { _zod: { def: { type: string } } })._zod.def.type === 'object') ?? s;
      else return s;
      if (def.type === 'union') return unwrap(s) === s ? s : unwrap(s);
    }
    return s;
  };
  for (const k of [...path, null]) {
    cur = unwrap(cur);
    const def = (cur as { _zod: { def: Record<string, unknown> } })._zod.def;
    if (k === null) return def.type === 'object' ? Object.keys(def.shape as object) : [];
    if (def.type === 'object') cur = (def.shape as Record<string, unknown>)[String(k)];
    else if (def.type === 'array') cur = def.element;
    else return [];
    if (!cur) return [];
  }
  return [];
}

/** A zod issue of one table row (validated on its own) as a diagnostic at that row. */
export function entryIssueDiagnostic(issue: Issue, row: unknown, positions: PositionIndex, prefix: PathKey[]): Diagnostic {
  const root: Record<PathKey, unknown> = {};
  let cur = root;
  prefix.forEach((k, i) => {
    const next: Record<PathKey, unknown> = i === prefix.length - 1 ? (row as Record<PathKey, unknown>) : {};
    cur[k] = next;
    cur = next;
  });
  return issueToDiagnostic({ ...issue, path: [...prefix, ...issue.path] } as Issue, root, positions, KIND_SCHEMAS.ActivityLog as z.ZodType);
}
