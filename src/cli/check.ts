// yilian check [paths…] [--as-of D] [--within 14d]: validate, then deadlines, recurrences,
// coverage, expiring terms and quotas as of a date.
import type { Command } from 'commander';
import { loadWorkspace } from '../io/workspace.js';
import { hasErrors, t, type Diagnostic } from '../model/diagnostic.js';
import { buildCheckReport } from '../reports/check.js';
import { checkTextPieces } from '../render/check-text.js';
import { calendarOf } from '../rules/calendar-of.js';
import { calendarGapFinding, newGaps } from '../rules/calendar-gap.js';
import { scheduleFindings, structureFindings } from '../reports/findings.js';
import { CalendarConflictError, CalendarGapError } from '../time/calendar.js';
import { addDays, daysBetween } from '../time/dates.js';
import { EXIT, emitDiagnostics, exitCodeFor, globalOptions, parseFormat, renderOptions, writeMachineFormat, type GlobalOptions, type Io } from './context.js';
import { collectRule, defaultAsOf, parseAsOfOption, parseRuleOptions, parseSizeOption, DEFAULT_MAX_FILE_SIZE } from './options.js';
import { levelsFor } from '../rules/index.js';
import { applyLevels } from '../rules/severity.js';
import { printDiagnostics, writeOutputFile, writeStdout } from './output-workspace.js';
import { deadlineEvents } from '../reports/deadline-events.js';
import { renderIcs } from '../render/ics.js';
import type { Workspace } from '../load/workspace.js';

/** `14d`, `14`, `2w`, `1m`, or `10wd` (working days on the official calendar). */
export function parseWithin(v: string): { days: number } | { workdays: number } | undefined {
  const m = /^\s*(\d+)\s*(d|天|w|周|m|月|wd|工作日)?\s*$/i.exec(v);
  if (!m) return undefined;
  const n = Number(m[1]);
  const u = (m[2] ?? 'd').toLowerCase();
  if (u === 'wd' || u === '工作日') return { workdays: n };
  return { days: u === 'w' || u === '周' ? n * 7 : u === 'm' || u === '月' ? n * 30 : n };
}

/** The command's arguments, options and action; main.ts made `command` with its name and description. */
export function register(command: Command, io: Io, setExit: (code: number) => void): void {
  command
    .argument('[paths...]', '文件或目录（默认当前目录）/ files or folders (default: .)')
    .option('--as-of <date>', '检查日期（默认今天，北京时间）/ as-of date (default: today in China)')
    .option('--within <span>', '提前提醒的天数，如 14d、2w、10wd（工作日）/ look-ahead window', '14d')
    .option('-f, --format <format>', 'text | json | github | sarif | ics（手机日历，需 -o）', 'text')
    .option('-o, --output <file>', 'ics 输出文件，- 为标准输出 / ics output file, - for stdout')
    .option('--remind <n>', 'ics 提前提醒的工作日数 / ics reminder, working days ahead', '3')
    .option('--force', '覆盖已存在的输出文件 / replace an existing output file')
    .option('--max-file-size <size>', '单个文件大小上限 / per-file size limit', DEFAULT_MAX_FILE_SIZE)
    .option('--rule <rule=level>', '调整规则或代码的级别（可重复），如 group-disjoint=warning；级别 error|warning|info|off / set a rule or code to a level (repeatable)', collectRule)
    .action(async (paths: string[], opts: CheckOpts, cmd: Command) => {
      setExit((await runCheck(paths, opts, io, globalOptions(cmd, io))).exit);
    });
}

export interface CheckOpts {
  asOf?: string;
  within: string;
  format?: string;
  maxFileSize?: string;
  rule?: string[];
  output?: string;
  remind?: string;
  force?: boolean;
}

/**
 * The whole of `yilian check`: print the findings, return the exit code and whether the plan
 * files themselves have errors (so a caller such as the dropped-folder flow knows that no
 * document may be written from them).
 */
