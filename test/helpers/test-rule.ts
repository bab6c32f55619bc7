// testRule: run one registered rule over inline YAML, loaded through the real loader (the same
// parseYamlDocuments → typeDocument → Workspace path `validate` takes, minus the file system).
import { parseYamlDocuments } from '../../src/load/yaml.js';
import { typeDocument, type TypedDocument } from '../../src/load/schema.js';
import { Workspace } from '../../src/load/workspace.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import * as registry from '../../src/rules/index.js';
import type { Rule, RuleContext } from '../../src/rules/rule.js';

/** Every rule of every registry src/rules/index.ts exports (STRUCTURE_RULES, SCHEDULE_RULES …). */
const RULES: Record<string, Rule> = Object.assign(
  {},
  ...Object.values(registry).filter(
    (v): v is Record<string, Rule> =>
      typeof v === 'object' && v !== null && Object.values(v).every((r) => typeof (r as Partial<Rule>)?.check === 'function'),
  ),
);

/** One YAML text (file `a.yaml`) or several: `{ 'alliance.yaml': '…', 'roster.yaml': '…' }`. */
export type InlineFiles = string | Record<string, string>;

/** Strip the common leading indentation so inline YAML can be indented with the test code. */
export function dedent(s: string): string {
  const lines = s.replace(/^\n/, '').replace(/\n[ \t]*$/, '\n').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

export function loadInline(files: InlineFiles): { workspace: Workspace; diagnostics: Diagnostic[] } {
  const map = typeof files === 'string' ? { 'a.yaml': files } : files;
  const diagnostics: Diagnostic[] = [];
  const docs: TypedDocument[] = [];
  for (const [file, text] of Object.entries(map))
    for (const raw of parseYamlDocuments(dedent(text), file, diagnostics)) {
      const doc = typeDocument(raw, diagnostics);
      if (doc) docs.push(doc);
    }
  return { workspace: new Workspace(docs), diagnostics };
}

export interface Found {
  code: string;
  severity: string;
  /** `file:line:col` */
  at: string;
  message: string;
}

/**
 * Run the rule registered under `ruleId` (its key in a registry of src/rules/index.ts) and return what it
 * reports, in a compact form for assertions. The inline YAML must load clean: a schema error in
 * a test's input is a broken test, not a rule finding, so it throws.
 */
export function testRule(ruleId: string, files: InlineFiles, ctx: RuleContext = {}): Found[] {
  const rule = RULES[ruleId];
  if (!rule) throw new Error(`no rule registered as "${ruleId}" in src/rules/index.ts`);
  const { workspace, diagnostics } = loadInline(files);
  if (diagnostics.length)
    throw new Error(
      `the test input does not load clean:\n${diagnostics.map((d) => `  ${d.file}:${d.line}:${d.col} ${d.code} ${d.message.en}`).join('\n')}`,
    );
  if (!workspace.docs.length) throw new Error('the test input holds no documents');
  return rule.check(workspace, ctx).map((d) => ({
    code: d.code,
    severity: d.severity,
    at: `${d.file}:${d.line}:${d.col}`,
    message: d.message.en,
  }));
}

/** A one-lead alliance with three members, for rule tests that need units to reference. */
export const ALLIANCE = `
  kind: Alliance
  id: gs
  name: 光山县医疗服务集团
  type: 医共体
  cycle: { start: 2021-05-01, end: 2022-04-30 }
  units:
    - { id: gs-rmyy, name: 光山县人民医院, role: lead, level: county }
    - { id: zhaihe, name: 光山县人民医院寨河镇分院, aliases: [寨河], role: member, lead: gs-rmyy }
    - { id: pohe, name: 光山县人民医院泼河镇分院, aliases: [泼河], role: member, lead: gs-rmyy }
`;

/**
 * `file:line:col` of `needle` in `text` (dedented as testRule loads it), found after `prefix`:
 * locate('a.yaml', yaml, '寨和', 'target: ') is where the 寨和 that follows "target: " starts.
 * The prefix+needle must occur exactly once, so a test names the token it means, and expected
 * positions come from the text itself rather than from the loader under test.
 */
export function locate(file: string, text: string, needle: string, prefix = ''): string {
  const src = dedent(text);
  const probe = prefix + needle;
  const i = src.indexOf(probe);
  if (i < 0) throw new Error(`locate: "${probe}" not found in ${file}`);
  if (src.indexOf(probe, i + 1) >= 0) throw new Error(`locate: "${probe}" occurs more than once in ${file}`);
  const before = src.slice(0, i + prefix.length);
  const line = before.split('\n').length;
  const col = before.length - before.lastIndexOf('\n');
  return `${file}:${line}:${col}`;
}
