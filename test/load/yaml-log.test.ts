// The fast reader for one-entry-per-line logs (load/yaml-log.ts) against the precise path
// (load/yaml.ts): on random logs, broken ones included, both give the same values, the same
// diagnostics at the same places, and the same position of every value and key. Read as the
// workspace loader reads (typeEntries: a regular log's entries typed as they are read, else the
// same fallback), the typed documents, their diagnostics and every entry's traced source are
// the precise path's too.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseYamlDocuments, type PathKey, type RawDocument } from '../../src/load/yaml.js';
import { readYamlText } from '../../src/load/yaml-log.js';
import { PlanPositions } from '../../src/load/yaml-plan.js';
import { isMap, isSeq, parseAllDocuments, visit } from 'yaml';
import { locOf, typeDocument } from '../../src/load/schema.js';
import { DEFAULT_YAML_LIMITS } from '../../src/load/yaml-stream.js';
import { RawNumber } from '../../src/model/common.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { EntryStore } from '../../src/model/entry-store.js';

function both(text: string) {
  const precise: Diagnostic[] = [];
  const fast: Diagnostic[] = [];
  return {
    precise: { docs: parseYamlDocuments(text, 'log.yaml', precise, DEFAULT_YAML_LIMITS), diags: precise },
    fast: { docs: readYamlText(text, 'log.yaml', fast, DEFAULT_YAML_LIMITS), diags: fast },
  };
}

/** Values with RawNumber boxes shown as what they hold (toEqual alone ignores the class). */
function plain(v: unknown): unknown {
  if (v instanceof RawNumber) return { RawNumber: v.value, source: v.source };
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') return Object.entries(v).map(([k, x]) => [k, plain(x)]);
  return v;
}

/** Every path into a value (the document's own unless given), each with where the document puts its value and key. */
function positions(doc: RawDocument, value: unknown = doc.value): string[] {
  const out: string[] = [];
  const walk = (v: unknown, path: PathKey[]) => {
    out.push(`${path.join('.')} ${JSON.stringify(doc.positions.valueAt(path))} ${JSON.stringify(doc.positions.keyAt(path))}`);
    if (v instanceof RawNumber || !v || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v)) walk(x, [...path, Array.isArray(v) ? Number(k) : k]);
    walk(undefined, [...path, 'absent']);
  };
  walk(value, []);
  return out;
}

/** A typed document's data, and for a log where each entry and each of its fields was traced to. */
function typedView(doc: ReturnType<typeof typeDocument>): unknown[] {
  const entries = (doc?.data as { entries?: unknown }) ?.entries;
  const fields = ['date', 'person', 'unit', 'type', 'halfDays', 'note'];
  const traced = entries instanceof EntryStore ? [...entries].map((e) => [locOf(e), ...fields.map((f) => locOf(e, f))]) : [];
  return [JSON.stringify(doc?.data), traced];
}

/** Whether expectSameTyped's last text was read optimistically (its entries typed as read). */
let typedAsRead = false;

/** Read as the workspace loader reads (typeEntries), then typed: as the precise path and zod alone give it. */
function expectSameTyped(text: string, precise: { docs: RawDocument[]; diags: Diagnostic[] }): void {
  const diags: Diagnostic[] = [];
  const docs = readYamlText(text, 'log.yaml', diags, DEFAULT_YAML_LIMITS, { typeEntries: true });
  const reference = [...precise.diags];
  const typed = docs.map((d) => typedView(typeDocument(d, diags)));
  expect(typed).toEqual(precise.docs.map((d) => typedView(typeDocument(d, reference, true))));
  expect(diags).toEqual(reference);
  expect(docs.map((d, i) => positions(d, precise.docs[i]?.value))).toEqual(precise.docs.map((d) => positions(d)));
  typedAsRead = (docs[0]?.value as { entries?: unknown } | undefined)?.entries instanceof EntryStore;
}

function expectSame(text: string): void {
  const { precise, fast } = both(text);
  expectSameTyped(text, precise);
  expect(fast.diags).toEqual(precise.diags);
  expect(fast.docs.map((d) => plain(d.value))).toEqual(precise.docs.map((d) => plain(d.value)));
  expect(fast.docs.map(positions)).toEqual(precise.docs.map(positions));
  // Typed the same: entries checked by hand where plainly valid, by zod otherwise, against zod alone.
  for (let i = 0; i < fast.docs.length; i++) {
    const a: Diagnostic[] = [];
    const b: Diagnostic[] = [];
    const typed = typeDocument(fast.docs[i]!, a);
    const reference = typeDocument(precise.docs[i]!, b, true);
    expect(a).toEqual(b);
    expect(JSON.stringify(typed?.data)).toBe(JSON.stringify(reference?.data));
  }
}

// ------------------------------------------------------------------ random logs

