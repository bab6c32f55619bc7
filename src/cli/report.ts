// yilian report [paths…] [--as-of D] [--period 2021-Q2] -o F.{xlsx,docx,html,md}: the 进展报告 an
// office hands in each quarter — work-plan status, quota attainment, dispatch coverage,
// referrals and the list of problems — from one model, as a workbook, a Word 公文, an HTML page
// or markdown.
import path from 'node:path';
import type { Command } from 'commander';
import { t } from '../model/diagnostic.js';
import { workspacePathFor } from '../io/read.js';
import { collectFindings } from '../reports/findings.js';
import { judgeQuotas } from '../judge/quotas.js';
import { buildProgressReport, ITEM_STATUSES, itemStatusWord, periodWord } from '../reports/progress.js';
import { addDays } from '../time/dates.js';
import { parsePeriodKey, periodOf } from '../time/periods.js';
import { EMPTY_NAME } from '../io/write.js';
import { EXIT, globalOptions, sayFor, type GlobalOptions, type Io } from './context.js';
import { defaultAsOf, parseAsOfOption, parseSizeOption, DEFAULT_MAX_FILE_SIZE } from './options.js';
import { chooseAlliance, loadValidWorkspace, printDiagnostics, writeOutputFile, writeStdout } from './output-workspace.js';

/** Look-ahead of the report's problem list (due soon, terms ending): check's default --within. */
const REPORT_WITHIN_DAYS = 14;

