// The flows for clerks who never type a command: a folder dropped onto the program (Windows
// passes it as the only argument) is checked as of today and gets a progress report written
// into it; started with no argument at all (a double-click), the program says what to do. In a
// console window that closes when the program ends, both wait for a key — but only when stdin
// is a console, so scripts and CI (stdin closed or redirected) never hang.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { VERSION, sayFor, type GlobalOptions, type Io } from './io.js';

/** The folder when `args` (argv without node and the script) is one existing folder, not a command. */
export async function droppedFolder(args: string[], commands: string[]): Promise<string | undefined> {
  if (args.length !== 1) return undefined;
  const [arg] = args as [string];
  if (arg.startsWith('-') || commands.includes(arg)) return undefined;
  const st = await fs.stat(arg).catch(() => undefined);
  return st?.isDirectory() ? arg : undefined;
}

/** `进展报告-<date>.html` in `dir`, or `-2`, `-3` … after it when earlier ones exist. */
export async function freeReportName(dir: string, date: string): Promise<string> {
  for (let n = 1; ; n++) {
    const name = path.join(dir, `进展报告-${date}${n === 1 ? '' : `-${n}`}.html`);
    if (!(await fs.lstat(name).catch(() => undefined))) return name;
  }
}

/** check as of today, then the report for its default period, into the folder itself. */
export async function runDroppedFolder(dir: string, io: Io, g: GlobalOptions): Promise<number> {
  const say = sayFor(g);
  // Loaded here, not at start-up: main.ts imports this module for every command line.
  const [{ runCheck }, { runReport }, { defaultAsOf }] = await Promise.all([import('./check.js'), import('./report.js'), import('./options.js')]);
  const today = defaultAsOf(io);
  io.out(say(`yilian 医联 ${VERSION}：检查「${dir}」（截至 ${today}）`, `yilian ${VERSION}: checking ${dir} (as of ${today})`));
  io.out('');
  const checked = await runCheck([dir], { asOf: today, within: '14d', format: 'text' }, io, g);
  io.out('');
  let exit = checked.exit;
  if (checked.planErrors) {
    io.out(say('计划文件有错误（见上），未生成进展报告。请按提示修改后，再把文件夹拖到 yilian 上。', 'The plan files have errors (see above); no report written. Fix them and drop the folder again.'));
  } else {
    const output = await freeReportName(dir, today);
    const wrote = await runReport([dir], { asOf: today, output, format: 'html' }, io, g, { warnings: false });
    exit = Math.max(exit, wrote);
  }
  await pause(io, g);
  return exit;
}

/** No argument at all: what to do, in the user's language (Chinese first). */
export async function runWelcome(io: Io, g: GlobalOptions): Promise<number> {
  const say = sayFor(g);
  io.out(
    say(
      [
        `yilian 医联 ${VERSION} — 医联体计划文件的检查、名单、发放表和进展报告（需要 Windows 10 或更高版本）`,
        '',
        '用法：把放计划文件（.yaml）的文件夹拖到 yilian.exe 的图标上，松开鼠标。',
        'yilian 会按今天的日期检查计划文件，列出逾期、即将到期和未达标的事项，',
        '并在这个文件夹里写一份进展报告（进展报告-日期.html，用浏览器或 WPS 打开，可直接打印）；',
        '以前的报告不会被覆盖。计划文件有错误时只列出错误，不写报告。',
        '',
        '也可以在命令提示符（cmd）或 PowerShell 里运行，例如：',
        '  yilian check 文件夹 --as-of 2021-07-01',
        '  yilian roster 文件夹 -o 名单.xlsx',
        '  yilian --help        （全部命令）',
      ].join('\n'),
      [
        `yilian ${VERSION} — checks, rosters, payment sheets and progress reports for medical-alliance plan files (Windows 10 or later)`,
        '',
        'Usage: drag the folder with the plan files (.yaml) onto the yilian.exe icon and let go.',
        'yilian checks the plan files as of today, lists what is late, due soon or short, and writes',
        'a progress report (进展报告-<date>.html) into that folder; earlier reports are kept.',
        'When the plan files have errors it lists them and writes no report.',
        '',
        'From cmd or PowerShell: yilian check <folder> --as-of 2021-07-01 · yilian --help',
      ].join('\n'),
    ),
  );
  await pause(io, g);
  return 0;
}

/** Keep the console window open until a key is pressed — only when stdin is a console. */
async function pause(io: Io, g: GlobalOptions): Promise<void> {
  if (!io.waitForKey) return;
  io.out('');
  io.out(sayFor(g)('按任意键关闭窗口……', 'Press any key to close this window…'));
  await io.waitForKey();
}