const word = fc.constantFrom(
  '刘鹏飞', '寨河', '门诊', '查房', '培训', 'a000-u2', '医0-1', '心肺 复苏', '组⻓', '⼈员', '２０２１',
  '2021-06-03', '2021年6月3日', '2021/6/3', '12', '007', '-3', '+4', '1.5', '.5', '1e3', '0x1F', '0o17', '.inf', '.NaN',
  'null', 'Null', '~', 'true', 'False', 'yes', 'a b', 'a  b', 'x#y', 'a:b', 'a: b', '张三，unit: x', '全角：冒号', 'O\'Neil',
  '　门诊　', '\u00a0x', 'x\u200b', '\ufeffx', 'tab\there', 'a\\b', '*alias', '&anchor x', '!!str x', '[1, 2]', '{ a: 1 }', '', ' ',
);
const key = fc.constantFrom('date', 'person', 'unit', 'type', 'halfDays', 'note', 'Date', 'x_1', '日期', 'null', 'true', '1', '__proto__', 'a b');
const quoted = fc.oneof(
  word.map((w) => JSON.stringify(w)),
  word.map((w) => `'${w.replace(/'/g, "''")}'`),
  fc.constantFrom('"a\\"b"', '"a\\\\b"', '"a\\nb"', '"a\\tb"', '"\\u00e9"', '"\\x41"', '"C:\\path"', '"unclosed', "'unclosed", '"a" b'),
);
const value = fc.oneof({ weight: 3, arbitrary: word }, { weight: 1, arbitrary: quoted });
const pair = fc.tuple(key, value, fc.constantFrom(': ', ':  ', ':', ' : ', '：')).map(([k, v, c]) => `${k}${c}${v}`);
const flowMap = fc
  .tuple(fc.array(pair, { minLength: 0, maxLength: 6 }), fc.constantFrom(', ', ',', ' ,  ', '，'), fc.constantFrom('{ ', '{', '{  '), fc.constantFrom(' }', '}', ', }', ''))
  .map(([pairs, sep, open, close]) => `${open}${pairs.join(sep)}${close}`);
const comment = fc.constantFrom('', '  # 第2行', ' # x', '# no space', '  #', '  # 行\t尾', '  # a: b');
const valid = fc
  .tuple(fc.constantFrom('2021-06-03', '2021年6月3日', '2021-02-30'), fc.constantFrom('刘鹏飞', '组⻓', '12'), fc.constantFrom('寨河', 'a000-u2'), fc.constantFrom('门诊', '坐诊', '门诊　', '讲课'), fc.constantFrom('', ', halfDays: 2', ', halfDays: 63', ', halfDays: 1.5', ', note: 心肺复苏', ', note: 12', ', notes: x'))
  .map(([d, p, u, t, x]) => `  - { date: ${d}, person: ${p}, unit: ${u}, type: ${t}${x} }`);
const regular = fc
  .tuple(fc.array(fc.tuple(fc.constantFrom('date', 'person', 'unit', 'type', 'halfDays', 'note'), word), { minLength: 1, maxLength: 6 }), comment)
  .map(([pairs, c]) => `  - { ${[...new Map(pairs)].map(([k, v]) => `${k}: ${/^[\p{L}\p{N}][\p{L}\p{N} -]*$/u.test(v) ? v : JSON.stringify(v)}`).join(', ')} }${c}`);
const irregular = fc.oneof(
  fc.tuple(fc.constantFrom('  - ', '    - ', ' - ', '- ', '  -  ', '\t- ', '  -'), flowMap, comment).map(([a, b, c]) => a + b + c),
  fc.constantFrom(
    '  - date: 2021-06-04\n    person: 李四',
    '  - date: 2021-06-04\n   person: 李四',
    '  - { date: 2021-06-04,\n      person: 李四 }',
    '  - { date: 2021-06-04,\n  - { date: 2021-06-05 }',
    '  - &a { date: 2021-06-04 }',
    '  - *a',
    '  - !!map { date: x }',
    '  # 刘鹏飞 → 寨河',
    '# a comment',
    '      # indented comment',
    '',
    '   ',
    '\t',
    '  -',
    '  - ',
    '  - []',
    '  - "a string"',
    'note: 末尾备注',
    'note: |\n  多行\n  备注',
    'kind: Again',
    'entries:',
    '---',
    '...',
    '--- # second',
    '  - { date: 2021-06-04 } x',
    '  - { date: 2021-06-04 }# c',
    '  - { date: 2021-06-04 }}',
    '  - { date: "2021-06-04 }',
    "  - { note: 'it''s' }",
    '  - { date: 2021-06-04, date: 2021-06-05 }',
    '  - { date:2021-06-04, person: 李四 }',
    '  - { dates: 2021-06-04, person: 刘鹏飞飞 }',
    '  - { 日期：2021-06-04 }',
    '  - { date: 2021-06-04， person: 张三 }',
    '  ? complex',
    '  - { [a]: 1 }',
    '%YAML 1.1',
    '  - { a: \u2028 }',
    '  - { a: b\u0085c }',
  ),
);
const header = fc
  .tuple(
    fc.constantFrom('', '# 下沉工作记录\n', '# yaml-language-server: $schema=x\n'),
    fc.constantFrom('kind: ActivityLog\n', 'kind: ActivityLog\nversion: 1\n', 'kind: ActivityLog\nalliance: gs\nmonth: 2021-06\n', 'kind: ActivityLog\nnote: 组⻓\n', '---\nkind: ActivityLog\n', 'kind: ActivityLog\nkind: Twice\n', 'kind: [\n'),
    fc.constantFrom('entries:', 'entries:  ', 'entries: # 记录', 'entries:#x', 'entries: []'),
  )
  .map(([a, b, c]) => a + b + c);