export async function runCheck(paths: string[], opts: CheckOpts, io: Io, g: GlobalOptions): Promise<{ exit: number; planErrors: boolean }> {
  const ics = opts.format?.trim().toLowerCase() === 'ics';
  const format = ics ? 'text' : parseFormat(opts.format, io, g);
  const remind = ics ? parseRemind(opts, io, g) : 0;
  if (remind === undefined) return { exit: EXIT.usage, planErrors: true };
  const maxFileBytes = parseSizeOption(opts.maxFileSize, io, g);
  const asOf = opts.asOf === undefined ? defaultAsOf(io) : parseAsOfOption(opts.asOf, io, g, '2017-06-30');
  const within = parseWithin(opts.within);
  if (!within) io.err(g.lang === 'zh' ? `--within「${opts.within}」无效，应写作 14d、2w 或 10wd。` : `--within "${opts.within}" is not valid; write 14d, 2w or 10wd.`);
  const levels = parseRuleOptions(opts.rule, io, g);
  if (!format || maxFileBytes === undefined || !asOf || !within || !levels) return { exit: EXIT.usage, planErrors: true };

  const judged = await judgeWorkspace(paths, { maxFileBytes, asOf, within, levels, format, ics, remind, opts }, io, g);
  if ('exit' in judged) return judged;
  // The workspace, its fold and its judgements are out of reach here: only the findings are
  // rendered, so a province-scale check does not hold both at its peak.
  const { found, withinDays, files, planErrors } = judged;
  const report = buildCheckReport(found, asOf, withinDays, files.length);
  if (format !== 'text') writeMachineFormat(io, format, report.findings, renderOptions(g), { asOf, withinDays }, 'findings', { paths, cwd: io.cwd });
  // a piece at a time (whole lines each): a province's table is never one text
  else for (const piece of checkTextPieces(report, { lang: g.lang, color: g.color, quiet: g.quiet, width: io.columns })) io.out(piece);
  return { exit: exitCodeFor(found), planErrors };
}

interface Judged {
  found: Diagnostic[];
  withinDays: number;
  files: string[];
  planErrors: boolean;
}

/**
 * Read the workspace and judge it; the findings are all that leaves (the workspace and its
 * caches are garbage once this returns). A run that ends here (nothing readable, an ics file)
 * gives its exit code instead.
 */
async function judgeWorkspace(
  paths: string[],
  o: { maxFileBytes: number; asOf: string; within: NonNullable<ReturnType<typeof parseWithin>>; levels: NonNullable<ReturnType<typeof parseRuleOptions>>; format: string; ics: boolean; remind: number; opts: CheckOpts },
  io: Io,
  g: GlobalOptions,
): Promise<Judged | { exit: number; planErrors: boolean }> {
  const { maxFileBytes, asOf, within, levels, format, ics, remind, opts } = o;
  const { workspace, diagnostics, files } = await loadWorkspace(paths, { maxFileBytes, onProgress: g.progress });
  g.progress?.({ step: 'judge' });
  if (format === 'text' && exitCodeFor(diagnostics) === EXIT.usage) {
    // Nothing could be read: say so plainly, no empty report around it.
    emitDiagnostics(io, g, 'text', diagnostics, files.length);
    return { exit: EXIT.usage, planErrors: true };
  }
  const found: Diagnostic[] = [...diagnostics, ...structureFindings(workspace, levels)];
  const planErrors = hasErrors(found);
  let withinDays = 'days' in within ? within.days : 0;
  // The look-ahead in working days needs the calendar too; its gap is said once, with the
  // quotas' gap for the same year when they raise one (rules/calendar-gap.ts).
  const windowGap: Diagnostic[] = [];
  if ('workdays' in within) {
    try {
      withinDays = daysBetween(asOf, workdaysAhead(calendarOf(workspace), asOf, within.workdays));
    } catch (e) {
      if (e instanceof CalendarConflictError) withinDays = 0; // the calendar rule reports it
      else if (!(e instanceof CalendarGapError)) throw e;
      else windowGap.push(...applyLevels([calendarGapFinding(e.year, undefined, t('或改用自然日，如 --within 14d。', 'Or use calendar days, e.g. --within 14d.'))], undefined, levelsFor(workspace, levels)));
    }
  }
  if (ics) return { exit: await writeIcs(workspace, [...found, ...windowGap], { asOf, withinDays, remind, output: opts.output!, force: opts.force, files }, io, g), planErrors };
  found.push(...scheduleFindings(workspace, asOf, withinDays, levels));
  found.push(...newGaps(found, windowGap));
  return { found, withinDays, files, planErrors };
}

