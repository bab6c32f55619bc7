// The code registry: every finding code yilian can emit, with its description, help, default
// severity and label. Rules declare their codes on the rule module (meta.codes, ESLint style); this
// module collects them from the rule registry, plus the families no rule raises, which live in
// modules of their own: reading and loading (yaml, text, io, doc, schema), settings, import and
// the commands' outputs (roster, subsidy). Consumers (SARIF rules[], check's 类别 column, explain)
// ask this module only.
import type { Text } from '../model/diagnostic.js';
import { SCHEDULE_RULES, STRUCTURE_CHECKS } from '../rules/registry.js';
import type { CodeDeclaration, CodeFamily } from './declare.js';
import { IMPORT_CODES } from './import.js';
import { IO_CODES } from './io.js';
import { DOC_CODES, SCHEMA_CODES, TEXT_CODES, YAML_CODES } from './loader.js';
import { ROSTER_CODES, SUBSIDY_CODES } from './outputs.js';
import { SETTINGS_CODES } from './settings.js';

export type { CodeDeclaration, CodeFamily, CodeSpec } from './declare.js';
export { family } from './declare.js';

/** Every family, in the order tables group them: reading and settings, each rule's, the commands'. */
export const CODE_FAMILIES: readonly CodeFamily[] = [
  YAML_CODES,
  TEXT_CODES,
  IO_CODES,
  DOC_CODES,
  SCHEMA_CODES,
  SETTINGS_CODES,
  ...[...Object.values(STRUCTURE_CHECKS), ...Object.values(SCHEDULE_RULES)].flatMap((r) => r.meta.codes),
  ROSTER_CODES,
  SUBSIDY_CODES,
  IMPORT_CODES,
];

const byId = new Map<string, CodeDeclaration>();
const familyByPrefix = new Map<string, CodeFamily>();
for (const f of CODE_FAMILIES) {
  // Two rules may share a family (deadline/*, quota/*); the first declaration's label stands.
  if (!familyByPrefix.has(f.prefix)) familyByPrefix.set(f.prefix, f);
  for (const c of f.codes) for (const id of [c.id, ...(c.deprecatedIds ?? [])]) byId.set(id, c);
}

/** Every declared code, sorted by id (code point order, the same on every machine). */
export const ALL_CODES: readonly CodeDeclaration[] = CODE_FAMILIES.flatMap((f) => f.codes).sort((a, b) =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
);

/** The declaration of a code, also found by one of its former ids; undefined if undeclared. */
export function codeInfo(id: string): CodeDeclaration | undefined {
  return byId.get(id);
}

/** A code's short label for tables: its own, else its family's; undefined for an unknown family. */
export function codeLabel(id: string): Text | undefined {
  return codeInfo(id)?.label ?? familyByPrefix.get(id.split('/')[0]!)?.label;
}

/** Families whose codes no workspace setting or `--rule` may change: a file that does not load has nothing else to check. */
export const LOCKED_FAMILIES: readonly string[] = ['yaml', 'text', 'doc', 'schema', 'io', 'import', 'settings'];
