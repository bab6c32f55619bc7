// 问题清单: every error finding as of the date, and each period check warns has no data, one row
// per quota and period; each names its item (number and short task) or quota (its text), and the
// file as the caller shows it (workspace-relative). Pure.
import { codeLabel } from '../codes/index.js';
import type { AllianceEntry, Workspace } from '../load/workspace.js';
import { sortDiagnostics, type Diagnostic, type Lang } from '../model/diagnostic.js';
import type { WorkPlan } from '../model/kinds.js';
import { NO_DATA } from '../rules/quota-wording.js';
import { shortTask } from './timeline.js';
import { chooser, table, type ReportCell, type ReportSection } from './report-model.js';

export function issueSection(
  ws: Workspace,
  alliance: AllianceEntry,
  findings: Diagnostic[],
  lang: Lang,
  showFile: (file: string) => string = (f) => f,
): { section: ReportSection; issues: number; noData: number } {
  const l = chooser(lang);
  // With several alliances in the workspace, only the findings from this alliance's files.
  const files = ws.alliances.length > 1 ? new Set(ws.docs.filter((d) => d === alliance.doc || ws.allianceFor((d.data as { alliance?: string }).alliance) === alliance).map((d) => d.file)) : undefined;
  const mine = (f: Diagnostic) => !files || !f.file || files.has(f.file);
  const errors = sortDiagnostics(findings.filter((f) => f.severity === 'error' && mine(f)));
  // periods without data are warnings in check; the list shows them too, one row per quota and period
  const gaps = sortDiagnostics(findings.filter((f) => f.code === 'quota/no-data' && f.severity !== 'error' && mine(f)));
  const where = (f: Diagnostic) => (f.file ? (f.line ? `${showFile(f.file)}:${f.line}:${f.col ?? 1}` : showFile(f.file)) : '');
  const label = (f: Diagnostic) => codeLabel(f.code)?.[lang] ?? f.code;
  const rows: ReportCell[][] = [];
  for (const f of errors) rows.push([label(f), subjectOf(ws, f), String(f.data?.period ?? f.data?.due ?? ''), f.message[lang], where(f)]);
  let noData = 0;
  for (const f of gaps) {
    const periods = Array.isArray(f.data?.periods) && f.data.periods.length > 1 ? (f.data.periods as string[]) : undefined;
    const reason = typeof f.data?.reason === 'string' ? NO_DATA[f.data.reason] : undefined;
    const text = typeof f.data?.text === 'string' ? f.data.text : '';
    if (!periods || !reason) {
      const one = Array.isArray(f.data?.periods) && f.data.periods.length === 1 ? String(f.data.periods[0]) : String(f.data?.period ?? '');
      rows.push([label(f), subjectOf(ws, f), one, f.message[lang], where(f)]);
      noData++;
      continue;
    }
    for (const p of periods) rows.push([label(f), subjectOf(ws, f), p, l(`${p} ${reason.zh}，无法检查（${text}）`, `${reason.en} for ${p}; cannot check (${text})`), where(f)]);
    noData += periods.length;
  }
  const lines = [
    errors.length
      ? l(`截至报告日共有 ${errors.length} 个问题（逾期、漏期、未达标等），逐条列出如下。`, `${errors.length} problems as of the report date (overdue, missed, below quota …), listed below.`)
      : l('没有需要整改的问题。', 'No problems to put right.'),
    ...(noData ? [l(`另有 ${noData} 处缺少数据、无法检查（按指标和期间逐条列出）。`, `${noData} periods could not be checked for lack of data (one row per quota and period).`)] : []),
  ];
  return {
    section: {
      id: 'issues',
      title: l('五、问题清单', '5. Problems'),
      lines,
      tables: [
        table(
          'issues',
          l('问题清单', 'Problems'),
          [
            [l('序号', 'No.'), 'int'],
            [l('类别', 'Kind'), 'status'],
            [l('事项/指标', 'Item / quota'), 'text'],
            [l('期限/期间', 'Due / period'), 'text'],
            [l('说明', 'Note'), 'text'],
            [l('位置', 'Where'), 'text'],
          ],
          rows.map((r, i) => [i + 1, ...r]),
          l('没有问题。', 'No problems.'),
        ),
      ],
      charts: [],
    },
    issues: errors.length,
    noData,
  };
}

/** What a finding is about, as a clerk names it: 第7项 with its short task, or the quota's text (never its id). */
function subjectOf(ws: Workspace, f: Diagnostic): string {
  const item = f.data?.item;
  if (item !== undefined) {
    const plans = ws.docs.filter((d) => d.kind === 'WorkPlan' && (!f.file || d.file === f.file)).map((d) => d.data as WorkPlan);
    const found = plans.flatMap((p) => p.items).find((x) => String(x.no) === String(item));
    return found ? `${found.no} ${shortTask(found.task)}` : String(item);
  }
  const quota = f.data?.quota;
  if (typeof quota !== 'string') return '';
  if (typeof f.data?.text === 'string') return f.data.text;
  return ws.data('Quotas').flatMap((d) => d.rules).find((r) => r.id === quota)?.text ?? quota;
}
