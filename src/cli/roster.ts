// yilian roster [paths…] -o F.xlsx [--as-of D | --all]: the 下派人员名单 workbook, one sheet per
// lead unit plus a 汇总 sheet of receiving units and coverage gaps.
import type { Command } from 'commander';
import { t, type Diagnostic } from '../model/diagnostic.js';
import { ROSTER_CODES } from '../codes/outputs.js';
import type { Roster } from '../model/kinds.js';
import { buildRosterReport } from '../reports/roster.js';
import { chooseAlliance, loadValidWorkspace, printDiagnostics, writeOutputFile, writeStdout } from './output-workspace.js';
import { EXIT, globalOptions, sayFor, type Io } from './context.js';
import { parseAsOfOption, parseSizeOption, DEFAULT_MAX_FILE_SIZE } from './options.js';

interface RosterOpts {
  output: string;
  asOf?: string;
  all?: boolean;
  alliance?: string;
  force?: boolean;
  maxFileSize?: string;
}

/** The command's arguments, options and action; main.ts made `command` with its name and description. */
export function register(command: Command, io: Io, setExit: (code: number) => void): void {
  command
    .argument('[paths...]', '文件或目录（默认当前目录）/ files or folders (default: .)')
    .option('-o, --output <file>', '输出文件，- 为标准输出 / output file, - for stdout', '下派人员名单.xlsx')
    .option('--as-of <date>', '只列这一天在岗的下派安排 / only assignments active on this date')
    .option('--all', '列出全部下派安排（含历史），默认即如此 / every assignment, history included (default)')
    .option('--alliance <ref>', '工作区有多个医联体时指定一个 / which alliance, when there are several')
    .option('--force', '覆盖已存在的输出文件 / replace an existing output file')
    .option('--max-file-size <size>', '单个文件大小上限 / per-file size limit', DEFAULT_MAX_FILE_SIZE)
    .action(async (paths: string[], opts: RosterOpts, cmd: Command) => {
      const g = globalOptions(cmd, io);
      const say = sayFor(g);
      const maxFileBytes = parseSizeOption(opts.maxFileSize, io, g);
      const asOf = parseAsOfOption(opts.asOf, io, g);
      if (maxFileBytes === undefined || asOf === null) return setExit(EXIT.usage);

      const loaded = await loadValidWorkspace(paths, maxFileBytes, io, g, t('名单', 'roster'));
      if (!loaded.ok) return setExit(loaded.exit);
      const { workspace, files, warnings: found } = loaded.value;

      // which alliance: --alliance, else the one the rosters belong to
      const rosters = workspace.data('Roster');
      const chosen = chooseAlliance(workspace, opts.alliance, rosters.map((r) => r.alliance), io, g, t('名单', 'Rosters'));
      if (!chosen.ok) return setExit(chosen.exit);
      const entry = chosen.value;
      if (!entry) {
        io.err(say('工作区里没有 Alliance（医联体）文件，无法生成名单。', 'No Alliance document in the workspace; cannot build a roster.'));
        return setExit(EXIT.usage);
      }
      const mine = rosters.filter((r) => workspace.allianceFor(r.alliance) === entry);
      if (!mine.length)
        found.push(ROSTER_CODES.raise('roster/no-roster', { alliance: entry.data.name }));
      const roster: Roster = {
        ...(mine[0] ?? { kind: 'Roster' as const, people: [], assignments: [] }),
        people: mine.flatMap((r) => r.people),
        assignments: mine.flatMap((r) => r.assignments),
      };
      const units = entry.units;
      const model = buildRosterReport({ alliance: entry.data, roster, resolveUnit: (ref) => units.get(ref), asOf, all: opts.all });

      g.progress?.({ step: 'write' });
      const { renderRosterXlsx } = await import('../render/xlsx-roster.js');
      const xlsx = await renderRosterXlsx(model);
      if (opts.output === '-') {
        if (!(await writeStdout(io, xlsx))) return setExit(EXIT.ok);
      }
      else if (!(await writeOutputFile(opts.output, xlsx, { force: opts.force, inputs: files }, io, g))) return setExit(EXIT.usage);
      const warnings = [...found, ...model.diagnostics];
      printDiagnostics(io, g, warnings);
      if (!g.quiet && opts.output !== '-') {
        const people = model.summary.people;
        const gaps = model.summary.uncovered.map((u) => u.name);
        io.out(
          say(
            `已写入 ${opts.output}：${model.sections.length} 个牵头单位，${people} 人，${model.summary.assignments} 条下派安排${asOf && !opts.all ? `（${asOf} 在岗）` : ''}；` +
              (gaps.length ? `未覆盖的成员单位 ${gaps.length} 个：${gaps.join('、')}。` : '成员单位全部覆盖。'),
            `Wrote ${opts.output}: ${model.sections.length} lead units, ${people} people, ${model.summary.assignments} postings${asOf && !opts.all ? ` (active on ${asOf})` : ''}; ` +
              (gaps.length ? `${gaps.length} member units receive nobody: ${gaps.join(', ')}.` : 'every member unit is covered.'),
          ),
        );
      }
      setExit(EXIT.ok);
    });
}
