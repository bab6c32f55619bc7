// yilian subsidy [paths…] --month 2021-06 -o F.xlsx: the 劳务费/补贴发放表 workbook, one sheet per
// payer with totals, 大写金额 and a signature column, plus a 明细 sheet of every activity.
import type { Command } from 'commander';
import { t, type Diagnostic } from '../model/diagnostic.js';
import type { ActivityEntry } from '../model/kinds.js';
import { fenToYuanText } from '../money/fen.js';
import { computeSubsidy } from '../money/subsidy.js';
import { subsidyWindow } from '../money/subsidy-charges.js';
import { dayNumber, monthLabelZh, normalizeMonth } from '../time/dates.js';
import { chooseAlliance, loadValidWorkspace, printDiagnostics, writeOutputFile, writeStdout } from './output-workspace.js';
import { EXIT, globalOptions, sayFor, type Io } from './context.js';
import { parseSizeOption, DEFAULT_MAX_FILE_SIZE } from './options.js';

interface SubsidyOpts {
  month?: string;
  output?: string;
  alliance?: string;
  force?: boolean;
  format?: string;
  maxFileSize?: string;
}

export const defaultSubsidyOutput = (month: string) => `劳务费发放表-${month}.xlsx`;

/** The command's arguments, options and action; main.ts made `command` with its name and description. */
export function register(command: Command, io: Io, setExit: (code: number) => void): void {
  command
    .argument('[paths...]', '文件或目录（默认当前目录）/ files or folders (default: .)')
    .option('--month <month>', '月份，如 2021-06 或 2021年6月（必填）/ the month, e.g. 2021-06 (required)')
    .option('-o, --output <file>', '输出文件，- 为标准输出（默认 劳务费发放表-YYYY-MM.xlsx）/ output file, - for stdout')
    .option('--alliance <ref>', '工作区有多个医联体时指定一个 / which alliance, when there are several')
    .option('--format <format>', 'xlsx（默认）或 json / xlsx (default) or json', 'xlsx')
    .option('--force', '覆盖已存在的输出文件 / replace an existing output file')
    .option('--max-file-size <size>', '单个文件大小上限 / per-file size limit', DEFAULT_MAX_FILE_SIZE)
    .action(async (paths: string[], opts: SubsidyOpts, cmd: Command) => {
      const g = globalOptions(cmd, io);
      const say = sayFor(g);
      const maxFileBytes = parseSizeOption(opts.maxFileSize, io, g);
      if (maxFileBytes === undefined) return setExit(EXIT.usage);
      if (opts.month === undefined) {
        io.err(say('请用 --month 指定月份，如 --month 2021-06。', 'Give the month with --month, e.g. --month 2021-06.'));
        return setExit(EXIT.usage);
      }
      const month = normalizeMonth(opts.month);
      if (!month) {
        io.err(say(`--month 的月份「${opts.month}」无效，应写作 2021-06 或 2021年6月。`, `--month "${opts.month}" is not a month; write 2021-06.`));
        return setExit(EXIT.usage);
      }
      const format = (opts.format ?? 'xlsx').toLowerCase();
      if (format !== 'xlsx' && format !== 'json') {
        io.err(say(`不支持的输出格式「${opts.format}」，可选：xlsx、json。`, `Unknown format "${opts.format}"; use xlsx or json.`));
        return setExit(EXIT.usage);
      }
      // json goes to stdout unless a file is named; the workbook to its default name
      const output = opts.output ?? (format === 'json' ? '-' : defaultSubsidyOutput(month));

      const loaded = await loadValidWorkspace(paths, maxFileBytes, io, g, t('发放表', 'payment sheet'));
      if (!loaded.ok) return setExit(loaded.exit);
      const { workspace, files, warnings: found } = loaded.value;

      // which alliance: --alliance, else the one the policies and logs belong to
      const policiesAll = workspace.data('SubsidyPolicy');
      const logsAll = workspace.data('ActivityLog');
      const chosen = chooseAlliance(workspace, opts.alliance, [...policiesAll.map((p) => p.alliance), ...logsAll.map((l) => l.alliance)], io, g, t('补贴标准或工作记录', 'Policies or logs'));
      if (!chosen.ok) return setExit(chosen.exit);
      const entry = chosen.value;
      const belongs = (ref: string | undefined) => ref === undefined || !entry || workspace.allianceFor(ref) === entry;
      const policies = policiesAll.filter((p) => belongs(p.alliance));
      if (!policies.length) {
        io.err(
          say(
            `工作区里没有${entry ? `医联体「${entry.data.name}」的` : ''} SubsidyPolicy（劳务费与补贴标准）文件，无法生成发放表。`,
            `No SubsidyPolicy document${entry ? ` for "${entry.data.name}"` : ''} in the workspace; cannot build a payment sheet.`,
          ),
        );
        return setExit(EXIT.usage);
      }
      const logs = logsAll.filter((l) => belongs(l.alliance));
      const people = workspace.peopleFor(entry?.data.id);
      // A log that names no alliance (a CSV sheet) may hold several alliances' people: take the
      // entries of this alliance's people only.
      const mixed = workspace.alliances.length > 1;
      // Only the entries of the sheet's window become objects (read from the log's date column).
      const [from, to] = subsidyWindow(month, policies).map(dayNumber) as [number, number];
      function* entries(): Generator<ActivityEntry> {
        for (const l of logs) {
          const s = l.entries;
          for (let i = 0; i < s.length; i++) {
            const day = s.day(i);
            if (day < from || day > to) continue;
            const e = s.at(i);
            if (l.alliance || !mixed || people.get(e.person)) yield e;
          }
        }
      }
      const units = entry?.units ?? workspace.allUnits;
      const model = computeSubsidy({
        month,
        policies,
        entries: entries(),
        resolvePerson: (ref) => people.get(ref) ?? (mixed ? undefined : workspace.people.get(ref)),
        resolveUnit: (ref) => units.get(ref) ?? workspace.allUnits.get(ref),
        alliance: entry?.data,
      });

      g.progress?.({ step: 'write' });
      let bytes: string | Buffer;
      if (format === 'json') {
        const { renderSubsidyJson } = await import('../render/json-subsidy.js');
        bytes = renderSubsidyJson(model, g.lang) + '\n';
      } else {
        const { renderSubsidyXlsx } = await import('../render/xlsx-subsidy.js');
        bytes = await renderSubsidyXlsx(model);
      }
      if (output === '-') {
        if (!(await writeStdout(io, bytes))) return setExit(EXIT.ok);
      }
      else if (!(await writeOutputFile(output, bytes, { force: opts.force, inputs: files }, io, g))) return setExit(EXIT.usage);
      printDiagnostics(io, g, [...found, ...model.diagnostics]);
      if (!g.quiet && output !== '-') {
        const total = fenToYuanText(model.grandTotalFen, { grouping: true });
        const uncounted = model.details.filter((d) => !d.counted).length;
        io.out(
          say(
            `已写入 ${output}：${monthLabelZh(month)}，${model.payers.length} 个付款单位，${model.people} 人，合计 ¥${total}（${model.grandDaxie}）` +
              (uncounted ? `；${uncounted} 条记录未计费，见明细表。` : '。'),
            `Wrote ${output}: ${month}, ${model.payers.length} payers, ${model.people} people, total ¥${total} (${model.grandDaxie})` +
              (uncounted ? `; ${uncounted} entries earn nothing, see the 明细 sheet.` : '.'),
          ),
        );
      }
      setExit(EXIT.ok);
    });
}
