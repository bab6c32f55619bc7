// Mistakes clerks make when they type or paste plan files on Chinese Windows/WPS: full-width
// punctuation (：，), a byte-order mark in the middle of a file (two files pasted together),
// Windows paths in double quotes, very long pasted lines. Each must be one clear Chinese
// sentence at the right place, never the parser's English and never silently dropped text.
import { describe, expect, it } from 'vitest';
import { parseYamlDocuments } from '../../src/load/yaml.js';
import { typeDocument } from '../../src/load/schema.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { ActivityLog } from '../../src/model/kinds.js';

function load(text: string) {
  const diags: Diagnostic[] = [];
  const docs = parseYamlDocuments(text, 'a.yaml', diags).map((r) => typeDocument(r, diags));
  return { docs, diags, brief: diags.map((d) => `${d.line}:${d.col} ${d.code}`) };
}

const PLAN = (items: string) => `kind: WorkPlan\nyear: 2021\nitems:\n${items}`;
/** No Latin words in a Chinese message (codes and field names like due: are fine). */
const noEnglishSentence = (d: Diagnostic) => expect(d.message.zh + (d.hint?.zh ?? '')).not.toMatch(/[A-Za-z]{3,} [A-Za-z]{3,} [A-Za-z]{3,}/);

describe('full-width punctuation from Chinese input methods', () => {
  it('a full-width comma between flow-map fields: Chinese message that names the comma', () => {
    const { diags } = load(PLAN('  - { no: 3, task: 任务三, due: 6月底, lead: 医务科， done: 2021-06-01 }\n'));
    expect(diags).toHaveLength(1);
    noEnglishSentence(diags[0]!);
    expect(diags[0]!.message.zh + diags[0]!.hint!.zh).toContain('，');
  });

  it('a full-width colon after a block key: the hint names the colon', () => {
    const { diags } = load(PLAN('  - no: 4\n    task： 任务四\n    due: 6月底\n    lead: 医务科\n'));
    expect(diags.map((d) => d.code)).toEqual(['yaml/syntax']);
    expect(diags[0]!.hint!.zh).toContain('：');
    noEnglishSentence(diags[0]!);
  });

  it('a flow-map entry with no colon at all (due：6月底, or a stray word) is an error at it, not silently dropped', () => {
    const a = load(PLAN('  - { no: 1, task: 任务一, due：6月底, lead: 医务科 }\n'));
    expect(a.brief).toEqual(['4:25 yaml/syntax']);
    expect(a.diags[0]!.message.zh).toContain('due：6月底');
    expect(a.diags[0]!.message.zh + a.diags[0]!.hint!.zh).toContain('全角');
    const b = load(PLAN('  - { no: 1, task: 任务一, due: 6月底, lead: 医务科, 已完成 }\n'));
    expect(b.brief).toEqual(['4:46 yaml/syntax']);
    expect(b.diags[0]!.message.zh).toContain('已完成');
    // `key:` with nothing after it still means "not given".
    expect(load(PLAN('  - { no: 1, task: 任务一, due: 6月底, lead: 医务科, note: }\n')).diags).toEqual([]);
  });
});

describe('pasted text', () => {
  it('a byte-order mark at the start of a later document (two files pasted together) is ignored', () => {
    const { docs, diags } = load(`kind: Calendar\nholidays: [2021-06-18]\n---\n\uFEFFkind: Calendar\nworkdays: [2021-09-18]\n`);
    expect(diags).toEqual([]);
    expect(docs.map((d) => d?.kind)).toEqual(['Calendar', 'Calendar']);
  });

  it('a Windows path in double quotes: Chinese message about the backslash', () => {
    const { diags } = load('kind: Calendar\nnote: "见 C:\\Users\\办公室\\通知.doc"\n');
    expect(diags.map((d) => d.code)).toEqual(['yaml/syntax']);
    noEnglishSentence(diags[0]!);
    expect(diags[0]!.message.zh + diags[0]!.hint!.zh).toContain('单引号');
  });

  it('a very long pasted line read as a key: Chinese message', () => {
    const { diags } = load(`kind: Calendar\n${'通知原文'.repeat(300)}: 1\n`);
    expect(diags.length).toBeGreaterThan(0);
    for (const d of diags) noEnglishSentence(d);
  });

  it('an ideographic or no-break space after a value, a quoted trailing space, a zero-width space inside: read as the clerk sees it', () => {
    const log = [
      'kind: ActivityLog',
      'entries:',
      '  - { date: 2021-06-03, person: 刘鹏飞, unit: 寨河, type: 门诊\u3000}',
      '  - { date: 2021-06-03, person: 刘鹏飞, unit: 寨河, type: 门诊\u00A0}',
      '  - { date: "2021-06-03\u200B", person: 刘\u200B鹏飞, unit: "寨河 ", type: "门诊 " }',
      '  - { date: 2021-06-03, person: 刘鹏飞, unit: 寨河, type: 门诊, note: "\u3000备注" }',
      '',
    ].join('\n');
    const { docs, diags } = load(log);
    expect(diags).toEqual([]);
    const entries = [...(docs[0]!.data as ActivityLog).entries];
    expect(entries.map((e) => [e.date, e.person, e.unit, e.type])).toEqual(Array(4).fill(['2021-06-03', '刘鹏飞', '寨河', '门诊']));
    expect(entries[3]!.note).toBe('备注');
  });

  it('a huge number is one message with the bound of the field, not also 9007199254740991', () => {
    const { diags } = load('kind: ActivityLog\nentries:\n  - { date: 2021-06-03, person: 刘鹏飞, unit: 寨河, type: 门诊, halfDays: 99999999999999999999 }\n');
    expect(diags.map((d) => d.message.zh)).toEqual(['字段「halfDays」的值不能大于 62。']);
  });
});