const log = fc
  .tuple(header, fc.array(fc.oneof({ weight: 3, arbitrary: regular }, { weight: 4, arbitrary: valid }, { weight: 1, arbitrary: irregular }), { maxLength: 14 }), fc.constantFrom('\n', '\r\n'), fc.constantFrom('\n', '', '\n\n'))
  .map(([h, lines, nl, end]) => [h, ...lines].join('\n').replace(/\n/g, nl) + end);

// Logs as `yilian import activity` writes them, every line regular and plainly valid (read
// optimistically, typed as read), now and then turning irregular late (the optimistic reading
// dropped, the log read again by the general reader).
const plainEntry = fc
  .tuple(
    fc.constantFrom('2021-06-03', '2021年6月3日', '"2021-06-04"'),
    fc.constantFrom('刘鹏飞', '组⻓', '12', "'张三'"),
    fc.constantFrom('寨河', 'a000-u2'),
    fc.constantFrom('门诊', '坐诊', '"门诊　"', '查房'),
    fc.constantFrom('', ', halfDays: 2', ', halfDays: 62', ', note: 心肺复苏', ', note: 12', ', halfDays: 1, note: "a: b"'),
    fc.constantFrom('', '  # 第2行', ' #x'),
  )
  .map(([d, p, u, t, x, c]) => `  - { date: ${d}, person: ${p}, unit: ${u}, type: ${t}${x} }${c}`);
const neutral = fc.constantFrom('', '  # 注释', '# 注释', '   ', '      # 缩进的注释');
const regularLog = fc
  .tuple(
    fc.constantFrom('kind: ActivityLog\n', '# 记录\nkind: ActivityLog\nversion: 1\n', 'kind: ActivityLog\nalliance: gs\nmonth: 2021-06\n', 'kind: ActivityLog\nmonth: 六月\n', 'kind: ActivityLog\nextra: 1\n'),
    fc.constantFrom('entries:', 'entries: # 记录'),
    fc.constantFrom('  - ', '- ', '    - '),
    fc.array(fc.oneof({ weight: 8, arbitrary: plainEntry }, { weight: 1, arbitrary: neutral }), { maxLength: 20 }),
    fc.option(fc.tuple(fc.nat(3), fc.oneof(irregular, valid, regular, plainEntry.map((l) => '  ' + l))), { freq: 2 }),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([h, e, lead, lines, late, nl]) => {
    const body = lines.map((l) => l.replace(/^  - /, lead));
    if (late) body.splice(Math.max(0, body.length - late[0]), 0, late[1]);
    return { text: [h + e, ...body].join('\n').replace(/\n/g, nl) + nl, late: !!late };
  });

