// yilian import roster F.xlsx · yilian import activity F.{xlsx,csv}: turn the sheets offices
// already keep into commented plan files. Problems (with sheet and row) go to stderr; the YAML
// goes to -o (never over an existing file without --force, never over the input) or stdout.
import type { Command } from 'commander';
import { getHeapStatistics } from 'node:v8';
import { GridReadError, readGridFile, type Grid } from '../io/xlsx-read.js';
import { IO_CODES } from '../codes/io.js';
import { isEmptyRow } from '../import/common.js';
import { loadWorkspace } from '../io/workspace.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../model/diagnostic.js';
import type { Unit } from '../model/kinds.js';
import { renderText } from '../render/diagnostics.js';
import { normalizeDate, normalizeMonth } from '../time/dates.js';
import { EXIT, globalOptions, renderOptions, sayFor, type GlobalOptions, type Io } from './context.js';
import { printDiagnostics, writeOutputFile, writeStdout } from './output-workspace.js';

interface CommonOpts {
  output?: string;
  workspace?: string;
  alliance?: string;
  force?: boolean;
}

interface Context {
  resolveUnit?: (ref: string) => Unit | undefined;
  allianceId?: string;
  cycle?: { start: string; end: string };
  inputs: string[];
}

/** The command's arguments, options and action; main.ts made the command with its name and description. */
export function register(imp: Command, io: Io, setExit: (code: number) => void): void {

  const common = (c: Command) =>
    c
      .option('-o, --output <file>', '输出的 YAML 文件（默认标准输出）/ output YAML file (default: stdout)')
      .option('-w, --workspace <dir>', '医联体计划文件目录，用来把简称换成单位全称 / plan files, to resolve short unit names')
      .option('--alliance <ref>', '工作区有多个医联体时指定一个 / which alliance, when there are several')
      .option('--force', '覆盖已存在的输出文件 / replace an existing output file');

  common(
    imp
      .command('roster')
      .description('导入下派人员名单 / import a dispatched-staff list')
      .argument('<file>', '.xlsx 或 .csv')
      .option('--start <date>', '表中没有下派时间时用的开始日期 / start date for rows without one')
      .option('--end <date>', '表中没有下派时间时用的结束日期 / end date for rows without one'),
  ).action(async (file: string, opts: CommonOpts & { start?: string; end?: string }, cmd: Command) => {
    const g = globalOptions(cmd, io);
    const say = sayFor(g);
    const start = opts.start === undefined ? undefined : normalizeDate(opts.start);
    const end = opts.end === undefined ? undefined : normalizeDate(opts.end);
    if ((opts.start !== undefined && !start) || (opts.end !== undefined && !end)) {
      io.err(say('--start/--end 应写作 2021-05-01。', '--start/--end must be dates such as 2021-05-01.'));
      return setExit(EXIT.usage);
    }
    if (end && !start) {
      io.err(say('只给了 --end，请同时给 --start。', '--end needs --start.'));
      return setExit(EXIT.usage);
    }
    const ctx = await context(opts, file, io, g);
    if (!ctx) return setExit(EXIT.usage);
    const grid = await readOrReport(file, io, g);
    if (!grid) return setExit(EXIT.usage);
    const { importRoster } = await import('../import/roster.js');
    const period = start ? { start, ...(end ? { end } : {}) } : ctx.cycle;
    const res = importRoster(grid, { file, resolveUnit: ctx.resolveUnit, alliance: ctx.allianceId, period });
    await finish(file, io, g, setExit, opts, ctx, res.yaml, res.problems, say(
      `${res.stats.people} 人，${res.stats.assignments} 条下派安排`,
      `${res.stats.people} people, ${res.stats.assignments} postings`,
    ), res.stats.people);
  });

  common(
    imp
      .command('activity')
      .description('导入下沉工作记录（签到表）/ import an activity log (sign-in sheet)')
      .argument('<file>', '.xlsx 或 .csv')
      .option('--month <month>', '记录所属月份，如 2021-06 / the month of the log'),
  ).action(async (file: string, opts: CommonOpts & { month?: string }, cmd: Command) => {
    const g = globalOptions(cmd, io);
    const say = sayFor(g);
    const month = opts.month === undefined ? undefined : normalizeMonth(opts.month);
    if (opts.month !== undefined && !month) {
      io.err(say(`--month「${opts.month}」应写作 2021-06。`, `--month "${opts.month}" must look like 2021-06.`));
      return setExit(EXIT.usage);
    }
    const ctx = await context(opts, file, io, g);
    if (!ctx) return setExit(EXIT.usage);
    const grid = await readOrReport(file, io, g);
    if (!grid) return setExit(EXIT.usage);
    const { importActivity } = await import('../import/activity.js');
    const res = importActivity(grid, { file, resolveUnit: ctx.resolveUnit, month });
    await finish(file, io, g, setExit, opts, ctx, res.yaml, res.problems, say(`${res.stats.entries} 条记录`, `${res.stats.entries} entries`), res.stats.entries);
  });
}

