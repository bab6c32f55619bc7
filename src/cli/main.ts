// Entry point: commander wiring. The only module family that touches argv, stdout/stderr and
// exit codes; everything below it returns values.
import { Command, CommanderError } from 'commander';
import { EXIT, globalOptions, langOf, progressOn, VERSION, type GlobalOptions, type Io } from './io.js';
import { droppedFolder, runDroppedFolder, runWelcome } from './drop.js';
import { processIo } from './process-io.js';

type Register = (command: Command, io: Io, setExit: (code: number) => void) => void;

/**
 * Every command: its name and line in `yilian --help`, and the module that gives it arguments,
 * options and an action. A module is imported only when the command line names its command, so
 * `yilian --help` loads none of them and `yilian validate` never loads exceljs or the renderers
 * (start-up time, BENCH.md).
 */
const COMMANDS: { name: string; description: string; load: () => Promise<{ register: Register }> }[] = [
  { name: 'validate', description: '检查计划文件：格式、引用、小组构成 / check plan files: schema, references, structure', load: () => import('./validate.js') },
  { name: 'check', description: '按日期检查：逾期、即将到期、漏期、覆盖、任期 / deadlines, recurrences, coverage as of a date', load: () => import('./check.js') },
  { name: 'roster', description: '生成下派人员名单 xlsx（每个牵头单位一张表，另有汇总表）/ write the dispatched-staff roster workbook', load: () => import('./roster.js') },
  { name: 'subsidy', description: '生成劳务费/补贴发放表 xlsx（每个付款单位一张表，另有明细表）/ write the monthly fee and allowance payment workbook', load: () => import('./subsidy.js') },
  { name: 'report', description: '生成进展报告（工作计划、考核指标、下沉覆盖、双向转诊、问题清单）xlsx / docx / html / md / write the progress report', load: () => import('./report.js') },
  { name: 'import', description: '把现有的 Excel/CSV 表格转成计划文件 / turn existing spreadsheets into plan files', load: () => import('./import.js') },
  { name: 'schema', description: '生成各类计划文件的 JSON Schema（供编辑器自动补全）/ write JSON Schemas for editors', load: () => import('./schema.js') },
  { name: 'init', description: '新建一个带注释的示例工作区 / write a commented starter workspace', load: () => import('./init.js') },
  { name: 'explain', description: '解释检查代码或规则：含义、改法、默认级别 / explain a finding code or rule', load: () => import('./explain.js') },
];

/** commander's usage errors, in Chinese for the clerks who read Chinese first. */
export function localizeCommanderError(msg: string): string {
  const rules: [RegExp, string][] = [
    [/^error: unknown option '([^']+)'/, '错误：未知选项「$1」。'],
    [/^error: unknown command '([^']+)'/, '错误：未知命令「$1」。'],
    [/^error: option '([^']+)' argument missing/, '错误：选项「$1」缺少取值。'],
    [/^error: missing required argument '([^']+)'/, '错误：缺少参数「$1」。'],
    [/^error: too many arguments(?: for '([^']+)')?.*/, '错误：参数过多。'],
    [/\(Did you mean (.+)\?\)/, '（是否为 $1？）'],
    [/Expected (\d+) arguments? but got (\d+)\./, '（应有 $1 个，实际 $2 个）'],
  ];
  return rules.reduce((m, [re, zh]) => m.replace(re, zh), msg);
}

/** The language before options are parsed (usage errors happen before). */
function earlyLang(argv: string[], env: NodeJS.ProcessEnv): 'zh' | 'en' {
  const i = argv.indexOf('--lang');
  return langOf(i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7), env);
}

/**
 * The program with every command listed: the commands `argv` names (as the command, or after
 * `help`) complete, the others only a name and a line for the command list.
 */