export const REPORT_FORMATS = ['xlsx', 'docx', 'html', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportOpts {
  output?: string;
  asOf?: string;
  period?: string;
  format?: string;
  alliance?: string;
  force?: boolean;
  maxFileSize?: string;
}

/** The format an output name asks for: .xlsx, .docx, .html/.htm, .md/.markdown. */
export function formatOfPath(p: string): ReportFormat | undefined {
  const ext = path.extname(p).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.docx') return 'docx';
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.md' || ext === '.markdown') return 'md';
  return undefined;
}

/** The command's arguments, options and action; main.ts made `command` with its name and description. */
export function register(command: Command, io: Io, setExit: (code: number) => void): void {
  command
    .argument('[paths...]', '文件或目录（默认当前目录）/ files or folders (default: .)')
    .option('-o, --output <file>', '输出文件（.xlsx、.docx、.html 或 .md），- 为标准输出 / output file, - for stdout')
    .option('--as-of <date>', '报告日期（默认今天，北京时间）/ as-of date (default: today in China)')
    .option('--period <period>', '报告期：2021、2021-H1、2021-Q2、2021-06（默认为报告日期所在季度；季度结束后 15 天内为上一季度）/ report period (default: the as-of quarter, or the previous one in the first 15 days after it ends)')
    .option('--format <format>', 'xlsx | docx | html | md（默认按 -o 的扩展名）/ default: from the -o extension')
    .option('--alliance <ref>', '工作区有多个医联体时指定一个 / which alliance, when there are several')
    .option('--force', '覆盖已存在的输出文件 / replace an existing output file')
    .option('--max-file-size <size>', '单个文件大小上限 / per-file size limit', DEFAULT_MAX_FILE_SIZE)
    .action(async (paths: string[], opts: ReportOpts, cmd: Command) => {
      setExit(await runReport(paths, opts, io, globalOptions(cmd, io)));
    });
}

/** The whole of `yilian report`: write the report, print what was written, return the exit code. */
/** `warnings: false` when the caller has shown the plan files' warnings already (check did). */
export async function runReport(paths: string[], opts: ReportOpts, io: Io, g: GlobalOptions, show = { warnings: true }): Promise<number> {
  const say = sayFor(g);
  const maxFileBytes = parseSizeOption(opts.maxFileSize, io, g);
  if (maxFileBytes === undefined) return EXIT.usage;
  const asOf = opts.asOf === undefined ? defaultAsOf(io) : parseAsOfOption(opts.asOf, io, g);
  if (!asOf) return EXIT.usage;
  // Default: the quarter being reported on. Offices hand in a quarter's report in the first
  // two weeks after it ends, so in those weeks that is the previous quarter.
  const period = opts.period === undefined ? periodOf('quarter', addDays(asOf, -15)) : parsePeriodKey(opts.period);
  if (!period || period.kind === 'cycle') {
    io.err(say(`--period「${opts.period}」无效，应写作 2021、2021-H1、2021-Q2 或 2021-06。`, `--period "${opts.period}" is not valid; write 2021, 2021-H1, 2021-Q2 or 2021-06.`));
    return EXIT.usage;
  }
  if (opts.output !== undefined && !opts.output.trim()) {
    io.err(EMPTY_NAME[g.lang]);
    return EXIT.usage;
  }
  let format: ReportFormat | undefined;
  if (opts.format !== undefined) {
    const f = opts.format.toLowerCase().replace(/^\./, '');
    format = f === 'markdown' ? 'md' : f === 'htm' ? 'html' : (REPORT_FORMATS as readonly string[]).includes(f) ? (f as ReportFormat) : undefined;
    if (!format) {
      io.err(say(`不支持的输出格式「${opts.format}」，可选：xlsx、docx、html、md。`, `Unknown format "${opts.format}"; use xlsx, docx, html or md.`));
      return EXIT.usage;
    }
  } else if (opts.output !== undefined && opts.output !== '-') {
    format = formatOfPath(opts.output);
    if (!format) {
      io.err(say(`无法从「${opts.output}」看出输出格式：请用 .xlsx、.docx、.html 或 .md 结尾，或加 --format。`, `Cannot tell the format from "${opts.output}": end it in .xlsx, .docx, .html or .md, or add --format.`));
      return EXIT.usage;
    }
  }
  // a file defaults to xlsx; standard output to markdown
  format ??= opts.output === '-' ? 'md' : 'xlsx';
  const output = opts.output ?? `进展报告-${period.key}.${format}`;
  if (output === '-' && (format === 'xlsx' || format === 'docx') && io.isTTY) {
    io.err(say(`${format} 是二进制文件，不输出到终端；请用 -o 文件名.${format}。`, `${format} is binary and is not written to a terminal; use -o file.${format}.`));
    return EXIT.usage;
  }

  const loaded = await loadValidWorkspace(paths, maxFileBytes, io, g, t('进展报告', 'report'));
  if (!loaded.ok) return loaded.exit;
  const { workspace, files, warnings } = loaded.value;
  const owners = (['WorkPlan', 'Quotas', 'Roster', 'Referrals'] as const).flatMap((k) => workspace.data(k).map((d) => d.alliance));
  const chosen = chooseAlliance(workspace, opts.alliance, owners, io, g, t('计划文件', 'Plan files'));
  if (!chosen.ok) return chosen.exit;
  const alliance = chosen.value;
  if (!alliance) {
    io.err(say('工作区里没有 Alliance（医联体）文件，无法生成进展报告。', 'No Alliance document in the workspace; cannot build a report.'));
    return EXIT.usage;
  }

  // The report is handed in and compared: its problem list names files the same way on every
  // machine (workspace-relative, with /), never C:\Users\… of the clerk who wrote it.
  // Its quota tables read the verdicts the problem list words: judged once here, for both
  // (check alone judges rule by rule and drops them).
  judgeQuotas(workspace, asOf);
  const findings = collectFindings(workspace, asOf, REPORT_WITHIN_DAYS);
  const model = buildProgressReport({ ws: workspace, alliance, asOf, period, findings, withinDays: REPORT_WITHIN_DAYS, showFile: workspacePathFor(paths, io.cwd), lang: g.lang });

  g.progress?.({ step: 'write' });
  let bytes: string | Buffer;
  if (format === 'xlsx') {
    const { renderReportXlsx } = await import('../render/report-xlsx.js');
    bytes = await renderReportXlsx(model);
  } else if (format === 'docx') {
    const { renderReportDocx } = await import('../render/report-docx.js');
    bytes = await renderReportDocx(model);
  } else if (format === 'html') {
    const { renderReportHtml } = await import('../render/report-html.js');
    bytes = renderReportHtml(model);
  } else {
    const { renderReportMarkdown } = await import('../render/report-md.js');
    bytes = renderReportMarkdown(model);
  }
  if (output === '-') {
    if (!(await writeStdout(io, bytes))) return EXIT.ok;
  }
  else if (!(await writeOutputFile(output, bytes, { force: opts.force, inputs: files }, io, g))) return EXIT.usage;
  if (show.warnings) printDiagnostics(io, g, warnings);
  if (!g.quiet) {
    const c = model.counts;
    const statuses = ITEM_STATUSES.filter((s) => c.byStatus[s] > 0);
    const line = say(
      `${output === '-' ? '已输出' : `已写入 ${output}`}：${periodWord(period, 'zh')}（截至 ${asOf}），工作计划 ${c.items} 项（${statuses.map((s) => `${s} ${c.byStatus[s]}`).join('，') || '无'}），` +
        `指标未达标 ${c.quotaShortfalls} 人次，下派 ${c.people} 人${c.members ? `、覆盖 ${c.membersCovered}/${c.members} 个成员单位` : ''}，转诊 上转 ${c.referralsUp}/下转 ${c.referralsDown}，问题 ${c.issues} 条${c.warnings ? `、警告 ${c.warnings} 条` : ''}。`,
      `${output === '-' ? 'Wrote' : `Wrote ${output}`}: ${period.key} (as of ${asOf}), ${c.items} work-plan items (${statuses.map((s) => `${itemStatusWord(s, 'en')} ${c.byStatus[s]}`).join(', ') || 'none'}), ` +
        `${c.quotaShortfalls} quota shortfalls, ${c.people} people${c.members ? ` covering ${c.membersCovered}/${c.members} member units` : ''}, referrals up ${c.referralsUp}/down ${c.referralsDown}, ${c.issues} problems${c.warnings ? `, ${c.warnings} warnings` : ''}.`,
    );
    // stdout carries the document itself with -o -
    if (output === '-') io.err(line);
    else io.out(line);
  }
  return EXIT.ok;
}
