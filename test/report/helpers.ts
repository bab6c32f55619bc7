// Shared by the report tests: build the progress report of an example the way the CLI does.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadWorkspace } from '../../src/io/workspace.js';
import { collectFindings } from '../../src/reports/findings.js';
import { buildProgressReport, type ProgressReport } from '../../src/reports/progress.js';
import { parsePeriodKey } from '../../src/time/periods.js';
import type { Lang } from '../../src/model/diagnostic.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function exampleReport(dir: string, asOf: string, period: string, lang: Lang = 'zh'): Promise<ProgressReport> {
  const { workspace } = await loadWorkspace([path.join(ROOT, 'examples', dir)]);
  const alliance = workspace.alliances[0]!;
  return buildProgressReport({ ws: workspace, alliance, asOf, period: parsePeriodKey(period)!, findings: collectFindings(workspace, asOf, 14), lang });
}

export function section(r: ProgressReport, id: string) {
  const s = r.sections.find((x) => x.id === id);
  if (!s) throw new Error(`no section ${id}`);
  return s;
}

export function tableOf(r: ProgressReport, id: string) {
  for (const s of r.sections) for (const t of s.tables) if (t.id === id) return t;
  throw new Error(`no table ${id}`);
}

/** Column index by header. */
export const col = (t: { columns: { header: string }[] }, header: string) => {
  const i = t.columns.findIndex((c) => c.header === header);
  if (i < 0) throw new Error(`no column ${header}`);
  return i;
};