describe('the fast log reader agrees with the precise path', () => {
  it('on the form import activity writes', () => {
    const text = [
      '# 下沉工作记录 — 由 yilian import activity 从 考勤.xlsx 导入（3 条）。行尾注释写明来源行。',
      'kind: ActivityLog',
      'version: 1',
      'month: 2021-06',
      'entries:',
      '  - { date: 2021-06-03, person: 刘鹏飞, unit: 寨河, type: 门诊, halfDays: 2 }  # 第2行',
      '  - { date: 2021-06-03, person: 刘鹏飞, unit: 寨河, type: 培训, note: "心肺复苏: 理论" }  # 第3行',
      '  - { date: 2021-06-10, person: 组⻓, unit: 寨河, type: 查房 }  # 第4行',
      '',
    ].join('\n');
    expectSame(text);
    // …and that really went through the scanner: the positions of its entries are computed.
    const { fast } = both(text);
    expect(fast.docs[0]!.positions.values.size).toBe(0);
    expect(fast.docs[0]!.positions.valueAt(['entries', 1, 'note'])).toEqual({ file: 'log.yaml', line: 7, col: 64 });
    expect(fast.diags.map((d) => `${d.line}:${d.col} ${d.code}`)).toEqual(['8:33 text/radical-lookalike']);
  });

  it('where an irregular part sits between regular lines', () => {
    expectSame('kind: ActivityLog\nentries:\n  - { date: 2021-06-03, person: 张三 }\n  - date: 2021-06-04\n    person: 李四\n  - { date: 2021-06-05 }\n  - { a: 1 }\n  - { b: 2 }\nnote: 尾\n');
    expectSame('kind: ActivityLog\nentries:\n  - { date: 2021-06-03, person: 张三\n  - { date: 2021-06-05 }\n  - { a: 1 }\n  - { b: 2 }\n');
    expectSame('kind: ActivityLog\nentries:\n  - { a: 1 }\n    - { b: 2 }\n  - { c: 3 }\n  - { d: 4 }\n  - { e: 5 }\n');
  });

  it('where a line nearly repeats the keys and values of the line before', () => {
    // The scanner recognises a key or value the line before had in the same place without
    // reading it afresh: any difference must still be seen.
    const line = '  - { date: 2021-06-03, person: 刘鹏飞, unit: 寨河, type: 门诊, halfDays: 2 }';
    const variants = [
      '  - { date:2021-06-03, person: 刘鹏飞, unit: 寨河, type: 门诊, halfDays: 2 }',
      '  - { date : 2021-06-03, person: 刘鹏飞, unit: 寨河, type: 门诊, halfDays: 2 }',
      '  - { dates: 2021-06-03, person: 刘鹏飞, unit: 寨河, type: 门诊, halfDays: 2 }',
      '  - { dat: 2021-06-03, person: 刘鹏飞, unit: 寨河, type: 门诊, halfDays: 2 }',
      '  - { date: 2021-06-03, date: 2021-06-04, unit: 寨河 }',
      '  - { person: 刘鹏飞, date: 2021-06-03, unit: 寨河, type: 门诊, halfDays: 2 }',
      '  - { date: 2021-06-03, person: 刘鹏飞飞, unit: 寨河, type: 门诊, halfDays: 2 }',
      '  - { date: 2021-06-03, person: 刘鹏, unit: 寨河, type: 门诊, halfDays: 2 }',
      '  - { date: 2021-06-03, person: 刘鹏飞 , unit: 寨河 , type: 门诊, halfDays: 2 }',
      '  - { date: 2021-06-03, person: 刘鹏飞 x, unit: 寨河, type: 门诊, halfDays: 2 }',
      '  - { date: 2021-06-03, person: "刘鹏飞", unit: \'寨河\', type: 门诊, halfDays: 2 }',
      '  - { date: 2021-06-03, person: 刘鹏飞, unit: 寨河, type: 门诊, halfDays: 22 }',
      '  - { date: 2021-06-03, person: 刘鹏飞, unit: 寨河, type: 门诊, halfDays: 2.5 }',
      '  - { date: 2021-06-03, person: 刘鹏飞, unit: 寨河, type: 门诊, halfDays: 2e1 }',
      '  - { date: 2021-06-03, person: 刘鹏飞, unit: 寨河, type: 门诊 }',
      '  - { date: 2021-06-03, person: 刘鹏飞, unit: 寨河, type: 门诊, halfDays: 2, note: x }',
      '  - { date: 2021-06-030, person: 组⻓, unit: 寨河, type: 门诊, halfDays: 2 }',
      '  - { date: 2021-06-03, person: 组⻓, unit: 寨河, type: 门诊, halfDays: 2 }',
    ];
    for (const v of variants) expectSame(['kind: ActivityLog', 'entries:', line, v, line, v, ''].join('\n'));
  });

  it('on random logs, broken ones included', () => {
    let scanned = 0;
    fc.assert(
      fc.property(log, (text) => {
        expectSame(text);
        const { fast } = both(text);
        if (fast.docs[0] && fast.docs[0].positions.values.size === 0) scanned++;
      }),
      { numRuns: 300 },
    );
    // Not vacuous: many of the random logs went through the scanner rather than the fallback.
    expect(scanned).toBeGreaterThanOrEqual(15);
  });

  it('on random regular logs, read optimistically or, once a late line is irregular, by the general reader', () => {
    let optimistic = 0;
    let fallback = 0;
    fc.assert(
      fc.property(regularLog, ({ text, late }) => {
        expectSame(text);
        if (typedAsRead) optimistic++;
        else if (late) fallback++;
      }),
      { numRuns: 300 },
    );
    // Not vacuous: both ways were taken often.
    expect(optimistic).toBeGreaterThanOrEqual(100);
    expect(fallback).toBeGreaterThanOrEqual(50);
  });

  it('types a regular log as it reads it, and its entries point at their lines', () => {
    const text = 'kind: ActivityLog\nentries:\n  # 注释\n  - { date: 2021-06-03, person: 组⻓, unit: 寨河, type: 门诊 }\n\n  - { date: 2021年6月4日, person: 张三, unit: 寨河, type: 坐诊, halfDays: 2 }\n';
    expectSame(text);
    const diags: Diagnostic[] = [];
    const [doc] = readYamlText(text, 'log.yaml', diags, DEFAULT_YAML_LIMITS, { typeEntries: true });
    const store = (doc!.value as { entries: unknown }).entries as EntryStore;
    expect(store).toBeInstanceOf(EntryStore);
    expect(diags.map((d) => `${d.line}:${d.col} ${d.code}`)).toEqual(['4:33 text/radical-lookalike']);
    const typed = typeDocument(doc!, diags)!;
    expect(typed.data).toMatchObject({ kind: 'ActivityLog', entries: store });
    expect(locOf(store.at(1), 'halfDays')).toEqual({ file: 'log.yaml', line: 6, col: 66 });
  });
});