export async function buildProgram(io: Io, setExit: (code: number) => void, argv: string[]): Promise<Command> {
  const zh = earlyLang(argv, io.env) === 'zh';
  const program = new Command();
  program
    .name('yilian')
    .description('医联 — 医联体/医共体计划文件的校验、期限与指标检查、名单与发放表\nplan files, deadlines, quotas, rosters and payment sheets for medical alliances')
    .version(VERSION, '-V, --version')
    .option('--lang <lang>', '消息语言 zh | en（默认 zh，或 YILIAN_LANG）/ message language')
    .option('--no-color', '不使用颜色 / no colors')
    .option('-q, --quiet', '只显示错误 / errors only')
    .option('--no-progress', '运行较久时也不在终端显示进度 / no progress line on the terminal')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s.replace(/\n$/, '')),
      writeErr: (s) => io.err(s.replace(/\n$/, '')),
      outputError: (s, write) => write(zh ? localizeCommanderError(s) : s),
    });
  const named = new Set(argv.slice(2));
  for (const c of COMMANDS) {
    const command = program.command(c.name).description(c.description);
    if (named.has(c.name)) (await c.load()).register(command, io, setExit);
  }
  for (const c of program.commands) c.exitOverride();
  // chalk only for a run that colours (render/paint.ts): a piped run never loads it.
  program.hook('preAction', async (_program, action) => {
    if (globalOptions(action, io).color) await (await import('../render/paint.js')).loadColors();
  });
  return program;
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  return afterStreams(io, argv, await run(argv, io));
}

/**
 * The exit code once stdout and stderr have taken the output. A reader that left (EPIPE, as
 * `| head` does) wanted no more: quietly the run's own code. Any other failed write (a full
 * disk) means the output is lost: one sentence on stderr, if it still works, and exit 2.
 */
async function afterStreams(io: Io, argv: string[], code: number): Promise<number> {
  io.status?.(undefined);
  const failed = await io.settle();
  const lost = failed.stdout && failed.stdout !== 'EPIPE' ? failed.stdout : undefined;
  if (lost) {
    const zh = earlyLang(argv, io.env) === 'zh';
    const full = lost === 'ENOSPC';
    if (!failed.stderr)
      io.err(
        zh
          ? `无法写入标准输出（${full ? '磁盘已满，' : ''}${lost}），输出不完整。请检查输出重定向到的文件或磁盘后重试。`
          : `Cannot write to standard output (${full ? 'the disk is full, ' : ''}${lost}); the output is incomplete. Check the file or disk it goes to and run again.`,
      );
    return EXIT.usage;
  }
  if (failed.stderr && failed.stderr !== 'EPIPE') return EXIT.usage;
  return code;
}

async function run(argv: string[], io: Io): Promise<number> {
  try {
    const special = await clerkFlow(argv, io);
    if (special !== undefined) return special;
  } catch (e) {
    return internalError(e, io, argv);
  }
  let code: number = EXIT.ok;
  try {
    const program = await buildProgram(
      io,
      (c) => {
        code = c;
      },
      argv,
    );
    await program.parseAsync(argv);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    return internalError(e, io, argv);
  }
}

function internalError(e: unknown, io: Io, argv: string[]): number {
  // Options may not have been parsed when this happens: read --lang from argv as usage errors do.
  const zh = earlyLang(argv, io.env) === 'zh';
  io.err(
    zh
      ? `yilian 内部错误：${(e as Error)?.message ?? e}。请把命令和文件发给维护者；设置 YILIAN_DEBUG=1 可看详细信息。`
      : `yilian internal error: ${(e as Error)?.message ?? e}. Set YILIAN_DEBUG=1 for details.`,
  );
  if (io.env.YILIAN_DEBUG) io.err(String((e as Error)?.stack ?? e));
  return EXIT.usage;
}

/**
 * A double-click (no argument) or a folder dropped onto the program (the folder as the only
 * argument): the flows of drop.ts. Undefined for an ordinary command line.
 */
async function clerkFlow(argv: string[], io: Io): Promise<number | undefined> {
  const args = argv.slice(2);
  const lang = earlyLang(argv, io.env);
  const progress = progressOn(io, lang);
  const g: GlobalOptions = {
    lang,
    color: !io.env.NO_COLOR && io.isTTY && io.env.TERM !== 'dumb',
    quiet: false,
    ...(progress ? { progress } : {}),
  };
  const dir = args.length === 0 ? undefined : await droppedFolder(args, [...COMMANDS.map((c) => c.name), 'help']);
  if (args.length && dir === undefined) return undefined;
  if (g.color) await (await import('../render/paint.js')).loadColors();
  return dir === undefined ? runWelcome(io, g) : runDroppedFolder(dir, io, g);
}