async function context(opts: CommonOpts, file: string, io: Io, g: GlobalOptions): Promise<Context | undefined> {
  const say = sayFor(g);
  if (!opts.workspace) return { inputs: [file] };
  const { workspace, diagnostics, files } = await loadWorkspace([opts.workspace]);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) {
    io.err(renderText(sortDiagnostics(errors), renderOptions(g)));
    io.err(say(`工作区 ${opts.workspace} 读不了，先用 yilian validate 修正。`, `The workspace ${opts.workspace} cannot be read; fix it with yilian validate first.`));
    return undefined;
  }
  const entry = workspace.allianceFor(opts.alliance);
  if (!entry) {
    const ids = workspace.alliances.map((a) => a.data.id).join(', ');
    io.err(
      opts.alliance
        ? say(`找不到医联体「${opts.alliance}」。工作区里有：${ids || '（无）'}`, `No alliance "${opts.alliance}". The workspace has: ${ids || '(none)'}`)
        : workspace.alliances.length
          ? say(`工作区里有多个医联体，请用 --alliance 指定：${ids}`, `Several alliances; choose one with --alliance: ${ids}`)
          : say(`工作区 ${opts.workspace} 里没有 Alliance 文件。`, `No Alliance document in ${opts.workspace}.`),
    );
    return undefined;
  }
  return { resolveUnit: (ref) => entry.units.get(ref), allianceId: entry.data.id, cycle: entry.data.cycle, inputs: [file, ...files] };
}

async function readOrReport(file: string, io: Io, g: GlobalOptions) {
  try {
    const grid = await readGridFile(file);
    const tooMany = tooManyRows(grid, file);
    if (!tooMany) return grid;
    io.err(tooMany.message[g.lang]);
    return undefined;
  } catch (e) {
    if (e instanceof GridReadError) {
      io.err(e.text[g.lang]);
      return undefined;
    }
    throw e;
  }
}

async function finish(
  file: string,
  io: Io,
  g: GlobalOptions,
  setExit: (code: number) => void,
  opts: CommonOpts,
  ctx: Context,
  yaml: string,
  problems: Diagnostic[],
  counts: string,
  imported: number,
): Promise<void> {
  const say = sayFor(g);
  const toStdout = !opts.output || opts.output === '-';
  if (imported === 0) {
    // Nothing could be read: an empty plan file would only hide the problem.
    const s = renderText(sortDiagnostics(problems), renderOptions(g));
    if (s) io.err(s);
    io.err(
      hasErrors(problems)
        ? say('没有读到任何记录，未写入文件。', 'Nothing could be read; no file written.')
        : say(`「${file}」里没有可导入的记录（表格是空的，或只有表头），未写入文件。`, `${file} holds no records to import (it is empty, or has only a header); no file written.`),
    );
    return setExit(EXIT.findings);
  }
  if (toStdout) {
    if (!(await writeStdout(io, yaml.replace(/\n$/, '') + '\n'))) return setExit(hasErrors(problems) ? EXIT.findings : EXIT.ok);
  } else if (!(await writeOutputFile(opts.output!, yaml, { force: opts.force, inputs: ctx.inputs }, io, g))) return setExit(EXIT.usage);
  printDiagnostics(io, g, problems);
  if (!g.quiet) {
    const n = (sev: string) => problems.filter((p) => p.severity === sev).length;
    io.err(
      say(
        `${toStdout ? '已导入' : `已写入 ${opts.output}`}：${counts}；${n('error')} 个错误，${n('warning')} 个警告。`,
        `${toStdout ? 'Imported' : `Wrote ${opts.output}`}: ${counts}; ${n('error')} errors, ${n('warning')} warnings.`,
      ),
    );
  }
  setExit(hasErrors(problems) ? EXIT.findings : EXIT.ok);
}

/** Heap an import takes per row of the sheet at its peak (2.5 million rows of a sign-in sheet: 2.7 GB). */
const HEAP_PER_ROW = 1100;

/**
 * A sheet with more rows than this machine's heap can import at once, as one sentence: the
 * import holds the sheet, the entries and the text it writes, and V8 would end the run with a
 * stack trace. Split by month, the parts import (and the logs they make stay within check's
 * file-size limit).
 */
export function tooManyRows(grid: Grid, file: string, heapLimit = getHeapStatistics().heap_size_limit): Diagnostic | undefined {
  // rows with something in them: a stray cell in XFD1048576 makes a million empty ones, costing nothing
  let rows = 0;
  for (const s of grid.sheets) for (const r of s.rows) if (!isEmptyRow(r)) rows++;
  const max = Math.floor((0.8 * heapLimit) / HEAP_PER_ROW);
  return rows > max ? IO_CODES.raise('io/too-large', 'rows', { file, rows, max }, { file }) : undefined;
}