describe('memory', () => {
  const limits = { ...DEFAULT_YAML_LIMITS, memoryTokens: 100_000 };
  const line = (i: number) => `  - { date: 2021-06-03, person: 医0-${i % 50}, unit: a000-u2, type: 门诊, halfDays: 2 }  # 第${i + 2}行`;
  const regularLog = (n: number) => ['kind: ActivityLog', 'entries:', ...Array.from({ length: n }, (_, i) => line(i))].join('\n') + '\n';

  it('one-line entries are not parsed precisely, so the heap budget does not bound them', () => {
    const diags: Diagnostic[] = [];
    const docs = readYamlText(regularLog(20_000), 'log.yaml', diags, limits);
    expect(diags).toEqual([]);
    expect((docs[0]!.value as { entries: unknown[] }).entries).toHaveLength(20_000);
  });

  it('an irregular part too large for the heap is one sentence at its place, not a crash', () => {
    const blocks = Array.from({ length: 8_000 }, (_, i) => `  - date: 2021-06-03\n    person: 医0-${i}\n    unit: a000-u2\n    type: 门诊`).join('\n');
    const diags: Diagnostic[] = [];
    const docs = readYamlText(regularLog(3).replace(/\n$/, '\n' + blocks + '\n'), 'log.yaml', diags, limits);
    expect(docs).toEqual([]);
    expect(diags.map((d) => `${d.line} ${d.code}`)).toEqual([expect.stringMatching(/^\d+ yaml\/too-large-for-memory$/)]);
    expect(diags[0]!.message.zh).toContain('一行一条');
    expect(diags[0]!.line).toBeGreaterThan(5);
    // The precise path refuses the whole file the same way.
    const precise: Diagnostic[] = [];
    parseYamlDocuments(blocks, 'log.yaml', precise, limits);
    expect(precise.map((d) => d.code)).toEqual(['yaml/too-large-for-memory']);
  });
});

// ------------------------------------------------------------------ plan files (load/yaml-plan.ts)

/** Whether a document's lists were read by the plan reader's scanner (not only by `yaml`). */
const scannedPlan = (doc: RawDocument | undefined) => doc?.positions instanceof PlanPositions;
/** …and whether without `yaml` at all. */
const scannedAlone = (doc: RawDocument | undefined) => doc?.positions instanceof PlanPositions && !doc.positions.withYaml;

// Mostly well-formed lines, as real plan files are; now and then a broken or irregular one.
const goodScalar = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('医0-1', 'a000-lead1', '门诊', '主管护师', '第0县人民医院', '2021-04-15', '4月底', '44', '007', '1', '0', 'x', '心肺 复苏', '组⻓', '⼈员', 'MICU', 'B超室', '外科、皮肤科') },
  { weight: 2, arbitrary: fc.constantFrom('"13800000000"', "'x'", '"a\\"b"', '"a, b"', "'it''s'", '"组⻓"', '"2021-04-15"', '"1"', '"# 不是注释"', '"a\\nb"', '"　门诊　"') },
);
const planScalar = fc.oneof({ weight: 12, arbitrary: goodScalar }, { weight: 1, arbitrary: word }, { weight: 1, arbitrary: quoted });
const goodKey = fc.constantFrom('id', 'name', 'unit', 'role', 'level', 'lead', 'no', 'task', 'due', 'done', 'amount', 'grade', 'per', 'payer', 'min', 'phone', 'staff', 'activities', 'assumed', 'professional');
const planKey = fc.oneof({ weight: 30, arbitrary: goodKey }, { weight: 1, arbitrary: fc.constantFrom('a b', '1', 'null', '__proto__', 'Id') });
const flowSeq = fc
  .tuple(fc.array(planScalar, { maxLength: 4 }), fc.constantFrom(', ', ',', ' , '), fc.constantFrom('[', '[ '), fc.oneof({ weight: 20, arbitrary: fc.constantFrom(']', ' ]') }, { weight: 1, arbitrary: fc.constantFrom(', ]', '') }))
  .map(([xs, sep, open, close]) => `${open}${xs.join(sep)}${close}`);
const pairs = (value: fc.Arbitrary<string>, max: number) => fc.uniqueArray(fc.tuple(planKey, value), { minLength: 1, maxLength: max, selector: ([k]) => k });
const innerMap = fc
  .tuple(pairs(fc.oneof({ weight: 3, arbitrary: planScalar }, { weight: 1, arbitrary: flowSeq }), 3), fc.constantFrom('{ ', '{'), fc.oneof({ weight: 20, arbitrary: fc.constantFrom(' }', '}') }, { weight: 1, arbitrary: fc.constant('') }))
  .map(([ps, open, close]) => `${open}${ps.map(([k, v]) => `${k}: ${v}`).join(', ')}${close}`);
const planValue = fc.oneof({ weight: 8, arbitrary: planScalar }, { weight: 1, arbitrary: flowSeq }, { weight: 1, arbitrary: innerMap }, { weight: 1, arbitrary: fc.constantFrom('{}', '[]', '{ staff: { professional: 44 } }') });
/** One item line after its indent and dash. */
const planItem = fc
  .tuple(pairs(planValue, 6), fc.constantFrom(', ', ',', ' ,'), fc.oneof({ weight: 6, arbitrary: fc.constantFrom('', '  # 第2行', ' # x') }, { weight: 1, arbitrary: comment }))
  .map(([ps, sep, c]) => `{ ${ps.map(([k, v]) => `${k}: ${v}`).join(sep)} }${c}`);
