// What a finding code is, declared once: the words SARIF `rules[]`, the check table's 类别 column
// and `yilian explain` show for it. Declarations are plain data grouped by family (the part of the
// code before the slash, the id of the rule that raises it); a rule carries its families in
// meta.codes, and the registry (codes/index.ts) collects them with the families no rule raises.
import type { Severity, Text } from '../model/diagnostic.js';

export interface CodeSpec {
  /** The severity the code is normally raised with (a raise site may pick another). */
  severity: Severity;
  /** One line: what the finding means. */
  description: Text;
  /** How to fix it, in a sentence or two. */
  help: Text;
  /** A short kind label for tables (check's 类别 column); the family's label otherwise. */
  label?: Text;
  /** Former ids of a renamed code, kept so CI alerts keyed on them stay stable (SARIF `deprecatedIds`). */
  deprecatedIds?: readonly string[];
}

export interface CodeDeclaration extends CodeSpec {
  /** The family prefix, a slash and the name, e.g. `deadline/overdue`. */
  id: string;
}

export interface CodeFamily {
  prefix: string;
  /** Label of the family in tables (check groups findings by it). */
  label: Text;
  codes: readonly CodeDeclaration[];
}

/** Declare the codes of one family: `family('deadline', t('期限', 'deadline'), { overdue: {…} })`. */
export function family(prefix: string, label: Text, specs: Record<string, CodeSpec>): CodeFamily {
  return { prefix, label, codes: Object.entries(specs).map(([name, spec]) => ({ id: `${prefix}/${name}`, ...spec })) };
}
