// 问题清单: every finding as of the date that the workspace's severity settings leave on — errors
// first, then warnings and notes (级别, in the words check's table uses), so a soft rule (原则上)
// shows here as it does in check — and each period check finds without data, one row per quota
// and period; each names its item (number and short task) or quota (its text), and the file as
// the caller shows it (workspace-relative). Pure.
import { codeLabel } from '../codes/index.js';
import type { AllianceEntry, Workspace } from '../load/workspace.js';
import { sortDiagnostics, type Diagnostic, type Lang, type Severity } from '../model/diagnostic.js';
import type { WorkPlan } from '../model/kinds.js';
import { NO_DATA } from '../rules/quota-wording.js';
import { SEVERITY_WORDS } from './check.js';
import { shortTask } from './timeline.js';
import { chooser, table, type ReportCell, type ReportSection } from './report-model.js';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface IssueCounts {
  /** Rows of each level. */
  errors: number;
  warnings: number;
  infos: number;
  /** Rows for periods without data (check's quota/no-data, one per quota and period), of any level. */
  noData: number;
}

export function issueSection(
  ws: Workspace,
  alliance: AllianceEntry,
  findings: Diagnostic[],
  lang: Lang,
  showFile: (file: string) => string = (f) => f,
): { section: ReportSection; counts: IssueCounts } {
  const l = chooser(lang);
  // With several alliances in the workspace, only the findings from this alliance's files.
  const files = ws.alliances.length > 1 ? new Set(ws.docs.filter((d) => d === alliance.doc || ws.allianceFor((d.data as { alliance?: string }).alliance) === alliance).map((d) => d.file)) : undefined;
  const mine = (f: Diagnostic) => !files || !f.file || files.has(f.file);
  // errors first, then warnings, then notes; within a level in check's order (file, line)
  const shown = sortDiagnostics(findings.filter(mine)).sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  const where = (f: Diagnostic) => (f.file ? (f.line ? `${showFile(f.file)}:${f.line}:${f.col ?? 1}` : showFile(f.file)) : '');
  const label = (f: Diagnostic) => codeLabel(f.code)?.[lang] ?? f.code;
  const rows: { severity: Severity; cells: ReportCell[] }[] = [];
  const counts: IssueCounts = { errors: 0, warnings: 0, infos: 0, noData: 0 };
  const push = (f: Diagnostic, period: string, message: string) => {
    rows.push({ severity: f.severity, cells: [SEVERITY_WORDS[f.severity][lang], label(f), subjectOf(ws, f), period, message, where(f)] });
    counts[f.severity === 'error' ? 'errors' : f.severity === 'warning' ? 'warnings' : 'infos']++;
  };
  for (const f of shown) {
    if (f.code !== 'quota/no-data') {
      push(f, String(f.data?.period ?? f.data?.due ?? ''), f.message[lang]);
      continue;
    }
    // a period without data: one row per quota and period, as check words it
    const periods = Array.isArray(f.data?.periods) && f.data.periods.length > 1 ? (f.data.periods as string[]) : undefined;
    const reason = typeof f.data?.reason === 'string' ? NO_DATA[f.data.reason] : undefined;
    const text = typeof f.data?.text === 'string' ? f.data.text : '';
    if (!periods || !reason) {
      const one = Array.isArray(f.data?.periods) && f.data.periods.length === 1 ? String(f.data.periods[0]) : String(f.data?.period ?? '');
      push(f, one, f.message[lang]);
      counts.noData++;
      continue;
    }
    for (const p of periods) push(f, p, l(`${p} ${reason.zh}，无法检查（${text}）`, `${reason.en} for ${p}; cannot check (${text})`));
    counts.noData += periods.length;
  }
  const soft = [counts.warnings ? l(`${counts.warnings} 条警告`, `${counts.warnings} warning(s)`) : '', counts.infos ? l(`${counts.infos} 条提示`, `${counts.infos} note(s)`) : ''].filter(Boolean);
  const lines = [
    (counts.errors
      ? l(`截至报告日共有 ${counts.errors} 个问题（逾期、漏期、未达标等）`, `${counts.errors} problems as of the report date (overdue, missed, below quota …)`)
      : l('没有需要整改的问题', 'No problems to put right')) +
      (soft.length ? l(`，另有 ${soft.join('、')}`, `; also ${soft.join(' and ')}`) : '') +
      (rows.length ? l('，按级别逐条列出如下（错误在前）。', ', listed below by level, errors first.') : l('。', '.')),
    ...(counts.noData ? [l(`另有 ${counts.noData} 处缺少数据、无法检查（按指标和期间逐条列出）。`, `${counts.noData} periods could not be checked for lack of data (one row per quota and period).`)] : []),
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
            [l('级别', 'Level'), 'status'],
            [l('类别', 'Kind'), 'status'],
            [l('事项/指标', 'Item / quota'), 'text'],
            [l('期限/期间', 'Due / period'), 'text'],
            [l('说明', 'Note'), 'text'],
            [l('位置', 'Where'), 'text'],
          ],
          rows.map((r, i) => [i + 1, ...r.cells]),
          l('没有问题。', 'No problems.'),
        ),
      ],
      charts: [],
    },
    counts,
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