/** `--format ics` needs `-o` (a file, or - for stdout) and a whole number of working days to remind ahead. */
function parseRemind(opts: CheckOpts, io: Io, g: GlobalOptions): number | undefined {
  const zh = g.lang === 'zh';
  if (!opts.output) {
    io.err(zh ? 'ics 日历需要输出文件：请加 -o 医联体.ics（或 -o - 输出到屏幕）。' : 'An ics calendar needs an output file: add -o alliance.ics (or -o - for stdout).');
    return undefined;
  }
  const m = /^\s*(\d{1,2})\s*(wd|工作日)?\s*$/i.exec(opts.remind ?? '3');
  if (!m) {
    io.err(zh ? `--remind「${opts.remind}」无效，应写作 0 到 99 的工作日数，如 3。` : `--remind "${opts.remind}" is not valid; give 0 to 99 working days, e.g. 3.`);
    return undefined;
  }
  return Number(m[1]);
}

/** Write the deadline calendar; plan files with errors give no calendar (their dates may be wrong). */
async function writeIcs(
  ws: Workspace,
  found: Diagnostic[],
  o: { asOf: string; withinDays: number; remind: number; output: string; force?: boolean; files: string[] },
  io: Io,
  g: GlobalOptions,
): Promise<number> {
  if (hasErrors(found)) {
    printDiagnostics(io, g, found.filter((d) => d.severity === 'error'));
    io.err(g.lang === 'zh' ? '计划文件有错误，未生成日历：请先改正上面的错误。' : 'The plan files have errors; no calendar was written. Fix the errors above first.');
    return EXIT.findings;
  }
  let calendar;
  try {
    calendar = calendarOf(ws);
  } catch (e) {
    if (!(e instanceof CalendarConflictError)) throw e;
    io.err(e.message);
    return EXIT.findings;
  }
  g.progress?.({ step: 'write' });
  const cal = deadlineEvents(ws, { asOf: o.asOf, withinDays: o.withinDays, remindWorkdays: o.remind, calendar });
  const bytes = renderIcs(cal, g.lang);
  if (o.output === '-') {
    if (!(await writeStdout(io, bytes))) return EXIT.ok;
  } else if (!(await writeOutputFile(o.output, bytes, { force: o.force, inputs: o.files }, io, g))) return EXIT.usage;
  if (!g.quiet) {
    const n = cal.events.length;
    const r = cal.events.filter((e) => e.remind).length;
    const where = o.output === '-' ? (g.lang === 'zh' ? '已输出' : 'Wrote') : g.lang === 'zh' ? `已写入 ${o.output}` : `Wrote ${o.output}`;
    io.err(g.lang === 'zh' ? `${where}：${n} 个日程，其中 ${r} 个提前 ${o.remind} 个工作日上午9点提醒（截至 ${o.asOf}）。` : `${where}: ${n} events, ${r} with a reminder ${o.remind} working days ahead at 09:00 (as of ${o.asOf}).`);
  }
  return EXIT.ok;
}

/** The date `n` working days after `from` (n = 0: `from`). */
function workdaysAhead(cal: { isWorkday(d: string): boolean }, from: string, n: number): string {
  let d = from;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (cal.isWorkday(d)) left--;
  }
  return d;
}