const planIrregular = fc.constantFrom(
  '  - id: x\n    name: 块写法',
  '  - id: y\n    members:\n      - { name: 张三, role: 组长 }\n      - { name: 李四, role: 成员 }',
  '  - { id: z,\n      name: 跨行 }',
  '  - &a { id: a }',
  '  - !!map { id: a }',
  '  -',
  '  - 门诊',
  '  # 注释',
  '',
  '\t- { id: t }',
  'note: |\n  - { id: 在块文字里 }\n  - { id: 也在 }',
  'note: >-\n  折叠\n  文字',
  'cycle: { start: 2021-01-01, end: 2021-12-31 }',
  'version: 2',
  '---',
  '--- # 第二个文档\nkind: Roster',
  '...',
  '  - { id: dup, id: dup2 }',
  '  - { id: "C:\\path" }',
  "  - { note: 'it''s' }",
  '  - { id: a }}',
  '  - { id: 1.5, no: .5, x: 1e3, y: 0x1F, z: true, w: ~ }',
  '  - { id: a, id: b }',
  '    - { id: deeper }',
  '- { id: shallower }',
);
const planKeyLine = fc.constantFrom('people:', 'units:', 'rules:', 'items:', 'rates:', 'allowances:', 'people: # 名单', 'members:', 'entries:', 'assignments:');
const section = fc
  .tuple(planKeyLine, fc.constantFrom('  - ', '- ', '    - ', '  -  '), fc.array(fc.oneof({ weight: 12, arbitrary: planItem }, { weight: 1, arbitrary: planIrregular }), { maxLength: 8 }))
  .map(([k, lead, lines]) => [k, ...lines.map((l) => (l.startsWith('{') ? lead + l : l))].join('\n'));
const planHeader = fc
  .tuple(
    fc.constantFrom('', '# yaml-language-server: $schema=x\n', '# 名单\n'),
    fc.oneof(
      { weight: 10, arbitrary: fc.constantFrom('kind: Roster\n', 'kind: Alliance\nid: a000\n', 'kind: Quotas\n', 'kind: WorkPlan\nyear: 2021\n', 'kind: SubsidyPolicy\neffective: 2021-01-01\n', '') },
      { weight: 1, arbitrary: fc.constantFrom('kind: Roster\nkind: Twice\n', '%YAML 1.1\n---\nkind: Roster\n', '---\n') },
    ),
    fc.constantFrom('', 'version: 1\n', 'alliance: a000\nversion: 1\n', 'note: 组⻓\n', 'cycle: { start: 2021-01-01, end: 2021-12-31 }\n'),
  )
  .map(([a, b, c]) => a + b + c);
const plan = fc
  .tuple(planHeader, fc.uniqueArray(section, { minLength: 1, maxLength: 3, selector: (s) => s.split(/[: ]/)[0] }), fc.constantFrom('', 'note: 末尾\n', '---\nkind: Roster\npeople:\n  - { name: 张三 }\n'), fc.constantFrom('\n', '\r\n'))
  .map(([h, sections, tail, nl]) => (h + sections.join('\n') + '\n' + tail).replace(/\r?\n/g, nl));

// Plan files of only the regular form (the scanner reads them whole, without `yaml`), now and then broken by one line.
const goodValue = fc.oneof(
  { weight: 8, arbitrary: goodScalar },
  { weight: 1, arbitrary: fc.array(goodScalar, { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`) },
  { weight: 1, arbitrary: fc.constantFrom('{ professional: 44 }', '{ start: 2021-01-01, end: "2021-12-31" }', '{ a: [x, "y"], b: { c: 组⻓ } }', '{}') },
);
const goodItem = fc.uniqueArray(fc.tuple(goodKey, goodValue), { minLength: 1, maxLength: 6, selector: ([k]) => k }).map((ps) => `{ ${ps.map(([k, v]) => `${k}: ${v}`).join(', ')} }`);
const flatPlan = fc
  .tuple(
    fc.uniqueArray(fc.tuple(fc.constantFrom('kind', 'version', 'alliance', 'id', 'name', 'note', 'cycle', 'year', 'effective'), goodValue, fc.constantFrom('', ' # 注释', '  #x')), { maxLength: 5, selector: ([k]) => k }),
    fc.uniqueArray(fc.tuple(fc.constantFrom('people', 'units', 'rules', 'items', 'rates', 'allowances'), fc.constantFrom('', ' # 名单'), fc.constantFrom('  - ', '- ', '    - '), fc.array(fc.oneof({ weight: 8, arbitrary: goodItem }, { weight: 1, arbitrary: fc.constantFrom('', '# 注释', '  # 注释') }), { minLength: 1, maxLength: 5 })), { minLength: 1, maxLength: 3, selector: ([k]) => k }),
    fc.oneof({ weight: 8, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('note:\n', 'note: |\n  x\n', 'kind: Roster\n', '  - id: x\n', '---\n', 'note: a\n  b\n', 'version: 1.0\n', 'x: [a, b, ]\n') }),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([head, lists, tail, nl]) =>
    (
      head.map(([k, v, c]) => `${k}: ${v}${c}\n`).join('') +
      lists.map(([k, c, lead, lines]) => `${k}:${c}\n${lines.map((l) => (l.startsWith('{') ? lead + l : l) + '\n').join('')}`).join('') +
      tail
    ).replace(/\r?\n/g, nl),
  );

// Block mappings and lists nested a few levels (groups with members, compact `- key: value`
// items, `key:` with nothing under it, lists at their key's indent), now and then one line moved or broken.
type BVal = { inline: string } | { empty: true } | { l: BItem[] } | { m: [string, BVal][] };
type BItem = { flow: string } | { scalar: string } | { m: [string, BVal][] };
const block = fc.letrec<{ map: { m: [string, BVal][] }; list: { l: BItem[] }; value: BVal; item: BItem }>((tie) => ({
  map: fc.uniqueArray(fc.tuple(goodKey, tie('value')), { minLength: 1, maxLength: 4, selector: ([k]) => k }).map((m) => ({ m })),
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, goodValue.map((inline) => ({ inline })), fc.constant({ empty: true as const }), tie('list'), tie('map')),
  list: fc.array(tie('item'), { minLength: 1, maxLength: 4 }).map((l) => ({ l })),
  item: fc.oneof({ depthSize: 'small', withCrossShrink: true }, goodItem.map((flow) => ({ flow })), goodScalar.map((scalar) => ({ scalar })), tie('map')),
}));
function renderBlock(top: [string, BVal][], listStep: number): string[] {
  const lines: string[] = [];
  const map = (m: [string, BVal][], indent: number, first?: string) =>
    m.forEach(([k, v], i) => {
      const lead = i === 0 && first !== undefined ? first : ' '.repeat(indent);
      if ('inline' in v) lines.push(`${lead}${k}: ${v.inline}`);
      else if ('empty' in v) lines.push(`${lead}${k}:`);
      else {
        lines.push(`${lead}${k}:`);
        if ('l' in v) list(v.l, indent + listStep);
        else map(v.m, indent + 2);
      }
    });
  const list = (l: BItem[], indent: number) => {
    for (const item of l) {
      const dash = ' '.repeat(indent) + '- ';
      if ('flow' in item) lines.push(dash + item.flow);
      else if ('scalar' in item) lines.push(dash + item.scalar);
      else map(item.m, indent + 2, dash);
    }
  };
  map(top, 0);
  return lines;
}
const blockPlan = fc
  .tuple(block.map, fc.constantFrom(0, 2), fc.option(fc.tuple(fc.nat(), fc.constantFrom(' ', '  ', '\t', '# ', '- ', 'x: y\n')), { freq: 4 }), fc.constantFrom('\n', '\r\n'))
  .map(([{ m }, step, broken, nl]) => {
    const lines = renderBlock([['kind', { inline: 'Alliance' }], ...m.filter(([k]) => k !== 'kind')], step);
    if (broken) lines[broken[0] % lines.length] = broken[1] + lines[broken[0] % lines.length];
    return lines.join(nl) + nl;
  });

/** A plan file with its top-level lists of maps rewritten one flow map per line (as `yilian import roster` writes them). */
function oneLineLists(text: string): string {
  const docs = parseAllDocuments(text);
  return docs
    .map((doc) => {
      if (isMap(doc.contents))
        for (const pair of doc.contents.items)
          if (isSeq(pair.value))
            for (const item of pair.value.items)
              if (isMap(item))
                visit(item, {
                  Map: (_, n) => void (n.flow = true),
                  Seq: (_, n) => void (n.flow = true),
                  Scalar: (_, n) => void (n.type === 'BLOCK_FOLDED' || n.type === 'BLOCK_LITERAL' ? (n.type = 'QUOTE_DOUBLE') : undefined),
                });
      return doc.toString({ lineWidth: 0, minContentWidth: 0 });
    })
    .join('');
}

describe('the plan reader agrees with the precise path', () => {
  it('on the form yilian import roster writes, with nested flow maps and flow lists', () => {
    const text = [
      'kind: Alliance',
      'version: 1',
      'id: a000',
      'cycle: { start: 2021-01-01, end: 2021-12-31 }',
      'units:',
      '  - { id: a000-lead1, name: 第0县人民医院, role: lead, level: county }',
      '  - { id: a000-u2, name: 第0县第2乡镇卫生院, role: member, lead: a000-lead1, staff: { professional: 44 }, aliases: [第2卫生院, "u,2"] }',
      '  # 组⻓',
      '  - { id: a000-u3, name: 组⻓, staff: { professional: 046 } }',
      'rules:',
      '- { role: 组长, count: 1 }',
      'note: 尾',
      '',
    ].join('\n');
    expectSame(text);
    const { fast } = both(text);
    expect(scannedPlan(fast.docs[0])).toBe(true);
    const p = fast.docs[0]!.positions;
    expect(p.valueAt(['units', 1, 'staff', 'professional'])).toEqual({ file: 'log.yaml', line: 7, col: 93 });
    expect(p.keyAt(['units', 1, 'staff', 'professional'])).toEqual({ file: 'log.yaml', line: 7, col: 79 });
    expect(p.valueAt(['units', 1, 'aliases', 1])).toEqual({ file: 'log.yaml', line: 7, col: 116 });
    expect(fast.diags.map((d) => `${d.line}:${d.col} ${d.code}`)).toEqual(['9:26 text/radical-lookalike']);
  });

  it('reads an alliance as the bench writes it (groups, members, a flow list of flow maps) without `yaml`', () => {
    const text = [
      'kind: Alliance',
      'id: a000',
      'cycle: { start: 2021-01-01, end: 2021-12-31 }',
      'units:',
      '  - { id: a000-lead1, name: 第0县人民医院, role: lead, level: county }',
      '  - { id: a000-u2, name: 第0县第2乡镇卫生院, role: member, lead: a000-lead1, staff: { professional: 44 } }',
      'groups:',
      '  - id: leading',
      '    name: 领导小组',
      '    members:',
      '      - { name: 组长0, role: 组长 }',
      '      - { name: 副组长0, role: 副组⻓ }',
      '    rules: [ { role: 组长, count: 1 } ]',
      'note: 末行之后有换行',
      '',
    ].join('\n');
    expectSame(text);
    const { fast } = both(text);
    expect(scannedAlone(fast.docs[0])).toBe(true);
    expect(fast.docs[0]!.positions.keyAt(['groups', 0, 'rules', 0, 'count'])).toEqual({ file: 'log.yaml', line: 13, col: 26 });
    expect(fast.diags.map((d) => `${d.line}:${d.col} ${d.code}`)).toEqual(['12:29 text/radical-lookalike']);
  });

  it('where lists sit inside block items, block text or several documents', () => {
    const cases: [string, boolean][] = [
      // the members' lines are items of a nested list: read again by `yaml`, the units' lines still scanned
      ['kind: Alliance\ngroups:\n  - id: g\n    members:\n      - { name: 张三 }\n      - { name: 李四 }\nunits:\n  - { id: u1 }\n  - { id: u2 }\n', true],
      ['kind: Roster\nnote: |\n  - { name: 在块文字里 }\npeople:\n  - { name: 张三 }\n', true],
      ['kind: Roster\npeople:\n  - { name: 张三 }\n---\nkind: Roster\npeople:\n  - { name: 李四 }\n  - { name: 王五 }\n', true],
      // an error anywhere: the precise path says it
      ['kind: Roster\npeople:\n  - { name: 张三 }\n  - { name: 李四, name: 王五 }\n', false],
      // …a key repeated after it was left empty too
      ['kind: Alliance\nid:\n    id:\n    phone: 医0-1\n    id: "13800000000"\n', false],
    ];
    for (const [text, scanned] of cases) {
      expectSame(text);
      expect(both(text).fast.docs.some(scannedPlan)).toBe(scanned);
    }
  });

  it('on random plan files, broken ones included', () => {
    let scanned = 0;
    let alone = 0;
    fc.assert(
      fc.property(plan, (text) => {
        expectSame(text);
        const { docs } = both(text).fast;
        if (docs.some(scannedPlan)) scanned++;
        if (docs.some(scannedAlone)) alone++;
      }),
      { numRuns: 200 },
    );
    // Not vacuous: many of the random files went through the scanner rather than the precise
    // path, with and without `yaml` for the lines around the lists.
    expect(scanned).toBeGreaterThan(20);
    expect(scanned - alone).toBeGreaterThan(10);
  });

  it('on random plan files of the regular form, read without `yaml`', () => {
    let alone = 0;
    fc.assert(
      fc.property(flatPlan, (text) => {
        expectSame(text);
        if (both(text).fast.docs.some(scannedAlone)) alone++;
      }),
      { numRuns: 150 },
    );
    expect(alone).toBeGreaterThan(50);
  });

  it('on random block-structured plan files, read without `yaml`', () => {
    let alone = 0;
    fc.assert(
      fc.property(blockPlan, (text) => {
        expectSame(text);
        if (both(text).fast.docs.some(scannedAlone)) alone++;
      }),
      { numRuns: 150 },
    );
    expect(alone).toBeGreaterThan(50);
  });

  it('on the examples, as written and with every list written one flow map per line', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    let scanned = 0;
    for (const dir of await readdir('examples'))
      for (const name of (await readdir(`examples/${dir}`)).filter((f) => f.endsWith('.yaml'))) {
        const text = await readFile(`examples/${dir}/${name}`, 'utf8');
        const flow = oneLineLists(text);
        expectSame(text);
        expectSame(flow);
        // The rewrite holds the same plan: typed alike, as the precise path reads both.
        const typed = (t: string) => parseYamlDocuments(t, 'log.yaml', [], DEFAULT_YAML_LIMITS).map((d) => JSON.stringify(typeDocument(d, [])?.data));
        expect(typed(flow)).toEqual(typed(text));
        scanned += both(flow).fast.docs.filter(scannedPlan).length;
      }
    expect(scanned).toBeGreaterThanOrEqual(15);
  });
});
